import { clearDemoData, generateDemoData } from '../seed/generate.js';
import { argument, benchEnvironment, post } from './harness.js';

/**
 * `npm run bench:coverage`: how often the reported 95% interval of the training effect covers the true
 * effect the generator planted, over many seeds. Each seed regenerates the data of eight regencies
 * (three demo regions with fixed effects, five with random ones) and asks the gateway for the comparison.
 * Options: --seeds N (default 40), --employees N per region (default 600).
 */
const seeds = argument('seeds', 40);
const employeesPerRegion = argument('employees', 600);
const REGIONS = ['12.71', '12.75', '93.01', '12.01', '12.02', '12.04', '12.07', '12.12'];
const QUERY = `query ($codes: [String!]!) { trainingImpact(regionCodes: $codes, year: 2025) {
  regions { regionCode verdict effect { perTenJp { estimate lower upper } } } } }`;

interface Response {
  data: { trainingImpact: { regions: { regionCode: string; verdict: string; effect: { perTenJp: { estimate: number; lower: number; upper: number } | null } }[] } };
}

const env = await benchEnvironment();
let intervals = 0;
let covered = 0;
let zeroEffectRegions = 0;
let zeroEffectExpanded = 0;
let missing = 0;
const errors: number[] = [];
try {
  const platform = await env.startPlatform();
  const started = performance.now();
  for (let seed = 1; seed <= seeds; seed++) {
    await clearDemoData(env.pool);
    const truth = await generateDemoData(env.pool, { seed, regions: REGIONS, employeesPerRegion, years: { from: 2024, to: 2025 } });
    const { data } = (await post(platform.gateway.url, QUERY, { codes: REGIONS })) as Response;
    for (const region of data.trainingImpact.regions) {
      const trueEffect = truth.regions[region.regionCode]?.effectPer10Jp;
      const effect = region.effect.perTenJp;
      if (trueEffect === undefined || !effect) {
        missing += 1;
        continue;
      }
      intervals += 1;
      if (effect.lower <= trueEffect && trueEffect <= effect.upper) covered += 1;
      errors.push(effect.estimate - trueEffect);
      if (trueEffect === 0) {
        zeroEffectRegions += 1;
        if (region.verdict === 'EXPAND') zeroEffectExpanded += 1;
      }
    }
    if (seed % 10 === 0) console.log(`seed ${seed}/${seeds}: coverage so far ${((100 * covered) / intervals).toFixed(1)}%`);
  }
  const share = covered / intervals;
  // Wilson 95% interval of the coverage itself.
  const z = 1.959964;
  const centre = (share + (z * z) / (2 * intervals)) / (1 + (z * z) / intervals);
  const half = (z * Math.sqrt((share * (1 - share)) / intervals + (z * z) / (4 * intervals * intervals))) / (1 + (z * z) / intervals);
  const meanError = errors.reduce((a, b) => a + b, 0) / errors.length;
  console.log(`\n${seeds} seeds x ${REGIONS.length} regions (${employeesPerRegion} employees each), year 2025, in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  console.log(`95% intervals covering the true effect: ${covered} of ${intervals} = ${(100 * share).toFixed(1)}% (Wilson 95% CI ${(100 * (centre - half)).toFixed(1)}-${(100 * (centre + half)).toFixed(1)}%)`);
  console.log(`mean estimate minus truth: ${meanError.toFixed(3)} IKM points per +10 JP per staff member`);
  console.log(`regions with no true effect called EXPAND: ${zeroEffectExpanded} of ${zeroEffectRegions}`);
  if (missing) console.log(`regions without an estimate: ${missing}`);
} finally {
  await env.stop();
}
