import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatError } from '../../importer/engine.js';
import { employees } from '../../importer/kinds/employees.js';
import { childEnvironment, projectRoot } from '../../subgraphs/shared/config.js';
import { useImportPlatform } from '../support/import-platform.js';

const api = useImportPlatform();

const HEADER =
  'nip,ni_pppk,asn_type,full_name,birth_date,gender,appointed_on,agency_code,unit_code,rank_code,position_title,position_kind,position_level';

interface Place {
  agency: string;
  unit: string;
  otherAgency: string;
}

async function place(): Promise<Place> {
  const [row] = await api.sql<{ agency: string; unit: string; other: string }>(
    `select a.code as agency, u.code as unit,
            (select b.code from personnel.agency b where b.id <> a.id order by b.id limit 1) as other
       from personnel.service_unit u join personnel.agency a on a.id = u.agency_id
      where u.kind = 'PUSKESMAS' order by u.id limit 1`,
  );
  if (!row) throw new Error('no Puskesmas in the import test data');
  return { agency: row.agency, unit: row.unit, otherAgency: row.other };
}

/** Five new employees (three PNS, two PPPK) of one Puskesmas; NIP sequences 9xx keep clear of the demo data. */
function goodRows(p: Place): string[] {
  return [
    `199001152015031901,,PNS,Rina Sitepu,1990-01-15,M,2015-03-01,${p.agency},${p.unit},III/b,Perawat Ahli Pertama,NONMANAJERIAL,FUNGSIONAL`,
    `198512302010122902,,PNS,Dewi Lubis,30/12/1985,F,01/12/2010,${p.agency},${p.unit},III/c,Bidan Ahli Muda,NONMANAJERIAL,FUNGSIONAL`,
    `197803032005041903,,PNS,Budi Nasution,1978-03-03,M,2005-04-01,${p.agency},,III/d,Kepala Seksi Pelayanan,MANAJERIAL,PENGAWAS`,
    `,199502022021091904,PPPK,Maya Ginting,1995-02-02,F,2021-09-01,${p.agency},${p.unit},PPPK-IX,Perawat Terampil,NONMANAJERIAL,FUNGSIONAL`,
    `,199207072022011905,PPPK,Andi Tarigan,1992-07-07,M,2022-01-01,${p.agency},${p.unit},PPPK-VII,Pengadministrasi Umum,NONMANAJERIAL,PELAKSANA`,
  ];
}

