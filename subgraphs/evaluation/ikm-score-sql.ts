/**
 * The IKM score of a survey `s` and the sample it needs, as two lateral joins (`sc.score`, `km.minimum_sample`):
 * written once for the stored scores (migration 0006-survey-scores, which ran this text: keep it
 * byte-identical, test/unit/migration-sql.test.ts) and for SURVEY_SELECT (service.ts). The score is
 * 25 x (all scores) / (9 x respondents) in numeric (no rounding); the sample is Krejcie-Morgan's for the
 * population served. `indent` places the lines in the caller's query.
 */
export function scoreAndSampleSql(indent: string): string {
  return [
    'cross join lateral (',
    '  select 25 * sum(c.score * c.answers)::numeric / (9 * s.respondents) as score',
    '    from evaluation.ikm_answer_count c where c.survey_id = s.id',
    ') sc',
    'cross join lateral (',
    '  select k.minimum_sample from evaluation.krejcie_morgan k',
    '   where k.population >= s.population_served order by k.population limit 1',
    ') km',
  ]
    .map((line) => indent + line)
    .join('\n');
}
