import type { EntityManager } from '@mikro-orm/postgresql';
import type { YearKey } from '../shared/loaders.js';
import { query } from '../shared/orm.js';
import type { IkmElementScore, IkmSurvey, SkpAppraisal } from './types.js';

/** Reads of the evaluation schema. Predicates, IKM scores and grades come from the reference tables, in SQL. */

const SKP_COLUMNS = `a.employee_id as "employeeId", a.year, a.unit_id as "unitId", a.hasil_kerja as "hasilKerja",
  a.perilaku_kerja as "perilakuKerja", m.predicate, p.label as "predicateLabel"`;
const SKP_JOINS = `join evaluation.skp_predicate_matrix m on m.hasil_kerja = a.hasil_kerja and m.perilaku_kerja = a.perilaku_kerja
  join evaluation.skp_predicate p on p.predicate = m.predicate`;

/** SKP appraisals of each employee, optionally in one year (all keys of one call share the year). */
export async function skpOfEmployees(em: EntityManager, keys: readonly YearKey[]): Promise<SkpAppraisal[][]> {
  const year = keys[0]?.year ?? null;
  const rows = await query<SkpAppraisal>(
    em,
    `select ${SKP_COLUMNS} from evaluation.skp_appraisal a ${SKP_JOINS}
      where a.employee_id = any(?::int[]) and (?::int is null or a.year = ?::int)
      order by a.year`,
    [keys.map((k) => k.id), year, year],
  );
  const grouped = Map.groupBy(rows, (row) => row.employeeId);
  return keys.map((key) => grouped.get(key.id) ?? []);
}

/**
 * The IKM score with the exact 1/9 weight: sum over elements of NRR/9 x 25, where NRR = (sum of scores)
 * / respondents. Every element shares the respondents, so it is 25 x (all scores) / (9 x respondents),
 * computed in numeric (no rounding) before grading against the half-open bands.
 */
export const SURVEY_SELECT = `
  select s.id, s.unit_id as "unitId", s.year, s.conducted_on::text as "conductedOn",
         s.population_served as "populationServed", s.respondents,
         km.minimum_sample as "minimumRespondents", s.respondents < km.minimum_sample as "underSampled",
         sc.score::float8 as score, band.grade, band.performance
    from evaluation.ikm_survey s
    cross join lateral (
      select 25 * sum(c.score * c.answers)::numeric / (9 * s.respondents) as score
        from evaluation.ikm_answer_count c where c.survey_id = s.id
    ) sc
    cross join lateral (
      select k.minimum_sample from evaluation.krejcie_morgan k
       where k.population >= s.population_served order by k.population limit 1
    ) km
    cross join lateral (
      select b.grade, b.performance from evaluation.ikm_band b
       where b.lower_bound <= sc.score order by b.lower_bound desc limit 1
    ) band`;

/** IKM surveys of each unit, optionally in one year. */
export async function surveysOfUnits(em: EntityManager, keys: readonly YearKey[]): Promise<IkmSurvey[][]> {
  const year = keys[0]?.year ?? null;
  const rows = await query<IkmSurvey>(
    em,
    `${SURVEY_SELECT}
      where s.unit_id = any(?::int[]) and (?::int is null or s.year = ?::int)
      order by s.year`,
    [keys.map((k) => k.id), year, year],
  );
  const grouped = Map.groupBy(rows, (row) => row.unitId);
  return keys.map((key) => grouped.get(key.id) ?? []);
}

/** NRR of each element of each survey. */
export async function elementsOfSurveys(
  em: EntityManager,
  surveyIds: readonly number[],
): Promise<(IkmElementScore & { surveyId: number })[]> {
  return query(
    em,
    `select c.survey_id as "surveyId", e.element_no as "elementNo", e.name,
            (sum(c.score * c.answers)::numeric / s.respondents)::float8 as nrr
       from evaluation.ikm_answer_count c
       join evaluation.ikm_survey s on s.id = c.survey_id
       join evaluation.ikm_element e on e.element_no = c.element_no
      where c.survey_id = any(?::int[])
      group by c.survey_id, e.element_no, e.name, s.respondents
      order by c.survey_id, e.element_no`,
    [surveyIds],
  );
}
