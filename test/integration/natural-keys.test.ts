import { describe, expect, it } from 'vitest';
import { OFFERING_CODES_SQL } from '../../subgraphs/learning/migrations/0003-natural-keys.js';
import { AGENCY_CODES_SQL, UNIT_CODES_SQL } from '../../subgraphs/personnel/migrations/0003-natural-keys.js';
import { usePlatform } from '../support/platform.js';

const api = usePlatform();

async function sql<Row>(text: string, params: unknown[] = []): Promise<Row[]> {
  return (await api.db.query(text, params)).rows as Row[];
}

/** Rows whose stored code differs from the code the migration's backfill rule gives (none expected). */
async function mismatches(table: string, rule: string): Promise<number> {
  const [row] = await sql<{ n: number }>(
    `select count(*)::int as n from ${table} t join (${rule}) r on r.id = t.id where r.code is distinct from t.code`,
  );
  return row?.n ?? -1;
}

describe('natural keys of agencies, service units and offerings', () => {
  it('the generator writes exactly the codes the migration backfills existing rows with', async () => {
    expect(await mismatches('personnel.agency', AGENCY_CODES_SQL)).toBe(0);
    expect(await mismatches('personnel.service_unit', UNIT_CODES_SQL)).toBe(0);
    expect(await mismatches('learning.course_offering', OFFERING_CODES_SQL)).toBe(0);
    const [kinds] = await sql<{ npsn: number; puskesmas: number; others: number }>(
      `select count(*) filter (where kind = 'SCHOOL' and code ~ '^[0-9]{8}$')::int as npsn,
              count(*) filter (where kind = 'PUSKESMAS' and code ~ '^P[0-9]{10}$')::int as puskesmas,
              count(*) filter (where kind not in ('SCHOOL', 'PUSKESMAS') and code like region_code || '-%')::int as others,
              count(*)::int as total
         from personnel.service_unit`,
    );
    const [total] = await sql<{ n: number }>('select count(*)::int as n from personnel.service_unit');
    expect((kinds?.npsn ?? 0) + (kinds?.puskesmas ?? 0) + (kinds?.others ?? 0)).toBe(total?.n);
    expect(kinds?.npsn).toBeGreaterThan(0);
    expect(kinds?.puskesmas).toBeGreaterThan(0);
  });

  it('agency(code:) and serviceUnit(code:) find what agency(id:) and serviceUnit(id:) find', async () => {
    const [unit] = await sql<{ id: number; code: string; agency_id: number; agency_code: string }>(
      `select u.id, u.code, u.agency_id, a.code as agency_code
         from personnel.service_unit u join personnel.agency a on a.id = u.agency_id
        where u.kind = 'PUSKESMAS' order by u.id limit 1`,
    );
    if (!unit) throw new Error('the demo data has no Puskesmas');
    const result = await api.query<
      {
        byCode: { id: number; code: string; agency: { id: number; code: string } } | null;
        agency: { id: number; code: string } | null;
        missing: { id: number } | null;
      },
      { unit: string; agency: string }
    >(
      `query ($unit: String!, $agency: String!) {
        byCode: serviceUnit(code: $unit) { id code agency { id code } }
        agency(code: $agency) { id code }
        missing: serviceUnit(code: "P0000000000") { id }
      }`,
      { unit: unit.code, agency: unit.agency_code },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.byCode).toEqual({
      id: unit.id,
      code: unit.code,
      agency: { id: unit.agency_id, code: unit.agency_code },
    });
    expect(result.data?.agency).toEqual({ id: unit.agency_id, code: unit.agency_code });
    expect(result.data?.missing).toBeNull();
  });

  it('refuses a lookup by both id and code, or by neither, naming the argument', async () => {
    const both = await api.query('{ agency(id: 1, code: "x") { id } }');
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(both.errors?.[0]?.extensions?.field).toBe('code');
    const neither = await api.query('{ serviceUnit { id } }');
    expect(neither.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(neither.errors?.[0]?.extensions?.field).toBe('id');
  });
});
