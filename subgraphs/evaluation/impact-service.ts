import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { config } from '../shared/config.js';
import { formatImpactKey, type ImpactKey } from '../shared/impact-key.js';
import { rupiahPer } from '../shared/scalars.js';
import { shown, suppressedReason, type Withheld } from '../shared/suppression.js';
import {
  estimateKey,
  inputsKey,
  Lru,
  memoised,
  type RegionInputs,
  regionFactsKept,
  regionInputs,
} from './impact-cache.js';
import {
  asEstimate,
  estimationSize,
  exposureOf,
  METHOD,
  regionEffect,
  regionPlacebo,
  tooLargeFailure,
  unweightedEstimate,
  type ViewerPolicy,
  verdictReason,
  welchOrNull,
} from './impact-method.js';
import {
  exposure as exposureFigures,
  kirkpatrick,
  type Protection,
  protection,
  unitCostsWithheld,
  unitImpacts,
} from './impact-privacy.js';
import {
  emptyRegionRow,
  type RegionFactsRow,
  type RegionRow,
  type RegionVersions,
  regionFacts,
  regionVersions,
  type SkpRow,
  type UnitRow,
  unitAndRegionRows,
} from './impact-sql.js';
import type {
  CostPerIkmPoint,
  EffectDifference,
  Estimate,
  PlaceboCheck,
  RegionImpact,
  TrainingCost,
} from './impact-types.js';
import { costPerIkmPoint as costPerPoint } from './inference/cost.js';
import type { EffectSummary } from './inference/effect.js';
import { pairwiseDifferences, rankIntervals } from './inference/ranking.js';
import { classifyRegions, type RegionEvidence, type RegionVerdict } from './inference/verdict.js';

/**
 * The assembly of the training-impact comparison: the SQL tables (impact-sql.ts, over evaluation's data and
 * its read model of the other subgraphs' published facts), turned into each region's figures by the method (impact-method.ts, ./inference):
 * per region the adjusted effect and its placebo, then across the requested regions the Holm-controlled
 * verdicts, the rank intervals and the Holm-adjusted pairwise differences.
 */

export interface ComparisonResult {
  regions: RegionImpact[];
  /** Regions with a tested estimate, strongest first (ranks them first). */
  ranking(): RegionImpact[];
  /** Every pair of regions with tested estimates (n(n-1)/2 pairs: computed when asked, once). */
  differences(): EffectDifference[];
}

/**
 * The estimates are pure, seeded functions of a region's unit rows (the bootstrap and the draws use fixed
 * seeds), and the costliest part of a comparison: kept by the region's input version (impact-cache.ts), so
 * that a region whose data did not change is not estimated again.
 */
const MEMO_LIMIT = 4096;
const effects = new Lru<ReturnType<typeof regionEffect> & { tooLarge?: boolean }>(MEMO_LIMIT);
const placebos = new Lru<PlaceboCheck>(MEMO_LIMIT);
const costs = new Lru<ReturnType<typeof costPerPoint>>(MEMO_LIMIT);
/** Rank intervals, a seeded function of the tested regions' estimates: kept by those estimates (a few comparisons). */
const rankings = new Lru<ReturnType<typeof rankIntervals>>(64);

/**
 * Whole answers, by everything they are made of: the request (year, codes in order, minimum meaningful
 * effect), the work limit, the epoch and each region's input and facts versions (what its unit rows, facts
 * and so its estimates were made of) and what the viewer may see of each region (its Protection). A viewer
 * without person-level access to a region never gets the answer made for one with it: the protections are
 * part of the key. Weighed by regions (a few KB each: a region's `units` are built when read, not kept).
 */
const comparisons = new Lru<ComparisonResult>(4096, (answer) => answer.regions.length);

/** The key of a whole answer: a digest (the versions of 514 regions are some 10 KB of text). */
function answerKey(key: ImpactKey, workLimit: number, versions: RegionVersions, protections: readonly Protection[]) {
  return createHash('sha256')
    .update(JSON.stringify([key.year, key.minimumMeaningfulEffect, workLimit, versions.epoch, key.regionCodes]))
    .update(JSON.stringify([versions.units, versions.facts, protections]))
    .digest('base64');
}

