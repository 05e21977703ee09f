import type { EntityManager } from '@mikro-orm/postgresql';
import type { ImpactKey } from '../shared/impact-key.js';
import { query } from '../shared/orm.js';
import { sqlWithinRegion } from '../shared/regions.js';
import { METHOD } from './impact-method.js';
import type { ComparisonInputs } from './impact-service.js';
import { SKP_PREDICATE_JOIN, SURVEY_SELECT } from './service.js';

/**
 * The SQL of the training-impact comparison: three statements whatever the number of regions. The
 * inputs from personnel and learning arrive as arrays and meet this subgraph's IKM surveys and SKP.
 */

export interface UnitRow {
  scope: string;
  unitId: number;
  staff: number;
  agencyId: number;
  /** Code of the district or village where the unit serves (personnel). */
  location: string;
  jp: number;
  reachedMinimum: number;
  participants: number;
  ikm: number | null;
  ikmPrevious: number | null;
  underSampled: boolean;
  respondents: number | null;
  surveyedOn: string | null;
  /** District (kecamatan) of the unit's survey: the cluster. */
  district: string | null;
  /** JP completed in the year before this year's survey; null without this year's survey. */
  jpBeforeSurvey: number | null;
  /** Completed enrolments behind jpBeforeSurvey (an upper bound of the people behind it); null without a survey. */
  enrolmentsBeforeSurvey: number | null;
  /** JP completed in the next year before next year's survey (the placebo); null without next year's survey. */
  jpNextBeforeSurvey: number | null;
  inEstimate: boolean;
}

export interface RegionRow {
  scope: string;
  units: number;
  staff: number;
  jp: number;
  /** Sum over the units of their participants: the people behind `jp` (an employee trained in two units counts twice). */
  unitParticipants: number;
  reachedMinimum: number;
  unitsSurveyed: number;
  meanIkm: number | null;
  meanIkmPrevious: number | null;
  meanChange: number | null;
  unitsWithBothYears: number;
  underSampledUnits: number;
  highN: number;
  highMean: number | null;
  highVariance: number | null;
  lowN: number;
  lowMean: number | null;
  lowVariance: number | null;
}

export interface SkpRow {
  scope: string;
  trained: boolean;
  n: number;
  mean: number | null;
  variance: number | null;
}

/**
 * The per-unit table every figure starts from, as SQL: staffing (personnel) and training (learning, per unit
 * and completion day) arrive as arrays and meet this subgraph's IKM surveys of the year before, the year and
 * the year after. The exposure of the estimate is the JP completed in the year strictly before the unit's
 * survey of that year (training after the survey cannot have changed it); the placebo's is the same for
 * the next year and its survey. x10 is calendar-year JP per staff member / 10 and dy the IKM change, both
 * descriptive (the contrast).
 */
const UNIT_TABLE = `
  with staffing as (
    select * from unnest(?::text[], ?::int[], ?::int[], ?::int[], ?::text[]) as t(scope, unit_id, staff, agency_id, location)
  ), training as (
    select * from unnest(?::text[], ?::int[], ?::int[], ?::int[], ?::int[]) as t(scope, unit_id, jp, reached, participants)
  ), dated as (
    select * from unnest(?::text[], ?::int[], ?::date[], ?::int[], ?::int[]) as t(scope, unit_id, completed_on, jp, enrolments)
  ), survey as (
    ${SURVEY_SELECT}
    where s.unit_id in (select unit_id from staffing) and s.year between ?::int - 1 and ?::int + 1
  ), located as (
    select s.id, array_to_string((string_to_array(s.region_code, '.'))[1:3], '.') as district
      from evaluation.ikm_survey s where s.unit_id in (select unit_id from staffing) and s.year = ?::int
  ), unit as (
    select st.scope, st.unit_id, st.staff, st.agency_id, st.location, coalesce(tr.jp, 0) as jp, coalesce(tr.reached, 0) as reached,
           coalesce(tr.participants, 0) as participants,
           cur.score as ikm, prev.score as ikm_prev, cur.respondents, cur."conductedOn" as surveyed_on, loc.district,
           coalesce(cur."underSampled", false) or coalesce(prev."underSampled", false) as under_sampled,
           case when st.staff > 0 then coalesce(tr.jp, 0)::float8 / st.staff / 10 end as x10,
           cur.score - prev.score as dy,
           case when cur.id is not null then
             (select coalesce(sum(d.jp), 0) from dated d
               where d.scope = st.scope and d.unit_id = st.unit_id
                 and d.completed_on >= make_date(?::int, 1, 1) and d.completed_on < cur."conductedOn"::date)::int
           end as jp_before,
           case when cur.id is not null then
             (select coalesce(sum(d.enrolments), 0) from dated d
               where d.scope = st.scope and d.unit_id = st.unit_id
                 and d.completed_on >= make_date(?::int, 1, 1) and d.completed_on < cur."conductedOn"::date)::int
           end as enrolments_before,
           case when nxt.id is not null then
             (select coalesce(sum(d.jp), 0) from dated d
               where d.scope = st.scope and d.unit_id = st.unit_id
                 and d.completed_on >= make_date(?::int + 1, 1, 1) and d.completed_on < nxt."conductedOn"::date)::int
           end as jp_next
      from staffing st
      left join training tr on tr.scope = st.scope and tr.unit_id = st.unit_id
      left join survey cur on cur."unitId" = st.unit_id and cur.year = ?::int
      left join survey prev on prev."unitId" = st.unit_id and prev.year = ?::int - 1
      left join survey nxt on nxt."unitId" = st.unit_id and nxt.year = ?::int + 1
      left join located loc on loc.id = cur.id
  ), sample as (
    select *, (staff > 0 and dy is not null and jp_before is not null and not under_sampled) as in_estimate from unit
  )`;

