import type pg from 'pg';
import type { District, RegionRow } from './types.js';

/** The requested regencies/cities or provinces with their districts and villages, as personnel.region has them. */
export async function loadRegions(client: pg.ClientBase, codes: readonly string[]): Promise<RegionRow[]> {
  const found = await client.query<{ code: string; name: string; level: string }>(
    'select code, name, level from personnel.region where code = any($1::text[])',
    [codes],
  );
  const districts = await loadDistricts(client, codes);
  const regions: RegionRow[] = [];
  for (const code of codes) {
    const row = found.rows.find((r) => r.code === code);
    if (!row) throw new Error(`region ${code} is not in personnel.region (was prepareDatabase run?)`);
    if (row.level !== 'PROVINCE' && row.level !== 'REGENCY') {
      throw new Error(
        `region ${code} (${row.name}) is a ${row.level.toLowerCase()}: seed a province or a regency/city`,
      );
    }
    const own = [...(districts.get(code)?.values() ?? [])];
    if (own.length === 0) throw new Error(`region ${code} has no districts in personnel.region`);
    regions.push({ code, name: row.name, level: row.level, districts: own });
  }
  return regions;
}

/**
 * The districts with their villages of every requested province and regency, in code order, by requested
 * code: one scan for all (a national seed asked 514 times). A Kemendagri code starts with its province's
 * (2 characters) and its regency's (5).
 */
async function loadDistricts(
  client: pg.ClientBase,
  codes: readonly string[],
): Promise<Map<string, Map<string, District>>> {
  const rows = await client.query<{ code: string; name: string; level: string; parent_code: string }>(
    `select code, name, level, parent_code from personnel.region
      where level in ('DISTRICT', 'VILLAGE') and (left(code, 2) = any($1::text[]) or left(code, 5) = any($1::text[]))
      order by code`,
    [codes],
  );
  const requested = new Set(codes);
  const byRegion = new Map<string, Map<string, District>>();
  const ancestorsOf = (code: string): string[] => [code.slice(0, 2), code.slice(0, 5)].filter((c) => requested.has(c));
  for (const r of rows.rows) {
    if (r.level !== 'DISTRICT') continue;
    for (const region of ancestorsOf(r.code)) {
      const districts = byRegion.get(region) ?? new Map<string, District>();
      districts.set(r.code, { code: r.code, name: r.name, villages: [] });
      byRegion.set(region, districts);
    }
  }
  for (const r of rows.rows) {
    if (r.level !== 'VILLAGE') continue;
    for (const region of ancestorsOf(r.code))
      byRegion.get(region)?.get(r.parent_code)?.villages.push({ code: r.code, name: r.name });
  }
  return byRegion;
}
