import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { sqlWithinRegion } from '../../subgraphs/shared/regions.js';

const db = new pg.Pool({ connectionString: inject('databaseUrl'), max: 1 });
afterAll(() => db.end());

/** The prefix rule as written before it became an index range: the oracle the range must agree with. */
const likePrefix = (column: string, scope: string) => `(${column} = ${scope} or ${column} like ${scope} || '.%')`;

describe('sqlWithinRegion', () => {
  it('selects exactly the regions whose code starts with the scope, over the official regions', async () => {
    // Every province, the regencies of two provinces and the districts of one regency, against all
    // ~91,000 official codes: the same (scope, region) pairs whether written as a range or as a pattern.
    const scopes = `select code from personnel.region
      where level = 'PROVINCE' or parent_code in ('12', '93') or parent_code = '12.71'`;
    const pairs = (predicate: string) =>
      `select s.code as scope, r.code from (${scopes}) s join personnel.region r on ${predicate}`;
    const { rows } = await db.query<{ matched: string; missing: string; extra: string }>(
      `with ranged as (${pairs(sqlWithinRegion('r.code', 's.code'))}),
            patterned as (${pairs(likePrefix('r.code', 's.code'))})
       select (select count(*) from ranged) as matched,
              (select count(*) from (select * from patterned except select * from ranged) x) as missing,
              (select count(*) from (select * from ranged except select * from patterned) y) as extra`,
    );
    const [result] = rows;
    expect(Number(result?.matched)).toBeGreaterThan(91_000); // the provinces alone cover every region
    expect(result?.missing).toBe('0');
    expect(result?.extra).toBe('0');
  });

  it('can be answered from the region_code index, where the pattern form cannot', async () => {
    // The test data is small enough for a scan to be cheapest, so ask whether the index is usable at all.
    const client = await db.connect();
    try {
      // Index-only scans too: the seed writes its rows frozen and all-visible, and a whole index-only scan of
      // this small table, filtering every entry, then costs less than scans the range bounds.
      await client.query('set enable_seqscan = off; set enable_indexonlyscan = off');
      const plan = async (predicate: string) => {
        const { rows } = await client.query<{ 'QUERY PLAN': string }>(
          `explain select count(*) from unnest(array['12.71', '93.01']::text[]) s(code)
           join personnel.service_unit u on ${predicate}`,
        );
        return rows.map((row) => row['QUERY PLAN']).join('\n');
      };
      // The range bounds the index scan (an Index Cond) for each joined scope...
      const ranged = await plan(sqlWithinRegion('u.region_code', 's.code'));
      expect(ranged).toMatch(/Index Scan on service_unit_region_idx/);
      expect(ranged).toMatch(/Index Cond: .*region_code ~>=~/);
      // ...while the pattern, known only per joined row, can only filter every unit after reading it.
      const patterned = await plan(likePrefix('u.region_code', 's.code'));
      expect(patterned).toMatch(/Join Filter: .*region_code ~~/);
      expect(patterned).not.toMatch(/Index Cond/);
    } finally {
      await client.query('reset enable_seqscan; reset enable_indexonlyscan');
      client.release();
    }
  });
});