function unitTableParams(inputs: ComparisonInputs, year: number): unknown[] {
  const { staffing, unitTraining, unitTrainingDates } = inputs;
  return [
    staffing.map((s) => s.scope),
    staffing.map((s) => s.unitId),
    staffing.map((s) => s.staff),
    staffing.map((s) => s.agencyId),
    staffing.map((s) => s.regionCode),
    unitTraining.map((t) => t.scope),
    unitTraining.map((t) => t.unitId),
    unitTraining.map((t) => t.jp),
    unitTraining.map((t) => t.reachedMinimum),
    unitTraining.map((t) => t.participants),
    unitTrainingDates.map((t) => t.scope),
    unitTrainingDates.map((t) => t.unitId),
    unitTrainingDates.map((t) => t.completedOn),
    unitTrainingDates.map((t) => t.jp),
    unitTrainingDates.map((t) => t.enrolments),
    year,
    year,
    year,
    year,
    year,
    year,
    year,
    year,
    year,
  ];
}

export async function unitRows(em: EntityManager, inputs: ComparisonInputs, year: number): Promise<UnitRow[]> {
  return query<UnitRow>(
    em,
    `${UNIT_TABLE}
     select scope, unit_id as "unitId", staff, agency_id as "agencyId", location, jp, reached as "reachedMinimum", participants,
            ikm, ikm_prev as "ikmPrevious", under_sampled as "underSampled", respondents, surveyed_on as "surveyedOn", district,
            jp_before as "jpBeforeSurvey", enrolments_before as "enrolmentsBeforeSurvey", jp_next as "jpNextBeforeSurvey", in_estimate as "inEstimate"
       from sample order by scope, unit_id`,
    unitTableParams(inputs, year),
  );
}

/** Per region: totals, IKM means and the descriptive contrast, in SQL. */
export async function regionRows(em: EntityManager, inputs: ComparisonInputs, year: number): Promise<RegionRow[]> {
  return query<RegionRow>(
    em,
    `${UNIT_TABLE}
     select scope, count(*)::int as units, sum(staff)::int as staff, sum(jp)::int as jp,
            sum(participants)::int as "unitParticipants", sum(reached)::int as "reachedMinimum",
            count(ikm)::int as "unitsSurveyed", avg(ikm)::float8 as "meanIkm", avg(ikm_prev)::float8 as "meanIkmPrevious",
            avg(dy)::float8 as "meanChange", count(dy)::int as "unitsWithBothYears",
            count(dy) filter (where under_sampled)::int as "underSampledUnits",
            count(*) filter (where in_estimate and x10 * 10 >= ?)::int as "highN",
            avg(dy) filter (where in_estimate and x10 * 10 >= ?)::float8 as "highMean",
            var_samp(dy) filter (where in_estimate and x10 * 10 >= ?)::float8 as "highVariance",
            count(*) filter (where in_estimate and x10 * 10 < ?)::int as "lowN",
            avg(dy) filter (where in_estimate and x10 * 10 < ?)::float8 as "lowMean",
            var_samp(dy) filter (where in_estimate and x10 * 10 < ?)::float8 as "lowVariance"
       from sample group by scope`,
    [...unitTableParams(inputs, year), ...Array<number>(6).fill(METHOD.contrastThresholdJp)],
  );
}

/** L3: change of the SKP predicate ordinal from the year before, trained vs untrained staff, per region. */
export async function skpChangeRows(em: EntityManager, key: ImpactKey, inputs: ComparisonInputs): Promise<SkpRow[]> {
  const trainedScopes = inputs.regionLearning.flatMap((r) => r.trainedEmployeeIds.map(() => r.scope));
  const trainedIds = inputs.regionLearning.flatMap((r) => r.trainedEmployeeIds);
  return query<SkpRow>(
    em,
    `with trained as (
       select * from unnest(?::text[], ?::int[]) as t(scope, employee_id)
     ), rated as not materialized (
       select a.employee_id, a.year, a.region_code, p.ordinal
         from evaluation.skp_appraisal a ${SKP_PREDICATE_JOIN}
     ), change as (
       select s.code as scope, (cur.ordinal - prev.ordinal)::float8 as delta, t.employee_id is not null as trained
         from unnest(?::text[]) as s(code)
         join rated cur on cur.year = ?::int and ${sqlWithinRegion('cur.region_code', 's.code')}
         join rated prev on prev.employee_id = cur.employee_id and prev.year = ?::int - 1
         left join trained t on t.scope = s.code and t.employee_id = cur.employee_id
     )
     select scope, trained, count(*)::int as n, avg(delta)::float8 as mean, var_samp(delta)::float8 as variance
       from change group by scope, trained`,
    [trainedScopes, trainedIds, key.regionCodes, key.year, key.year],
  );
}

/** A region without staffed units: no rows in SQL, zeros here. */
export function emptyRegionRow(scope: string): RegionRow {
  return {
    scope,
    units: 0,
    staff: 0,
    jp: 0,
    unitParticipants: 0,
    reachedMinimum: 0,
    unitsSurveyed: 0,
    meanIkm: null,
    meanIkmPrevious: null,
    meanChange: null,
    unitsWithBothYears: 0,
    underSampledUnits: 0,
    highN: 0,
    highMean: null,
    highVariance: null,
    lowN: 0,
    lowMean: null,
    lowVariance: null,
  };
}
