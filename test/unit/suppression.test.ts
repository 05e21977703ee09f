import { describe, expect, it } from 'vitest';
import { exposure, kirkpatrick, unitImpacts } from '../../subgraphs/evaluation/impact-privacy.js';
import type { RegionLearningFacts, RegionRow, SkpRow, UnitRow } from '../../subgraphs/evaluation/impact-sql.js';
import { emptyRegionRow } from '../../subgraphs/evaluation/impact-sql.js';
import { visibleOfferingStats } from '../../subgraphs/learning/service.js';
import {
  belowDistrict,
  hierarchicalComplementary,
  isSmallCount,
  reasonOf,
  seesPeopleIn,
  suppressedReason,
} from '../../subgraphs/shared/suppression.js';
import { parseViewer, type Role } from '../../subgraphs/shared/viewer.js';

const viewer = (role: Exclude<Role, 'anonymous'>, regionCodes: string[] = [], universityCode: string | null = null) =>
  parseViewer({ role, regionCodes, universityCode, subject: 'test', via: 'jwt' });
const planner = viewer('planner', ['12.71']);
const nationalPlanner = viewer('planner', ['*']);
const regional = viewer('regional-admin', ['12.71']);
const university = viewer('partner-university', [], 'UNIMED');
const national = viewer('national-admin');

describe('who sees small cells', () => {
  it('is whoever may see the people of the region', () => {
    expect(seesPeopleIn(planner, '12.71')).toBe(false);
    expect(seesPeopleIn(nationalPlanner, '12.71')).toBe(false);
    expect(seesPeopleIn(university, '12.71')).toBe(false);
    expect(seesPeopleIn(regional, '12.71')).toBe(true);
    expect(seesPeopleIn(regional, '12.71.08.1001')).toBe(true);
    expect(seesPeopleIn(regional, '12.75')).toBe(false);
    expect(seesPeopleIn(regional, '12')).toBe(false); // wider than its scope
    expect(seesPeopleIn(national, '93.01')).toBe(true);
  });

  it('withholds counts of 1 to 4 people and shows 0 and 5', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(isSmallCount)).toEqual([false, true, true, true, true, false, false]);
    expect(isSmallCount(null)).toBe(false);
    expect(isSmallCount(undefined)).toBe(false);
  });
});

describe('complementary suppression', () => {
  // Cells of one district: the plain case, pairs chosen by value.
  const cells = (values: number[], primaries: number[]) =>
    values.map((value, i) => ({ value, primary: primaries.includes(i), location: '12.71.08' }));
  const complementary = (placed: ReturnType<typeof cells>) => hierarchicalComplementary(placed, '12.71.08');

  it('adds nothing when no cell or at least two are withheld', () => {
    expect(complementary(cells([5, 9, 7], []))).toEqual({ withheld: [null, null, null], totalShown: true });
    expect(complementary(cells([2, 9, 3, 7], [0, 2]))).toEqual({
      withheld: ['small', null, 'small', null],
      totalShown: true,
    });
  });

  it('pairs a lone withheld cell with the smallest positive visible one (the first on a tie)', () => {
    expect(complementary(cells([3, 9, 0, 6, 6], [0])).withheld).toEqual(['small', null, null, 'complement', null]);
    expect(complementary(cells([0, 0, 4], [2])).withheld).toEqual(['complement', null, 'small']);
  });

  it('withholds the total when the lone withheld cell has nothing to pair with', () => {
    expect(complementary(cells([3], [0]))).toEqual({ withheld: ['small'], totalShown: false });
    expect(complementary([])).toEqual({ withheld: [], totalShown: true });
  });

  it('pairs within each district first, closest in the hierarchy, so nested regions agree', () => {
    const placed = (location: string, value: number, primary = false) => ({ location, value, primary });
    const cells = [
      placed('12.71.01.1001', 2, true), // alone in its village: paired within its district
      placed('12.71.01.1002', 40),
      placed('12.71.01', 9),
      placed('12.71.02.1001', 3, true),
      placed('12.71.02.1002', 8),
      placed('12.71.03.1001', 6),
    ];
    // The regency: the smallest visible cell of the regency (12.71.03, value 6) is not the complement of
    // either small cell; each district gets its own, from itself.
    const regency = hierarchicalComplementary(cells, '12.71');
    expect(regency).toEqual({
      withheld: ['small', null, 'complement', 'small', 'complement', null],
      totalShown: true,
    });
    // One district alone withholds the same cells of that district.
    const district = hierarchicalComplementary(cells.slice(0, 3), '12.71.01');
    expect(district.withheld).toEqual(regency.withheld.slice(0, 3));
    // A village cell is paired with the closest: its own village before its district.
    expect(
      hierarchicalComplementary(
        [placed('12.71.01.1001', 2, true), placed('12.71.01.1002', 5), placed('12.71.01.1001', 50)],
        '12.71.01',
      ).withheld,
    ).toEqual(['small', null, 'complement']);
    // A district of one small cell is paired across districts at the regency level, and that district's
    // second cell follows (no district is left with exactly one).
    expect(
      hierarchicalComplementary(
        [placed('12.71.01', 2, true), placed('12.71.02', 7), placed('12.71.02', 9), placed('12.71.03', 30)],
        '12.71',
      ).withheld,
    ).toEqual(['small', 'complement', 'complement', null]);
    expect(hierarchicalComplementary([placed('12.71.01', 2, true)], '12.71')).toEqual({
      withheld: ['small'],
      totalShown: false,
    });
  });

  it('names the withheld fields and why', () => {
    expect(suppressedReason({ staff: null, jp: null })).toBeNull();
    expect(suppressedReason({ staff: 'small', jp: 'complement', jpPerStaff: 'derived' })).toBe(
      'Withheld to protect privacy: staff (computed over fewer than 5 people); jp (withheld with a small cell so that ' +
        'it cannot be derived from a total (complementary suppression)); jpPerStaff (would reveal a withheld figure).',
    );
    expect(reasonOf(null)).toBeNull();
    expect(reasonOf('small')).toBe('Withheld to protect privacy: computed over fewer than 5 people.');
  });
});

