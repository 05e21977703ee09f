import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_PORTS, SUBGRAPH_NAMES, type SubgraphName } from '../names.js';
import { type AuthConfig, authEnvironment, authSection } from './auth-config.js';
import type { RequestLimits } from './limits.js';

/**
 * The one place that reads environment variables. Every value is validated here; a bad value stops
 * start-up with a message naming the variable. The rest of the code receives typed sections (as
 * options) and never reads `process.env`. The README's "Configuration" table documents each variable.
 */

const integer = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.string().trim().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().int().min(min).max(max));

const url = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      `must be a URL (${protocols.join(' or ')})`,
    );

const postgresUrl = url(['postgres:', 'postgresql:']);
const httpUrl = url(['http:', 'https:']);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().trim().min(1).optional(),
  PORT: integer(0, 65535).optional(),
  PERSONNEL_URL: httpUrl.optional(),
  LEARNING_URL: httpUrl.optional(),
  BUDGETING_URL: httpUrl.optional(),
  EVALUATION_URL: httpUrl.optional(),
  DATABASE_URL: postgresUrl.optional(),
  PERSONNEL_DATABASE_URL: postgresUrl.optional(),
  LEARNING_DATABASE_URL: postgresUrl.optional(),
  BUDGETING_DATABASE_URL: postgresUrl.optional(),
  EVALUATION_DATABASE_URL: postgresUrl.optional(),
  /** The gateway's connection for API keys (the pembinaan_access role); default DATABASE_URL. */
  ACCESS_DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().trim().min(1).optional(),
  EMBEDDED_PG_PORT: integer(0, 65535).optional(),
  /** V8 heap bounds of the stack's Node processes (tools/dev/memory.ts): `off` or MiB each. */
  NODE_HEAP_MIB: z
    .string()
    .trim()
    .regex(/^(off|\d+)$/, 'must be off or a whole number of MiB')
    .optional(),
  /** Young-generation bound (MiB per semi-space) of every process; 0: V8's own; unset: tools/dev/memory.ts's. */
  NODE_SEMI_SPACE_MIB: integer(0, 1024).optional(),
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((value) =>
      value === undefined
        ? undefined
        : value
            .split(',')
            .map((origin) => origin.trim())
            .filter(Boolean),
    )
    .pipe(z.array(z.union([z.literal('*'), httpUrl])).optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: httpUrl.optional(),
  SHUTDOWN_GRACE_MS: integer(0, 600_000).default(10_000),
  READ_MODEL_SYNC_MS: integer(100, 600_000).default(1000),
  /** How long an owner keeps the tombstones of its change feed (see shared/feed.ts, retention). */
  FEED_TOMBSTONE_RETENTION_DAYS: integer(1, 36_500).default(30),
  /** The most work one region's impact estimate may take (see evaluation/impact-method.ts estimationSize). */
  IMPACT_WORK_LIMIT: integer(1, 1e15).default(20_000_000),
  /** The estimation time one comparison request may spend on estimates it does not have yet. */
  IMPACT_TIME_BUDGET_MS: integer(0, 600_000).default(8_000),
  DB_POOL_MAX: integer(1, 1000).default(10),
  STATEMENT_TIMEOUT_MS: integer(0, 3_600_000).default(15_000),
  SUBGRAPH_TIMEOUT_MS: integer(1, 600_000).default(20_000),
  GATEWAY_MAX_SOCKETS: integer(1, 10_000).default(50),
  GATEWAY_WORKERS: integer(1, 256).default(1),
  GATEWAY_DEDUPLICATE: z.enum(['on', 'off']).default('on'),
  EXPLORER: z.enum(['on', 'off']).default('on'),
  DASHBOARD: z.enum(['on', 'off']).default('on'),
  LIMIT_DEPTH: integer(1, 1000).default(10),
  LIMIT_ALIASES: integer(0, 10_000).default(15),
  LIMIT_TOKENS: integer(1, 1_000_000).default(2000),
  LIMIT_DIRECTIVES: integer(0, 10_000).default(20),
  LIMIT_COST: integer(1, 100_000_000).default(100_000),
  LIMIT_BODY_BYTES: integer(1, 100_000_000).default(65_536),
  LIMIT_SUBGRAPH_BODY_BYTES: integer(1, 1_000_000_000).default(8_388_608),
  LIMIT_PAGE_SIZE: integer(1, 1_000_000).default(1000),
  LIMIT_ENTITIES: integer(1, 1_000_000).default(5000),
  SEED_DEMO_DATA: z.enum(['true', 'false']).optional(),
  // Auth: identity at the gateway, gateway -> subgraph tokens. See auth-config.ts.
  ...authEnvironment,
});

type Environment = z.infer<typeof schema>;

