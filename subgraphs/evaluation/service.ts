import type { EntityManager } from '@mikro-orm/postgresql';
import { type ListSql, pagedById } from '../shared/connection.js';
import { query } from '../shared/orm.js';
import type { IkmSurvey, SkpAppraisal } from './entities.js';
import type { IkmGrade, SkpPredicate } from './enums.js';
import { scoreAndSampleSql } from './ikm-score-sql.js';
import type { IkmElementScore } from './types.js';

/** Reads of the evaluation schema. Predicates, IKM scores and grades come from the reference tables, in SQL. */

const SKP_COLUMNS = `a.employee_id as "employeeId", a.year, a.unit_id as "unitId", a.hasil_kerja as "hasilKerja",
  a.perilaku_kerja as "perilakuKerja", m.predicate, p.label as "predicateLabel", a.region_code as "regionCode"`;

/** The predicate of an appraisal `a` from the matrix (m), with its ordinal and label (p). */
export const SKP_PREDICATE_JOIN = `join evaluation.skp_predicate_matrix m
    on m.hasil_kerja = a.hasil_kerja and m.perilaku_kerja = a.perilaku_kerja
  join evaluation.skp_predicate p on p.predicate = m.predicate`;

/** An appraisal row with the predicate the matrix gives it. */
export type RatedAppraisal = Omit<SkpAppraisal, 'id'> & {
  predicate: SkpPredicate;
  predicateLabel: string;
};

/** SKP appraisals of each employee, optionally in one year. */
export function skpByEmployee(
  em: EntityManager,
  ids: readonly number[],
  year: number | null,
): Promise<RatedAppraisal[]> {
  return query<RatedAppraisal>(
    em,
    `select ${SKP_COLUMNS} from evaluation.skp_appraisal a ${SKP_PREDICATE_JOIN}
      where a.employee_id = any(?::int[]) and (?::int is null or a.year = ?::int)
      order by a.year`,
    [ids, year, year],
  );
}

/** All SKP appraisals of each employee, paged by id (appraisals are recorded year by year). */
export const APPRAISALS_OF_EMPLOYEE: ListSql<RatedAppraisal & { id: number }> = {
  parentType: 'int',
  from: `evaluation.skp_appraisal a ${SKP_PREDICATE_JOIN}`,
  columns: `a.id, ${SKP_COLUMNS}`,
  personRegionColumn: 'a.region_code',
  parent: 'a.employee_id = s.key',
  count: { sql: 'select c.id as key from evaluation.skp_appraisal c where c.employee_id = s.key', params: [] },
  ...pagedById('a'),
};

/**
 * The IKM score (see ikm-score-sql.ts) with the exact 1/9 weight: sum over elements of NRR/9 x 25, where NRR = (sum of scores)
 * / respondents. Every element shares the respondents, so it is 25 x (all scores) / (9 x respondents),
 * computed in numeric (no rounding). The grade is of the score rounded half up to two decimals (numeric
 * round() rounds halves away from zero, i.e. up for these positive scores), against the regulation's
 * closed two-decimal ranges in evaluation.ikm_band: 76.6082 reads 76.61 and grades B.
 */
export const SURVEY_SELECT = `
  select s.id, s.unit_id as "unitId", s.region_code as "regionCode", s.year, s.conducted_on::text as "conductedOn",
         s.population_served as "populationServed", s.respondents,
         km.minimum_sample as "minimumRespondents", s.respondents < km.minimum_sample as "underSampled",
         sc.score::float8 as score, round(sc.score, 2)::float8 as "reportedScore", band.grade, band.performance
    from evaluation.ikm_survey s
${scoreAndSampleSql('    ')}
    cross join lateral (
      select b.grade, b.performance from evaluation.ikm_band b
       where round(sc.score, 2) between b.lower_bound and b.upper_bound
    ) band`;

/** A survey row with its score, grade and sample check, computed from the reference tables. */
export type ScoredSurvey = IkmSurvey & {
  minimumRespondents: number;
  underSampled: boolean;
  score: number;
  reportedScore: number;
  grade: IkmGrade;
  performance: string;
};

/** IKM surveys of each unit, optionally in one year. */
export function surveysByUnit(em: EntityManager, ids: readonly number[], year: number | null): Promise<ScoredSurvey[]> {
  return query<ScoredSurvey>(
    em,
    `${SURVEY_SELECT}
      where s.unit_id = any(?::int[]) and (?::int is null or s.year = ?::int)
      order by s.year`,
    [ids, year, year],
  );
}

/** The survey history of each unit: all its IKM surveys, scored, paged by id (surveys are recorded year by year). */
export const SURVEYS_OF_UNIT: ListSql<ScoredSurvey> = {
  parentType: 'int',
  from: `(${SURVEY_SELECT}) v`,
  columns: 'v.*',
  parent: 'v."unitId" = s.key',
  count: { sql: 'select c.id as key from evaluation.ikm_survey c where c.unit_id = s.key', params: [] },
  ...pagedById('v'),
};

/** NRR of each element of each survey. */
export async function elementScoresBySurvey(
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