/**
 * The digest of everything a comparison's answer is made of, for this viewer: what the kept answer is kept
 * under, and what impact-response-cache.ts keys whole responses by.
 */
export function answerDigest(key: ImpactKey, versions: RegionVersions, policy: ViewerPolicy): string {
  const protections = key.regionCodes.map((code) => protection(policy.seesPeople(code), code));
  return answerKey(key, config().impact.workLimit, versions, protections);
}

/**
 * The versions a request read before its comparison (impact-response-cache.ts), by its EntityManager (one
 * per request): the comparison uses them instead of reading them again, and says whether its answer was
 * made of exactly them (`built`), so that the response may be kept under them.
 */
const versionsRead = new WeakMap<EntityManager, { id: string; versions: RegionVersions; built: boolean }>();

export async function readVersionsFor(em: EntityManager, key: ImpactKey): Promise<RegionVersions> {
  const versions = await regionVersions(em, key);
  versionsRead.set(em, { id: formatImpactKey(key), versions, built: false });
  return versions;
}

/** Whether this request's comparison was made of the versions readVersionsFor read (kept or estimated from them). */
export function wasBuiltFromReadVersions(em: EntityManager): boolean {
  return versionsRead.get(em)?.built === true;
}

/** The event loop is given back after this much estimation, so other requests are served meanwhile. */
const SLICE_MS = 20;

function once<T>(compute: () => T): () => T {
  let value: { v: T } | undefined;
  return () => {
    value ??= { v: compute() };
    return value.v;
  };
}

/** What one region's figures are made of. */
interface RegionData {
  code: string;
  known: boolean;
  region: RegionRow;
  units: UnitRow[];
  skp: SkpRow[];
  learning: RegionFactsRow | undefined;
  spending: RegionFactsRow | undefined;
  effect: EffectSummary | null;
  priorIkm: number | null;
  changeScore: Estimate | null;
  failure: string | null;
  tooLarge: boolean;
  placebo: PlaceboCheck;
  inEstimate: UnitRow[];
  clusters: number;
}

/**
 * Each requested region's kept value when it was kept at the region's current version (`current`, in the
 * order of the key's codes), and the regions whose version moved or that were never read.
 */
function keptAtVersion<T extends { version: string }>(
  kept: Lru<T>,
  key: ImpactKey,
  epoch: string,
  current: readonly string[],
): { found: Map<string, T>; stale: string[] } {
  const found = new Map<string, T>();
  const stale: string[] = [];
  for (const [i, code] of key.regionCodes.entries()) {
    const value = kept.get(inputsKey(epoch, key.year, code));
    if (value !== undefined && value.version === current[i]) found.set(code, value);
    else stale.push(code);
  }
  return { found, stale };
}

/**
 * The regions' unit rows and totals: kept ones when their version is the current one, the others from one
 * unit-table statement over the regions whose version moved (or that were never read).
 */
async function currentInputs(
  em: EntityManager,
  key: ImpactKey,
  versions: RegionVersions,
): Promise<Map<string, RegionInputs>> {
  const { found: inputs, stale } = keptAtVersion(regionInputs, key, versions.epoch, versions.units);
  if (stale.length === 0) return inputs;
  const read = await unitAndRegionRows(em, { ...key, regionCodes: stale });
  const unitsByScope = Map.groupBy(read.units, (u) => u.scope);
  const regionByScope = new Map(read.regions.map((r) => [r.scope, r]));
  for (const { scope, version } of read.versions) {
    const value: RegionInputs = { version, region: regionByScope.get(scope), units: unitsByScope.get(scope) ?? [] };
    inputs.set(scope, value);
    // Kept under the version this statement saw: a write since then has a newer one and is read next time.
    regionInputs.set(inputsKey(read.epoch, key.year, scope), value);
  }
  return inputs;
}

