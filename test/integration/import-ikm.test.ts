import { describe, expect, it } from 'vitest';
import { formatError } from '../../importer/engine.js';
import { ikmResponses } from '../../importer/kinds/ikm-responses.js';
import { useImportPlatform } from '../support/import-platform.js';

const api = useImportPlatform();

const HEADER = 'unit_code,year,conducted_on,population_served,u1,u2,u3,u4,u5,u6,u7,u8,u9';
/** The demo data has surveys in 2024 and 2025: imports go to 2023, where there are none. */
const YEAR = 2023;

/**
 * A survey of 29 respondents laid out like the guideline's worked example (PermenPANRB 14/2017): mostly 3s,
 * some 4s and 2s. By hand: the nine element totals are 87, 87, 88, 87, 86, 88, 86, 87, 88 (784 in all), so the
 * NRRs are 3, 3, 88/29, 3, 86/29, 88/29, 86/29, 3, 88/29 and IKM = 25 x 784 / (9 x 29) = 19600/261 = 75.0958
 * (75.10: C, Kurang Baik). With the rounded weight 0.11 instead of 1/9 it would read 74.34.
 */
const WORKED_EXAMPLE: number[][] = Array.from({ length: 29 }, (_, i) =>
  Array.from({ length: 9 }, (_, k) => {
    const e = k + 1;
    if ((i + e) % 7 === 0) return 2;
    return (i * 5 + e * 7) % 6 === 0 ? 4 : 3;
  }),
);

/** `respondents` rows whose answers add up to `total` (every answer 1-4). */
function surveyWithTotal(respondents: number, total: number): number[][] {
  let extra = total - respondents * 9;
  return Array.from({ length: respondents }, () =>
    Array.from({ length: 9 }, () => {
      const up = Math.min(3, extra);
      extra -= up;
      return 1 + up;
    }),
  );
}

interface Survey {
  unit: string;
  population: number;
  answers: number[][];
}

function csv(surveys: Survey[], separator = ','): string {
  const lines = surveys.flatMap((s) =>
    s.answers.map((row) => [s.unit, YEAR, `${YEAR}-10-15`, s.population, ...row].join(separator)),
  );
  return `${[HEADER.replaceAll(',', separator), ...lines].join('\n')}\n`;
}

async function unitCodes(n: number): Promise<string[]> {
  const rows = await api.sql<{ code: string }>('select code from personnel.service_unit order by id limit $1', [n]);
  return rows.map((r) => r.code);
}

interface Ikm {
  score: number;
  reportedScore: number;
  grade: string;
  performance: string;
  respondents: number;
  elements: { elementNo: number; nrr: number }[];
}

