import type { RegionLearning } from '../shared/federation-types.js';
import {
  type Breakdown,
  complementary,
  isSmallCount,
  shown,
  suppressedReason,
  type Withheld,
} from '../shared/suppression.js';
import { measure } from './impact-method.js';
import type { RegionRow, SkpRow, UnitRow } from './impact-sql.js';
import type { Exposure, KirkpatrickChain, PeopleMeasure, UnitImpact } from './impact-types.js';

/**
 * Small-cell suppression of the training-impact comparison (rules: ../shared/suppression.ts; what they
 * protect: docs/access.md). `protect` is false for a viewer with PERSON_LEVEL in the region, who sees
 * every figure. Per figure of people:
 *
 * | figure | people it is computed over | withheld when |
 * |---|---|---|
 * | unit staff | the staff | 1-4 staff, or complement |
 * | unit jp | the unit's participants | 1-4 participants, or complement |
 * | unit jpPerStaff | the staff | staff or jp withheld |
 * | unit reachedMinimumShare | the staff (its numerator counts people) | staff withheld, or 1-4 reaching the minimum (or complement) |
 * | unit jpBeforeSurvey | the enrolments before the survey (an upper bound of people) | 1-4 enrolments, or jp withheld |
 * | region staff, jp, reachedMinimumShare | as above, summed over units | 1-4 people, or a lone withheld unit could be derived from it |
 * | region participants | distinct trainees of the region | 1-4 |
 * | L1, L2 | responses (enrolments) | 1-4 responses |
 * | L3 trained/untrained staff, l3SkpChange | the two groups | a group of 1-4 |
 *
 * Complementary suppression runs over the units of the region for staff, jp and the count reaching the
 * minimum (the region's totals of those are shown), and within the units in the effect estimate and the
 * units outside it for jp (the spending attributed to the units in the estimate reveals their JP total).
 */

/** No suppression: every cell shown. */
function open(count: number): Breakdown {
  return { withheld: Array<Withheld | null>(count).fill(null), totalShown: true };
}

/** Complementary suppression of one figure over the units, the people behind each cell deciding the primaries. */
function figure(
  units: readonly UnitRow[],
  protect: boolean,
  value: (unit: UnitRow) => number,
  people: (unit: UnitRow) => number,
): Breakdown {
  if (!protect) return open(units.length);
  return complementary(units.map((unit) => ({ value: value(unit), primary: isSmallCount(people(unit)) })));
}

/**
 * A second pass within parts of the breakdown whose totals are also published (the units in the estimate
 * and the others): each part ends with no withheld cell or at least two, or its total is not shown.
 */
function withinParts(units: readonly UnitRow[], first: Breakdown, value: (unit: UnitRow) => number): Breakdown {
  const withheld = [...first.withheld];
  let totalShown = first.totalShown;
  for (const inEstimate of [true, false]) {
    const indices = units.flatMap((unit, i) => (unit.inEstimate === inEstimate ? [i] : []));
    const part = complementary(
      indices.map((i) => ({ value: value(units[i] as UnitRow), primary: withheld[i] !== null })),
    );
    for (const [k, why] of part.withheld.entries()) {
      const i = indices[k] as number;
      if (withheld[i] === null && why !== null) withheld[i] = why;
    }
    totalShown &&= part.totalShown;
  }
  return { withheld, totalShown };
}

/** Why a ratio is withheld: over a small denominator it is itself small; otherwise it would give back a withheld term. */
function ratio(denominator: Withheld | null, numerator: Withheld | null): Withheld | null {
  if (denominator === 'small') return 'small';
  return denominator !== null || numerator !== null ? 'derived' : null;
}

export interface UnitBreakdown {
  units: UnitImpact[];
  /** Whether each region total may be shown without revealing a lone withheld unit. */
  totalShown: { staff: boolean; jp: boolean; reached: boolean; attributedSpending: boolean };
}

