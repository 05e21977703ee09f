import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnvironment, projectRoot } from '../../subgraphs/shared/config.js';
import { DEV_NATIONAL_ADMIN, devAuthorization } from '../../tools/dev/dev-token.js';
import type { RunState } from '../../tools/dev/supervisor.js';

/**
 * Faults, against the real process shape of `npm start` (the supervisor from dist/, built by `npm test`,
 * each subgraph and the gateway in its own process, an embedded PostgreSQL) on free ports and a
 * temporary data folder: a killed child comes back, PostgreSQL stopping is survived, SIGTERM under load
 * drops nothing and leaves no process behind, and a SIGKILLed supervisor does not block the next start.
 */
const root = projectRoot();
let dataDir: string;
const supervisors: ChildProcess[] = [];

/** Touches all four subgraphs: personnel's unit and staff, evaluation's IKM and SKP, budgeting, learning. */
const FULL = `{ serviceUnit(id: 1) { name ikm(year: 2025) { score } agency { trainingBudgetSummary(year: 2025) { realised } }
  employees(first: 3) { nodes { fullName jp(year: 2025) { jp } skp(year: 2025) { predicate } } } } }`;

interface Answer {
  status: number;
  body?: { data?: { serviceUnit?: { employees?: { nodes?: unknown[] } } | null }; errors?: unknown[] };
  error?: string;
}

let authorization: { authorization: string } | undefined;

/** One request on its own connection (no keep-alive): either it is served, refused, or dropped. */
function ask(url: string, query = FULL): Promise<Answer> {
  return new Promise((resolve) => {
    const body = JSON.stringify({ query });
    const req = request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          // Signed with the JWT key of the supervisor's data folder, as `npm run token` would.
          ...(authorization ?? {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Answer['body'] });
          } catch {
            resolve({ status: res.statusCode ?? 0, error: `incomplete body: ${text.slice(0, 80)}` });
          }
        });
        res.on('error', (error) => resolve({ status: res.statusCode ?? 0, error: error.message }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ status: 0, error: error.code ?? error.message }));
    req.end(body);
  });
}

const isFull = (answer: Answer) =>
  answer.status === 200 &&
  !answer.body?.errors &&
  (answer.body?.data?.serviceUnit?.employees?.nodes?.length ?? 0) === 3;

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function alive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Every process whose command line names the data folder (PostgreSQL, its guard). */
function processesOf(folder: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(folder);
      } catch {
        return false;
      }
    })
    .map(Number)
    .filter(alive);
}

function readState(): RunState | undefined {
  try {
    return JSON.parse(readFileSync(join(dataDir, 'run.json'), 'utf8')) as RunState;
  } catch {
    return undefined;
  }
}

/**
 * How long the first start may take: it seeds the demo data (3 regions x 1,000 employees x 5 years, 3.5-3.9 s
 * since seeds take the bulk path) and starts PostgreSQL, four subgraphs and the gateway. The first test took
 * 13.6 and 19.4 s on a 2-core machine at a load average of 4.5-6.5 (81.5 and 61.7 s when the seed went through
 * the rollup triggers).
 */
const SUPERVISOR_READY_MS = 60_000;