async function ikmOf(code: string): Promise<Ikm | null> {
  const result = await api.query<{ serviceUnit: { ikm: Ikm | null } }>(
    `query ($code: String!, $year: Int!) {
      serviceUnit(code: $code) { ikm(year: $year) { score reportedScore grade performance respondents elements { elementNo nrr } } }
    }`,
    { code, year: YEAR },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.serviceUnit.ikm ?? null;
}

/** Surveys next to each band edge: 100 respondents give scores in steps of 25/900. */
const EDGES: [total: number, reported: number, grade: string][] = [
  [2339, 64.97, 'D'],
  [2340, 65.0, 'C'],
  [2757, 76.58, 'C'],
  [2758, 76.61, 'B'],
  [3178, 88.28, 'B'],
  [3179, 88.31, 'A'], // 88.3056: above 88.30, read as 88.31 after rounding to the table's two decimals
];

describe('import IKM responses', () => {
  it('scores the worked example and the band edges exactly as the published formula does', async () => {
    const codes = await unitCodes(7);
    const surveys: Survey[] = [
      { unit: codes[0] ?? '', population: 30, answers: WORKED_EXAMPLE },
      ...EDGES.map(([total], i) => ({
        unit: codes[i + 1] ?? '',
        population: 100,
        answers: surveyWithTotal(100, total),
      })),
    ];
    const callsBefore = api.personnel.calls;
    const report = await api.importText(ikmResponses, 'skm-2023.csv', csv(surveys, ';'));
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ outcome: 'APPLIED', rowsRead: 629, inserted: 7, updated: 0, unchanged: 0 });
    // The importer's identity, then the seven unit codes in one call.
    expect(api.personnel.calls - callsBefore).toBe(1 + 1);

    const example = await ikmOf(codes[0] ?? '');
    expect(example?.respondents).toBe(29);
    expect(example?.score).toBeCloseTo(19600 / 261, 10);
    expect(example?.reportedScore).toBe(75.1);
    expect(example?.grade).toBe('C');
    expect(example?.performance).toBe('Kurang Baik');
    expect(example?.elements.map((e) => e.nrr * 29)).toEqual(
      [87, 87, 88, 87, 86, 88, 86, 87, 88].map((total) => expect.closeTo(total, 9)),
    );
    for (const [i, [total, reported, grade]] of EDGES.entries()) {
      const ikm = await ikmOf(codes[i + 1] ?? '');
      expect(ikm?.score, `total ${total}`).toBeCloseTo((25 * total) / 900, 10);
      expect(ikm?.reportedScore, `total ${total}`).toBe(reported);
      expect(ikm?.grade, `total ${total}`).toBe(grade);
    }
    expect(report.summary).toContain(`${codes[0]} ${YEAR}: 29 respondents, IKM 75.10 (C, Kurang Baik)`);

    const again = await api.importText(ikmResponses, 'skm-2023.csv', csv(surveys, ';'));
    expect(again).toMatchObject({ outcome: 'APPLIED', inserted: 0, updated: 0, unchanged: 7 });

    // One respondent of the worked example answers 4 instead of 2: that survey alone changes.
    const changed = WORKED_EXAMPLE.map((row) => [...row]);
    (changed[5] as number[])[1] = 4; // respondent 6, element 2 was a 2 ((5 + 2) % 7 = 0)
    expect(WORKED_EXAMPLE[5]?.[1]).toBe(2);
    const update = await api.importText(
      ikmResponses,
      'skm-2023-fixed.csv',
      csv([{ ...(surveys[0] as Survey), answers: changed }, ...surveys.slice(1)]),
    );
    expect(update).toMatchObject({ outcome: 'APPLIED', inserted: 0, updated: 1, unchanged: 6 });
    expect((await ikmOf(codes[0] ?? ''))?.score).toBeCloseTo((25 * 786) / 261, 10);
  });

  it('rejects unknown units (asked of personnel), bad answers and a survey whose rows disagree; nothing changes', async () => {
    const codes = await unitCodes(9);
    const before = await api.sql<{ n: number }>('select count(*)::int as n from evaluation.ikm_answer_count');
    const good = surveyWithTotal(3, 27).map((row) => [codes[8], YEAR, `${YEAR}-10-15`, 500, ...row].join(','));
    const lines = [
      ...good,
      [codes[8], YEAR, `${YEAR}-10-16`, 500, 3, 3, 3, 3, 3, 3, 3, 3, 3].join(','),
      ['P9999999999', YEAR, `${YEAR}-10-15`, 500, 3, 3, 3, 3, 3, 3, 3, 3, 3].join(','),
    ];
    const first = await api.importText(ikmResponses, 'bad-1.csv', `${[HEADER, ...lines].join('\n')}\n`);
    expect(first.outcome).toBe('REJECTED');
    expect(first.errors.map(formatError)).toEqual([
      `line 5, conducted_on: ${YEAR}-10-16: differs from line 2, the first row of this unit's ${YEAR} survey (${YEAR}-10-15)`,
      'line 6, unit_code: P9999999999: personnel has no service unit with this code',
    ]);
    const malformed = await api.importText(
      ikmResponses,
      'bad-2.csv',
      `${HEADER}\n${[codes[8], YEAR, '15/10/2023', 500, 3, 5, 3, 3, 0, 3, 3, 3, 'x'].join(',')}\n`,
    );
    expect(malformed.errors.map(formatError)).toEqual([
      'line 2, u2: 5: is not between 1 and 4',
      'line 2, u5: 0: is not between 1 and 4',
      'line 2, u9: x: is not a whole number',
    ]);
    const after = await api.sql<{ n: number }>('select count(*)::int as n from evaluation.ikm_answer_count');
    expect(after).toEqual(before);
    expect(await ikmOf(codes[8] ?? '')).toBeNull();
  });
});
