import { clearDemoData, generateDemoData, SCENARIOS, type Scenario } from '../seed/generate.js';
import { hashSeed, Rng } from '../seed/random.js';
import { argument, benchEnvironment, post } from './harness.js';

/**
 * `npm run bench:coverage`: the training-impact method against the truth the generator planted, in every
 * scenario (tools/seed/scenario.ts), over many seeds. Each seed regenerates eight regencies with mixed sizes
 * (employees drawn from --sizes) and effects drawn by the benchmark: zero in about half the regions, else
 * uniform on 0.25-2.5 IKM points per +10 JP per staff member; then asks the gateway for the comparison of 2025.
 *
 * Reported per scenario, for the method the platform uses ("after") and for the method it used before
 * (OLS of the IKM change on calendar-year JP per staff member, t interval, EXPAND when the interval is
 * above zero: recomputed here from the same units, "before"):
 * - coverage: share of 95% intervals that contain the true effect (goal 93-97%);
 * - false EXPAND per request: share of requests in which at least one zero-effect region was told to
 *   EXPAND (family-wise, goal at most 5%), and per zero-effect region;
 * - power: share of regions told to EXPAND, by true effect;
 * - ranking: for pairs of regions whose true effects differ by at least 2 standard errors of the
 *   difference, the share ordered as the truth orders them.
 * Options: --seeds N (default 40), --scenarios a,b (default all), --sizes 300,600,1200 (employees per region).
 */
const seeds = argument('seeds', 40);
const scenarioArg = process.argv.indexOf('--scenarios');
const scenarios = (scenarioArg >= 0 ? (process.argv[scenarioArg + 1] ?? '').split(',') : [...SCENARIOS]) as Scenario[];
const sizesArg = process.argv.indexOf('--sizes');
const sizes = (sizesArg >= 0 ? (process.argv[sizesArg + 1] ?? '') : '300,600,1200').split(',').map(Number);
if (sizes.some((n) => !(n >= 30))) throw new Error('--sizes must be employee counts of at least 30');
const REGIONS = ['12.71', '12.75', '93.01', '12.01', '12.02', '12.04', '12.07', '12.12'];
const YEAR = 2025;
const QUERY = `query ($codes: [String!]!) { trainingImpact(regionCodes: $codes, year: ${YEAR}) {
  regions { regionCode verdict effect { perTenJp { estimate standardError lower upper } inference }
    units { staff jp ikm ikmPrevious underSampled } } } }`;

interface RegionResult {
  regionCode: string;
  verdict: string;
  effect: {
    perTenJp: { estimate: number; standardError: number; lower: number; upper: number } | null;
    inference: string | null;
  };
  units: { staff: number; jp: number; ikm: number | null; ikmPrevious: number | null; underSampled: boolean }[];
}

/** The previous method (before cluster-robust, adjusted estimates): OLS of the IKM change on calendar-year JP per staff member / 10, t interval. */
function before(
  units: RegionResult['units'],
): { estimate: number; standardError: number; lower: number; upper: number } | null {
  const points = units
    .filter((u) => u.staff > 0 && u.ikm != null && u.ikmPrevious != null && !u.underSampled)
    .map((u) => ({ x: u.jp / u.staff / 10, y: (u.ikm ?? 0) - (u.ikmPrevious ?? 0) }));
  const n = points.length;
  if (n < 10) return null;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const syy = points.reduce((s, p) => s + (p.y - my) ** 2, 0);
  if (!(sxx > 0)) return null;
  const b = sxy / sxx;
  const se = Math.sqrt((syy - b * sxy) / (n - 2) / sxx);
  const t = tQuantile975(n - 2);
  return { estimate: b, standardError: se, lower: b - t * se, upper: b + t * se };
}

/** 97.5% quantile of Student's t (Hill's approximation is plenty for df >= 8). */
function tQuantile975(df: number): number {
  const z = 1.959964;
  const g1 = (z ** 3 + z) / 4;
  const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
  const g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3;
}

interface Tally {
  intervals: number;
  covered: number;
  requests: number;
  requestsWithFalseExpand: number;
  nullRegions: number;
  nullExpanded: number;
  powerBins: Map<string, { n: number; expand: number }>;
  rankPairs: number;
  rankAgree: number;
  missing: number;
  errors: number[];
}

const tally = (): Tally => ({
  intervals: 0,
  covered: 0,
  requests: 0,
  requestsWithFalseExpand: 0,
  nullRegions: 0,
  nullExpanded: 0,
  powerBins: new Map(),
  rankPairs: 0,
  rankAgree: 0,
  missing: 0,
  errors: [],
});
const BINS: [number, number, string][] = [
  [0.01, 0.5, '0.25-0.5'],
  [0.5, 1, '0.5-1'],
  [1, 1.5, '1-1.5'],
  [1.5, 2.6, '1.5-2.5'],
];