/** The units of a region as the viewer may see them. */
export function unitImpacts(rows: readonly UnitRow[], protect: boolean): UnitBreakdown {
  const staff = figure(
    rows,
    protect,
    (u) => u.staff,
    (u) => u.staff,
  );
  const jpOverall = figure(
    rows,
    protect,
    (u) => u.jp,
    (u) => u.participants,
  );
  const jp = protect ? withinParts(rows, jpOverall, (u) => u.jp) : jpOverall;
  const reached = figure(
    rows,
    protect,
    (u) => u.reachedMinimum,
    (u) => u.reachedMinimum,
  );
  const units = rows.map((unit, i): UnitImpact => {
    const staffWithheld = staff.withheld[i] ?? null;
    const jpWithheld = jp.withheld[i] ?? null;
    const reachedWithheld = reached.withheld[i] ?? null;
    const beforeWithheld =
      !protect || unit.jpBeforeSurvey == null
        ? null
        : isSmallCount(unit.enrolmentsBeforeSurvey)
          ? 'small'
          : jpWithheld !== null
            ? 'derived'
            : null;
    const perStaff = (value: number) => (unit.staff > 0 ? value / unit.staff : null);
    return {
      unitId: unit.unitId,
      staff: shown(unit.staff, staffWithheld),
      jp: shown(unit.jp, jpWithheld),
      jpPerStaff: measure(perStaff(unit.jp), unit.staff, ratio(staffWithheld, jpWithheld)),
      reachedMinimumShare: measure(
        perStaff(unit.reachedMinimum),
        unit.staff,
        ratio(staffWithheld, reachedWithheld === null ? null : 'derived'),
      ),
      jpBeforeSurvey: shown(unit.jpBeforeSurvey, beforeWithheld),
      surveyedOn: unit.surveyedOn,
      district: unit.district,
      respondents: unit.respondents,
      ikm: unit.ikm,
      ikmPrevious: unit.ikmPrevious,
      ikmChange: unit.ikm != null && unit.ikmPrevious != null ? unit.ikm - unit.ikmPrevious : null,
      underSampled: unit.underSampled,
      inEstimate: unit.inEstimate,
      suppressedReason: suppressedReason({ staff: staffWithheld, jp: jpWithheld, jpBeforeSurvey: beforeWithheld }),
    };
  });
  const jpParts = jp.totalShown;
  return {
    units,
    totalShown: {
      staff: staff.totalShown,
      jp: jpOverall.totalShown,
      reached: reached.totalShown,
      attributedSpending: jpParts,
    },
  };
}

/** A region total: small itself, or withheld because it would reveal a lone withheld unit. */
function total(protect: boolean, people: number, totalShown: boolean): Withheld | null {
  if (!protect) return null;
  if (isSmallCount(people)) return 'small';
  return totalShown ? null : 'derived';
}

/** The region's exposure as the viewer may see it. */
export function exposure(
  region: RegionRow,
  learning: RegionLearning | undefined,
  breakdown: UnitBreakdown,
  protect: boolean,
): Exposure {
  const hasTraining = (learning?.enrolments ?? 0) > 0;
  const staff = total(protect, region.staff, breakdown.totalShown.staff);
  const jp = total(protect, region.unitParticipants, breakdown.totalShown.jp);
  const reached = total(protect, region.reachedMinimum, breakdown.totalShown.reached);
  const participants = protect && isSmallCount(learning?.participants) ? 'small' : null;
  const jpPerStaff = ratio(staff, jp);
  const share = ratio(staff, reached === null ? null : 'derived');
  const withStaff = hasTraining && region.staff > 0;
  return {
    units: region.units,
    staff: shown(region.staff, staff),
    participants: shown(hasTraining ? (learning?.participants ?? 0) : null, participants),
    jp: shown(hasTraining ? region.jp : null, jp),
    jpPerStaff: shown(withStaff ? region.jp / region.staff : null, jpPerStaff),
    reachedMinimumShare: shown(withStaff ? region.reachedMinimum / region.staff : null, share),
    suppressedReason: suppressedReason({ staff, participants, jp, jpPerStaff, reachedMinimumShare: share }),
  };
}

/**
 * The unit costs that divide spending by a figure over people: withheld with it (spending is shown, so the
 * quotient gives the figure back). Learning's region JP and participants are both contributed by the
 * region's participants.
 */
export function unitCostsWithheld(learning: RegionLearning | undefined, protect: boolean): Withheld | null {
  return protect && isSmallCount(learning?.participants) ? 'derived' : null;
}

/** L1 and L2 over responses; L3 over the two groups of staff. */
export function kirkpatrick(
  learning: RegionLearning | undefined,
  trained: SkpRow | undefined,
  untrained: SkpRow | undefined,
  skpChange: KirkpatrickChain['l3SkpChange'],
  l4: KirkpatrickChain['l4IkmEffect'],
  protect: boolean,
): KirkpatrickChain {
  const over = (value: number | null, responses: number): PeopleMeasure =>
    measure(value, responses, protect && isSmallCount(responses) ? 'small' : null);
  const trainedWithheld = protect && isSmallCount(trained?.n) ? 'small' : null;
  const untrainedWithheld = protect && isSmallCount(untrained?.n) ? 'small' : null;
  const changeWithheld = trainedWithheld ?? untrainedWithheld;
  return {
    l1Satisfaction: over(learning?.meanSatisfaction ?? null, learning?.satisfactionResponses ?? 0),
    l2TestGain: over(learning?.meanTestGain ?? null, learning?.testedEnrolments ?? 0),
    l3SkpChange: shown(skpChange, changeWithheld),
    l3TrainedStaff: shown(trained?.n ?? 0, trainedWithheld),
    l3UntrainedStaff: shown(untrained?.n ?? 0, untrainedWithheld),
    l4IkmEffect: l4,
    suppressedReason: suppressedReason({
      l3SkpChange: changeWithheld,
      l3TrainedStaff: trainedWithheld,
      l3UntrainedStaff: untrainedWithheld,
    }),
  };
}
