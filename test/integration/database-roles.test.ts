import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { budgetLines } from '../../importer/kinds/budget-lines.js';
import { employees } from '../../importer/kinds/employees.js';
import { writeSingleRecord } from '../../importer/single-record.js';
import { accessGrantStatements } from '../../subgraphs/access/migrate.js';
import { recordAuditEvent } from '../../subgraphs/access/store.js';
import { ensureRoles, grantStatements, prepareSubgraph } from '../../subgraphs/migrate.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../subgraphs/names.js';
import { openOrm, query } from '../../subgraphs/shared/orm.js';

/**
 * Least privilege, enforced by PostgreSQL: each subgraph's role reads its own schema and nothing else;
 * and two replicas migrating at once do not race (advisory lock per schema).
 */
const adminUrl = inject('databaseUrl');
const suffix = `${process.pid}_${randomBytes(3).toString('hex')}`;
const roleOf = (name: SubgraphName) => `pembinaan_test_${suffix}_${name}`;
const passwords = Object.fromEntries(
  SUBGRAPH_NAMES.map((name) => [name, randomBytes(18).toString('base64url')]),
) as Record<SubgraphName, string>;
let admin: pg.Client;

function urlAs(name: SubgraphName, database?: string): string {
  const url = new URL(adminUrl);
  url.username = roleOf(name);
  url.password = passwords[name];
  if (database) url.pathname = `/${database}`;
  return url.toString();
}

beforeAll(async () => {
  admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const database = new URL(adminUrl).pathname.slice(1);
  await ensureRoles(
    adminUrl,
    database,
    SUBGRAPH_NAMES.map((name) => ({ name: roleOf(name), password: passwords[name] })),
  );
  for (const name of SUBGRAPH_NAMES) {
    for (const statement of grantStatements(name, roleOf(name))) await admin.query(statement);
    for (const statement of accessGrantStatements(roleOf(name), 'subgraph')) await admin.query(statement);
    if (name === 'personnel')
      for (const statement of accessGrantStatements(roleOf(name), 'key-admin')) await admin.query(statement);
  }
});

afterAll(async () => {
  for (const name of SUBGRAPH_NAMES) {
    await admin.query(`drop owned by ${pg.escapeIdentifier(roleOf(name))}`);
    await admin.query(`drop role ${pg.escapeIdentifier(roleOf(name))}`);
  }
  await admin.end();
});

