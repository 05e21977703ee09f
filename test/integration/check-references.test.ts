import { describe, expect, it } from 'vitest';
import { checkReferences } from '../../importer/check-references.js';
import type { SubgraphName } from '../../subgraphs/names.js';
import { useImportPlatform } from '../support/import-platform.js';

const api = useImportPlatform();

const urls = (): Record<SubgraphName, string> => {
  const s = api.platform.subgraphs;
  return {
    personnel: s.personnel.url,
    learning: s.learning.url,
    budgeting: s.budgeting.url,
    evaluation: s.evaluation.url,
  };
};

describe('npm run check:references', () => {
  it('finds nothing dangling in the demo data, and names the orphans a hand-made insert left', async () => {
    const clean = await checkReferences(api.databaseUrl, urls());
    expect(clean.dangling).toEqual([]);
    expect(clean.checked).toBeGreaterThan(100);

    // The orphan of the issue: an enrolment of an employee personnel does not have.
    const [offering] = await api.sql<{ id: number }>('select id from learning.course_offering order by id limit 1');
    await api.sql(
      `insert into learning.enrolment (offering_id, employee_id, year, agency_id, unit_id, region_code, status, jp_earned)
       values ($1, 999999, 2025, 1, null, '12.75', 'COMPLETED', 10)`,
      [offering?.id],
    );
    await api.sql(
      `insert into evaluation.ikm_survey (unit_id, region_code, year, conducted_on, population_served, respondents)
       values (888888, '12.75', 2020, '2020-10-01', 100, 5), (888889, '12.75', 2020, '2020-10-01', 100, 5)`,
    );
    try {
      const found = await checkReferences(api.databaseUrl, urls());
      expect(
        found.dangling.map((d) => ({
          at: `${d.table}.${d.column}`,
          n: d.unknownValues,
          rows: d.rows,
          values: d.values,
        })),
      ).toEqual([
        { at: 'learning.enrolment.employee_id', n: 1, rows: 1, values: ['999999'] },
        { at: 'evaluation.ikm_survey.unit_id', n: 2, rows: 2, values: expect.arrayContaining(['888888', '888889']) },
      ]);
    } finally {
      await api.sql('delete from learning.enrolment where employee_id = 999999');
      await api.sql('delete from evaluation.ikm_survey where unit_id in (888888, 888889)');
    }
  });
});
