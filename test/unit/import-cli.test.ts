import { describe, expect, it } from 'vitest';
import { describeReport, parseArguments, templateOf } from '../../importer/cli.js';
import { IMPORT_KINDS } from '../../importer/kinds/index.js';

describe('npm run import', () => {
  it('prints, for --template, the fixed headers and an example row with a value per column', () => {
    expect(templateOf(IMPORT_KINDS.employees ?? fail()).split('\n')[0]).toBe(
      'nip,ni_pppk,asn_type,full_name,birth_date,gender,appointed_on,agency_code,unit_code,rank_code,position_title,position_kind,position_level',
    );
    expect(templateOf(IMPORT_KINDS['ikm-responses'] ?? fail()).split('\n')[0]).toBe(
      'unit_code,year,conducted_on,population_served,u1,u2,u3,u4,u5,u6,u7,u8,u9',
    );
    for (const kind of Object.values(IMPORT_KINDS)) {
      const [header, example, rest] = templateOf(kind).split('\n');
      expect(example?.split(',').length, kind.name).toBe(header?.split(',').length);
      expect(rest, kind.name).toBe('');
    }
  });

  it('reads its arguments and refuses what it does not know', () => {
    expect(parseArguments(['enrolments', 'a.csv', '--dry-run'])).toMatchObject({
      kind: { name: 'enrolments' },
      file: 'a.csv',
      dryRun: true,
      template: false,
    });
    expect(parseArguments(['--template', 'employees'])).toMatchObject({ template: true, kind: { name: 'employees' } });
    expect(() => parseArguments(['people', 'a.csv'])).toThrow('unknown kind "people"');
    expect(() => parseArguments(['employees'])).toThrow('name the file to import');
    expect(() => parseArguments(['employees', 'a.csv', '--force'])).toThrow('unknown option --force');
    expect(() => parseArguments(['employees', 'a.csv', '--max-errors', '0'])).toThrow('--max-errors');
  });

  it('reports a rejected file with every error it kept and how many more there were', () => {
    const lines = describeReport({
      kind: 'employees',
      unit: 'employees',
      fileName: 'pegawai.csv',
      sha256: 'ab'.repeat(32),
      outcome: 'REJECTED',
      rowsRead: 120,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      errorCount: 3,
      errors: [
        {
          line: 57,
          column: 'nip',
          value: '198602302015051001',
          reason: 'birth date 1986-02-30 (NIP digits 1-8) is not a real date',
        },
        { line: 60, column: 'unit_code', value: '', reason: 'is required' },
      ],
      summary: [],
      importId: 4,
      timings: {},
    });
    expect(lines.slice(1)).toEqual([
      '3 errors; nothing was changed:',
      '  line 57, nip: 198602302015051001: birth date 1986-02-30 (NIP digits 1-8) is not a real date',
      '  line 60, unit_code: (empty): is required',
      '  ... and 1 more',
      'recorded as import 4 of employees in personnel',
    ]);
  });
});

function fail(): never {
  throw new Error('kind missing');
}
