import {
  type Breakdown,
  belowDistrict,
  hierarchicalComplementary,
  isSmallCount,
  shown,
  suppressedReason,
  type Withheld,
} from '../shared/suppression.js';
import { measure } from './impact-method.js';
import type { RegionLearningFacts, RegionRow, SkpRow, UnitRow } from './impact-sql.js';
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
 * minimum (the region's totals of those are shown), bottom-up over its districts and regencies. When the
 * units in the effect estimate or those outside it hold exactly one withheld JP, the cost per IKM point is
 * withheld (the spending attributed to the units in the estimate reveals their JP total).
 */

/** Every cell shown (`null`), or every cell withheld for the same reason. */
function uniform(count: number, why: Withheld | null): Breakdown {
  return { withheld: Array<Withheld | null>(count).fill(why), totalShown: why === null };
}

/**
 * How the viewer sees a region: everything (`null`), with small cells withheld (`'small'`), or, below the
 * district level, without any figure over people (`'area'`).
 */
export type Protection = null | 'small' | 'area';

export function protection(seesPeople: boolean, regionCode: string): Protection {
  if (seesPeople) return null;
  return belowDistrict(regionCode) ? 'area' : 'small';
}

/**
 * Complementary suppression of one figure over the units of a region (`scope`), the people behind each
 * cell deciding the primaries.
 */
function figures(
  units: readonly UnitRow[],
  protect: Protection,
  scope: string,
): (value: (unit: UnitRow) => number, people: (unit: UnitRow) => number) => Breakdown {
  return (value, people) => {
    if (protect !== 'small') return uniform(units.length, protect);
    return hierarchicalComplementary(
      units.map((unit) => ({ value: value(unit), primary: isSmallCount(people(unit)), location: unit.location })),
      scope,
    );
  };
}

/**
 * Whether the units in the effect estimate and the units outside it each have no withheld cell or at least
 * two: the spending attributed to the units in the estimate reveals their JP total (and so the others'), so
 * the cost per IKM point is withheld otherwise. The cells themselves are not changed, so that answers about
 * nested regions keep the same pattern.
 */
function partsSafe(units: readonly UnitRow[], withheld: readonly (Withheld | null)[]): boolean {
  return [true, false].every((inEstimate) => {
    const part = units.flatMap((unit, i) => (unit.inEstimate === inEstimate ? [withheld[i] ?? null] : []));
    return part.filter((why) => why !== null).length !== 1;
  });
}

/** Why a ratio is withheld: over a small denominator it is itself small; otherwise it would give back a withheld term. */
function ratio(denominator: Withheld | null, numerator: Withheld | null): Withheld | null {
  if (denominator === 'small' || denominator === 'area') return denominator;
  return denominator !== null || numerator !== null ? 'derived' : null;
}

export interface UnitBreakdown {
  /** Computed on each read. */
  readonly units: UnitImpact[];
  /** Whether each region total may be shown without revealing a lone withheld unit. */
  totalShown: { staff: boolean; jp: boolean; reached: boolean; attributedSpending: boolean };
}

/** The units of a region (`scope`) as the viewer may see them. */
export function unitImpacts(rows: readonly UnitRow[], protect: Protection, scope: string): UnitBreakdown {
  const figure = figures(rows, protect, scope);
  const staff = figure(
    (u) => u.staff,
    (u) => u.staff,
  );
  const jp = figure(
    (u) => u.jp,
    (u) => u.participants,
  );
  const reached = figure(
    (u) => u.reachedMinimum,
    (u) => u.reachedMinimum,
  );
  // Built when read (the `units` field): a comparison that does not ask for them costs no object per unit.
  const build = () =>
    rows.map((unit, i): UnitImpact => {
      const staffWithheld = staff.withheld[i] ?? null;
      const jpWithheld = jp.withheld[i] ?? null;
      const reachedWithheld = reached.withheld[i] ?? null;
      const beforeWithheld =
        protect === null || unit.jpBeforeSurvey == null
          ? null
          : protect === 'area'
            ? 'area'
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
  return {
    // Built on each read, not kept: a kept answer (impact-service.ts) then holds no object per unit.
    get units() {
      return build();
    },
    totalShown: {
      staff: staff.totalShown,
      jp: jp.totalShown,
      reached: reached.totalShown,
      attributedSpending: protect === null || (jp.totalShown && partsSafe(rows, jp.withheld)),
    },
  };
}

/** A region total: small itself, or withheld because it would reveal a lone withheld unit. */
function total(protect: Protection, people: number, totalShown: boolean): Withheld | null {
  if (protect !== 'small') return protect;
  if (isSmallCount(people)) return 'small';
  return totalShown ? null : 'derived';
}

/** The region's exposure as the viewer may see it. */
export function exposure(
  region: RegionRow,
  learning: RegionLearningFacts | undefined,
  breakdown: UnitBreakdown,
  protect: Protection,
): Exposure {
  const hasTraining = (learning?.enrolments ?? 0) > 0;
  const staff = total(protect, region.staff, breakdown.totalShown.staff);
  const jp = total(protect, region.unitParticipants, breakdown.totalShown.jp);
  const reached = total(protect, region.reachedMinimum, breakdown.totalShown.reached);
  const participants: Withheld | null =
    protect === 'small' ? (isSmallCount(learning?.participants) ? 'small' : null) : protect;
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
export function unitCostsWithheld(learning: RegionLearningFacts | undefined, protect: Protection): Withheld | null {
  if (protect !== 'small') return protect;
  return isSmallCount(learning?.participants) ? 'derived' : null;
}

/** L1 and L2 over responses; L3 over the two groups of staff. */
export function kirkpatrick(
  learning: RegionLearningFacts | undefined,
  trained: SkpRow | undefined,
  untrained: SkpRow | undefined,
  skpChange: KirkpatrickChain['l3SkpChange'],
  l4: KirkpatrickChain['l4IkmEffect'],
  protect: Protection,
): KirkpatrickChain {
  // L1-L3 are not broken down by unit: the village rule does not apply, the small-cell rule does.
  const small = (people: number | null | undefined): Withheld | null =>
    protect !== null && isSmallCount(people) ? 'small' : null;
  const over = (value: number | null, responses: number): PeopleMeasure => measure(value, responses, small(responses));
  const trainedWithheld = small(trained?.n);
  const untrainedWithheld = small(untrained?.n);
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
