import { describe, expect, it } from 'vitest';
import { formatError } from '../../importer/engine.js';
import { budgetLines } from '../../importer/kinds/budget-lines.js';
import { skp } from '../../importer/kinds/skp.js';
import { useImportPlatform } from '../support/import-platform.js';

const api = useImportPlatform();

const SKP_HEADER = 'nip,year,hasil_kerja,perilaku_kerja';
const BUDGET_HEADER = 'agency_code,year,sub_activity_code,description,ceiling,realised';
/** The demo data has appraisals and budgets for 2024-2025: imports go to 2023. */
const YEAR = 2023;

async function predicateOf(number: string): Promise<string | null> {
  const [person] = await api.sql<{ id: number }>('select id from personnel.employee where nip = $1 or ni_pppk = $1', [
    number,
  ]);
  const result = await api.query<{ employee: { skp: { predicate: string } | null } }>(
    'query ($id: Int!, $year: Int!) { employee(id: $id) { skp(year: $year) { predicate } } }',
    { id: person?.id, year: YEAR },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.employee.skp?.predicate ?? null;
}

async function budgetOf(code: string): Promise<{ ceiling: string; realised: string; lines: number }> {
  const result = await api.query<{
    agency: { trainingBudgetSummary: { ceiling: string; realised: string; lines: number } };
  }>(
    'query ($code: String!, $year: Int!) { agency(code: $code) { trainingBudgetSummary(year: $year) { ceiling realised lines } } }',
    { code, year: YEAR },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.agency.trainingBudgetSummary ?? { ceiling: '-', realised: '-', lines: -1 };
}

describe('import SKP appraisals', () => {
  it('imports appraisals whose predicate follows the matrix; re-import is a no-op; a changed rating updates', async () => {
    const people = await api.sql<{ number: string }>(
      'select coalesce(nip, ni_pppk) as number from personnel.employee order by id limit 3',
    );
    const numbers = people.map((p) => p.number);
    const rows = [
      `${numbers[0]},${YEAR},DI_ATAS,DI_ATAS`,
      `${numbers[1]},${YEAR},SESUAI,DI_BAWAH`,
      `${numbers[2]},${YEAR},DI_BAWAH,SESUAI`,
    ];
    const file = `${[SKP_HEADER, ...rows].join('\n')}\n`;
    expect(await api.importText(skp, 'skp.csv', file)).toMatchObject({ outcome: 'APPLIED', inserted: 3 });
    expect(await Promise.all(numbers.map(predicateOf))).toEqual(['SANGAT_BAIK', 'KURANG', 'BUTUH_PERBAIKAN']);
    expect(await api.importText(skp, 'skp.csv', file)).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    const changed = file.replace(`${numbers[1]},${YEAR},SESUAI,DI_BAWAH`, `${numbers[1]},${YEAR},SESUAI,SESUAI`);
    expect(await api.importText(skp, 'skp-2.csv', changed)).toMatchObject({ updated: 1, unchanged: 2 });
    expect(await predicateOf(numbers[1] ?? '')).toBe('BAIK');
  });

  it('rejects employees personnel does not know, bad ratings and a repeated appraisal', async () => {
    const [person] = await api.sql<{ number: string }>(
      'select coalesce(nip, ni_pppk) as number from personnel.employee order by id desc limit 1',
    );
    const rows = [
      `199901012020011999,${YEAR},SESUAI,SESUAI`,
      `${person?.number},${YEAR},SESUAI,SESUAI`,
      `${person?.number},${YEAR},DI_ATAS,SESUAI`,
      `${person?.number},${YEAR},BAIK,SESUAI`,
    ];
    const result = await api.importText(skp, 'skp-bad.csv', `${[SKP_HEADER, ...rows].join('\n')}\n`);
    expect(result.errors.map(formatError)).toEqual([
      'line 2, nip: 199901012020011999: personnel has no employee with this NIP or NI PPPK',
      `line 4, nip: ${person?.number}: is appraised for ${YEAR} again (first on line 3)`,
      'line 5, hasil_kerja: BAIK: is not one of DI_ATAS, SESUAI, DI_BAWAH',
    ]);
    expect(await predicateOf(person?.number ?? '')).toBeNull();
  });
});

describe('import budget lines', () => {
  it('imports pagu and realisasi in whole Rupiah; the summary follows; re-import is a no-op', async () => {
    const [agency] = await api.sql<{ code: string }>("select code from personnel.agency where kind = 'HEALTH' limit 1");
    const code = agency?.code ?? '';
    // A semicolon export, as Indonesian spreadsheets write it: amounts with thousands dots.
    const rows = [
      `${code};${YEAR};1.02.01.2.05.0009;Pendidikan dan Pelatihan Pegawai;1.250.000.000;1.087.500.000`,
      `${code};${YEAR};1.02.01.2.05.0010;Bimbingan Teknis;300000000;0`,
    ];
    const file = `${[BUDGET_HEADER.replaceAll(',', ';'), ...rows].join('\n')}\n`;
    expect(await api.importText(budgetLines, 'dpa.csv', file)).toMatchObject({ outcome: 'APPLIED', inserted: 2 });
    expect(await budgetOf(code)).toEqual({ ceiling: '1550000000', realised: '1087500000', lines: 2 });
    expect(await api.importText(budgetLines, 'dpa.csv', file)).toMatchObject({ unchanged: 2, inserted: 0, updated: 0 });
    const corrected = file.replace(';300000000;0', ';300000000;120.000.000');
    expect(await api.importText(budgetLines, 'dpa-2.csv', corrected)).toMatchObject({ updated: 1, unchanged: 1 });
    expect((await budgetOf(code)).realised).toBe('1207500000');

    const logged = await api.query<{ budgetingImports: { nodes: { fileName: string; outcome: string }[] } }>(
      '{ budgetingImports(kind: "budget-lines") { nodes { fileName outcome } } }',
    );
    expect(logged.data?.budgetingImports.nodes.map((n) => n.fileName)).toEqual(['dpa.csv', 'dpa.csv', 'dpa-2.csv']);
  });

  it('rejects decimals, realisation above the ceiling and agencies personnel does not know', async () => {
    const [agency] = await api.sql<{ code: string }>("select code from personnel.agency where kind = 'BKPSDM' limit 1");
    const code = agency?.code ?? '';
    const before = await budgetOf(code);
    const rows = [
      `${code},${YEAR},5.04.01.2.05.0009,Diklat,"1.000.000,50",0`,
      `${code},${YEAR},5.04.01.2.05.0010,Diklat,1000000,1000001`,
      `99.99-9.99.99,${YEAR},5.04.01.2.05.0009,Diklat,1000,0`,
      `${code},${YEAR},5.04.01.2.05,Diklat,1000,0`,
    ];
    const result = await api.importText(budgetLines, 'dpa-bad.csv', `${[BUDGET_HEADER, ...rows].join('\n')}\n`);
    expect(result.errors.map(formatError)).toEqual([
      'line 2, ceiling: 1.000.000,50: is not whole Rupiah (1234567 or 1.234.567, no decimals)',
      'line 3, realised: 1000001: is more than the ceiling (1000000)',
      'line 4, agency_code: 99.99-9.99.99: personnel has no agency with this code',
      'line 5, sub_activity_code: 5.04.01.2.05: is not a SIPD sub-activity code (like 1.02.01.2.05.0009)',
    ]);
    expect(await budgetOf(code)).toEqual(before);
  });

  it("reads what PostgreSQL's COPY alone would misread: spaces around values, a quoted line break, a row too long", async () => {
    const [agency] = await api.sql<{ code: string }>("select code from personnel.agency where kind = 'BKPSDM' limit 1");
    const code = agency?.code ?? '';
    // Spaces around values are trimmed, as csv-parse trims them.
    const spaced = `${BUDGET_HEADER}\n ${code} , ${YEAR} ,5.04.01.2.05.0101, Diklat ,1000 , 0\n`;
    expect(await api.importText(budgetLines, 'spaced.csv', spaced)).toMatchObject({ outcome: 'APPLIED', inserted: 1 });
    const [stored] = await api.sql<{ description: string; ceiling: string }>(
      "select description, ceiling::text from budgeting.budget_line where sub_activity_code = '5.04.01.2.05.0101'",
    );
    expect(stored).toEqual({ description: 'Diklat', ceiling: '1000' });
    // A quoted line break: the rows after it keep their own line numbers.
    const multiline = [
      BUDGET_HEADER,
      `${code},${YEAR},5.04.01.2.05.0102,"Diklat`,
      `lanjutan",1000,0`,
      `${code},${YEAR},5.04.01.2.05.01x3,Diklat,1000,0`,
    ];
    const quoted = await api.importText(budgetLines, 'quoted.csv', `${multiline.join('\n')}\n`);
    expect(quoted.errors.map(formatError)).toEqual([
      'line 4, sub_activity_code: 5.04.01.2.05.01x3: is not a SIPD sub-activity code (like 1.02.01.2.05.0009)',
    ]);
    // A row with a field too many: named by its line, with every other error of the file.
    const long = [
      BUDGET_HEADER,
      `${code},${YEAR},5.04.01.2.05.0104,Diklat,1000,0,extra`,
      `${code},${YEAR},5.04.01.2.05.0105,Diklat,1000,2000`,
    ];
    const tooLong = await api.importText(budgetLines, 'long.csv', `${long.join('\n')}\n`);
    expect(tooLong.errors.map(formatError)).toEqual([
      `line 2, (row): ${code},${YEAR},5.04.01.2.05.0104,Diklat,1000,0,extra: has 7 fields, the header has 6`,
      'line 3, realised: 2000: is more than the ceiling (1000)',
    ]);
  });
});
