import { describe, expect, it } from 'vitest';
import { budgetLines } from '../../importer/kinds/budget-lines.js';
import { useImportPlatform } from '../support/import-platform.js';
import { as } from '../support/platform.js';

/** Who sees which runs of the import log: national administrators all, regional ones their regions'. */
const api = useImportPlatform();

const HEADER = 'agency_code,year,sub_activity_code,description,ceiling,realised';

interface Run {
  fileName: string;
  source: string;
  outcome: string;
  regionCodes: string[];
  firstErrors: string[];
}

async function runsAs(viewer: Parameters<typeof api.query>[2]) {
  const result = await api.query<{ budgetingImports: { totalCount: number; nodes: Run[] } }>(
    '{ budgetingImports(first: 50) { totalCount nodes { fileName source outcome regionCodes firstErrors } } }',
    {},
    viewer,
  );
  return result;
}

describe('the import log by region', () => {
  it('shows a regional administrator only the runs that named its regions, a national one every run', async () => {
    const [agency] = await api.sql<{ code: string; region_code: string }>(
      "select code, region_code from personnel.agency where kind = 'BKPSDM' order by id limit 1",
    );
    const code = agency?.code ?? '';
    expect(agency?.region_code).toBe('12.75');
    const good = `${HEADER}\n${code},2023,5.04.01.2.05.0009,Diklat,1000000,0\n`;
    const bad = `${HEADER}\n${code},2023,5.04.01.2.05.0009,Diklat,1000000,2000000\n`;
    expect(await api.importText(budgetLines, 'binjai.csv', good)).toMatchObject({ outcome: 'APPLIED' });
    expect(await api.importText(budgetLines, 'binjai-bad.csv', bad)).toMatchObject({ outcome: 'REJECTED' });
    expect(await api.importText(budgetLines, 'header.csv', 'agency,year\n')).toMatchObject({ outcome: 'REJECTED' });
    // A run that named two regions' data (written as the importer would: a file with rows of both).
    await api.sql(
      `insert into budgeting.import_run (kind, file_name, file_sha256, imported_by, started_at, finished_at, outcome,
         rows_read, inserted, updated, unchanged, error_count, first_errors, region_codes)
       values ('budget-lines', 'two-regions.csv', repeat('a', 64), 'test', now(), now(), 'REJECTED', 2, 0, 0, 0, 1,
         '{"line 3, realised: 9: is more than the ceiling (1)"}', '{12.71,12.75}')`,
    );

    const national = await runsAs(undefined);
    expect(national.errors).toBeUndefined();
    expect(national.data?.budgetingImports.nodes).toEqual([
      { fileName: 'binjai.csv', source: 'FILE', outcome: 'APPLIED', regionCodes: ['12.75'], firstErrors: [] },
      {
        fileName: 'binjai-bad.csv',
        source: 'FILE',
        outcome: 'REJECTED',
        regionCodes: ['12.75'],
        firstErrors: ['line 2, realised: 2000000: is more than the ceiling (1000000)'],
      },
      {
        fileName: 'header.csv',
        source: 'FILE',
        outcome: 'REJECTED',
        regionCodes: [],
        firstErrors: [`line 1, (header): agency,year: the header must be exactly ${HEADER}`],
      },
      {
        fileName: 'two-regions.csv',
        source: 'FILE',
        outcome: 'REJECTED',
        regionCodes: ['12.71', '12.75'],
        firstErrors: ['line 3, realised: 9: is more than the ceiling (1)'],
      },
    ]);

    // Binjai's administrator: Binjai's runs; first errors only of runs wholly within its regions. The
    // province's (12 holds 12.71 and 12.75): the same runs, every first error.
    for (const [scope, twoRegionErrors] of [
      ['12.75', 0],
      ['12', 1],
    ] as const) {
      const regional = await runsAs(as('regional-admin', [scope]));
      expect(regional.errors, scope).toBeUndefined();
      expect(regional.data?.budgetingImports.totalCount).toBe(3);
      expect(regional.data?.budgetingImports.nodes.map((r) => [r.fileName, r.firstErrors.length])).toEqual([
        ['binjai.csv', 0],
        ['binjai-bad.csv', 1],
        ['two-regions.csv', twoRegionErrors],
      ]);
    }
    // Medan's administrator: only the run that named Medan too, without its errors (they may quote Binjai's rows).
    const medan = await runsAs(as('regional-admin', ['12.71']));
    expect(medan.data?.budgetingImports.nodes.map((r) => [r.fileName, r.firstErrors])).toEqual([
      ['two-regions.csv', []],
    ]);
    expect(medan.data?.budgetingImports.totalCount).toBe(1);
    // Merauke's: nothing.
    expect((await runsAs(as('regional-admin', ['93.01']))).data?.budgetingImports).toEqual({
      totalCount: 0,
      nodes: [],
    });
    // Planners hold no audit capability.
    expect((await runsAs(as('planner', ['12.75']))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
