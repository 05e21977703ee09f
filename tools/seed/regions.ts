import type pg from 'pg';
import type { District, RegionRow } from './types.js';

/** The requested regencies/cities or provinces with their districts and villages, as personnel.region has them. */
export async function loadRegions(client: pg.PoolClient, codes: readonly string[]): Promise<RegionRow[]> {
  const found = await client.query<{ code: string; name: string; level: string }>(
    'select code, name, level from personnel.region where code = any($1::text[])',
    [codes],
  );
  const regions: RegionRow[] = [];
  for (const code of codes) {
    const row = found.rows.find((r) => r.code === code);
    if (!row) throw new Error(`region ${code} is not in personnel.region (was prepareDatabase run?)`);
    if (row.level !== 'PROVINCE' && row.level !== 'REGENCY') {
      throw new Error(
        `region ${code} (${row.name}) is a ${row.level.toLowerCase()}: seed a province or a regency/city`,
      );
    }
    regions.push({ code, name: row.name, level: row.level, districts: await loadDistricts(client, code) });
  }
  return regions;
}

async function loadDistricts(client: pg.PoolClient, code: string): Promise<District[]> {
  const rows = await client.query<{ code: string; name: string; level: string; parent_code: string }>(
    `select code, name, level, parent_code from personnel.region
      where code like $1 and level in ('DISTRICT', 'VILLAGE') order by code`,
    [`${code}.%`],
  );
  const districts = new Map<string, District>();
  for (const r of rows.rows)
    if (r.level === 'DISTRICT') districts.set(r.code, { code: r.code, name: r.name, villages: [] });
  for (const r of rows.rows)
    if (r.level === 'VILLAGE') districts.get(r.parent_code)?.villages.push({ code: r.code, name: r.name });
  if (districts.size === 0) throw new Error(`region ${code} has no districts in personnel.region`);
  return [...districts.values()];
}