/** The validated configuration, in sections that map onto the option objects of the servers. */
export interface Config {
  env: 'development' | 'production' | 'test';
  /** The repository root (found once, from this file, whether it runs from source or from dist/). */
  root: string;
  server: {
    /** Bind address: 127.0.0.1 in development and test, 0.0.0.0 in production. */
    host: string;
    /** PORT when set: the gateway's (npm start, start:gateway) or the subgraph's (start:subgraph). */
    port: number | undefined;
    /** Allowed cross-origin callers; none by default in production, any origin in development. */
    corsOrigins: string[];
  };
  /** Where the gateway finds each subgraph. */
  subgraphUrls: Record<SubgraphName, string>;
  database: {
    /** The owner connection: migrations (and, without per-subgraph URLs, the subgraphs). */
    url: string | undefined;
    /** Each subgraph's own least-privilege connection, when configured. */
    subgraphUrls: Partial<Record<SubgraphName, string>>;
    /** The gateway's connection to the access schema (API keys); without one, API keys are refused. */
    accessUrl: string | undefined;
    poolMax: number;
    statementTimeoutMs: number;
  };
  /** Tooling only (npm start, tests, benchmarks): the git-ignored data folder and embedded PostgreSQL. */
  dev: {
    dataDir: string;
    embeddedPgPort: number | undefined;
    seedDemoData: boolean;
    /** NODE_HEAP_MIB and NODE_SEMI_SPACE_MIB: the Node processes' heap bounds (tools/dev/memory.ts). */
    heapMib: string | undefined;
    semiSpaceMib: number | undefined;
  };
  /** LOG_LEVEL; default `info`, `error` under tests (request logs would drown the test output). */
  log: { level: NonNullable<Environment['LOG_LEVEL']>; otlpEndpoint: string | undefined };
  /** Evaluation's read model: how often it pulls the owners' change feeds (READ_MODEL_SYNC_MS). */
  readModel: { syncIntervalMs: number };
  /**
   * The owners' change feeds: a deletion's tombstone is pruned after FEED_TOMBSTONE_RETENTION_DAYS; a consumer
   * further behind than that reloads the owner from 0 (shared/feed.ts).
   */
  feed: { tombstoneRetentionDays: number };
  /** IMPACT_WORK_LIMIT: above it a region of the training-impact comparison is not estimated, and says why. */
  impact: { workLimit: number; timeBudgetMs: number };
  timeouts: {
    /** How long a stopping process lets in-flight requests finish. */
    shutdownGraceMs: number;
    /** The gateway's limit per subgraph fetch. */
    subgraphMs: number;
    /** PostgreSQL's statement_timeout on every subgraph connection (0 = none). */
    statementMs: number;
  };
  /**
   * maxSockets per subgraph; explorer: the offline GraphiQL at the gateway's root (EXPLORER, default on);
   * workers: processes serving one port (node:cluster); deduplicate: identical in-flight query fetches of
   * one viewer share one subgraph request; dashboard: the reference dashboard at /dashboard (DASHBOARD,
   * default on).
   */
  gateway: { maxSockets: number; explorer: boolean; workers: number; deduplicate: boolean; dashboard: boolean };
  /** The servers' RequestLimits (`bodyBytes` is the gateway's), and the larger body a subgraph accepts. */
  limits: RequestLimits & {
    /** Bytes of a request body at a subgraph: larger, since the gateway's `_entities` calls carry many keys. */
    subgraphBodyBytes: number;
  };
  /** Who is asking: end-user tokens and the gateway -> subgraph key pair (auth-config.ts). */
  auth: AuthConfig;
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((issue) => `  ${issue}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates an environment (process.env by default); throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset, as shells often export VAR= to clear a value.
  const present = Object.fromEntries(Object.entries(env).filter(([key, value]) => key in schema.shape && value !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? '(environment)');
        return `${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const root = projectRoot();
  const dataDir = resolve(root, e.DATA_DIR ?? '.data');
  const { auth, issues: authIssues } = authSection(e, { production, dataDir });
  if (authIssues.length > 0) throw new ConfigError(authIssues);
  const subgraphUrl = (name: SubgraphName) => e[`${name.toUpperCase()}_URL` as `${Uppercase<SubgraphName>}_URL`];
  const subgraphDatabaseUrl = (name: SubgraphName) =>
    e[`${name.toUpperCase()}_DATABASE_URL` as `${Uppercase<SubgraphName>}_DATABASE_URL`];
  return {
    env: e.NODE_ENV,
    root,
    server: {
      host: e.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
      port: e.PORT,
      corsOrigins: e.CORS_ORIGINS ?? (production ? [] : ['*']),
    },
    subgraphUrls: Object.fromEntries(
      SUBGRAPH_NAMES.map((name) => [name, subgraphUrl(name) ?? `http://127.0.0.1:${DEFAULT_PORTS[name]}/`]),
    ) as Record<SubgraphName, string>,
    database: {
      url: e.DATABASE_URL,
      subgraphUrls: Object.fromEntries(
        SUBGRAPH_NAMES.flatMap((name) => {
          const value = subgraphDatabaseUrl(name);
          return value ? [[name, value]] : [];
        }),
      ),
      accessUrl: e.ACCESS_DATABASE_URL ?? e.DATABASE_URL,
      poolMax: e.DB_POOL_MAX,
      statementTimeoutMs: e.STATEMENT_TIMEOUT_MS,
    },
    dev: {
      dataDir,
      embeddedPgPort: e.EMBEDDED_PG_PORT,
      seedDemoData: e.SEED_DEMO_DATA !== 'false',
      heapMib: e.NODE_HEAP_MIB,
      semiSpaceMib: e.NODE_SEMI_SPACE_MIB,
    },
    log: {
      level: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'error' : 'info'),
      otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT,
    },
    readModel: { syncIntervalMs: e.READ_MODEL_SYNC_MS },
    feed: { tombstoneRetentionDays: e.FEED_TOMBSTONE_RETENTION_DAYS },
    impact: { workLimit: e.IMPACT_WORK_LIMIT, timeBudgetMs: e.IMPACT_TIME_BUDGET_MS },
    timeouts: {
      shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
      subgraphMs: e.SUBGRAPH_TIMEOUT_MS,
      statementMs: e.STATEMENT_TIMEOUT_MS,
    },
    gateway: {
      maxSockets: e.GATEWAY_MAX_SOCKETS,
      explorer: e.EXPLORER === 'on',
      workers: e.GATEWAY_WORKERS,
      deduplicate: e.GATEWAY_DEDUPLICATE === 'on',
      dashboard: e.DASHBOARD === 'on',
    },
    limits: {
      depth: e.LIMIT_DEPTH,
      aliases: e.LIMIT_ALIASES,
      tokens: e.LIMIT_TOKENS,
      directives: e.LIMIT_DIRECTIVES,
      cost: e.LIMIT_COST,
      bodyBytes: e.LIMIT_BODY_BYTES,
      subgraphBodyBytes: e.LIMIT_SUBGRAPH_BODY_BYTES,
      pageSize: e.LIMIT_PAGE_SIZE,
      entities: e.LIMIT_ENTITIES,
    },
    auth,
  };
}

/**
 * `--host H` and `--port N` of `start:gateway` and `start:subgraph` (they win over HOST and PORT), so
 * that replicas of one process start side by side from one environment. Throws a ConfigError naming a
 * bad flag; returns the other arguments unchanged.
 */
export function withServerFlags(settings: Config, argv: string[]): { settings: Config; rest: string[] } {
  const rest: string[] = [];
  const server = { ...settings.server };
  const issues: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string; // i < argv.length
    const match = /^--(host|port)(?:=(.*))?$/.exec(arg);
    if (!match) {
      rest.push(arg);
      continue;
    }
    const value = match[2] ?? argv[++i];
    if (match[1] === 'host') {
      if (!value?.trim()) issues.push('--host needs an address');
      else server.host = value.trim();
    } else {
      const parsed = integer(0, 65535).safeParse(value ?? '');
      if (parsed.success) server.port = parsed.data;
      else issues.push(`--port ${JSON.stringify(value ?? '')}: must be a whole number from 0 to 65535`);
    }
  }
  if (issues.length > 0) throw new ConfigError(issues);
  return { settings: { ...settings, server }, rest };
}

let cached: Config | undefined;

/** The process's configuration, validated once. */
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}

/**
 * For entry points: the configuration, or a message naming the bad variables and exit code 2. Nothing
 * starts with a configuration it would have to guess at.
 */
export function configOrExit(argv?: string[]): Config {
  try {
    return argv === undefined ? config() : withServerFlags(config(), argv).settings;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}

/**
 * The environment for a child process (the supervisor's children): this process's environment with
 * `overrides` applied; an undefined override removes the variable.
 */
export function childEnvironment(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/**
 * Whether two PostgreSQL URLs name the same database on the same server (host, port, database name),
 * whoever logs in. A subgraph whose own URL names another server has its database to itself.
 */
export function sameDatabase(a: string, b: string): boolean {
  const key = (value: string) => {
    const url = new URL(value);
    return `${url.hostname.toLowerCase()}:${url.port || '5432'}${url.pathname}`;
  };
  return key(a) === key(b);
}

/** The repository root: the nearest folder above this file with a package.json. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above subgraphs/shared');
    dir = parent;
  }
  return dir;
}