/** The regions' facts: kept ones when their facts version is the current one, the others from one statement. */
async function currentFacts(
  em: EntityManager,
  key: ImpactKey,
  versions: RegionVersions,
): Promise<Map<string, RegionFactsRow>> {
  const { found: facts, stale } = keptAtVersion(regionFactsKept, key, versions.epoch, versions.facts);
  if (stale.length === 0) return facts;
  for (const row of await regionFacts(em, { ...key, regionCodes: stale })) {
    facts.set(row.scope, row);
    // Under the version and epoch this statement saw, like the unit rows.
    regionFactsKept.set(inputsKey(row.epoch, key.year, row.scope), row);
  }
  return facts;
}

/** LIMIT_EXCEEDED when a comparison needs more estimation than one request may take. */
function overBudget(timeBudgetMs: number, done: number, key: ImpactKey): GraphQLError {
  return new GraphQLError(
    `The comparison needs more estimation than one request may take (${timeBudgetMs} ms): ${done} of ` +
      `${key.regionCodes.length} regions are estimated and kept. Ask again to go on from there, or ask fewer regions.`,
    { extensions: { code: 'LIMIT_EXCEEDED', limit: 'IMPACT_TIME_BUDGET_MS' } },
  );
}

/**
 * The whole comparison: one statement reads the regions' versions; the whole answer kept under them (and
 * what the viewer may see) answers at once. Otherwise at most two more statements whatever the number of
 * regions (region facts of learning, budgeting, personnel and the SKP rollup for the regions whose facts
 * version moved; units with region totals for those whose input version moved), then per-region estimates (kept by version; a region above the work limit
 * is not estimated and says why) and the comparison across regions. The estimation gives the event loop
 * back every SLICE_MS, so a large comparison does not hold up other requests.
 */