const unit = (over: Partial<UnitRow>): UnitRow => ({
  scope: '12.71.08',
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
  district: '12.71.08',
  jpBeforeSurvey: 150,
  enrolmentsBeforeSurvey: 10,
  jpNextBeforeSurvey: null,
  inEstimate: true,
  ...over,
});

describe('the units and totals of a compared region', () => {
  const rows = [
    unit({ unitId: 1, staff: 4, jp: 60, participants: 3, reachedMinimum: 2, enrolmentsBeforeSurvey: 3 }),
    unit({ unitId: 2, staff: 12, jp: 90, participants: 6, reachedMinimum: 5 }),
    unit({ unitId: 3, staff: 20, jp: 300, participants: 15, reachedMinimum: 9 }),
    unit({
      unitId: 4,
      staff: 8,
      jp: 0,
      participants: 0,
      reachedMinimum: 0,
      jpBeforeSurvey: 0,
      enrolmentsBeforeSurvey: 0,
    }),
  ];

  it('shows everything to a viewer who may see the people', () => {
    const { units, totalShown } = unitImpacts(rows, null, '12.71.08');
    expect(units.map((u) => [u.staff, u.jp, u.jpBeforeSurvey, u.suppressedReason])).toEqual([
      [4, 60, 150, null],
      [12, 90, 150, null],
      [20, 300, 150, null],
      [8, 0, 0, null],
    ]);
    expect(units[0]!.jpPerStaff).toEqual({ value: 15, count: 4, suppressedReason: null });
    expect(totalShown).toEqual({ staff: true, jp: true, reached: true, attributedSpending: true });
  });

  it('withholds the small unit and its complements from a viewer who may not', () => {
    const { units, totalShown } = unitImpacts(rows, 'small', '12.71.08');
    // Staff: unit 1 (4 staff) and the next-smallest, unit 4 (8 staff). JP: unit 1 (3 participants) and the
    // smallest positive JP, unit 2 (unit 4 has none).
    expect(units.map((u) => [u.unitId, u.staff, u.jp])).toEqual([
      [1, null, null],
      [2, 12, null],
      [3, 20, 300],
      [4, null, 0],
    ]);
    expect(units[0]!.suppressedReason).toBe(
      'Withheld to protect privacy: staff (computed over fewer than 5 people); jp (computed over fewer than 5 people); ' +
        'jpBeforeSurvey (computed over fewer than 5 people).',
    );
    expect(units[1]!.suppressedReason).toContain('jp (withheld with a small cell');
    expect(units[1]!.suppressedReason).toContain('jpBeforeSurvey (would reveal a withheld figure)');
    expect(units[0]!.jpPerStaff).toEqual({ value: null, count: null, suppressedReason: reasonOf('small') });
    expect(units[1]!.jpPerStaff).toEqual({ value: null, count: null, suppressedReason: reasonOf('derived') });
    expect(units[2]!.jpPerStaff).toEqual({ value: 15, count: 20, suppressedReason: null });
    expect(units[3]!.jpPerStaff.suppressedReason).toBe(reasonOf('derived'));
    // Two staff reach the minimum in unit 1 (a count the share gives back): withheld, paired with unit 2 (5
    // reach it; unit 4 has none). Unit 4's share is over withheld staff.
    expect(units.map((u) => u.reachedMinimumShare.value)).toEqual([null, null, 9 / 20, null]);
    expect(units[1]!.reachedMinimumShare.suppressedReason).toBe(reasonOf('derived'));
    expect(totalShown).toEqual({ staff: true, jp: true, reached: true, attributedSpending: true });
  });

  it('withholds every figure over people below the district level', () => {
    expect(belowDistrict('12.71.08.1001')).toBe(true);
    expect(belowDistrict('12.71.08')).toBe(false);
    const village = unitImpacts(rows.slice(2), 'area', '12.71.08.1001');
    expect(village.units[0]).toMatchObject({ staff: null, jp: null, jpBeforeSurvey: null });
    expect(village.units[0]!.jpPerStaff.suppressedReason).toContain('below the district level');
    expect(village.totalShown).toEqual({ staff: false, jp: false, reached: false, attributedSpending: false });
  });

  it('withholds a total that would give back a lone withheld unit', () => {
    const lone = [unit({ unitId: 7, staff: 30, jp: 40, participants: 2, reachedMinimum: 1 })];
    const breakdown = unitImpacts(lone, 'small', '12.71.08');
    expect(breakdown.totalShown).toEqual({ staff: true, jp: false, reached: false, attributedSpending: false });
    const region: RegionRow = {
      ...emptyRegionRow('12.71.08.1001'),
      units: 1,
      staff: 30,
      jp: 40,
      unitParticipants: 2,
      reachedMinimum: 1,
    };
    const learning: RegionLearningFacts = {
      enrolments: 9,
      participants: 7,
      jp: 70,
      meanSatisfaction: 4,
      satisfactionResponses: 9,
      meanTestGain: 10,
      testedEnrolments: 9,
    };
    expect(exposure(region, learning, breakdown, 'small')).toEqual({
      units: 1,
      staff: 30,
      participants: 7,
      jp: null,
      jpPerStaff: null,
      reachedMinimumShare: null,
      suppressedReason:
        'Withheld to protect privacy: jp (computed over fewer than 5 people); jpPerStaff (would reveal a withheld ' +
        'figure); reachedMinimumShare (would reveal a withheld figure).',
    });
    expect(exposure(region, learning, unitImpacts(lone, null, '12.71.08'), null)).toMatchObject({
      jp: 40,
      jpPerStaff: 40 / 30,
      reachedMinimumShare: 1 / 30,
      suppressedReason: null,
    });
  });

  it('withholds L1, L2 and the L3 groups of 1 to 4', () => {
    const learning: RegionLearningFacts = {
      enrolments: 4,
      participants: 3,
      jp: 40,
      meanSatisfaction: 4.5,
      satisfactionResponses: 4,
      meanTestGain: 12,
      testedEnrolments: 5,
    };
    const trained: SkpRow = { scope: '12.71.08', trained: true, n: 3, mean: 0.3, variance: 0.2 };
    const untrained: SkpRow = { scope: '12.71.08', trained: false, n: 40, mean: 0.1, variance: 0.2 };
    const change = { estimate: 0.2, standardError: 0.1, degreesOfFreedom: 3, lower: 0, upper: 0.4, confidence: 0.95 };
    const hidden = kirkpatrick(learning, trained, untrained, change, null, 'small');
    expect(hidden).toEqual({
      l1Satisfaction: { value: null, count: null, suppressedReason: reasonOf('small') },
      l2TestGain: { value: 12, count: 5, suppressedReason: null },
      l3SkpChange: null,
      l3TrainedStaff: null,
      l3UntrainedStaff: 40,
      l4IkmEffect: null,
      suppressedReason:
        'Withheld to protect privacy: l3SkpChange (computed over fewer than 5 people); l3TrainedStaff (computed over ' +
        'fewer than 5 people).',
    });
    expect(kirkpatrick(learning, trained, untrained, change, null, null)).toMatchObject({
      l1Satisfaction: { value: 4.5, count: 4, suppressedReason: null },
      l3SkpChange: change,
      l3TrainedStaff: 3,
      suppressedReason: null,
    });
  });
});

