import { SURVEY_SELECT } from '../../subgraphs/evaluation/service.js';
import type { Column } from '../columns.js';
import type { ImportKind } from '../kind.js';
import { unitCodeColumn } from '../references.js';

const ELEMENTS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

const UNIT = unitCodeColumn('code of the surveyed service unit');

const COLUMNS: readonly Column[] = [
  UNIT.column,
  {
    name: 'year',
    type: 'integer',
    required: true,
    min: 2000,
    max: 2100,
    meaning: 'survey year (the year of conducted_on)',
  },
  { name: 'conducted_on', type: 'date', required: true, meaning: 'survey date; the same on every row of the survey' },
  {
    name: 'population_served',
    type: 'integer',
    required: true,
    min: 1,
    max: 2147483647,
    meaning: 'people the unit serves (Krejcie-Morgan minimum sample); the same on every row',
  },
  ...ELEMENTS.map(
    (e): Column => ({
      name: `u${e}`,
      type: 'integer',
      required: true,
      min: 1,
      max: 4,
      meaning: `answer to element ${e} (1-4)`,
    }),
  ),
];

/**
 * IKM survey responses (SKM, PermenPANRB 14/2017), one row per respondent: the rows of one unit and year
 * form that unit's survey of the year, replacing the one stored (if it differs). Stored as answer counts
 * per element and score: the score and grade are computed when read, by the evaluation subgraph's one
 * IKM statement (`SURVEY_SELECT`), which the summary of an import uses too.
 */
export const ikmResponses: ImportKind = {
  name: 'ikm-responses',
  owner: 'evaluation',
  unit: 'surveys',
  description: 'IKM/SKM survey answers, one row per respondent; the rows of one unit and year are its survey.',
  columns: COLUMNS,
  example: ['P1271010001', '2025', '2025-11-03', '12500', '3', '3', '4', '3', '3', '4', '4', '3', '3'],
  resolveReferences: UNIT.resolveReferences,
  regionsSql: UNIT.regionsSql,
  checks: [
    UNIT.unknownSql,
    `select r.line, 'year', r.year::text, 'is not the year of conducted_on (' || r.conducted_on || ')'
       from import_rows r where r.year <> extract(year from r.conducted_on)`,
    // Every row of a survey states the same date and population as its first row.
    `select d.line, 'conducted_on', d.conducted_on::text,
            'differs from line ' || d.first_line || ', the first row of this unit''s ' || d.year || ' survey (' || d.first_date || ')'
       from (select line, year, conducted_on, first_value(line) over w as first_line, first_value(conducted_on) over w as first_date
               from import_rows window w as (partition by unit_code, year order by line)) d
      where d.conducted_on <> d.first_date`,
    `select d.line, 'population_served', d.population_served::text,
            'differs from line ' || d.first_line || ', the first row of this unit''s ' || d.year || ' survey (' || d.first_population || ')'
       from (select line, year, population_served, first_value(line) over w as first_line,
                    first_value(population_served) over w as first_population
               from import_rows window w as (partition by unit_code, year order by line)) d
      where d.population_served <> d.first_population`,
  ],
  async merge({ client }) {
    await client.query(`
      create temp table survey_in on commit drop as
      select u.id as unit_id, u.region_code, r.year, min(r.conducted_on) as conducted_on,
             min(r.population_served) as population_served, count(*)::int as respondents
        from import_rows r join unit_ref u on u.code = r.unit_code
       group by u.id, u.region_code, r.year`);
    await client.query(`
      create temp table count_in on commit drop as
      select u.id as unit_id, r.year, a.element_no, a.score, count(*)::int as answers
        from import_rows r join unit_ref u on u.code = r.unit_code
       cross join lateral (values ${ELEMENTS.map((e) => `(${e}, r.u${e})`).join(', ')}) a(element_no, score)
       group by u.id, r.year, a.element_no, a.score`);
    // A survey is unchanged when its row and its answer counts are exactly those of the file.
    await client.query(`
      create temp table survey_status on commit drop as
      select i.*, s.id as survey_id,
             case when s.id is null then 'inserted'
                  when (s.region_code, s.conducted_on, s.population_served, s.respondents)
                       is distinct from (i.region_code, i.conducted_on, i.population_served, i.respondents)
                    or exists (select c.element_no, c.score, c.answers from count_in c where c.unit_id = i.unit_id and c.year = i.year
                               except select a.element_no, a.score, a.answers from evaluation.ikm_answer_count a
                                       where a.survey_id = s.id and a.answers > 0)
                    or exists (select a.element_no, a.score, a.answers from evaluation.ikm_answer_count a
                                where a.survey_id = s.id and a.answers > 0
                               except select c.element_no, c.score, c.answers from count_in c where c.unit_id = i.unit_id and c.year = i.year)
                  then 'updated' else 'unchanged' end as status
        from survey_in i left join evaluation.ikm_survey s on s.unit_id = i.unit_id and s.year = i.year`);
    await client.query(`
      delete from evaluation.ikm_answer_count a using survey_status t
       where t.status = 'updated' and a.survey_id = t.survey_id`);
    await client.query(`
      with saved as (
        insert into evaluation.ikm_survey as s (unit_id, region_code, year, conducted_on, population_served, respondents)
        select unit_id, region_code, year, conducted_on, population_served, respondents
          from survey_status where status <> 'unchanged'
        on conflict (unit_id, year) do update set region_code = excluded.region_code,
          conducted_on = excluded.conducted_on, population_served = excluded.population_served,
          respondents = excluded.respondents
        returning s.id, s.unit_id, s.year
      )
      insert into evaluation.ikm_answer_count (survey_id, element_no, score, answers)
      select saved.id, c.element_no, c.score, c.answers
        from saved join count_in c on c.unit_id = saved.unit_id and c.year = saved.year`);
    const { rows } = await client.query<{ inserted: number; updated: number; unchanged: number }>(
      `select count(*) filter (where status = 'inserted')::int as inserted,
              count(*) filter (where status = 'updated')::int as updated,
              count(*) filter (where status = 'unchanged')::int as unchanged
         from survey_status`,
    );
    return { inserted: rows[0]?.inserted ?? 0, updated: rows[0]?.updated ?? 0, unchanged: rows[0]?.unchanged ?? 0 };
  },
  async summary({ client }) {
    const { rows } = await client.query<{
      code: string;
      year: number;
      respondents: number;
      reportedScore: number;
      grade: string;
      performance: string;
      underSampled: boolean;
      minimumRespondents: number;
    }>(
      `select u.code, v.year, v.respondents, v."reportedScore", v.grade, v.performance, v."underSampled",
              v."minimumRespondents"
         from (${SURVEY_SELECT}) v
         join survey_in i on i.unit_id = v."unitId" and i.year = v.year
         join unit_ref u on u.id = i.unit_id
        order by u.code, v.year limit 20`,
    );
    return rows.map(
      (s) =>
        `${s.code} ${s.year}: ${s.respondents} respondents, IKM ${s.reportedScore.toFixed(2)} (${s.grade}, ${s.performance})` +
        (s.underSampled ? `, under-sampled (minimum ${s.minimumRespondents})` : ''),
    );
  },
};
