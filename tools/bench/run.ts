import { generateDemoData } from '../seed/generate.js';
import { argument, benchEnvironment, measure, post } from './harness.js';
import { benchImport } from './import.js';
import { benchNational } from './national.js';
import { soak } from './soak.js';

/**
 * `npm run bench`: latency and throughput of representative queries on one machine, each against a
 * baseline measured in the same run (a one-subgraph page read directly from the personnel subgraph).
 * Options: --employees N per region (default 5000); --import-rows N, the rows of the import case
 * (default 1,000,000; see import.ts); --import-only skips the query cases. `--soak SECONDS [--connections N]`:
 * the soak mode instead (see soak.ts). `--scale national`: trainingImpact over all 514 regencies on data seeded
 * once and kept (see national.ts). `--gateway`: Apollo gateway against Hive Gateway (see gateway.ts).
 */
const scale = process.argv.indexOf('--scale');
if (scale >= 0) {
  if (process.argv[scale + 1] !== 'national') throw new Error('--scale takes "national"');
  await benchNational();
  process.exit(0);
}
if (process.argv.includes('--gateway')) {
  const { benchGateway } = await import('./gateway.js');
  await benchGateway();
  process.exit(0);
}
if (process.argv.includes('--soak')) {
  await soak(argument('soak', 600), argument('connections', 50));
  process.exit(0);
}
const employeesPerRegion = argument('employees', 5000);
const importRows = argument('import-rows', 1_000_000);
const importOnly = process.argv.includes('--import-only');
const env = await benchEnvironment();
try {
  const seedStarted = performance.now();
  await generateDemoData(env.pool, {
    seed: 1,
    regions: ['12.71', '12.75', '93.01'],
    employeesPerRegion,
    years: { from: 2024, to: 2025 },
  });
  console.log(
    `seeded 3 regions x ${employeesPerRegion} employees, 2024-2025, in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
  );
  const platform = await env.startPlatform();
  const gateway = platform.gateway.url;
  const personnel = platform.subgraphs.personnel.url;
  const { rows: districts } = await env.pool.query<{ code: string }>(
    "select code from personnel.region where parent_code = '12.71' order by code limit 20",
  );

  const page = (first: number) =>
    `{ employees(regionCode: "12.71", first: ${first}) { nodes { id fullName positionTitle } } }`;
  const crossPage = (first: number) => `{ employees(regionCode: "12.71", first: ${first}) { nodes {
      id fullName unit { id name ikm(year: 2025) { score grade } } agency { trainingBudgetSummary(year: 2025) { realised } }
      jp(year: 2025) { jp reachedMinimum } skp(year: 2025) { predicate } } } }`;
  const impact = `query ($codes: [String!]!) { trainingImpact(regionCodes: $codes, year: 2025) {
      regions { regionCode verdict effect { perTenJp { estimate lower upper } } cost { costPerJp } kirkpatrick { l1Satisfaction { value } } }
      differences { distinguishable } } }`;

  const cases: [string, () => Promise<unknown>][] = [
    ['baseline: personnel subgraph directly, 100 employees', () => post(personnel, page(100))],
    ['gateway, personnel only, 100 employees', () => post(gateway, page(100))],
    ['gateway, all four subgraphs, 100 employees', () => post(gateway, crossPage(100))],
    ['gateway, all four subgraphs, 1,000 employees', () => post(gateway, crossPage(1000))],
    ['trainingImpact, 3 regencies', () => post(gateway, impact, { codes: ['12.71', '12.75', '93.01'] })],
    ['trainingImpact, 20 districts', () => post(gateway, impact, { codes: districts.map((d) => d.code) })],
    // Measured again last: how far the baseline drifted during the run (JIT warm-up, caches).
    ['baseline again, at the end', () => post(personnel, page(100))],
  ];
  const results: { name: string; median: number; p95: number; rps: number }[] = [];
  for (const [name, send] of importOnly ? [] : cases) {
    const timing = await measure(send, { warmup: 30, samples: 60, requests: 120 });
    results.push({ name, median: timing.median, p95: timing.p95, rps: timing.requestsPerSecond });
  }
  const baseline = results[0]?.median ?? 1;
  if (!importOnly) {
    console.log('\n| case | median ms | p95 ms | req/s (8 clients) | median / baseline |');
    console.log('|---|---:|---:|---:|---:|');
  }
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.median.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.rps.toFixed(0)} | ${(r.median / baseline).toFixed(2)} |`,
    );
  }
  await benchImport(env.database.url, platform, importRows);
} finally {
  await env.stop();
}
