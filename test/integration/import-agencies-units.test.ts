import { describe, expect, it } from 'vitest';
import { formatError } from '../../importer/engine.js';
import { agencies } from '../../importer/kinds/agencies.js';
import { units } from '../../importer/kinds/units.js';
import { useImportPlatform } from '../support/import-platform.js';

const api = useImportPlatform();

const AGENCY_HEADER = 'code,region_code,name,kind';
const UNIT_HEADER = 'code,agency_code,region_code,name,kind,population_served';
const NEW_AGENCIES = [
  '12.75-2.17.01,12.75,Dinas Perpustakaan Kota Binjai,BKPSDM',
  '12.75-1.05.01,12.75,Satuan Polisi Pamong Praja Kota Binjai,DISTRICT_ADMINISTRATION',
];

async function agencyByCode(code: string) {
  const result = await api.query<{
    agency: { code: string; name: string; regionCode: string; serviceUnits: { totalCount: number } } | null;
  }>('query ($code: String!) { agency(code: $code) { code name regionCode serviceUnits(first: 1) { totalCount } } }', {
    code,
  });
  expect(result.errors).toBeUndefined();
  return result.data?.agency ?? null;
}

async function districtsOf(regionCode: string): Promise<string[]> {
  const rows = await api.sql<{ code: string }>(
    'select code from personnel.region where parent_code = $1 order by code',
    [regionCode],
  );
  return rows.map((r) => r.code);
}

describe('import agencies and service units', () => {
  it('imports agencies by code: inserted, then unchanged, then one updated', async () => {
    const file = `${[AGENCY_HEADER, ...NEW_AGENCIES].join('\n')}\n`;
    expect(await api.importText(agencies, 'opd.csv', file)).toMatchObject({
      outcome: 'APPLIED',
      inserted: 2,
      updated: 0,
    });
    expect(await agencyByCode('12.75-2.17.01')).toMatchObject({
      name: 'Dinas Perpustakaan Kota Binjai',
      regionCode: '12.75',
      serviceUnits: { totalCount: 0 },
    });
    expect(await api.importText(agencies, 'opd.csv', file)).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    const renamed = file.replace('Dinas Perpustakaan', 'Dinas Perpustakaan dan Kearsipan');
    expect(await api.importText(agencies, 'opd-2.csv', renamed)).toMatchObject({
      inserted: 0,
      updated: 1,
      unchanged: 1,
    });
    expect((await agencyByCode('12.75-2.17.01'))?.name).toBe('Dinas Perpustakaan dan Kearsipan Kota Binjai');
  });

  it('rejects an agency file with a district as region, a repeated code or a name taken in the region', async () => {
    const [existing] = await api.sql<{ name: string; code: string }>(
      "select name, code from personnel.agency where region_code = '12.75' order by id limit 1",
    );
    const [district] = await districtsOf('12.75');
    const rows = [
      `12.75-9.99.01,${district},Badan Baru,BKPSDM`,
      `12.75-9.99.02,12.75,${existing?.name},HEALTH`,
      '12.75-9.99.03,12.75,Badan Lain,HEALTH',
      '12.75-9.99.03,12.75,Badan Lain Lagi,HEALTH',
      'bad code!,12.75,Badan,HEALTH',
    ];
    const result = await api.importText(agencies, 'opd-bad.csv', `${[AGENCY_HEADER, ...rows].join('\n')}\n`);
    expect(result.errors.map(formatError)).toEqual([
      `line 2, region_code: ${district}: is not the code of a province or regency/city`,
      `line 3, name: ${existing?.name}: is the name of agency ${existing?.code} in the same region`,
      'line 5, code: 12.75-9.99.03: appears again (first on line 4)',
      'line 6, code: bad code!: is not a code (letters, digits, . - /; at most 40)',
    ]);
    expect(await agencyByCode('12.75-9.99.03')).toBeNull();
  });

  it('imports service units of an agency; a unit outside its region or of an unknown agency changes nothing', async () => {
    const [first, second] = await districtsOf('12.75');
    const rows = [
      `12.75-PUSTAKA-01,12.75-2.17.01,${first},Perpustakaan Keliling,REGIONAL_OFFICE,5000`,
      `12.75-PUSTAKA-02,12.75-2.17.01,${second},Perpustakaan Kecamatan,REGIONAL_OFFICE,3000`,
    ];
    const file = `${[UNIT_HEADER, ...rows].join('\n')}\n`;
    expect(await api.importText(units, 'unit.csv', file)).toMatchObject({ outcome: 'APPLIED', inserted: 2 });
    expect((await agencyByCode('12.75-2.17.01'))?.serviceUnits.totalCount).toBe(2);
    expect(await api.importText(units, 'unit.csv', file)).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    expect(await api.importText(units, 'unit-2.csv', file.replace(',3000', ',3500'))).toMatchObject({
      updated: 1,
      unchanged: 1,
    });

    const [medan] = await districtsOf('12.71');
    const bad = [
      `12.75-PUSTAKA-03,12.75-2.17.01,${medan},Perpustakaan Medan,REGIONAL_OFFICE,100`,
      `12.75-PUSTAKA-04,12.75-0.00.00,${first},Perpustakaan Lain,REGIONAL_OFFICE,100`,
      `12.75-PUSTAKA-05,12.75-2.17.01,99.99,Perpustakaan,REGIONAL_OFFICE,0`,
    ];
    const rejected = await api.importText(units, 'unit-bad.csv', `${[UNIT_HEADER, ...bad].join('\n')}\n`);
    expect(rejected.errors.map(formatError)).toEqual([
      `line 2, region_code: ${medan}: is outside the agency's region 12.75`,
      'line 3, agency_code: 12.75-0.00.00: no agency has this code',
      'line 4, population_served: 0: is not between 1 and 2147483647',
    ]);
    expect((await agencyByCode('12.75-2.17.01'))?.serviceUnits.totalCount).toBe(2);
  });
});