describe('each subgraph role', () => {
  it('reads and writes its own tables and no other subgraph’s, appends to the access logs, and changes no schema', async () => {
    const { rows: tables } = await admin.query<{ schemaname: SubgraphName; tablename: string }>(
      "select schemaname, tablename from pg_tables where schemaname = any($1) and tablename <> 'mikro_orm_migrations' order by 1, 2",
      [SUBGRAPH_NAMES],
    );
    expect(tables.length).toBeGreaterThan(20);
    for (const name of SUBGRAPH_NAMES) {
      const client = new pg.Client({ connectionString: urlAs(name) });
      await client.connect();
      try {
        for (const { schemaname, tablename } of tables) {
          const sql = `select * from ${pg.escapeIdentifier(schemaname)}.${pg.escapeIdentifier(tablename)} limit 1`;
          if (schemaname === name) {
            await expect(client.query(sql), `${name} reads ${schemaname}.${tablename}`).resolves.toBeDefined();
          } else {
            await expect(client.query(sql), `${name} must not read ${schemaname}.${tablename}`).rejects.toMatchObject({
              code: '42501',
            });
          }
        }
        const { rows: privileges } = await client.query<{ schemaname: string; writes: boolean }>(
          // By oid: a name in a schema the role may not use cannot even be looked up.
          `select n.nspname as schemaname, bool_and(has_table_privilege(c.oid, 'insert, update, delete')) as writes
             from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relkind = 'r' and n.nspname = any($1) and c.relname <> 'mikro_orm_migrations' group by 1 order by 1`,
          [SUBGRAPH_NAMES],
        );
        for (const { schemaname, writes } of privileges)
          expect(writes, `${name} writes ${schemaname}`).toBe(schemaname === name);
        const { rows: access } = await client.query<Record<string, boolean>>(
          `select has_table_privilege('access.sensitive_read', 'insert') as log_reads,
                  has_table_privilege('access.audit_event', 'insert') as log_changes,
                  has_table_privilege('access.audit_event', 'update') as rewrite_log,
                  has_table_privilege('access.api_key', 'select') as read_keys`,
        );
        // Personnel serves API key management (create, revoke); no other subgraph sees the keys.
        expect(access[0]).toEqual({
          log_reads: true,
          log_changes: true,
          rewrite_log: false,
          read_keys: name === 'personnel',
        });
        await expect(client.query(`create table ${name}.intruder (id int)`)).rejects.toMatchObject({ code: '42501' });
      } finally {
        await client.end();
      }
    }
  });

  it('personnel cannot select learning.enrolment (the issue’s example)', async () => {
    const client = new pg.Client({ connectionString: urlAs('personnel') });
    await client.connect();
    try {
      await expect(client.query('select count(*) from learning.enrolment')).rejects.toThrow(/permission denied/);
      const { rows } = await client.query<{ n: string }>('select count(*) as n from personnel.employee');
      expect(Number(rows[0]?.n)).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  });
});

describe('single-record writes as the subgraph roles', () => {
  it('personnel and budgeting write one record through the import kinds (temporary staging tables) as their own roles', async () => {
    const { rows: places } = await admin.query<{ unit: string; agency: string; agency_id: number; region: string }>(
      `select u.code as unit, a.code as agency, a.id as agency_id, a.region_code as region
         from personnel.service_unit u join personnel.agency a on a.id = u.agency_id order by u.id limit 1`,
    );
    const place = places[0];
    if (!place) throw new Error('the demo data has no service unit');
    const asRole = async (name: SubgraphName, work: (client: pg.Client) => Promise<void>) => {
      const client = new pg.Client({ connectionString: urlAs(name) });
      await client.connect();
      try {
        await client.query('begin');
        await work(client);
      } finally {
        await client.query('rollback');
        await client.end();
      }
    };
    const unused = (): never => {
      throw new Error('not asked');
    };
    await asRole('personnel', async (client) => {
      const counts = await writeSingleRecord({
        kind: employees,
        values: {
          nip: '197007072000072999',
          asn_type: 'PNS',
          full_name: 'Rina Sitompul',
          birth_date: '1970-07-07',
          gender: 'F',
          appointed_on: '2000-07-01',
          agency_code: place.agency,
          unit_code: place.unit,
          rank_code: 'III/c',
          position_title: 'Bidan Ahli Muda',
          position_kind: 'NONMANAJERIAL',
          position_level: 'FUNGSIONAL',
        },
        fields: {},
        client,
        personnel: {
          regionsByCode: unused,
          agenciesByCode: unused,
          employeesByNumber: unused,
          unitsByCode: unused,
          checkAccess: unused,
          calls: 0,
        },
      });
      expect(counts).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
      await recordAuditEvent(client, null, { entity: 'employee', key: '197007072000072999', action: 'CREATE' });
    });
    await asRole('budgeting', async (client) => {
      const counts = await writeSingleRecord({
        kind: budgetLines,
        values: {
          agency_code: place.agency,
          year: '2039',
          sub_activity_code: '5.04.01.2.05.0009',
          description: 'Diklat',
          ceiling: '1000',
          realised: '0',
        },
        fields: {},
        client,
        personnel: {
          regionsByCode: unused,
          agenciesByCode: async () => [{ code: place.agency, id: place.agency_id, regionCode: place.region }],
          employeesByNumber: unused,
          unitsByCode: unused,
          checkAccess: unused,
          calls: 0,
        },
      });
      expect(counts).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    });
  });
});

describe('migrations', () => {
  it('two replicas migrating the same fresh database at once do not race', async () => {
    const database = `pembinaan_migrate_${suffix}`;
    await admin.query(`create database ${database}`);
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    try {
      // Two replicas of learning and two of budgeting starting at the same moment.
      await Promise.all([
        prepareSubgraph(url.toString(), 'learning'),
        prepareSubgraph(url.toString(), 'learning'),
        prepareSubgraph(url.toString(), 'budgeting'),
        prepareSubgraph(url.toString(), 'budgeting'),
      ]);
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        for (const schema of ['learning', 'budgeting']) {
          const { rows } = await client.query<{ name: string; n: string }>(
            `select name, count(*) as n from ${schema}.mikro_orm_migrations group by name`,
          );
          expect(rows.length).toBeGreaterThan(0);
          for (const row of rows) expect(Number(row.n), `${schema} ${row.name} applied once`).toBe(1);
        }
      } finally {
        await client.end();
      }
    } finally {
      await admin.query(`drop database if exists ${database} with (force)`);
    }
  });
});

describe('subgraph connections', () => {
  it('carry a statement_timeout and a bounded pool', async () => {
    const orm = await openOrm({
      schema: 'learning',
      entities: [],
      migrations: [],
      url: urlAs('learning'),
      poolSize: 3,
      statementTimeoutMs: 200,
    });
    try {
      const [setting] = await query<{ statement_timeout: string }>(orm.em.fork(), 'show statement_timeout');
      expect(setting?.statement_timeout).toBe('200ms');
      await expect(query(orm.em.fork(), 'select pg_sleep(2)')).rejects.toThrow(/statement timeout/);
      expect(orm.config.get('pool')?.max).toBe(3);
    } finally {
      await orm.close();
    }
  });
});
