import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SURVEY_SELECT } from '../../subgraphs/evaluation/service.js';

/**
 * IKM scoring runs in SQL against the reference tables. These tests insert synthetic surveys inside a
 * transaction that is rolled back, and check the score, grade and sample flag against the rules of
 * PermenPANRB 14/2017 as docs/domain.md states them.
 */
let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
});
afterAll(async () => client.end());

/** Scores a survey of `respondents` people given, per element, the count of answers scoring 1, 2, 3 and 4. */
async function scoreSurvey(
  respondents: number,
  countsPerElement: [number, number, number, number][],
  population = 1000,
): Promise<{
  score: number;
  reportedScore: number;
  grade: string;
  performance: string;
  minimumRespondents: number;
  underSampled: boolean;
}> {
  await client.query('begin');
  try {
    const { rows } = await client.query<{ id: number }>(
      `insert into evaluation.ikm_survey (unit_id, region_code, year, conducted_on, population_served, respondents)
       values (-1, '99', 1999, '1999-06-01', $1, $2) returning id`,
      [population, respondents],
    );
    const surveyId = rows[0]?.id;
    for (const [index, counts] of countsPerElement.entries()) {
      for (const [scoreIndex, answers] of counts.entries()) {
        await client.query(
          'insert into evaluation.ikm_answer_count (survey_id, element_no, score, answers) values ($1, $2, $3, $4)',
          [surveyId, index + 1, scoreIndex + 1, answers],
        );
      }
    }
    const sql = `${SURVEY_SELECT.replaceAll('?', '$1')} where s.id = $1`;
    const result = await client.query(sql, [surveyId]);
    return result.rows[0];
  } finally {
    await client.query('rollback');
  }
}

/** NRR per element, then IKM = sum(NRR x 1/9) x 25: the textbook steps, computed here independently. */
function textbookIkm(respondents: number, countsPerElement: [number, number, number, number][]): number {
  const nrr = countsPerElement.map((counts) => counts.reduce((sum, n, i) => sum + n * (i + 1), 0) / respondents);
  return nrr.reduce((sum, value) => sum + value * (1 / 9), 0) * 25;
}

describe('IKM score, grade and sample size', () => {
  it('uses the exact 1/9 weight (a rounded 0.11 would give another score)', async () => {
    const counts = Array.from({ length: 9 }, (_, e): [number, number, number, number] => [e, 10 - e, 20 + e, 70 - e]);
    const survey = await scoreSurvey(100, counts);
    expect(survey.score).toBeCloseTo(textbookIkm(100, counts), 10);
    const rounded =
      counts.map((c) => c.reduce((s, n, i) => s + n * (i + 1), 0) / 100).reduce((s, v) => s + v * 0.11, 0) * 25;
    expect(Math.abs(survey.score - rounded)).toBeGreaterThan(0.5);
  });

  it('grades the score rounded half up to two decimals, at each band edge', async () => {
    // 10,000 respondents give scores in steps of 25/90,000; each case puts the total score sum S where needed.
    const respondents = 10_000;
    const casesFor = async (targetScore: number) => {
      const total = Math.round((targetScore * 9 * respondents) / 25);
      // Fill elements with 4s then lower scores until the total matches exactly.
      let remaining = total - 9 * respondents; // everyone starts at score 1; each step up adds 1
      const counts: [number, number, number, number][] = [];
      for (let e = 0; e < 9; e++) {
        const up = Math.min(remaining, 3 * respondents);
        remaining -= up;
        const fours = Math.floor(up / 3);
        const rest = up - fours * 3; // 0, 1 or 2 extra steps
        const row: [number, number, number, number] = [respondents - fours, 0, 0, fours];
        if (rest > 0) {
          row[0] -= 1;
          row[rest] = (row[rest] ?? 0) + 1;
        }
        counts.push(row);
      }
      const survey = await scoreSurvey(respondents, counts, 1_000_000);
      return { survey, exact: (25 * total) / (9 * respondents) };
    };
    // [target score, reported score, grade]: the regulation's table is on two decimals (25.00-64.99 D,
    // 65.00-76.60 C, 76.61-88.30 B, 88.31-100.00 A), so the score is rounded half up before grading.
    const expectations: [number, number, string][] = [
      [25, 25, 'D'],
      [64.99, 64.99, 'D'],
      [64.9947, 64.99, 'D'],
      [64.9951, 65.0, 'C'],
      [65.0, 65.0, 'C'],
      [76.6, 76.6, 'C'],
      [76.6047, 76.6, 'C'],
      [76.605, 76.61, 'B'],
      [76.6082, 76.61, 'B'],
      [76.61, 76.61, 'B'],
      [88.3, 88.3, 'B'],
      [88.3047, 88.3, 'B'],
      [88.3075, 88.31, 'A'],
      [88.31, 88.31, 'A'],
      [100, 100, 'A'],
    ];
    for (const [target, reported, grade] of expectations) {
      const { survey, exact } = await casesFor(target);
      expect(Math.abs(exact - target), `step of the synthetic survey at ${target}`).toBeLessThan(0.0002);
      expect(survey.score).toBeCloseTo(exact, 9);
      expect(survey.reportedScore, `score ${exact}`).toBe(reported);
      expect(survey.grade, `score ${exact}`).toBe(grade);
    }
  });

  it('flags surveys below the Krejcie-Morgan minimum but keeps them', async () => {
    const counts = Array.from({ length: 9 }, (): [number, number, number, number] => [0, 0, 79, 0]);
    const under = await scoreSurvey(79, counts, 100);
    expect(under.minimumRespondents).toBe(80);
    expect(under.underSampled).toBe(true);
    expect(under.score).toBe(75); // every NRR is 3: 3 x 25
    expect(under.grade).toBe('C');
    const enough = await scoreSurvey(
      80,
      counts.map((): [number, number, number, number] => [0, 0, 80, 0]),
      100,
    );
    expect(enough.underSampled).toBe(false);
    expect(
      (
        await scoreSurvey(
          217,
          counts.map((): [number, number, number, number] => [0, 0, 217, 0]),
          500,
        )
      ).underSampled,
    ).toBe(false);
    const large = await scoreSurvey(
      383,
      counts.map((): [number, number, number, number] => [0, 0, 383, 0]),
      5_000_000,
    );
    expect(large.minimumRespondents).toBe(384);
    expect(large.underSampled).toBe(true);
  });
});