export async function compareRegions(
  em: EntityManager,
  key: ImpactKey,
  policy: ViewerPolicy,
  timeBudgetMs = config().impact.timeBudgetMs,
): Promise<ComparisonResult> {
  const read = versionsRead.get(em);
  const readForThis = read !== undefined && read.id === formatImpactKey(key) ? read : undefined;
  const versions = readForThis?.versions ?? (await regionVersions(em, key));
  const workLimit = config().impact.workLimit;
  const protections = key.regionCodes.map((code) => protection(policy.seesPeople(code), code));
  const keptKey = answerKey(key, workLimit, versions, protections);
  const keptAnswer = comparisons.get(keptKey);
  if (keptAnswer !== undefined) {
    if (readForThis) readForThis.built = true;
    return keptAnswer;
  }
  const epoch = versions.epoch;
  const [factsByScope, inputs] = await Promise.all([currentFacts(em, key, versions), currentInputs(em, key, versions)]);
  const delta = key.minimumMeaningfulEffect;
  const data: RegionData[] = [];
  let slice = performance.now();
  const deadline = slice + timeBudgetMs;
  let estimatedNow = 0;
  for (const code of key.regionCodes) {
    if (performance.now() - slice > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
    const kept = inputs.get(code);
    const version = kept?.version ?? '0';
    const effectKey = estimateKey(epoch, key.year, code, version, delta, workLimit);
    const region = kept?.region ?? emptyRegionRow(code);
    const regionUnits = kept?.units ?? [];
    const inEstimate = regionUnits.filter((u) => u.inEstimate);
    const clusters = new Set(inEstimate.map((u) => u.district)).size;
    const underSampledShare = region.unitsWithBothYears > 0 ? region.underSampledUnits / region.unitsWithBothYears : 0;
    const tooFewSampled = underSampledShare > METHOD.maximumUnderSampledShare;
    if (!tooFewSampled && !effects.has(effectKey)) {
      // Past the budget, a region not yet estimated ends the request: what was estimated is kept, so asking
      // again goes on from there (each request estimates at least one region).
      if (estimatedNow > 0 && performance.now() > deadline) throw overBudget(timeBudgetMs, data.length, key);
      estimatedNow++;
    }
    const estimated = tooFewSampled
      ? {
          effect: null,
          priorIkm: null,
          changeScore: null,
          failure: `${region.underSampledUnits} of ${region.unitsWithBothYears} units surveyed in both years have an under-sampled survey (Krejcie-Morgan), more than half`,
        }
      : memoised(effects, effectKey, () => {
          const size = estimationSize(regionUnits);
          if (size.work > workLimit)
            return { effect: null, priorIkm: null, changeScore: null, failure: tooLargeFailure(size), tooLarge: true };
          return regionEffect(regionUnits, delta);
        });
    // The placebo only for a region that will be judged (enough units and districts, an effect).
    const judged =
      estimated.effect !== null && inEstimate.length >= METHOD.minimumUnits && clusters >= METHOD.minimumClusters;
    data.push({
      code,
      known: factsByScope.get(code)?.known ?? true,
      region,
      units: regionUnits,
      skp: factsByScope.get(code)?.skp ?? [],
      learning: factsByScope.get(code),
      spending: factsByScope.get(code),
      ...estimated,
      tooLarge: 'tooLarge' in estimated && estimated.tooLarge === true,
      placebo: memoised(placebos, estimateKey(epoch, key.year, code, version, judged), () =>
        regionPlacebo(regionUnits, judged),
      ),
      inEstimate,
      clusters,
    });
  }
  const evidence = data.map(
    (d): RegionEvidence => ({
      region: d.code,
      units: d.inEstimate.length,
      clusters: d.clusters,
      effect: d.effect,
      ...(d.failure ? { failure: d.failure } : {}),
    }),
  );
  const verdicts = classifyRegions(evidence, {
    minimumMeaningfulEffect: delta,
    alpha: METHOD.alpha,
    minUnits: METHOD.minimumUnits,
    minClusters: METHOD.minimumClusters,
  });
  const results = data.map((d, i) => {
    const protect = protections[i]; // data is in request order, as protections
    return regionImpact(
      d,
      verdicts[i] as RegionVerdict,
      delta,
      protect === undefined ? protection(false, d.code) : protect,
    );
  });
  const tested = results.filter((r) => r.effect.perTenJp !== null);
  const ranked = once(() => rank(tested));
  for (const region of results) region.ensureRanked = ranked;
  const answer: ComparisonResult = {
    regions: results,
    ranking: once(() => {
      ranked();
      return tested.filter((r) => r.rank != null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
    }),
    differences: once(() => differences(tested)),
  };
  // Kept only when made of the versions the key names (not when a region was re-read after a newer write).
  const asKeyed = key.regionCodes.every(
    (code, i) =>
      inputs.get(code)?.version === versions.units[i] &&
      factsByScope.get(code)?.version === versions.facts[i] &&
      factsByScope.get(code)?.epoch === epoch,
  );
  if (asKeyed) comparisons.set(keptKey, answer);
  if (readForThis) readForThis.built = asKeyed;
  return answer;
}

/** One region's figures; `protect` withholds small cells (the viewer may not see the region's people). */
function regionImpact(data: RegionData, classified: RegionVerdict, delta: number, protect: Protection): RegionImpact {
  const { code, region, learning, effect } = data;
  const trained = data.skp.find((row) => row.trained);
  const untrained = data.skp.find((row) => !row.trained);
  const hasTraining = (learning?.enrolments ?? 0) > 0;
  const hasAnyData = region.unitsSurveyed > 0 || hasTraining || (data.spending?.lines ?? 0) > 0;
  const tested = classified.pGreaterHolm !== null;
  const { verdict, reason } = verdictReason(code, {
    verdict: classified,
    effect: tested ? effect : null,
    units: data.inEstimate.length,
    clusters: data.clusters,
    known: data.known,
    hasAnyData,
    underSampledUnits: region.underSampledUnits,
    unitsWithBothYears: region.unitsWithBothYears,
    failure: data.failure,
    tooLarge: data.tooLarge,
    placebo: data.placebo,
    minimumMeaningfulEffect: delta,
  });
  const perTenJp = tested && effect ? asEstimate(effect) : null;
  const breakdown = unitImpacts(data.units, protect, code);
  return {
    regionCode: code,
    known: data.known,
    rank: null,
    rankInterval: null,
    ensureRanked: () => {},
    exposure: exposureFigures(region, learning, breakdown, protect),
    serviceQuality: {
      unitsSurveyed: region.unitsSurveyed,
      meanIkm: region.meanIkm,
      meanIkmPrevious: region.meanIkmPrevious,
      meanChange: region.meanChange,
      unitsWithBothYears: region.unitsWithBothYears,
      underSampledUnits: region.underSampledUnits,
    },
    cost: trainingCost(data, unitCostsWithheld(learning, protect)),
    effect: {
      perTenJp,
      inference: tested ? (effect?.method ?? null) : null,
      unweightedPerTenJp: tested && effect ? unweightedEstimate(effect) : null,
      priorIkmCoefficient: tested ? data.priorIkm : null,
      changeScorePerTenJp: tested ? data.changeScore : null,
      units: data.inEstimate.length,
      clusters: data.clusters,
      pAboveZero: tested ? (effect?.pGreater ?? null) : null,
      pAboveZeroHolm: classified.pGreaterHolm,
      pBelowMinimumHolm: classified.pBelowMinimumHolm,
      holmFamilySize: classified.familySize,
      minimumMeaningfulEffect: delta,
      placebo: data.placebo,
      contrast: welchOrNull(
        { n: region.highN, mean: region.highMean, variance: region.highVariance },
        { n: region.lowN, mean: region.lowMean, variance: region.lowVariance },
      ),
      unitsAtOrAbove20Jp: region.highN,
      unitsBelow20Jp: region.lowN,
    },
    costPerIkmPoint: breakdown.totalShown.attributedSpending
      ? costPerIkmPoint(data, verdict)
      : withheldCostPerIkmPoint(),
    verdict,
    verdictReason: reason,
    kirkpatrick: kirkpatrick(learning, trained, untrained, welchOrNull(trained, untrained), perTenJp, protect),
    // Read only when the query asks for the units (GraphQL reads the property then).
    get units() {
      return breakdown.units;
    },
  };
}

/**
 * Cost per IKM point, only for EXPAND. The region's realised spending is attributed to the units in the
 * estimate by their share of the region's JP that year; the attribution by their share of participants
 * instead gives a second figure, and half the gap is the standard error carried into the interval.
 */
function costPerIkmPoint(data: RegionData, verdict: string): CostPerIkmPoint {
  const none = (reason: string): CostPerIkmPoint => ({
    estimate: null,
    lower: null,
    upper: null,
    attributedSpending: null,
    attributablePoints: null,
    reason,
  });
  if (verdict !== 'EXPAND' || !data.effect) {
    return none(
      'Only for an EXPAND verdict: without an effect known to be above zero no IKM point can be attributed to training.',
    );
  }
  const realised = Number(data.spending?.realised ?? 0);
  if (!(realised > 0) || (data.spending?.lines ?? 0) === 0)
    return none('No realised training spending is recorded for the region.');
  const regionJp = data.learning?.jp ?? 0;
  const regionParticipants = data.learning?.participants ?? 0;
  const unitJp = data.inEstimate.reduce((s, u) => s + u.jp, 0);
  const unitParticipants = data.inEstimate.reduce((s, u) => s + u.participants, 0);
  if (!(regionJp > 0) || !(unitJp > 0))
    return none('No JP was recorded for the units in the estimate, so no spending can be attributed to them.');
  const byJp = (realised * unitJp) / regionJp;
  const byParticipants = regionParticipants > 0 ? (realised * unitParticipants) / regionParticipants : byJp;
  const exposure = data.inEstimate.reduce((s, u) => s + exposureOf(u), 0);
  if (!(exposure > 0)) return none('The units in the estimate had no training before their surveys.');
  const input = {
    verdict: 'EXPAND' as const,
    spending: { estimate: byJp, standardError: Math.abs(byJp - byParticipants) / 2 },
    effect: {
      estimate: data.effect.estimate,
      standardError: data.effect.standardError,
      degreesOfFreedom: data.effect.degreesOfFreedom,
    },
    exposure,
    confidence: METHOD.confidence,
    draws: METHOD.draws,
    seed: METHOD.seed,
  };
  // Seeded draws: a pure function of these few numbers (JSON keeps each float exactly), kept like the estimates.
  const result = memoised(costs, JSON.stringify(input), () => costPerPoint(input));
  if (!result) return none('Only for an EXPAND verdict.');
  const rupiah = (value: number): string | null =>
    Number.isFinite(value) && value >= 0 ? BigInt(Math.round(value)).toString() : null;
  return {
    estimate: rupiah(result.estimate),
    lower: rupiah(result.lower),
    upper: rupiah(result.upper),
    attributedSpending: rupiah(byJp),
    attributablePoints: result.attributablePoints,
    reason: null,
  };
}

/**
 * Cost per IKM point when the spending attributed to the units in the estimate would reveal a lone withheld
 * unit's JP (their share of the region's JP is the attribution): withheld whole, as its figures give the
 * attributed spending back.
 */
function withheldCostPerIkmPoint(): CostPerIkmPoint {
  return {
    estimate: null,
    lower: null,
    upper: null,
    attributedSpending: null,
    attributablePoints: null,
    reason:
      "Withheld to protect privacy: the spending attributed to the units in the estimate would reveal a withheld unit's JP.",
  };
}

function trainingCost(data: RegionData, withheld: Withheld | null): TrainingCost {
  const lines = data.spending?.lines ?? 0;
  if (lines === 0) {
    return {
      realisedSpending: null,
      ceiling: null,
      costPerJp: null,
      costPerParticipant: null,
      note: 'no budget lines for this region and year: agencies keep training budgets at province or regency level, or no data was recorded',
      suppressedReason: null,
    };
  }
  const realised = BigInt(data.spending?.realised ?? '0');
  return {
    realisedSpending: realised.toString(),
    ceiling: data.spending?.ceiling ?? null,
    costPerJp: shown(realised > 0n ? rupiahPer(realised, data.learning?.jp ?? 0) : null, withheld),
    costPerParticipant: shown(realised > 0n ? rupiahPer(realised, data.learning?.participants ?? 0) : null, withheld),
    note: null,
    suppressedReason: suppressedReason({ costPerJp: withheld, costPerParticipant: withheld }),
  };
}

const asRegionEstimate = (r: RegionImpact) => ({
  region: r.regionCode,
  estimate: r.effect.perTenJp?.estimate ?? 0,
  standardError: r.effect.perTenJp?.standardError ?? 0,
  degreesOfFreedom: r.effect.perTenJp?.degreesOfFreedom ?? 1,
});

/** Ranks the regions with a tested estimate, strongest effect first, each with its rank interval. */
function rank(tested: RegionImpact[]): void {
  if (tested.length === 0) return;
  const estimates = tested.map(asRegionEstimate);
  const intervals = memoised(rankings, JSON.stringify(estimates), () =>
    rankIntervals(estimates, { draws: METHOD.draws, seed: METHOD.seed, confidence: METHOD.confidence }),
  );
  for (const [i, r] of tested.entries()) {
    const interval = intervals[i];
    if (!interval) continue;
    r.rank = interval.rank;
    r.rankInterval = {
      lower: interval.lowerRank,
      upper: interval.upperRank,
      probabilityFirst: interval.probabilityFirst,
    };
  }
}

/** Every pair of regions with a tested estimate, in request order, Holm-adjusted over the pairs. */
function differences(tested: RegionImpact[]): EffectDifference[] {
  if (tested.length < 2) return [];
  const pairs = pairwiseDifferences(tested.map(asRegionEstimate), METHOD.alpha);
  const level = 1 - METHOD.alpha / pairs.length;
  return pairs.map((pair) => ({
    regionCode: pair.regionA,
    otherRegionCode: pair.regionB,
    difference: {
      estimate: pair.estimate,
      standardError: pair.standardError,
      degreesOfFreedom: pair.degreesOfFreedom,
      lower: pair.lower,
      upper: pair.upper,
      confidence: level,
    },
    pValue: pair.pTwoSided,
    pValueHolm: pair.pHolm,
    distinguishable: pair.distinguishable,
  }));
}
