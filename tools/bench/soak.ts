import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnvironment, config } from '../../subgraphs/shared/config.js';
import { DEV_NATIONAL_ADMIN, devAuthorization } from '../dev/dev-token.js';
import type { RunState } from '../dev/supervisor.js';

/**
 * `npm run bench -- --soak 600 [--connections 50]`: the real process shape (the supervisor, one process
 * per subgraph and the gateway, embedded PostgreSQL, a temporary data folder) under a steady mix of the
 * README's queries for a bounded time. Reports errors and the RSS of every process over time; the goal
 * is 0 errors and under 10% RSS growth after warm-up (the first fifth of the run, at least 10 s).
 */
const QUERIES: { name: string; query: string; variables?: Record<string, unknown> }[] = [
  {
    name: 'first query (unit, staff, IKM, budget, JP, SKP)',
    query: `{ serviceUnit(id: 1) { name region { name parent { name } }
      ikm(year: 2025) { score grade performance respondents minimumRespondents underSampled }
      agency { name trainingBudgetSummary(year: 2025) { ceiling realised realisationRate } }
      employees(first: 5) { totalCount nodes { nip fullName rank { code title } jp(year: 2025) { jp reachedMinimum } skp(year: 2025) { predicate } } } } }`,
  },
  {
    name: 'trainingImpact, 3 regencies',
    query: `query ($codes: [String!]!) { trainingImpact(regionCodes: $codes, year: 2025) {
      regions { region { name } verdict exposure { staff jpPerStaff } effect { perTenJp { estimate lower upper } }
        cost { costPerJp } kirkpatrick { l1Satisfaction { value } } }
      ranking { region { name } rank } differences { distinguishable } } }`,
    variables: { codes: ['12.71', '12.75', '93.01'] },
  },
  {
    name: 'region with agencies',
    query: '{ region(code: "12.71") { name agencies(first: 10) { totalCount nodes { name } } } }',
  },
  {
    name: '100 employees across subgraphs',
    query: `{ employees(regionCode: "12.71", first: 100) { nodes { id fullName unit { name ikm(year: 2025) { score } }
      jp(year: 2025) { jp } skp(year: 2025) { predicate } } } }`,
  },
];

interface Sample {
  at: number;
  requests: number;
  errors: number;
  rssMb: Record<string, number>;
}

function rssOf(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** PostgreSQL is a tree (postmaster and one backend per connection): its RSS summed (shared memory counts more than once). */
function postgresRss(postmaster: number | undefined): number {
  if (!postmaster) return 0;
  let total = rssOf(postmaster);
  try {
    const children = readFileSync(`/proc/${postmaster}/task/${postmaster}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    for (const child of children) total += rssOf(Number(child));
  } catch {
    /* not Linux */
  }
  return total;
}

export async function soak(seconds: number, connections: number): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'pembinaan-soak-'));
  const supervisor = spawn(process.execPath, [join(config().root, 'dist', 'tools', 'dev', 'start.js')], {
    env: childEnvironment({ DATA_DIR: dataDir, PORT: '0', DATABASE_URL: undefined, EMBEDDED_PG_PORT: undefined }),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    let state: RunState | undefined;
    const startDeadline = Date.now() + 120_000;
    while (!state?.ready) {
      if (supervisor.exitCode !== null || Date.now() > startDeadline) throw new Error('the supervisor did not start');
      await new Promise((resolve) => setTimeout(resolve, 250));
      state = await readFile(join(dataDir, 'run.json'), 'utf8')
        .then((text) => JSON.parse(text) as RunState)
        .catch(() => undefined);
    }
    const url = state.gateway.url;
    console.log(`soak: ${seconds} s, ${connections} connections, ${QUERIES.length} queries in turn, against ${url}`);
    let requests = 0;
    let errors = 0;
    const errorKinds = new Map<string, number>();
    const endAt = Date.now() + seconds * 1000;
    const authorization = await devAuthorization(DEV_NATIONAL_ADMIN, dataDir);
    const worker = async (offset: number) => {
      for (let i = offset; Date.now() < endAt; i++) {
        const q = QUERIES[i % QUERIES.length];
        if (!q) continue;
        try {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...authorization },
            body: JSON.stringify({ query: q.query, variables: q.variables ?? {} }),
          });
          const body = (await response.json()) as { errors?: { message: string }[] };
          if (response.status !== 200 || body.errors?.length) {
            errors += 1;
            const kind = `${q.name}: ${response.status} ${body.errors?.[0]?.message ?? ''}`;
            errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
          }
        } catch (error) {
          errors += 1;
          const kind = `${q.name}: ${error instanceof Error ? error.message : String(error)}`;
          errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
        }
        requests += 1;
      }
    };
    const samples: Sample[] = [];
    const names = ['gateway', ...Object.keys(state.subgraphs), 'postgres'];
    const sample = () => {
      const s = state;
      if (!s) return;
      samples.push({
        at: (Date.now() - (endAt - seconds * 1000)) / 1000,
        requests,
        errors,
        rssMb: Object.fromEntries(
          names.map((name) => [
            name,
            name === 'gateway'
              ? rssOf(s.gateway.pid)
              : name === 'postgres'
                ? postgresRss(s.postgres)
                : rssOf(s.subgraphs[name as keyof RunState['subgraphs']].pid),
          ]),
        ),
      });
    };
    const interval = Math.max(5, Math.min(60, Math.round(seconds / 12)));
    sample();
    const sampler = setInterval(sample, interval * 1000);
    await Promise.all(Array.from({ length: connections }, (_, i) => worker(i)));
    clearInterval(sampler);
    sample();

    console.log(`\n| t (s) | requests | req/s | errors | ${names.map((n) => `${n} RSS MB`).join(' | ')} |`);
    console.log(`|---:|---:|---:|---:|${names.map(() => '---:').join('|')}|`);
    let previous: Sample | undefined;
    for (const s of samples) {
      const rate = previous ? (s.requests - previous.requests) / (s.at - previous.at) : 0;
      console.log(
        `| ${s.at.toFixed(0)} | ${s.requests} | ${rate.toFixed(0)} | ${s.errors} | ${names.map((n) => (s.rssMb[n] ?? 0).toFixed(0)).join(' | ')} |`,
      );
      previous = s;
    }
    const warm = Math.max(10, seconds / 5);
    const base = samples.find((s) => s.at >= warm) ?? samples[0];
    const last = samples.at(-1);
    if (!base || !last) throw new Error('no RSS sample was taken');
    console.log(
      `\nafter warm-up (${warm.toFixed(0)} s): RSS growth ${names.map((n) => `${n} ${((((last.rssMb[n] ?? 0) - (base.rssMb[n] ?? 0)) / (base.rssMb[n] ?? 1)) * 100).toFixed(1)}%`).join(', ')}`,
    );
    console.log(
      `${requests} requests, ${errors} errors (${((errors / Math.max(1, requests)) * 100).toFixed(3)}%), ${(requests / seconds).toFixed(0)} req/s`,
    );
    for (const [kind, count] of errorKinds) console.log(`  ${count} x ${kind}`);
  } finally {
    supervisor.kill('SIGTERM');
    await new Promise((resolve) =>
      supervisor.exitCode !== null ? resolve(undefined) : supervisor.once('exit', resolve),
    );
    await rm(dataDir, { recursive: true, force: true });
  }
}
