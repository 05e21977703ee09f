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
  jp: number;
  reachedMinimum: number;
  ikm: number | null;
  ikmPrevious: number | null;
  underSampled: boolean;
  inEstimate: boolean;
}

export interface RegionRow {
  scope: string;
  units: number;
  staff: number;
  jp: number;
  reachedMinimum: number;
  unitsSurveyed: number;
  meanIkm: number | null;
  meanIkmPrevious: number | null;
  meanChange: number | null;
  unitsWithBothYears: number;
  underSampledUnits: number;
  n: number;
  meanX: number | null;
  meanY: number | null;
  sxx: number | null;
  sxy: number | null;
  syy: number | null;
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
 * The per-unit table every figure starts from, as SQL: staffing (personnel) and training (learning)
 * arrive as arrays and meet this subgraph's IKM surveys of the year and the year before.
 * x10 is the exposure in units of 10 JP per staff member; dy the IKM change.
 */
const UNIT_TABLE = `
  with staffing as (
    select * from unnest(?::text[], ?::int[], ?::int[]) as t(scope, unit_id, staff)
  ), training as (
    select * from unnest(?::text[], ?::int[], ?::int[], ?::int[]) as t(scope, unit_id, jp, reached)
  ), survey as (
    ${SURVEY_SELECT}
    where s.unit_id in (select unit_id from staffing) and s.year in (?::int, ?::int - 1)
  ), unit as (
    select st.scope, st.unit_id, st.staff, coalesce(tr.jp, 0) as jp, coalesce(tr.reached, 0) as reached,
           cur.score as ikm, prev.score as ikm_prev,
           coalesce(cur."underSampled", false) or coalesce(prev."underSampled", false) as under_sampled,
           case when st.staff > 0 then coalesce(tr.jp, 0)::float8 / st.staff / 10 end as x10,
           cur.score - prev.score as dy
      from staffing st
      left join training tr on tr.scope = st.scope and tr.unit_id = st.unit_id
      left join survey cur on cur."unitId" = st.unit_id and cur.year = ?::int
      left join survey prev on prev."unitId" = st.unit_id and prev.year = ?::int - 1
  ), sample as (
    select *, (x10 is not null and dy is not null and not under_sampled) as in_estimate from unit
  )`;

function unitTableParams(inputs: ComparisonInputs, year: number): unknown[] {
  const { staffing, unitTraining } = inputs;
  return [
    staffing.map((s) => s.scope),
    staffing.map((s) => s.unitId),
    staffing.map((s) => s.staff),
    unitTraining.map((t) => t.scope),
    unitTraining.map((t) => t.unitId),
    unitTraining.map((t) => t.jp),
    unitTraining.map((t) => t.reachedMinimum),
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
     select scope, unit_id as "unitId", staff, jp, reached as "reachedMinimum", ikm, ikm_prev as "ikmPrevious",
            under_sampled as "underSampled", in_estimate as "inEstimate"
       from sample order by scope, unit_id`,
    unitTableParams(inputs, year),
  );
}

/** Per region: totals, IKM means, and the moments of the regression and the contrast, all in SQL. */
export async function regionRows(em: EntityManager, inputs: ComparisonInputs, year: number): Promise<RegionRow[]> {
  return query<RegionRow>(
    em,
    `${UNIT_TABLE}
     select scope, count(*)::int as units, sum(staff)::int as staff, sum(jp)::int as jp, sum(reached)::int as "reachedMinimum",
            count(ikm)::int as "unitsSurveyed", avg(ikm)::float8 as "meanIkm", avg(ikm_prev)::float8 as "meanIkmPrevious",
            avg(dy)::float8 as "meanChange", count(dy)::int as "unitsWithBothYears",
            count(dy) filter (where under_sampled)::int as "underSampledUnits",
            regr_count(dy, x10) filter (where in_estimate)::int as n,
            regr_avgx(dy, x10) filter (where in_estimate) as "meanX",
            regr_avgy(dy, x10) filter (where in_estimate) as "meanY",
            regr_sxx(dy, x10) filter (where in_estimate) as sxx,
            regr_sxy(dy, x10) filter (where in_estimate) as sxy,
            regr_syy(dy, x10) filter (where in_estimate) as syy,
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
    reachedMinimum: 0,
    unitsSurveyed: 0,
    meanIkm: null,
    meanIkmPrevious: null,
    meanChange: null,
    unitsWithBothYears: 0,
    underSampledUnits: 0,
    n: 0,
    meanX: null,
    meanY: null,
    sxx: null,
    sxy: null,
    syy: null,
    highN: 0,
    highMean: null,
    highVariance: null,
    lowN: 0,
    lowMean: null,
    lowVariance: null,
  };
}

