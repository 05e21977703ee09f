import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';
import type pg from 'pg';

/** Rows per INSERT: large enough to be fast, small enough for PostgreSQL's parameter limits. */
const BATCH = 10_000;

interface RegionRow {
  code: string;
  name: string;
  level: 'PROVINCE' | 'REGENCY' | 'DISTRICT' | 'VILLAGE';
  kind: 'PROVINSI' | 'KABUPATEN' | 'KOTA' | 'KECAMATAN' | 'DESA' | 'KELURAHAN';
  parentCode: string | null;
}

/**
 * Loads the official Kemendagri region list (provinces, regencies/cities, districts, villages) shipped by
 * the `idn-area-data` package (ODbL) into personnel.region. Does nothing when regions are present.
 */
export async function importOfficialRegions(pool: pg.Pool): Promise<number> {
  const present = await pool.query<{ n: string }>('select count(*) as n from personnel.region');
  if (Number(present.rows[0]?.n) > 0) return 0;

  const [provinces, regencies, districts, villages] = await Promise.all([
    getProvinces(),
    getRegencies(),
    getDistricts(),
    getVillages(),
  ]);
  const rows: RegionRow[] = [
    ...provinces.map(
      (r): RegionRow => ({ code: r.code, name: r.name, level: 'PROVINCE', kind: 'PROVINSI', parentCode: null }),
    ),
    ...regencies.map(
      (r): RegionRow => ({
        code: r.code,
        name: r.name,
        level: 'REGENCY',
        kind: /^kota\b/i.test(r.name) ? 'KOTA' : 'KABUPATEN',
        parentCode: r.province_code,
      }),
    ),
    ...districts.map(
      (r): RegionRow => ({
        code: r.code,
        name: r.name,
        level: 'DISTRICT',
        kind: 'KECAMATAN',
        parentCode: r.regency_code,
      }),
    ),
    // Kemendagri numbers kelurahan 1xxx and desa (kampung, nagari, gampong) 2xxx.
    ...villages.map(
      (r): RegionRow => ({
        code: r.code,
        name: r.name,
        level: 'VILLAGE',
        kind: r.code.slice(-4).startsWith('1') ? 'KELURAHAN' : 'DESA',
        parentCode: r.district_code,
      }),
    ),
  ];
  const client = await pool.connect();
  try {
    await client.query('begin');
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      await client.query(
        `insert into personnel.region (code, name, level, kind, parent_code)
         select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])`,
        [
          batch.map((r) => r.code),
          batch.map((r) => r.name),
          batch.map((r) => r.level),
          batch.map((r) => r.kind),
          batch.map((r) => r.parentCode),
        ],
      );
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
  return rows.length;
}
