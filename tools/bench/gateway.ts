import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../subgraphs/names.js';
import { DEV_INTERNAL_KEY_FILE, DEV_JWT_KEY_FILE } from '../../subgraphs/shared/auth-config.js';
import { config } from '../../subgraphs/shared/config.js';

import { INTERNAL_TOKEN_HEADER, signViewerToken } from '../../subgraphs/shared/internal-token.js';
import { ensureKeyPairFile } from '../../subgraphs/shared/key-files.js';
import { DEV_NATIONAL_ADMIN, mintDevToken } from '../dev/dev-token.js';
import { freePort } from '../dev/embedded-postgres.js';
import { heapFlags } from '../dev/memory.js';
import { type Service, startService } from '../dev/service.js';
import { type BenchData, type BenchSeed, benchData, processTreeMemory } from './harness.js';

/**
 * `npm run bench -- --gateway`: throughput of the project's Apollo gateway against Hive Gateway serving
 * the same checked-in supergraph in front of the same subgraphs, and against the personnel subgraph
 * alone, in one run. Every server runs in its own process (as in production), started from dist/; the
 * load comes from autocannon in this process. Prints req/s, latency, the ratio, and the memory of each
 * process (gateway, each subgraph, PostgreSQL), and checks that both gateways give identical answers.
 *
 * Options: --connections N (default 20), --duration S per case (default 10), --workers N (the gateway's
 * GATEWAY_WORKERS, default 1), --employees N per region (default 5000), --cases a,b (apollo, hive,
 * personnel; default all), --rounds N (default 1; each round measures every case again, in turn, after one unmeasured warm-up
 * round of --warmup S, default 5),
 * --profile DIR (a V8 CPU profile of every server process, written there when it stops), --baseline DIST
 * (also the Apollo gateway of another build, e.g. the previous commit's dist/, as case "baseline"), --heap off
 * (V8's default heap sizes instead of tools/dev/memory.ts's bounds) or --heap N (N MiB each).
 */

export const CROSS_SUBGRAPH_QUERY = `{ employees(regionCode: "12.71", first: 100) { nodes {
  id fullName unit { id name ikm(year: 2025) { score grade } } agency { trainingBudgetSummary(year: 2025) { realised } }
  jp(year: 2025) { jp reachedMinimum } skp(year: 2025) { predicate } } } }`;
export const PERSONNEL_PAGE_QUERY =
  '{ employees(regionCode: "12.71", first: 100) { nodes { id fullName positionTitle } } }';

export const GATEWAY_BENCH_SEED: BenchSeed = {
  seed: 1,
  regions: ['12.71', '12.75', '93.01'],
  employeesPerRegion: 5000,
  years: { from: 2024, to: 2025 },
};

/** The environment every process of the benchmark shares: the data folder (keys), the database, quiet logs. */
function environment(
  data: Pick<BenchData, 'url' | 'dataDir'>,
  extra: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return {
    NODE_ENV: 'development',
    DATA_DIR: data.dataDir,
    DATABASE_URL: data.url,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    EXPLORER: 'off',
    OTEL_EXPORTER_OTLP_ENDPOINT: undefined,
    ...extra,
  };
}

/** A gateway of the benchmark: which implementation, and its settings. */
export interface GatewaySpec {
  kind: 'apollo' | 'hive';
  /** GATEWAY_DEDUPLICATE: identical in-flight query fetches of one viewer share one subgraph request. */
  deduplicate: boolean;
  /** GATEWAY_WORKERS (the Apollo gateway only). */
  workers?: number;
  /** Another build's dist/ (--baseline DIR): the gateway as it was, measured in the same run. */
  distDir?: string;
}

/** The cases of the benchmark by name. The "-plain" ones turn in-flight deduplication off in both gateways. */
export function gatewaySpecs(workers: number, baselineDist?: string): Record<string, GatewaySpec> {
  return {
    ...(baselineDist && { baseline: { kind: 'apollo', deduplicate: false, distDir: baselineDist } }),
    apollo: { kind: 'apollo', deduplicate: true, workers },
    hive: { kind: 'hive', deduplicate: true },
    'apollo-plain': { kind: 'apollo', deduplicate: false, workers },
    // Two gateway processes on one port, to compare with apollo-plain in the same run.
    'apollo-plain-2': { kind: 'apollo', deduplicate: false, workers: 2 },
    'hive-plain': { kind: 'hive', deduplicate: false },
  };
}

