import type { Constructor } from '@mikro-orm/core';
import type { Migration } from '@mikro-orm/migrations';
import { Migrator } from '@mikro-orm/migrations';
import { type EntityManager, type EntitySchema, type LogContext, type Logger, MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { config } from './config.js';

/** Counts the SQL statements one subgraph sends: the evidence behind the no-N+1 tests. */
export class StatementCounter {
  count = 0;
  /** The statements with their duration in milliseconds, as MikroORM reports them. */
  readonly statements: { sql: string; took: number }[] = [];
  reset(): void {
    this.count = 0;
    this.statements.length = 0;
  }
}

export interface OrmOptions {
  /** The PostgreSQL schema the subgraph owns; its tables and migration log live there. */
  schema: string;
  entities: EntitySchema[];
  migrations: Constructor<Migration>[];
  url: string;
  counter?: StatementCounter;
  /** Connections at most (default DB_POOL_MAX): a subgraph never opens more than this. */
  poolSize?: number;
  /** PostgreSQL statement_timeout of every connection, ms (default STATEMENT_TIMEOUT_MS; 0 = none). */
  statementTimeoutMs?: number;
}

/** Opens one subgraph's MikroORM: its entities, its schema, its checked-in migrations. */
export async function openOrm(options: OrmOptions): Promise<MikroORM> {
  const { counter } = options;
  return MikroORM.init({
    clientUrl: options.url,
    entities: options.entities,
    discovery: { warnWhenNoEntities: false },
    schema: options.schema,
    // The database exists already (startDatabase creates it); skip the hidden pg_database probe.
    ensureDatabase: false,
    extensions: [Migrator],
    migrations: {
      // Explicit list instead of a file glob: works the same from src (tests) and dist (production).
      migrationsList: options.migrations,
      schema: options.schema,
      tableName: 'mikro_orm_migrations',
      snapshot: false,
      snapshotOnMigrate: false,
      silent: true,
    },
    pool: { min: 0, max: options.poolSize ?? config().database.poolMax, idleTimeoutMillis: 30_000 },
    // Passed to pg's Pool: a runaway statement is cancelled by PostgreSQL itself; a connection attempt
    // to a database that is down fails fast instead of queueing requests.
    driverOptions: {
      statement_timeout: options.statementTimeoutMs ?? config().database.statementTimeoutMs,
      connectionTimeoutMillis: 5_000,
    },
    debug: counter ? ['query'] : false,
    loggerFactory: counter ? () => countingLogger(counter) : undefined,
  });
}

/** Creates the subgraph's schema and applies its pending migrations, all or nothing. */
export async function migrate(orm: MikroORM, schema: string): Promise<void> {
  await orm.em.getConnection().execute(`create schema if not exists "${schema}"`);
  await orm.migrator.up();
}

/**
 * Runs one SQL statement with positional `?` parameters and returns its rows. MikroORM inlines
 * parameters as escaped literals; JS arrays become PostgreSQL array literals, so `?::int[]` works.
 */
/**
 * Brings one schema up to date as its owner, under a PostgreSQL advisory lock per schema, so two
 * processes starting at once migrate one after the other (the second finds nothing to do) instead of
 * racing; `then` runs under the same lock once the migrations are in (reference data, grants).
 */
export async function migrateUnderLock(
  url: string,
  schema: string,
  migrations: Constructor<Migration>[],
  then: (lock: pg.Client) => Promise<void>,
): Promise<void> {
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock(hashtext($1))', [`pembinaan:migrate:${schema}`]);
    const orm = await openOrm({ schema, entities: [], migrations, url, poolSize: 1, statementTimeoutMs: 0 });
    try {
      await migrate(orm, schema);
    } finally {
      await orm.close();
    }
    await then(lock);
  } finally {
    // Ending the session releases the lock too; unlocking first lets the next process go at once.
    await lock.query('select pg_advisory_unlock_all()').catch(() => {});
    await lock.end();
  }
}

export async function query<Row>(em: EntityManager, sql: string, params: readonly unknown[] = []): Promise<Row[]> {
  const bound = params.map((param) => (Array.isArray(param) ? postgresArray(param) : param));
  return em.getConnection().execute<Row[]>(sql, bound, 'all', em.getTransactionContext());
}

/** A PostgreSQL array literal ('{1,2}', '{"12.71","a\\"b"}') for numbers, strings, booleans and nulls. */
export function postgresArray(values: readonly unknown[]): string {
  const elements = values.map((value) => {
    if (value === null || value === undefined) return 'NULL';
    if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
    return `"${String(value).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  });
  return `{${elements.join(',')}}`;
}

function countingLogger(counter: StatementCounter): Logger {
  return {
    log: () => {},
    error: () => {},
    warn: () => {},
    logQuery: (context: LogContext) => {
      counter.count += 1;
      if (context.query) counter.statements.push({ sql: context.query, took: context.took ?? 0 });
    },
    setDebugMode: () => {},
    isEnabled: (namespace) => namespace === 'query',
  };
}