/** Starts `npm start`'s supervisor (compiled) and waits until the gateway gives full answers. */
async function startSupervisor(): Promise<{ child: ChildProcess; state: RunState; output: string[] }> {
  const env = childEnvironment({
    DATA_DIR: dataDir,
    PORT: '0',
    SHUTDOWN_GRACE_MS: '5000',
    SUBGRAPH_TIMEOUT_MS: '2000',
    NODE_ENV: 'development',
    DATABASE_URL: undefined,
    EMBEDDED_PG_PORT: undefined,
  });
  const child = spawn(process.execPath, [join(root, 'dist', 'tools', 'dev', 'start.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  supervisors.push(child);
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const state = await until(
    'the supervisor to be ready',
    () => {
      if (child.exitCode !== null) throw new Error(`supervisor exited ${child.exitCode}:\n${output.join('')}`);
      const s = readState();
      return s && s.supervisor === child.pid && s.ready ? s : undefined;
    },
    SUPERVISOR_READY_MS,
  );
  await until('a full answer', async () => isFull(await ask(state.gateway.url)) || undefined);
  return { child, state, output };
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

beforeAll(async () => {
  if (!existsSync(join(root, 'dist', 'tools', 'dev', 'start.js')))
    throw new Error('dist/ is missing: `npm test` builds it first');
  dataDir = await mkdtemp(join(tmpdir(), 'pembinaan-faults-'));
  authorization = await devAuthorization(DEV_NATIONAL_ADMIN, dataDir);
});

afterAll(async () => {
  for (const child of supervisors) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await until('no process left', () => processesOf(dataDir).length === 0 || undefined, 20_000).catch(() => {});
  await rm(dataDir, { recursive: true, force: true });
});

describe('the supervisor (npm start)', () => {
  let run: Awaited<ReturnType<typeof startSupervisor>>;

  it('restarts a killed subgraph and full answers return', { timeout: SUPERVISOR_READY_MS + 60_000 }, async () => {
    run = await startSupervisor();
    const before = run.state.subgraphs.learning.pid!;
    process.kill(before, 'SIGKILL');
    const after = await until('learning restarted', () => {
      const pid = readState()?.subgraphs.learning.pid;
      return pid && pid !== before ? pid : undefined;
    });
    expect(alive(after)).toBe(true);
    await until('full answers again', async () => isFull(await ask(run.state.gateway.url)) || undefined);
    expect(run.output.join('')).toMatch(/learning exited unexpectedly \(signal SIGKILL\).*restart #1/);
  });

  // On free ports the subgraphs do not listen on their defaults (4001-4004): evaluation must pull its owners'
  // feeds from where the supervisor started them, or its comparisons stay empty.
  it("keeps evaluation's read model in step with its owners on free ports", async () => {
    const IMPACT = '{ trainingImpact(regionCodes: ["12.71"], year: 2025) { regions { exposure { staff jp } } } }';
    // Personnel's staffing and learning's JP arrive through two feeds, each pulled on its own.
    const exposure = await until("the comparison to count the demo's staff and JP", async () => {
      const answer = await ask(run.state.gateway.url, IMPACT);
      const data = answer.body?.data as // the IMPACT query's shape
        | { trainingImpact?: { regions?: { exposure?: { staff?: number; jp?: number } }[] } }
        | undefined;
      const found = data?.trainingImpact?.regions?.[0]?.exposure;
      return found && (found.staff ?? 0) > 0 && (found.jp ?? 0) > 0 ? found : undefined;
    });
    expect(exposure.jp! / exposure.staff!).toBeGreaterThan(1);
  });

  it('survives PostgreSQL stopping and starting again, without restarting the subgraphs', async () => {
    const state = readState()!;
    const subgraphPids = Object.values(state.subgraphs).map((s) => s.pid);
    process.kill(state.postgres!, 'SIGINT'); // PostgreSQL's fast shutdown, as an operator's pg_ctl stop -m fast
    let errors = 0;
    await until('recovery', async () => {
      const answer = await ask(state.gateway.url);
      if (isFull(answer)) return true;
      errors += 1;
      return undefined;
    });
    expect(errors).toBeGreaterThan(0);
    // The supervisor records the new server once its start-up returns, which may be just after the first
    // answers come back: wait for run.json rather than read it once.
    const now = await until('the new PostgreSQL recorded', () => {
      const current = readState();
      return current?.postgres && current.postgres !== state.postgres ? current : undefined;
    });
    expect(alive(now.postgres!)).toBe(true);
    expect(Object.values(now.subgraphs).map((s) => s.pid)).toEqual(subgraphPids);
  });

  // SUBGRAPH_TIMEOUT_MS is 2 s in this test's supervisor: a frozen subgraph costs that, not a hang.
  // Learning's `jp` is nullable (a refused or failed field nulls only itself): a frozen learning leaves
  // every other field of the answer in place.
  const APART = `{ serviceUnit(id: 1) { name ikm(year: 2025) { score } agency { trainingBudgetSummary(year: 2025) { realised } }
    employees(first: 3) { nodes { fullName skp(year: 2025) { predicate } } } }
    trained: employee(id: 1) { fullName jp(year: 2025) { jp } } }`;
  it('answers within the gateway timeout while a subgraph is frozen', async () => {
    const state = readState()!;
    const learning = state.subgraphs.learning.pid!;
    process.kill(learning, 'SIGSTOP');
    try {
      const started = Date.now();
      const answer = await ask(state.gateway.url, APART);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(answer.status).toBe(200);
      const errors = (answer.body?.errors ?? []) as {
        path?: unknown[];
        extensions?: { code?: string; serviceName?: string };
      }[];
      expect(errors.length).toBeGreaterThan(0);
      expect(
        errors.every((e) => e.extensions?.serviceName === 'learning' && e.extensions.code === 'SUBGRAPH_TIMEOUT'),
        JSON.stringify(errors),
      ).toBe(true);
      expect(errors[0]?.path?.[0]).toBe('trained');
      const data = answer.body?.data as
        | { serviceUnit?: { name?: string; employees?: { nodes?: unknown[] } } | null; trained?: unknown }
        | undefined;
      // Personnel's, evaluation's and budgeting's parts still answer; only learning's field is null.
      expect(data?.serviceUnit?.name).toBeTruthy();
      expect(data?.serviceUnit?.employees?.nodes).toHaveLength(3);
      expect(data?.trained).toEqual({ fullName: expect.any(String), jp: null });
    } finally {
      process.kill(learning, 'SIGCONT');
    }
    await until('full answers again', async () => isFull(await ask(state.gateway.url)) || undefined);
  });

  it('drains on SIGTERM under load: no in-flight request dropped, no process left', async () => {
    const state = readState()!;
    const pids = [state.postgres, state.gateway.pid, ...Object.values(state.subgraphs).map((s) => s.pid)];
    // How each client's loop ended: a 503 SHUTTING_DOWN from the draining gateway, a refused connection
    // (listener closed), or a reset before any answer; `dropped` is anything else.
    const outcomes = { served: 0, drained: 0, refused: 0, resetBeforeAnswer: 0, dropped: [] as string[] };
    let signalled = false;
    const client = async () => {
      for (;;) {
        const answer = await ask(state.gateway.url);
        if (isFull(answer)) outcomes.served += 1;
        else if (signalled && answer.status === 503) {
          expect(JSON.stringify(answer.body)).toContain('SHUTTING_DOWN');
          outcomes.drained += 1;
          return;
        } else if (signalled && answer.error === 'ECONNREFUSED') {
          outcomes.refused += 1;
          return;
        } else if (signalled && answer.status === 0 && answer.error === 'ECONNRESET') {
          // A connection the closing listener had not accepted yet (kernel backlog): see the note below.
          outcomes.resetBeforeAnswer += 1;
          return;
        } else outcomes.dropped.push(answer.error ?? `${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
      }
    };
    const clients = Array.from({ length: 20 }, client);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    signalled = true;
    const signalledAt = Date.now();
    run.child.kill('SIGTERM');
    await Promise.all(clients);
    expect(await exitOf(run.child)).toBe(0);
    // Well inside the 5 s grace: nothing was cut off when the grace ran out.
    expect(Date.now() - signalledAt).toBeLessThan(5_000);
    // Every request the gateway started answering was answered in full (no truncated body, no error
    // from a subgraph or PostgreSQL stopping under it): the subgraphs stop only after the gateway.
    expect(outcomes.dropped).toEqual([]);
    expect(outcomes.served).toBeGreaterThan(20);
    // The gateway drains with its port open (http.ts): a new request gets 503 SHUTTING_DOWN until nothing
    // is in flight and nothing has arrived for 100 ms; then the listener closes. So every client ends on
    // a 503. Before that quiet period, the drain ended as soon as inFlight was 0, which its timer saw
    // before Node accepted the connections waiting in the kernel's backlog: closing the listener reset
    // them (up to 17 of 20 clients here). A client slower than 100 ms to reconnect after its last answer
    // would be refused (the port closed, nothing begun): allowed for two, on a loaded machine.
    console.log(`SIGTERM under load: ${JSON.stringify(outcomes)}`);
    expect(outcomes.drained + outcomes.refused + outcomes.resetBeforeAnswer).toBe(clients.length);
    expect(outcomes.resetBeforeAnswer).toBe(0);
    expect(outcomes.refused).toBeLessThanOrEqual(2);
    expect(pids.filter(alive)).toEqual([]);
    expect(processesOf(dataDir)).toEqual([]);
  });

  it('starts again on the same data folder after the supervisor was SIGKILLed', async () => {
    const second = await startSupervisor();
    const pids = [
      second.state.postgres,
      second.state.gateway.pid,
      ...Object.values(second.state.subgraphs).map((s) => s.pid),
    ];
    second.child.kill('SIGKILL');
    // Start again at once, while the children and PostgreSQL may still be winding down.
    const third = await startSupervisor();
    expect(isFull(await ask(third.state.gateway.url))).toBe(true);
    // What the killed supervisor started is gone: children watch their IPC channel, PostgreSQL its guard.
    await until(
      'the killed supervisor’s processes to exit',
      () => pids.filter(alive).length === 0 || undefined,
      15_000,
    );
    third.child.kill('SIGTERM');
    expect(await exitOf(third.child)).toBe(0);
    await until('no process left', () => processesOf(dataDir).length === 0 || undefined, 10_000);
  });
});
