import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { print } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { runImport } from '../../importer/engine.js';
import { exportKind } from '../../importer/export.js';
import { IMPORT_KINDS } from '../../importer/kinds/index.js';
import type { SubgraphName } from '../../subgraphs/names.js';
import { TrainingImpactDocument } from '../generated/graphql.js';
import { openImportDatabase, useImportPlatform } from '../support/import-platform.js';

const api = useImportPlatform();
let folder = '';
afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

async function exported(kind: string, regionCode?: string): Promise<string> {
  const s = api.platform.subgraphs;
  const subgraphUrls: Record<SubgraphName, string> = {
    personnel: s.personnel.url,
    learning: s.learning.url,
    budgeting: s.budgeting.url,
    evaluation: s.evaluation.url,
  };
  folder ||= await mkdtemp(join(tmpdir(), 'pembinaan-export-'));
  const file = join(folder, `${kind}${regionCode ? `-${regionCode}` : ''}.csv`);
  const out = createWriteStream(file);
  await exportKind(kind, { databaseUrl: api.databaseUrl, subgraphUrls, regionCode, out });
  await new Promise<void>((resolve) => out.end(resolve));
  return file;
}

/** What each kind's export should hold: the owner's rows (IKM: one row per respondent). */
const ROWS: Record<string, string> = {
  agencies: 'select count(*)::int as n from personnel.agency',
  units: 'select count(*)::int as n from personnel.service_unit',
  employees: 'select count(*)::int as n from personnel.employee',
  'rank-history': 'select count(*)::int as n from personnel.rank_history',
  'position-history': 'select count(*)::int as n from personnel.position_history',
  mentoring: 'select count(*)::int as n from personnel.mentoring_pair',
  'ikm-responses': 'select coalesce(sum(respondents), 0)::int as n from evaluation.ikm_survey',
  courses: 'select count(*)::int as n from learning.course',
  offerings: 'select count(*)::int as n from learning.course_offering',
  enrolments: 'select count(*)::int as n from learning.enrolment',
  skp: 'select count(*)::int as n from evaluation.skp_appraisal',
  'budget-lines': 'select count(*)::int as n from budgeting.budget_line',
};

/**
 * The answer with every fraction at 12 significant digits: employees are re-created PNS first, then PPPK, so a
 * sum over them runs in another order and a double can differ in its last bits (98.11461600145765 and
 * ...766); every count, code, id and grade must be the same.
 */
function doubles(answer: unknown): unknown {
  return JSON.parse(JSON.stringify(answer), (_key, value: unknown) =>
    typeof value === 'number' && !Number.isInteger(value) ? Number(value.toPrecision(12)) : value,
  );
}

describe('npm run export', () => {
  it('writes every kind in its import format: importing the export again changes nothing', async () => {
    for (const kind of Object.keys(IMPORT_KINDS)) {
      const file = await exported(kind);
      const [expected] = await api.sql<{ n: number }>(ROWS[kind] ?? 'select -1 as n');
      const report = await runImport({
        kind:
          IMPORT_KINDS[kind] ??
          (() => {
            throw new Error(kind);
          })(),
        file,
        databaseUrl: api.databaseUrl,
        personnel: api.personnel,
        importedBy: 'test',
      });
      expect(report.errors, kind).toEqual([]);
      expect(report.rowsRead, kind).toBe(expected?.n);
      expect(report.rowsRead, kind).toBeGreaterThan(0);
      expect({ inserted: report.inserted, updated: report.updated }, kind).toEqual({ inserted: 0, updated: 0 });
    }
  });

  it('exports one region: the header, then only its rows', async () => {
    const [district] = await api.sql<{ code: string; units: number }>(
      `select left(region_code, 8) as code, count(*)::int as units from personnel.service_unit
        group by 1 order by 2 desc limit 1`,
    );
    const lines = (await readFile(await exported('units', district?.code), 'utf8')).trimEnd().split('\n');
    expect(lines[0]).toBe('code,agency_code,region_code,name,kind,population_served');
    expect(lines.length - 1).toBe(district?.units);
    expect(lines.slice(1).every((line) => line.split(',')[2]?.startsWith(district?.code ?? '?'))).toBe(true);
  });

  it('round trip: the demo data exported, imported into an empty database, gives the same trainingImpact', async () => {
    const target = await openImportDatabase({ seeded: false });
    try {
      const [before] = await target.sql<{ n: number }>('select count(*)::int as n from personnel.employee');
      expect(before?.n).toBe(0);
      // Partner universities are reference data, as regions are (no import kind): the same in both databases.
      const universities = await api.sql<{ code: string; name: string; short_name: string; region_code: string }>(
        'select code, name, short_name, region_code from learning.university order by id',
      );
      for (const u of universities) {
        await target.sql(
          'insert into learning.university (code, name, short_name, region_code) values ($1, $2, $3, $4)',
          [u.code, u.name, u.short_name, u.region_code],
        );
      }
      // In the order of IMPORT_KINDS: what a kind's rows name is imported before it.
      for (const [name, kind] of Object.entries(IMPORT_KINDS)) {
        const file = await exported(name);
        const report = await runImport({
          kind,
          file,
          databaseUrl: target.databaseUrl,
          personnel: target.personnel,
          importedBy: 'test',
        });
        expect(report.errors, name).toEqual([]);
        expect(report.outcome, name).toBe('APPLIED');
        expect(report.rowsRead, name).toBeGreaterThan(0);
      }
      // The comparison reads evaluation's read model: wait for every imported row to reach it, not for the timer.
      await target.platform.readModel.syncNow();
      const districts = await api.sql<{ code: string }>(
        "select code from personnel.region where parent_code = '12.75' order by code",
      );
      const query = print(TrainingImpactDocument);
      for (const year of [2024, 2025]) {
        for (const regionCodes of [['12.75'], districts.map((d) => d.code)]) {
          const variables = { regionCodes, year };
          const original = await api.query(query, variables);
          expect(original.errors, JSON.stringify(variables)).toBeUndefined();
          expect(original.data).toBeTruthy();
          expect(doubles(await target.query(query, variables)), JSON.stringify(variables)).toEqual(doubles(original));
        }
      }
    } finally {
      await target.close();
    }
  }, 300_000);
});