/** The subgraphs, then the gateways, each in its own process on a free port. */
export async function startStack(
  data: Pick<BenchData, 'url' | 'dataDir'>,
  options: {
    gateways?: Record<string, GatewaySpec>;
    profileDir?: string;
    heap?: string;
    /** Another build's dist/ for the subgraphs (the gateways take theirs from their spec). */
    distDir?: string;
    /** More environment for every process (e.g. NODE_ENV=production with its keys: national.ts). */
    env?: Record<string, string | undefined>;
    /** Names the profiles (several stacks write to one folder). */
    profilePrefix?: string;
  } = {},
): Promise<{ subgraphs: Record<SubgraphName, Service>; gateways: Record<string, Service>; stop(): Promise<void> }> {
  // Made once here: the children would otherwise race to create the development keys.
  await ensureKeyPairFile(join(data.dataDir, DEV_INTERNAL_KEY_FILE));
  await ensureKeyPairFile(join(data.dataDir, DEV_JWT_KEY_FILE));
  const started: Service[] = [];
  const profile = (name: string) =>
    options.profileDir
      ? [
          '--cpu-prof',
          `--cpu-prof-dir=${options.profileDir}`,
          `--cpu-prof-name=${options.profilePrefix ?? ''}${name}.cpuprofile`,
        ]
      : [];
  try {
    const personnelPort = await freePort();
    const personnelUrl = `http://127.0.0.1:${personnelPort}/`;
    const subgraphs = Object.fromEntries(
      await Promise.all(
        SUBGRAPH_NAMES.map(async (name) => {
          const port = name === 'personnel' ? personnelPort : await freePort();
          const service = await startService(
            name,
            'subgraphs/start-subgraph.js',
            [name],
            environment(data, { ...options.env, PORT: String(port), PERSONNEL_URL: personnelUrl }),
            [...heapFlags(name, options.heap), ...profile(name)],
            options.distDir,
          );
          started.push(service);
          return [name, service] as const;
        }),
      ),
    ) as Record<SubgraphName, Service>;
    const urls = Object.fromEntries(
      SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, subgraphs[name].url]),
    ) as Record<string, string>;
    const gateways: Record<string, Service> = {};
    for (const [name, spec] of Object.entries(options.gateways ?? {})) {
      const service = await startService(
        name,
        spec.kind === 'apollo' ? 'gateway/start-gateway.js' : 'tools/dev/hive-gateway.js',
        [],
        environment(data, {
          ...options.env,
          ...urls,
          PORT: String(await freePort()),
          GATEWAY_WORKERS: String(spec.workers ?? 1),
          GATEWAY_DEDUPLICATE: spec.deduplicate ? 'on' : 'off',
        }),
        [...heapFlags('gateway', options.heap), ...profile(name)],
        spec.distDir ?? options.distDir,
      );
      started.push(service);
      gateways[name] = service;
    }
    return {
      subgraphs,
      gateways,
      stop: async () => {
        await Promise.all(started.map((service) => service.stop()));
      },
    };
  } catch (error) {
    await Promise.all(started.map((service) => service.stop()));
    throw error;
  }
}

interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

/** autocannon against one GraphQL URL; every non-2xx counts as an error. */
async function load(
  url: string,
  body: string,
  headers: Record<string, string>,
  connections: number,
  duration: number,
): Promise<LoadResult> {
  const common = { url, method: 'POST' as const, body, headers: { 'content-type': 'application/json', ...headers } };
  const result = await autocannon({ ...common, connections, duration });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function postJson(url: string, body: string, headers: Record<string, string>): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return response.json();
}

