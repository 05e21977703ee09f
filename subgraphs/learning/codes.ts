/**
 * Natural keys of the learning subgraph that files from outside name. Courses and competencies carry
 * their own codes; an offering (one class of a course) is named by its course, region, year and its
 * number among them: `MNJ-01-12.71-2025-02`. Migration 0002 backfills existing offerings with the same rule.
 */
export function offeringCode(courseCode: string, regionCode: string, year: number, sequence: number): string {
  return `${courseCode}-${regionCode}-${year}-${String(sequence).padStart(2, '0')}`;
}