describe('course offerings', () => {
  const stats = (participantCount: number) => ({ offeringId: 1, participantCount, completedCount: 0, jpDelivered: 24 });
  it('withholds participants and JP of 1 to 4 people outside the viewer person-level scope', () => {
    const inMedan = { regionCode: '12.71' };
    expect(visibleOfferingStats(planner, inMedan, stats(4))).toEqual({
      participantCount: null,
      jpDelivered: null,
      suppressedReason:
        'Withheld to protect privacy: participantCount (computed over fewer than 5 people); jpDelivered (computed ' +
        'over fewer than 5 people).',
    });
    expect(visibleOfferingStats(university, inMedan, stats(1)).participantCount).toBeNull();
    expect(visibleOfferingStats(planner, inMedan, stats(5))).toEqual({
      participantCount: 5,
      jpDelivered: 24,
      suppressedReason: null,
    });
    expect(visibleOfferingStats(planner, inMedan, null)).toEqual({
      participantCount: 0,
      jpDelivered: 0,
      suppressedReason: null,
    });
    expect(visibleOfferingStats(regional, inMedan, stats(2)).participantCount).toBe(2);
    // An offering of the province: the regional administrator of one of its cities may not see its people.
    expect(visibleOfferingStats(regional, { regionCode: '12' }, stats(2)).participantCount).toBeNull();
    expect(visibleOfferingStats(national, { regionCode: '12' }, stats(2)).participantCount).toBe(2);
  });
});
