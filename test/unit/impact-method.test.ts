import { describe, expect, it } from 'vitest';
import { type ReasonFacts, regressionRows, verdictReason } from '../../subgraphs/evaluation/impact-method.js';
import type { UnitRow } from '../../subgraphs/evaluation/impact-sql.js';
import { type RegionVerdict, verdictWithoutEstimate } from '../../subgraphs/evaluation/inference/verdict.js';

const unit = (over: Partial<UnitRow>): UnitRow => ({
  scope: '12.71',
  unitId: 1,
  staff: 10,
  agencyId: 1,
  location: '12.71.08.1001',
  jp: 200,
  reachedMinimum: 5,
  participants: 8,
  ikm: 80,
  ikmPrevious: 78,
  underSampled: false,
  respondents: 100,
  surveyedOn: '2025-11-20',
  district: '12.71.01',
  jpBeforeSurvey: 150,
  enrolmentsBeforeSurvey: 12,
  jpNextBeforeSurvey: null,
  inEstimate: true,
  ...over,
});

const verdict = (over: Partial<RegionVerdict>): RegionVerdict => ({
  ...verdictWithoutEstimate('12.71', 'INSUFFICIENT_DATA', '', 0),
  ...over,
});

const facts = (over: Partial<ReasonFacts>): ReasonFacts => ({
  verdict: verdict({}),
  effect: null,
  units: 0,
  clusters: 0,
  known: true,
  hasAnyData: true,
  underSampledUnits: 0,
  unitsWithBothYears: 0,
  failure: null,
  minimumMeaningfulEffect: 0.5,
  placebo: { nextYearExposure: null, failed: false, pValue: null, reason: '' },
  ...over,
});

describe('training-impact method', () => {
  it('builds rows: IKM on JP before the survey per 10 per staff member, last IKM, agency indicators; respondents weigh, districts cluster', () => {
    const rows = regressionRows([
      unit({ unitId: 1, agencyId: 3 }),
      unit({ unitId: 2, agencyId: 5, staff: 5, jpBeforeSurvey: 100, respondents: 40, district: '12.71.02' }),
      unit({ unitId: 3, inEstimate: false }),
    ]);
    expect(rows).toEqual([
      { y: 80, x: [1.5, 78, 0], weight: 100, cluster: '12.71.01' },
      { y: 80, x: [2, 78, 1], weight: 40, cluster: '12.71.02' },
    ]);
    // The placebo rows put next year's exposure first and keep only units with next year's survey.
    const lead = regressionRows([unit({ jpNextBeforeSurvey: 50 }), unit({ unitId: 2 })], true);
    expect(lead).toEqual([{ y: 80, x: [0.5, 1.5, 78], weight: 100, cluster: '12.71.01' }]);
  });

  it('says how many units there are in plain words, never "Only 0 units"', () => {
    const one = verdictReason('12.71', facts({ units: 1, clusters: 1 }));
    expect(one.verdict).toBe('INSUFFICIENT_DATA');
    expect(one.reason).toMatch(
      /^Insufficient data: 1 service unit has staff and two adequately sampled IKM surveys, in 1 district;/,
    );
    const none = verdictReason('12.71', facts({ verdict: verdict({ verdict: 'NO_DATA' }), hasAnyData: false }));
    expect(none.verdict).toBe('NO_DATA');
    expect(none.reason).toMatch(/no data, not a zero/);
    expect(none.reason).not.toMatch(/\b0 units/);
    const unknown = verdictReason('99.99', facts({ known: false }));
    expect(unknown).toEqual({
      verdict: 'NO_DATA',
      reason: expect.stringMatching(/^99\.99 is not a region code the platform knows/),
    });
  });
});
