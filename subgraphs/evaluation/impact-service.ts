import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../shared/orm.js';
import { sqlWithinRegion } from '../shared/regions.js';
import type { ImpactKey } from '../shared/impact-key.js';
import { SURVEY_SELECT } from './service.js';
import { differenceOfEstimates, olsFromMoments, welchFromSummaries, type Estimate } from './statistics.js';
import type { RegionLearning, RegionSpending, UnitStaffing, UnitTraining } from '../shared/federation-types.js';
import type { CostPerIkmPoint, EffectDifference, PeopleMeasure, RegionImpact, UnitImpact } from './impact-types.js';
import { Verdict } from './impact-types.js';

/** Parameters of the method: one place, named. */
export const METHOD = {
  confidence: 0.95,
  /** Units needed in the regression before a verdict other than INSUFFICIENT_DATA. */
  minimumUnits: 10,
  /** Above this share of under-sampled units (of those surveyed in both years) the data are insufficient. */
  maximumUnderSampledShare: 0.5,
  /** Exposure threshold of the contrast: the 20 JP/year right, per staff member. */
  contrastThresholdJp: 20,
  /** Smallest group of people whose aggregate may be shown to an aggregates-only viewer. */
  minimumCellSize: 5,
} as const;

/** Who is looking: viewers restricted to aggregates never see cells of fewer than minimumCellSize people. */
export interface ViewerPolicy {
  aggregatesOnly: boolean;
}

export interface ComparisonInputs {
  staffing: UnitStaffing[];
  unitTraining: UnitTraining[];
  regionLearning: RegionLearning[];
  regionSpending: RegionSpending[];
}