export async function benchGateway(argv: string[] = process.argv): Promise<void> {
  const flag = (name: string, fallback: number) => {
    const index = argv.indexOf(`--${name}`);
    const value = index >= 0 ? Number(argv[index + 1]) : fallback;
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
    return value;
  };
  const casesIndex = argv.indexOf('--cases');
  const cases = (
    casesIndex >= 0 ? (argv[casesIndex + 1] ?? '') : 'personnel,apollo,hive,apollo-plain,hive-plain'
  ).split(',');
  const connections = flag('connections', 20);
  const duration = flag('duration', 10);
  const workers = flag('workers', 1);
  const rounds = flag('rounds', 1);
  const warmup = flag('warmup', 5);
  const seed: BenchSeed = { ...GATEWAY_BENCH_SEED, employeesPerRegion: flag('employees', 5000) };
  const data = await benchData(seed, () => {});
  console.log(
    data.seeded
      ? `seeded ${seed.regions.length} regions x ${seed.employeesPerRegion} employees in ${data.seedSeconds.toFixed(1)} s`
      : `reusing the seeded data in ${data.dataDir}`,
  );
  const baselineIndex = argv.indexOf('--baseline');
  const baselineDist = baselineIndex >= 0 ? argv[baselineIndex + 1] : undefined;
  if (baselineDist && !cases.includes('baseline')) cases.splice(1, 0, 'baseline');
  const specs = gatewaySpecs(workers, baselineDist);
  for (const name of cases) if (name !== 'personnel' && !specs[name]) throw new Error(`unknown case ${name}`);
  const gateways = Object.fromEntries(Object.entries(specs).filter(([name]) => cases.includes(name)));
  const profileIndex = argv.indexOf('--profile');
  const profileDir = profileIndex >= 0 ? argv[profileIndex + 1] : undefined;
  // --heap off: V8's default heap sizes instead of memory.ts's bounds (to compare); --heap N: N MiB each.
  const heapIndex = argv.indexOf('--heap');
  const heap = heapIndex >= 0 ? argv[heapIndex + 1] : config().dev.heapMib;
  const stack = await startStack(data, { gateways, profileDir, heap });
  console.log(
    `Node heaps: ${heap === 'off' ? "V8's defaults" : heap ? `${heap} MiB each` : 'bounded as in tools/dev/memory.ts'}`,
  );
  try {
    const jwt = await mintDevToken(DEV_NATIONAL_ADMIN, join(data.dataDir, DEV_JWT_KEY_FILE));
    const internalKey = (await ensureKeyPairFile(join(data.dataDir, DEV_INTERNAL_KEY_FILE))).privateKey;
    const authorization = { authorization: `Bearer ${jwt}` };
    const cross = JSON.stringify({ query: CROSS_SUBGRAPH_QUERY });
    const page = JSON.stringify({ query: PERSONNEL_PAGE_QUERY });

    // Identical answers first: a faster gateway that answers differently measures nothing.
    const apolloService = stack.gateways.apollo ?? stack.gateways['apollo-plain'];
    const hiveService = stack.gateways.hive ?? stack.gateways['hive-plain'];
    if (apolloService && hiveService) {
      const [a, h] = await Promise.all([
        postJson(apolloService.url, cross, authorization),
        postJson(hiveService.url, cross, authorization),
      ]);
      const nodes = (a as { data?: { employees?: { nodes?: unknown[] } } }).data?.employees?.nodes?.length ?? 0; // the query's shape
      if (nodes !== 100 || !isDeepStrictEqual(a, h)) {
        throw new Error(
          `the gateways answer differently (${nodes} employees from Apollo):\n${JSON.stringify(a).slice(0, 500)}\n${JSON.stringify(h).slice(0, 500)}`,
        );
      }
      console.log('answers identical: Apollo gateway and Hive Gateway, 100 employees across four subgraphs');
    }

    const results = new Map<string, LoadResult[]>();
    // Round 0 warms every process (JIT, lazily loaded modules, pools, PostgreSQL's cache) and is not
    // counted: measured cold, whichever case runs first would pay for the others.
    for (let round = -1; round < rounds; round++) {
      for (const name of cases) {
        let result: LoadResult;
        if (name === 'personnel') {
          // The subgraph alone trusts only the internal token; it lives 60 s, so one per case.
          const token = await signViewerToken(DEV_NATIONAL_ADMIN, internalKey);
          result = await load(
            stack.subgraphs.personnel.url,
            page,
            { [INTERNAL_TOKEN_HEADER]: token },
            connections,
            duration,
          );
        } else {
          const service = stack.gateways[name];
          if (!service) throw new Error(`unknown case ${name}`);
          result = await load(service.url, cross, authorization, connections, round < 0 ? warmup : duration);
        }
        if (round >= 0) results.set(name, [...(results.get(name) ?? []), result]);
      }
    }

    const memory: [string, number | undefined][] = [
      ...Object.entries(stack.gateways).map(([name, service]): [string, number | undefined] => [
        name,
        service.process.pid,
      ]),
      ...SUBGRAPH_NAMES.map((name): [string, number | undefined] => [name, stack.subgraphs[name].process.pid]),
      ['postgresql', data.postmasterPid],
    ];
    const plural = workers > 1 ? `${workers} workers` : '1 process';
    const labels: Record<string, string> = {
      apollo: `Apollo gateway (${plural}), cross-subgraph query, 100 employees`,
      hive: 'Hive Gateway, same supergraph and query',
      'apollo-plain': `Apollo gateway (${plural}), in-flight deduplication off`,
      'hive-plain': 'Hive Gateway, in-flight deduplication off',
      'apollo-plain-2': 'Apollo gateway, 2 workers (GATEWAY_WORKERS=2), in-flight deduplication off',
      personnel: 'personnel subgraph alone, 100-employee page',
      baseline: `Apollo gateway as built in ${baselineDist ?? ''}`,
    };
    const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? 0;
    // Printed and written to the data folder, so a run's table can be kept beside the README's.
    const report: string[] = [];
    report.push(`\n${connections} connections, ${duration} s per case, ${rounds} round(s); median over rounds`);
    report.push('| case | req/s | p50 ms | p99 ms | errors |');
    report.push('|---|---:|---:|---:|---:|');
    for (const [name, list] of results) {
      report.push(
        `| ${labels[name] ?? name} | ${median(list.map((r) => r.requestsPerSecond)).toFixed(1)} | ${median(list.map((r) => r.p50))} | ${median(list.map((r) => r.p99))} | ${list.reduce((n, r) => n + r.errors, 0)} |`,
      );
    }
    const apolloRps = median((results.get('apollo') ?? []).map((r) => r.requestsPerSecond));
    const hiveRps = median((results.get('hive') ?? []).map((r) => r.requestsPerSecond));
    if (apolloRps > 0 && hiveRps > 0)
      report.push(`\nApollo gateway / Hive Gateway: ${(apolloRps / hiveRps).toFixed(2)}x (goal >= 1.0x)`);
    const plainApollo = median((results.get('apollo-plain') ?? []).map((r) => r.requestsPerSecond));
    const plainHive = median((results.get('hive-plain') ?? []).map((r) => r.requestsPerSecond));
    if (plainApollo > 0 && plainHive > 0)
      report.push(`Apollo gateway / Hive Gateway, deduplication off in both: ${(plainApollo / plainHive).toFixed(2)}x`);
    report.push('\n| process | RSS MiB | PSS MiB | processes |');
    report.push('|---|---:|---:|---:|');
    let totalPss = 0;
    let stackPss = 0;
    const inStack = new Set<string>(['apollo', ...SUBGRAPH_NAMES, 'postgresql']);
    for (const [name, pid] of memory) {
      if (pid === undefined) continue;
      const m = processTreeMemory(pid);
      totalPss += m.pssMiB;
      if (inStack.has(name)) stackPss += m.pssMiB;
      report.push(`| ${name} | ${m.rssMiB.toFixed(0)} | ${m.pssMiB.toFixed(0)} | ${m.processes} |`);
    }
    report.push(`| total (PSS: shared pages counted once) | | ${totalPss.toFixed(0)} | |`);
    report.push(`| the stack: Apollo gateway, four subgraphs, PostgreSQL (goal < 1024) | | ${stackPss.toFixed(0)} | |`);
    const file = join(config().dev.dataDir, 'bench', `gateway-${new Date().toISOString().replace(/[:.]/g, '-')}.md`);
    await writeFile(file, `${report.join('\n')}\n`);
    console.log(`${report.join('\n')}\n\nwritten to ${file}`);
  } finally {
    await stack.stop();
    await data.stop();
  }
}