function score(
  t: Tally,
  results: {
    code: string;
    truth: number;
    estimate: { estimate: number; standardError: number; lower: number; upper: number } | null;
    expand: boolean;
  }[],
): void {
  t.requests += 1;
  let falseExpand = false;
  for (const r of results) {
    if (r.estimate) {
      t.intervals += 1;
      if (r.estimate.lower <= r.truth && r.truth <= r.estimate.upper) t.covered += 1;
      t.errors.push(r.estimate.estimate - r.truth);
    } else t.missing += 1;
    if (r.truth === 0) {
      t.nullRegions += 1;
      if (r.expand) {
        t.nullExpanded += 1;
        falseExpand = true;
      }
    } else {
      const bin = BINS.find(([lo, hi]) => r.truth >= lo && r.truth < hi)?.[2] ?? 'other';
      const cell = t.powerBins.get(bin) ?? { n: 0, expand: 0 };
      cell.n += 1;
      if (r.expand) cell.expand += 1;
      t.powerBins.set(bin, cell);
    }
  }
  if (falseExpand) t.requestsWithFalseExpand += 1;
  const estimated = results.filter((r) => r.estimate);
  estimated.forEach((a, i) => {
    for (const b of estimated.slice(i + 1)) {
      const se = Math.hypot(a.estimate?.standardError ?? 0, b.estimate?.standardError ?? 0);
      if (Math.abs(a.truth - b.truth) < 2 * se) continue;
      t.rankPairs += 1;
      if (Math.sign((a.estimate?.estimate ?? 0) - (b.estimate?.estimate ?? 0)) === Math.sign(a.truth - b.truth))
        t.rankAgree += 1;
    }
  });
}

const pct = (a: number, b: number): string => (b > 0 ? `${((100 * a) / b).toFixed(1)}%` : '-');

const env = await benchEnvironment();
const results = new Map<Scenario, { before: Tally; after: Tally }>();
try {
  const platform = await env.startPlatform();
  const started = performance.now();
  for (const scenario of scenarios) {
    const pair = { before: tally(), after: tally() };
    results.set(scenario, pair);
    for (let seed = 1; seed <= seeds; seed++) {
      // The benchmark's own draws (sizes, effects), the same for every scenario of a seed.
      const rng = new Rng(hashSeed(seed, 'bench:coverage'));
      const employeesByRegion: Record<string, number> = {};
      const effectsByRegion: Record<string, number> = {};
      for (const code of REGIONS) {
        employeesByRegion[code] = sizes[rng.int(0, sizes.length - 1)] ?? 600;
        effectsByRegion[code] = rng.chance(0.5) ? 0 : Math.round(rng.uniform(0.25, 2.5) * 100) / 100;
      }
      await clearDemoData(env.pool);
      const truth = await generateDemoData(env.pool, {
        seed,
        regions: REGIONS,
        employeesPerRegion: 600,
        employeesByRegion,
        effectsByRegion,
        scenario,
        years: { from: YEAR - 1, to: YEAR },
      });
      const { data } = (await post(platform.gateway.url, QUERY, { codes: REGIONS })) as {
        data: { trainingImpact: { regions: RegionResult[] } };
      };
      const regions = data.trainingImpact.regions;
      const truthOf = (code: string): number => truth.regions[code]?.effectPer10Jp ?? Number.NaN;
      score(
        pair.after,
        regions.map((r) => ({
          code: r.regionCode,
          truth: truthOf(r.regionCode),
          estimate: r.effect.perTenJp,
          expand: r.verdict === 'EXPAND',
        })),
      );
      score(
        pair.before,
        regions.map((r) => {
          const b = before(r.units);
          return { code: r.regionCode, truth: truthOf(r.regionCode), estimate: b, expand: b !== null && b.lower > 0 };
        }),
      );
      if (seed % 10 === 0) {
        console.log(
          `${scenario} seed ${seed}/${seeds} (${((performance.now() - started) / 1000).toFixed(0)} s): coverage before ${pct(pair.before.covered, pair.before.intervals)}, after ${pct(pair.after.covered, pair.after.intervals)}`,
        );
      }
    }
  }
  console.log(
    `\n${seeds} seeds x ${REGIONS.length} regions (employees per region drawn from ${sizes.join('/')}), year ${YEAR}, ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  console.log(
    '\n| scenario | coverage before | coverage after | false EXPAND per request before / after | per zero-effect region before / after | ranking agrees (>= 2 SE) before / after | mean error before / after |',
  );
  console.log('|---|---|---|---|---|---|---|');
  const mean = (xs: number[]): string => (xs.length ? (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(3) : '-');
  for (const [scenario, { before: b, after: a }] of results) {
    console.log(
      `| ${scenario} | ${pct(b.covered, b.intervals)} (${b.covered}/${b.intervals}) | ${pct(a.covered, a.intervals)} (${a.covered}/${a.intervals}) | ` +
        `${pct(b.requestsWithFalseExpand, b.requests)} / ${pct(a.requestsWithFalseExpand, a.requests)} | ` +
        `${b.nullExpanded}/${b.nullRegions} / ${a.nullExpanded}/${a.nullRegions} | ${pct(b.rankAgree, b.rankPairs)} / ${pct(a.rankAgree, a.rankPairs)} (${a.rankPairs} pairs) | ${mean(b.errors)} / ${mean(a.errors)} |`,
    );
  }
  console.log(
    '\nPower: share of regions told to EXPAND, by true effect (IKM points per +10 JP per staff member), before / after',
  );
  console.log(`| scenario | ${BINS.map(([, , label]) => label).join(' | ')} |`);
  console.log(`|---|${BINS.map(() => '---').join('|')}|`);
  for (const [scenario, { before: b, after: a }] of results) {
    const cells = BINS.map(([, , label]) => {
      const cb = b.powerBins.get(label);
      const ca = a.powerBins.get(label);
      return `${pct(cb?.expand ?? 0, cb?.n ?? 0)} / ${pct(ca?.expand ?? 0, ca?.n ?? 0)} (n ${ca?.n ?? 0})`;
    });
    console.log(`| ${scenario} | ${cells.join(' | ')} |`);
  }
  for (const [scenario, { after: a }] of results)
    if (a.missing) console.log(`${scenario}: ${a.missing} region results without an estimate (after)`);
} finally {
  await env.stop();
}