interface UnitRow {
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

interface RegionRow {
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

interface SkpRow {
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

async function unitRows(em: EntityManager, inputs: ComparisonInputs, year: number): Promise<UnitRow[]> {
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
async function regionRows(em: EntityManager, inputs: ComparisonInputs, year: number): Promise<RegionRow[]> {
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
async function skpChangeRows(em: EntityManager, key: ImpactKey, inputs: ComparisonInputs): Promise<SkpRow[]> {
  const trainedScopes = inputs.regionLearning.flatMap((r) => r.trainedEmployeeIds.map(() => r.scope));
  const trainedIds = inputs.regionLearning.flatMap((r) => r.trainedEmployeeIds);
  return query<SkpRow>(
    em,
    `with trained as (
       select * from unnest(?::text[], ?::int[]) as t(scope, employee_id)
     ), rated as not materialized (
       select a.employee_id, a.year, a.region_code, p.ordinal
         from evaluation.skp_appraisal a
         join evaluation.skp_predicate_matrix m on m.hasil_kerja = a.hasil_kerja and m.perilaku_kerja = a.perilaku_kerja
         join evaluation.skp_predicate p on p.predicate = m.predicate
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

function measure(value: number | null, count: number, policy: ViewerPolicy): PeopleMeasure {
  if (policy.aggregatesOnly && count < METHOD.minimumCellSize) {
    return { value: null, count: null, suppressedReason: `fewer than ${METHOD.minimumCellSize} people` };
  }
  return { value: count > 0 ? value : null, count, suppressedReason: null };
}

/** Whole-Rupiah quotient, rounded half up; null when there is nothing to divide by. */
function rupiahPer(amount: bigint, units: number): string | null {
  if (!(units > 0)) return null;
  // Scale to keep 6 decimals of a fractional divisor exact enough for whole-Rupiah results.
  const scaledUnits = BigInt(Math.round(units * 1_000_000));
  if (scaledUnits <= 0n) return null;
  const scaled = amount * 1_000_000n;
  return ((scaled * 2n + scaledUnits) / (2n * scaledUnits)).toString();
}

function costPerIkmPoint(realised: bigint, effect: Estimate | null, exposureSum: number): CostPerIkmPoint {
  const none = (reason: string): CostPerIkmPoint => ({ estimate: null, lower: null, upper: null, reason });
  if (!effect) return none('no effect estimate (too few units)');
  if (realised <= 0n) return none('no realised training spending recorded for the region');
  if (!(effect.lower > 0)) return none('the effect is not distinguishable from zero, so no IKM point can be attributed to training');
  // IKM points gained over the region's units: effect (per 10 JP per staff) x sum of units' exposure (in 10 JP).
  return {
    estimate: rupiahPer(realised, effect.estimate * exposureSum),
    lower: rupiahPer(realised, effect.upper * exposureSum),
    upper: rupiahPer(realised, effect.lower * exposureSum),
    reason: null,
  };
}

function formatPoints(value: number): string {
  return value.toFixed(2);
}

function verdictOf(region: RegionRow, effect: Estimate | null): { verdict: Verdict; reason: string } {
  const surveyedPairs = region.unitsWithBothYears;
  const underSampledShare = surveyedPairs > 0 ? region.underSampledUnits / surveyedPairs : 0;
  if (underSampledShare > METHOD.maximumUnderSampledShare) {
    return {
      verdict: Verdict.INSUFFICIENT_DATA,
      reason: `${region.underSampledUnits} of ${surveyedPairs} units have an under-sampled IKM survey (Krejcie-Morgan).`,
    };
  }
  if (!effect || region.n < METHOD.minimumUnits) {
    return {
      verdict: Verdict.INSUFFICIENT_DATA,
      reason: `Only ${region.n} units have staff and two adequately sampled IKM surveys; at least ${METHOD.minimumUnits} are needed.`,
    };
  }
  const interval = `${formatPoints(effect.estimate)} IKM points per +10 JP per staff member (95% CI ${formatPoints(effect.lower)} to ${formatPoints(effect.upper)}, ${region.n} units)`;
  if (effect.lower > 0) {
    return { verdict: Verdict.EXPAND, reason: `Service quality rose with training: ${interval}. Expand the programme.` };
  }
  const where = effect.upper < 0 ? 'lies below zero' : 'includes zero';
  return {
    verdict: Verdict.REVIEW_METHOD,
    reason: `No improvement shown: ${interval}; the interval ${where}. Review the training method.`,
  };
}

export interface ComparisonResult {
  regions: RegionImpact[];
  differences: EffectDifference[];
}

/**
 * The whole comparison: three SQL statements whatever the number of regions (units, region moments,
 * SKP changes), then per-region arithmetic on the aggregates.
 */
export async function compareRegions(
  em: EntityManager,
  key: ImpactKey,
  inputs: ComparisonInputs,
  policy: ViewerPolicy,
): Promise<ComparisonResult> {
  const [units, regions, skp] = await Promise.all([
    unitRows(em, inputs, key.year),
    regionRows(em, inputs, key.year),
    skpChangeRows(em, key, inputs),
  ]);
  const unitsByScope = Map.groupBy(units, (u) => u.scope);
  const regionByScope = new Map(regions.map((r) => [r.scope, r]));
  const skpByScope = Map.groupBy(skp, (s) => s.scope);
  const learningByScope = new Map(inputs.regionLearning.map((l) => [l.scope, l]));
  const spendingByScope = new Map(inputs.regionSpending.map((s) => [s.scope, s]));

  const results: RegionImpact[] = key.regionCodes.map((code) => {
    const region = regionByScope.get(code) ?? emptyRegionRow(code);
    const learning = learningByScope.get(code);
    const spending = spendingByScope.get(code);
    const effect = regressionEstimate(region);
    const contrast =
      region.highN >= 2 && region.lowN >= 2
        ? safe(() =>
            welchFromSummaries(
              { mean: region.highMean ?? 0, variance: region.highVariance ?? 0, n: region.highN },
              { mean: region.lowMean ?? 0, variance: region.lowVariance ?? 0, n: region.lowN },
              METHOD.confidence,
            ),
          )
        : null;
    const trained = skpByScope.get(code)?.find((row) => row.trained);
    const untrained = skpByScope.get(code)?.find((row) => !row.trained);
    const l3 =
      trained && untrained && trained.n >= 2 && untrained.n >= 2
        ? safe(() =>
            welchFromSummaries(
              { mean: trained.mean ?? 0, variance: trained.variance ?? 0, n: trained.n },
              { mean: untrained.mean ?? 0, variance: untrained.variance ?? 0, n: untrained.n },
              METHOD.confidence,
            ),
          )
        : null;
    const realised = BigInt(spending?.realised ?? '0');
    const totalJp = learning?.jp ?? 0;
    const participants = learning?.participants ?? 0;
    const { verdict, reason } = verdictOf(region, effect);
    const exposureSum = (region.meanX ?? 0) * region.n;
    return {
      regionCode: code,
      region: { code },
      rank: null,
      exposure: {
        units: region.units,
        staff: region.staff,
        participants,
        jp: region.jp,
        jpPerStaff: region.staff > 0 ? region.jp / region.staff : null,
        reachedMinimumShare: region.staff > 0 ? region.reachedMinimum / region.staff : null,
      },
      serviceQuality: {
        unitsSurveyed: region.unitsSurveyed,
        meanIkm: region.meanIkm,
        meanIkmPrevious: region.meanIkmPrevious,
        meanChange: region.meanChange,
        unitsWithBothYears: region.unitsWithBothYears,
        underSampledUnits: region.underSampledUnits,
      },
      cost: {
        realisedSpending: realised.toString(),
        ceiling: spending?.ceiling ?? '0',
        costPerJp: realised > 0n ? rupiahPer(realised, totalJp) : null,
        costPerParticipant: realised > 0n ? rupiahPer(realised, participants) : null,
        note: (spending?.lines ?? 0) === 0 ? 'no budget lines: agencies keep training budgets at province or regency level' : null,
      },
      effect: {
        perTenJp: effect,
        trend: effect ? (region.meanY ?? 0) - effect.estimate * (region.meanX ?? 0) : null,
        units: region.n,
        contrast,
        unitsAtOrAbove20Jp: region.highN,
        unitsBelow20Jp: region.lowN,
      },
      costPerIkmPoint: costPerIkmPoint(realised, effect, exposureSum),
      verdict,
      verdictReason: reason,
      kirkpatrick: {
        l1Satisfaction: measure(learning?.meanSatisfaction ?? null, learning?.satisfactionResponses ?? 0, policy),
        l2TestGain: measure(learning?.meanTestGain ?? null, learning?.testedEnrolments ?? 0, policy),
        l3SkpChange: l3,
        l3TrainedStaff: trained?.n ?? 0,
        l3UntrainedStaff: untrained?.n ?? 0,
        l4IkmEffect: effect,
      },
      units: (unitsByScope.get(code) ?? []).map(
        (unit): UnitImpact => ({
          unitId: unit.unitId,
          staff: unit.staff,
          jp: unit.jp,
          jpPerStaff: measure(unit.staff > 0 ? unit.jp / unit.staff : null, unit.staff, policy),
          reachedMinimumShare: measure(unit.staff > 0 ? unit.reachedMinimum / unit.staff : null, unit.staff, policy),
          ikm: unit.ikm,
          ikmPrevious: unit.ikmPrevious,
          ikmChange: unit.ikm != null && unit.ikmPrevious != null ? unit.ikm - unit.ikmPrevious : null,
          underSampled: unit.underSampled,
          inEstimate: unit.inEstimate,
        }),
      ),
    };
  });

  const ranked = results
    .filter((r) => r.effect.perTenJp)
    .sort((a, b) => (b.effect.perTenJp?.estimate ?? 0) - (a.effect.perTenJp?.estimate ?? 0));
  ranked.forEach((r, index) => (r.rank = index + 1));

  const differences: EffectDifference[] = [];
  for (let i = 0; i < results.length; i++) {
    for (let j = i + 1; j < results.length; j++) {
      const a = results[i];
      const b = results[j];
      if (!a?.effect.perTenJp || !b?.effect.perTenJp) continue;
      const difference = safe(() => differenceOfEstimates(a.effect.perTenJp as Estimate, b.effect.perTenJp as Estimate, METHOD.confidence));
      if (!difference) continue;
      differences.push({
        regionCode: a.regionCode,
        otherRegionCode: b.regionCode,
        difference,
        distinguishable: difference.lower > 0 || difference.upper < 0,
      });
    }
  }
  return { regions: results, differences };
}

function regressionEstimate(region: RegionRow): Estimate | null {
  if (region.n < 3 || region.sxx == null || region.sxy == null || region.syy == null || !(region.sxx > 0)) return null;
  return safe(() =>
    olsFromMoments({ n: region.n, sxx: region.sxx as number, sxy: region.sxy as number, syy: region.syy as number }, METHOD.confidence),
  );
}

/** Estimates that cannot be formed (zero variance, say) are reported as missing, not as errors. */
function safe<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

function emptyRegionRow(scope: string): RegionRow {
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