async function staffOf(agencyCode: string): Promise<number> {
  const result = await api.query<{ agency: { employees: { totalCount: number } } }>(
    'query ($code: String!) { agency(code: $code) { employees(first: 1) { totalCount } } }',
    { code: agencyCode },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.agency.employees.totalCount ?? -1;
}

async function employeeByNip(nip: string) {
  const result = await api.query<{
    employeeByNip: {
      fullName: string;
      birthDate: string;
      unit: { code: string } | null;
      rank: { code: string };
    } | null;
  }>('query ($nip: String!) { employeeByNip(nip: $nip) { fullName birthDate unit { code } rank { code } } }', { nip });
  expect(result.errors).toBeUndefined();
  return result.data?.employeeByNip ?? null;
}

describe('import employees', () => {
  it('imports a good file (semicolons, BOM, both date formats) and a re-import changes nothing', async () => {
    const p = await place();
    const before = await staffOf(p.agency);
    // An Indonesian spreadsheet export: UTF-8 with BOM, semicolon separated.
    const content = `\uFEFF${[HEADER, ...goodRows(p)].map((line) => line.replaceAll(',', ';')).join('\r\n')}\r\n`;
    const first = await api.importText(employees, 'pegawai.csv', content);
    expect(first.errors).toEqual([]);
    expect(first).toMatchObject({ outcome: 'APPLIED', rowsRead: 5, inserted: 5, updated: 0, unchanged: 0 });
    expect(await staffOf(p.agency)).toBe(before + 5);
    expect(await employeeByNip('198512302010122902')).toEqual({
      fullName: 'Dewi Lubis',
      birthDate: '1985-12-30',
      unit: { code: p.unit },
      rank: { code: 'III/c' },
    });
    // A new employee's first rank and position are history entries at the appointment date.
    const history = await api.sql<{ rank_code: string; tmt: string }>(
      `select h.rank_code, h.tmt::text from personnel.rank_history h join personnel.employee e on e.id = h.employee_id
        where e.ni_pppk = '199502022021091904'`,
    );
    expect(history).toEqual([{ rank_code: 'PPPK-IX', tmt: '2021-09-01' }]);

    const again = await api.importText(employees, 'pegawai.csv', content);
    expect(again).toMatchObject({ outcome: 'APPLIED', inserted: 0, updated: 0, unchanged: 5 });
    expect(again.sha256).toBe(first.sha256);
    expect(await staffOf(p.agency)).toBe(before + 5);
  });

  it('updates a changed row only', async () => {
    const p = await place();
    const rows = goodRows(p);
    rows[0] = (rows[0] ?? '').replace('Rina Sitepu', 'Rina Br Sitepu').replace(`,${p.unit},`, ',,');
    const result = await api.importText(employees, 'pegawai-2.csv', `${[HEADER, ...rows].join('\n')}\n`);
    expect(result).toMatchObject({ outcome: 'APPLIED', inserted: 0, updated: 1, unchanged: 4 });
    expect(await employeeByNip('199001152015031901')).toMatchObject({ fullName: 'Rina Br Sitepu', unit: null });
  });

  it('rejects a file with one bad row: nothing changes, the line and column are named', async () => {
    const p = await place();
    const before = await staffOf(p.agency);
    const rows = [
      `199103032016041906,,PNS,Sari Purba,1991-03-03,M,2016-04-01,${p.agency},${p.unit},III/a,Perawat,NONMANAJERIAL,FUNGSIONAL`,
      `198602302015051001,,PNS,Tono,1986-02-28,M,2015-05-01,${p.agency},${p.unit},III/a,Perawat,NONMANAJERIAL,FUNGSIONAL`,
    ];
    const result = await api.importText(employees, 'bad.csv', `${[HEADER, ...rows].join('\n')}\n`);
    expect(result.outcome).toBe('REJECTED');
    expect(result.errorCount).toBe(1);
    expect(result.errors.map(formatError)).toEqual([
      'line 3, nip: 198602302015051001: birth date 1986-02-30 (NIP digits 1-8) is not a real date',
    ]);
    expect(await staffOf(p.agency)).toBe(before);
    expect(await employeeByNip('199103032016041906')).toBeNull();
  });

  it('reports every bad value of a file, each with its line, column, value and reason', async () => {
    const p = await place();
    const rows = [
      `199001152015031901,,PNS,Rina,1990-01-15,M,2015-03-01,XX-9.99.01,,III/b,Perawat,NONMANAJERIAL,FUNGSIONAL`,
      `199001152015031901,,PNS,Rina,31/02/1990,F,2015-03-01,${p.otherAgency},${p.unit},PPPK-IX,Perawat,MANAJERIAL,FUNGSIONAL`,
      `,1995020220210919,PPPK,Maya,1995-02-02,F,2021-09-01,${p.agency},NOPE,PPPK-IX,Perawat,NONMANAJERIAL,FUNGSIONAL`,
      'too,few,fields',
    ];
    const result = await api.importText(employees, 'many-bad.csv', `${[HEADER, ...rows].join('\n')}\n`);
    expect(result.outcome).toBe('REJECTED');
    // A row with a malformed value is reported for it alone; the other rows are checked as a whole too.
    expect(result.errors.map(formatError)).toEqual([
      'line 2, agency_code: XX-9.99.01: no agency has this code',
      'line 3, birth_date: 31/02/1990: is not a real date',
      'line 4, ni_pppk: 1995020220210919: must have 18 digits',
      'line 5, (row): too,few,fields: has 3 fields, the header has 13',
    ]);
    const fixed = rows
      .slice(0, 3)
      .map((row) => row.replace('31/02/1990', '15/01/1990').replace('1995020220210919', '199502022021091907'));
    const second = await api.importText(employees, 'many-bad-2.csv', `${[HEADER, ...fixed].join('\n')}\n`);
    expect(second.errors.map(formatError)).toEqual([
      'line 2, agency_code: XX-9.99.01: no agency has this code',
      'line 3, gender: F: differs from NIP digit 15 (1)',
      'line 3, nip: 199001152015031901: appears again (first on line 2)',
      'line 3, position_kind: MANAJERIAL: does not fit position level FUNGSIONAL',
      'line 3, rank_code: PPPK-IX: is a PPPK rank, the employee is PNS',
      `line 3, unit_code: ${p.unit}: belongs to agency ${p.agency}, not to ${p.otherAgency}`,
      'line 4, unit_code: NOPE: no service unit has this code',
    ]);
    expect(second.errorCount).toBe(7);
  });

  it('rejects a file whose header is not the fixed one, or an empty file; a header alone imports nothing', async () => {
    const result = await api.importText(employees, 'header.csv', 'nip,name\n1,2\n');
    expect(result.outcome).toBe('REJECTED');
    expect(result.errors[0]).toMatchObject({
      line: 1,
      column: '(header)',
      reason: `the header must be exactly ${HEADER}`,
    });
    const empty = await api.importText(employees, 'empty.csv', '');
    expect(empty.errors[0]?.reason).toBe(`the file is empty; the header must be exactly ${HEADER}`);
    const headerOnly = await api.importText(employees, 'header-only.csv', `${HEADER}\r\n`, { dryRun: true });
    expect(headerOnly).toMatchObject({ outcome: 'DRY_RUN', rowsRead: 0, inserted: 0, updated: 0, unchanged: 0 });
  });

  it('records every import, listable through GraphQL', async () => {
    const dry = await api.importText(employees, 'dry.csv', `${[HEADER, ...goodRows(await place())].join('\n')}\n`, {
      dryRun: true,
    });
    expect(dry).toMatchObject({ outcome: 'DRY_RUN', inserted: 0, unchanged: 4, updated: 1 });
    const result = await api.query<{
      personnelImports: {
        totalCount: number;
        nodes: {
          kind: string;
          fileName: string;
          outcome: string;
          inserted: number;
          errorCount: number;
          fileSha256: string;
        }[];
      };
    }>(
      '{ personnelImports(first: 50, kind: "employees") { totalCount nodes { kind fileName outcome inserted errorCount fileSha256 } } }',
    );
    expect(result.errors).toBeUndefined();
    const runs = result.data?.personnelImports.nodes ?? [];
    expect(result.data?.personnelImports.totalCount).toBe(runs.length);
    expect(runs.map((r) => [r.fileName, r.outcome])).toEqual([
      ['pegawai.csv', 'APPLIED'],
      ['pegawai.csv', 'APPLIED'],
      ['pegawai-2.csv', 'APPLIED'],
      ['bad.csv', 'REJECTED'],
      ['many-bad.csv', 'REJECTED'],
      ['many-bad-2.csv', 'REJECTED'],
      ['header.csv', 'REJECTED'],
      ['empty.csv', 'REJECTED'],
      ['header-only.csv', 'DRY_RUN'],
      ['dry.csv', 'DRY_RUN'],
    ]);
    expect(runs[0]?.inserted).toBe(5);
    expect(runs[3]?.errorCount).toBe(1);
    expect(runs[0]?.fileSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('runs from the command line: exit 0 with the counts, exit 1 with the errors of a rejected file', async () => {
    const p = await place();
    const file = join(tmpdir(), `pembinaan-cli-${process.pid}.csv`);
    const cli = (args: string[]) =>
      promisify(execFile)(process.execPath, [join(projectRoot(), 'dist', 'importer', 'cli.js'), ...args], {
        env: childEnvironment({ DATABASE_URL: api.databaseUrl, PERSONNEL_URL: api.platform.subgraphs.personnel.url }),
        encoding: 'utf8',
      }).then(
        (done) => ({ code: 0, stdout: done.stdout }),
        (failed: { code: number; stdout: string }) => ({ code: failed.code, stdout: failed.stdout }),
      );
    const row = `199204042016051907,,PNS,Joko Sembiring,1992-04-04,M,2016-05-01,${p.agency},${p.unit},III/a,Perawat,NONMANAJERIAL,FUNGSIONAL`;
    await writeFile(file, `${HEADER}\n${row}\n`);
    const applied = await cli(['employees', file]);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('employees: 1 inserted, 0 updated, 0 unchanged (were written)');
    await writeFile(file, `${HEADER}\n${row.replace('1992-04-04', '1992-04-05')}\n`);
    const rejected = await cli(['employees', file]);
    expect(rejected.code).toBe(1);
    expect(rejected.stdout).toContain(
      'line 2, birth_date: 1992-04-05: differs from the birth date in the NIP (19920404)',
    );
    expect(await employeeByNip('199204042016051907')).toMatchObject({ birthDate: '1992-04-04' });
    await rm(file);
  });
});
