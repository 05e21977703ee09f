import pg from 'pg';
import { ACCESS_ROLE, prepareAccessSchema } from './access/migrate.js';
import { migrations as budgetingMigrations } from './budgeting/migrations/index.js';
import { migrations as evaluationMigrations } from './evaluation/migrations/index.js';
import { migrations as learningMigrations } from './learning/migrations/index.js';
import { SUBGRAPH_NAMES, type SubgraphName } from './names.js';
import { migrations as personnelMigrations } from './personnel/migrations/index.js';
import { importOfficialRegions } from './personnel/reference/regions.js';
import { createPool } from './shared/database.js';
import { migrateUnderLock } from './shared/orm.js';

export { ACCESS_ROLE, SUBGRAPH_NAMES, type SubgraphName };

/**
 * Each subgraph's migrations. (Imported from the migration folders rather than from the subgraph
 * definitions, so that migrating does not load the resolvers.)
 */
const MIGRATIONS = {
  personnel: personnelMigrations,
  learning: learningMigrations,
  budgeting: budgetingMigrations,
  evaluation: evaluationMigrations,
} as const satisfies Record<SubgraphName, unknown>;

/** Reference data a subgraph loads once its tables exist (idempotent: skipped when present). */
const REFERENCE_DATA: Partial<Record<SubgraphName, (pool: pg.Pool) => Promise<unknown>>> = {
  personnel: importOfficialRegions,
};

/** The login role a subgraph connects as by default (the roles the dev tooling creates). */
export function subgraphRole(name: SubgraphName): string {
  return `pembinaan_${name}`;
}

/** The role that owns the schemas and runs the migrations (the dev tooling's DATABASE_URL user). */
export const OWNER_ROLE = 'pembinaan_owner';

export interface PrepareOptions {
  /**
   * The subgraph's own login role: after migrating, it gets USAGE on the subgraph's schema and read and
   * write on its tables (now and, through default privileges, on tables later migrations create), and
   * may append to the access logs; nothing else: no DDL, no other subgraph's schema, no API keys.
   */
  role?: string;
}

/**
 * Brings one subgraph's schema up to date: its migrations, its reference data, its role's grants. Runs
 * as the schema owner, under a PostgreSQL advisory lock per schema, so two replicas starting at once
 * migrate one after the other (the second finds nothing to do) instead of racing.
 */
export async function prepareSubgraph(url: string, schema: SubgraphName, options: PrepareOptions = {}): Promise<void> {
  // Every subgraph logs sensitive reads and audits writes into the access schema: it must exist first.
  // Personnel also serves the administrators' API key management.
  await prepareAccessSchema(url, {
    subgraphs: options.role ? [options.role] : [],
    keyAdmin: schema === 'personnel' ? options.role : undefined,
  });
  await migrateUnderLock(url, schema, MIGRATIONS[schema], async (lock) => {
    const load = REFERENCE_DATA[schema];
    if (load) {
      const pool = createPool(url, 2);
      try {
        await load(pool);
      } finally {
        await pool.end();
      }
    }
    if (options.role) await grantSchema(lock, schema, options.role);
  });
}

/** The login roles of a database: each subgraph's, and the gateway's for the access schema. */
export type DatabaseRoles = Partial<Record<SubgraphName | 'access', string>>;

/** Brings a whole database up to date: the access schema, every subgraph's migrations, reference data and role grants. */
export async function prepareDatabase(url: string, roles: DatabaseRoles = {}): Promise<void> {
  await prepareAccessSchema(url, { service: roles.access });
  for (const schema of SUBGRAPH_NAMES) await prepareSubgraph(url, schema, { role: roles[schema] });
}

/** Use of one schema for its subgraph's role; what a DBA would run by hand (see the README). */
export function grantStatements(schema: SubgraphName, role: string): string[] {
  const s = pg.escapeIdentifier(schema);
  const r = pg.escapeIdentifier(role);
  return [
    `grant usage on schema ${s} to ${r}`,
    `grant select, insert, update, delete on all tables in schema ${s} to ${r}`,
    `grant usage on all sequences in schema ${s} to ${r}`,
    `alter default privileges in schema ${s} grant select, insert, update, delete on tables to ${r}`,
    `alter default privileges in schema ${s} grant usage on sequences to ${r}`,
  ];
}

async function grantSchema(client: pg.Client, schema: SubgraphName, role: string): Promise<void> {
  for (const statement of grantStatements(schema, role)) await client.query(statement);
}

export interface LoginRole {
  name: string;
  password: string;
  /** May create schemas in the database (the owner role). */
  owner?: boolean;
}

/**
 * Creates the login roles, or sets their passwords when they exist, and makes the owner role own the
 * database. Needs a user with CREATEROLE (and ownership of the database); throws a
 * RoleProvisioningError listing what a DBA must run otherwise.
 */
export async function ensureRoles(adminUrl: string, database: string, roles: LoginRole[]): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const role of roles) {
      const name = pg.escapeIdentifier(role.name);
      const password = pg.escapeLiteral(role.password);
      const { rowCount } = await client.query('select 1 from pg_roles where rolname = $1', [role.name]);
      await client.query(`${rowCount ? 'alter' : 'create'} role ${name} login password ${password}`);
      if (role.owner) {
        await client.query(`alter database ${pg.escapeIdentifier(database)} owner to ${name}`);
        await client.query(`grant create, connect on database ${pg.escapeIdentifier(database)} to ${name}`);
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === '42501') throw new RoleProvisioningError(database, roles);
    throw error;
  } finally {
    await client.end();
  }
}

export class RoleProvisioningError extends Error {
  constructor(database: string, roles: LoginRole[]) {
    super(
      `The DATABASE_URL user may not create roles. A DBA should run, once:\n${roles
        .map((role) => `  create role ${role.name} login password '...';`)
        .join('\n')}\n  grant create, connect on database ${database} to ${OWNER_ROLE};\n` +
        'then set DATABASE_URL to the owner role and each <SUBGRAPH>_DATABASE_URL to its role; the migrations grant the rest.',
    );
    this.name = 'RoleProvisioningError';
  }
}
