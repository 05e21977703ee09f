import 'reflect-metadata';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { RupiahScalar } from '../shared/scalars.js';
import { Verdict } from './enums.js';

export { Verdict } from './enums.js';

/**
 * Types of the training-impact comparison. Its inputs are this subgraph's own data and its read model of
 * what personnel, learning and budgeting publish (read-model/), so no other subgraph is asked at query time.
 */

// ---- Results.
// `simpleResolvers`: their fields are plain properties without @Authorized (the comparison's access is decided
// by TrainingImpactResolver), so GraphQL reads them directly instead of through type-graphql's per-field
// wrapper (an answer for 514 regions has some 20,000 such fields).

@ObjectType({
  description: 'A point estimate with its standard error and two-sided t interval.',
  simpleResolvers: true,
})
export class Estimate {
  @Field(() => Float, { description: 'Point estimate.' })
  estimate!: number;

  @Field(() => Float, { description: 'Standard error.' })
  standardError!: number;

  @Field(() => Float, { description: 'Degrees of freedom of the t distribution used.' })
  degreesOfFreedom!: number;

  @Field(() => Float, { description: 'Lower bound of the interval.' })
  lower!: number;

  @Field(() => Float, { description: 'Upper bound of the interval.' })
  upper!: number;

  @Field(() => Float, { description: 'Confidence level of the interval, e.g. 0.95.' })
  confidence!: number;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'An aggregate over people. `value` is null with `suppressedReason` when it is withheld from a viewer without person-level access to the region: computed over 1 to 4 people, or it would reveal such a figure (see docs/access.md).',
})
export class PeopleMeasure {
  @Field(() => Float, { nullable: true, description: 'The value; null when suppressed or when nobody contributed.' })
  value!: number | null;

  @Field(() => Int, { nullable: true, description: 'People (or responses) behind the value; null when suppressed.' })
  count!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the value is withheld, when it is.' })
  suppressedReason!: string | null;
}

@ObjectType({
  description: 'One service unit of a compared region: its exposure to training and its IKM.',
  simpleResolvers: true,
})
export class UnitImpact {
  @Field(() => Int, { description: 'Service unit id (resolve details through Query.serviceUnit).' })
  unitId!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Staff at the end of the year; null when withheld (see suppressedReason).',
  })
  staff!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'JP earned by the staff in the calendar year; null when withheld (see suppressedReason).',
  })
  jp!: number | null;

  @Field(() => PeopleMeasure, {
    description: 'JP per staff member in the calendar year (descriptive; the estimate uses jpBeforeSurvey).',
  })
  jpPerStaff!: PeopleMeasure;

  @Field(() => PeopleMeasure, { description: 'Share of staff (0-1) who reached the 20 JP minimum.' })
  reachedMinimumShare!: PeopleMeasure;

  @Field(() => Int, {
    nullable: true,
    description:
      "JP completed by the unit's staff in the year before its IKM survey of the year: the exposure of the estimate (per staff member). Null without a survey, or when withheld (see suppressedReason).",
  })
  jpBeforeSurvey!: number | null;

  @Field(() => String, { nullable: true, description: "Day this year's IKM survey was held (ISO date)." })
  surveyedOn!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'District (kecamatan) code of the unit: the cluster of the cluster-robust standard errors.',
  })
  district!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "Respondents of this year's survey: the unit's weight in the estimate.",
  })
  respondents!: number | null;

  @Field(() => Float, { nullable: true, description: 'IKM of the year; null without a survey.' })
  ikm!: number | null;

  @Field(() => Float, { nullable: true, description: 'IKM of the year before; null without a survey.' })
  ikmPrevious!: number | null;

  @Field(() => Float, { nullable: true, description: 'IKM change (this year minus the year before).' })
  ikmChange!: number | null;

  @Field({ description: 'True when either survey is under-sampled (Krejcie-Morgan).' })
  underSampled!: boolean;

  @Field({ description: 'True when the unit is in the effect estimate: staff, both surveys, both adequately sampled.' })
  inEstimate!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      "Which of staff, jp and jpBeforeSurvey are withheld and why (small-cell suppression: fewer than 5 people, withheld with another unit so that neither can be derived from the region's total, or a region below the district level); null when none is. jpPerStaff and reachedMinimumShare carry their own reason.",
  })
  suppressedReason!: string | null;
}

@ObjectType({
  description: 'Exposure of a region to training in the year (learning data over personnel staffing).',
  simpleResolvers: true,
})
export class Exposure {
  @Field(() => Int, { description: 'Service units in the region.' })
  units!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Staff of those units at the end of the year; null when withheld (see suppressedReason).',
  })
  staff!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Distinct employees trained (region-wide, including agency staff); null when learning holds no enrolment of the region that year, or when withheld (see suppressedReason).',
  })
  participants!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'JP earned by unit staff; null when learning holds no enrolment of the region that year (no data, not zero), or when withheld (see suppressedReason).',
  })
  jp!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'JP per staff member over all units; null without staff or without training records, or when withheld (see suppressedReason).',
  })
  jpPerStaff!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Share of unit staff (0-1) who reached 20 JP; null without staff or without training records, or when withheld (see suppressedReason).',
  })
  reachedMinimumShare!: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Which exposure figures are withheld and why (small-cell suppression: fewer than 5 people, a total that would reveal a withheld unit, or a region below the district level); null when none is.',
  })
  suppressedReason!: string | null;
}

@ObjectType({ description: 'IKM of the region for the year and the year before.', simpleResolvers: true })
export class ServiceQuality {
  @Field(() => Int, { description: 'Units surveyed this year.' })
  unitsSurveyed!: number;

  @Field(() => Float, { nullable: true, description: 'Mean IKM over units surveyed this year.' })
  meanIkm!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean IKM over units surveyed the year before.' })
  meanIkmPrevious!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean IKM change over units surveyed in both years.' })
  meanChange!: number | null;

  @Field(() => Int, { description: 'Units surveyed in both years.' })
  unitsWithBothYears!: number;

  @Field(() => Int, { description: 'Of those, units with an under-sampled survey (left out of the estimate).' })
  underSampledUnits!: number;
}

@ObjectType({
  description: 'Training spending of the region (budget lines of its agencies) and unit costs.',
  simpleResolvers: true,
})
export class TrainingCost {
  @Field(() => RupiahScalar, {
    nullable: true,
    description:
      'Realised training spending of agencies within the region; null when no budget line is kept at this level.',
  })
  realisedSpending!: string | null;

  @Field(() => RupiahScalar, {
    nullable: true,
    description: 'Ceiling (pagu) of those lines; null without budget lines.',
  })
  ceiling!: string | null;

  @Field(() => RupiahScalar, {
    nullable: true,
    description:
      'Realised spending per JP earned in the region; null without JP or spending data, or when withheld (see suppressedReason).',
  })
  costPerJp!: string | null;

  @Field(() => RupiahScalar, {
    nullable: true,
    description:
      'Realised spending per participant; null without participants or spending data, or when withheld (see suppressedReason).',
  })
  costPerParticipant!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why costs are missing, when they are (e.g. a district keeps no budget).',
  })
  note!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Which unit costs are withheld because they would reveal a figure over fewer than 5 people (spending divided by it gives it back); null when none is.',
  })
  suppressedReason!: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "Falsification check: next year's training cannot have caused this year's IKM. Its exposure (JP of the next year completed before " +
    "that year's survey) is added to the model; a coefficient distinguishable from zero says training follows units already on another path.",
})
export class PlaceboCheck {
  @Field(() => Estimate, {
    nullable: true,
    description:
      "Coefficient of next year's exposure (IKM points per +10 JP per staff member); null when it cannot be formed.",
  })
  nextYearExposure!: Estimate | null;

  @Field({
    description:
      'True when the placebo coefficient is distinguishable from zero (two-sided p <= 0.05): the effect may be confounded.',
  })
  failed!: boolean;

  @Field(() => Float, { nullable: true, description: 'Two-sided p-value of the placebo coefficient.' })
  pValue!: number | null;

  @Field({ description: 'The check in words, or why it could not be run (e.g. no survey of the next year yet).' })
  reason!: string;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "Effect of training on service quality. For each service unit with staff and two adequately sampled IKM surveys: this year's IKM is " +
    "regressed on the JP per staff member completed in the year before the unit's survey, last year's IKM and the unit's agency " +
    "(weighted least squares, weights = respondents of this year's survey). Standard errors are cluster-robust by district (CR2 with " +
    'Bell-McCaffrey degrees of freedom); with fewer than 12 districts the interval and p-values come from the wild cluster bootstrap ' +
    "(Webb weights). It assumes that, given last year's IKM and the agency, units with more and less training would otherwise have " +
    'changed alike, and that the effect is linear: it measures association under those assumptions, not a randomised effect. See docs/method.md.',
})
export class TrainingEffect {
  @Field(() => Estimate, {
    nullable: true,
    description:
      "IKM points per +10 JP per staff member, adjusted for last year's IKM and the agency; null with too few units or districts.",
  })
  perTenJp!: Estimate | null;

  @Field(() => String, {
    nullable: true,
    description: 'How the interval was formed: CR2_BELL_MCCAFFREY or WILD_CLUSTER_BOOTSTRAP.',
  })
  inference!: string | null;

  @Field(() => Estimate, {
    nullable: true,
    description: 'Sensitivity: the same model without weights (every unit counts alike), CR2 interval.',
  })
  unweightedPerTenJp!: Estimate | null;

  @Field(() => Float, {
    nullable: true,
    description: "Coefficient of last year's IKM (1 = no regression to the mean).",
  })
  priorIkmCoefficient!: number | null;

  @Field(() => Estimate, {
    nullable: true,
    description:
      'Bracketing sensitivity: the IKM change regressed on the same exposure and the agency (CR2 interval). Biased upwards when training ' +
      'goes to units that looked weak last year; unbiased when it goes by a fixed trait of the unit. A large gap to perTenJp is a warning.',
  })
  changeScorePerTenJp!: Estimate | null;

  @Field(() => Int, { description: 'Units in the estimate.' })
  units!: number;

  @Field(() => Int, { description: 'Districts (clusters) among those units.' })
  clusters!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'One-sided p-value of "effect above zero" for this region alone.',
  })
  pAboveZero!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'The same, Holm-adjusted over the regions of the request that have an estimate: EXPAND needs it <= 0.05.',
  })
  pAboveZeroHolm!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Holm-adjusted one-sided p-value of "effect below the minimum meaningful effect": NO_EFFECT needs it <= 0.05.',
  })
  pBelowMinimumHolm!: number | null;

  @Field(() => Int, { description: 'Regions in the Holm family (regions of the request with an estimate).' })
  holmFamilySize!: number;

  @Field(() => Float, {
    description: 'The minimum meaningful effect used for NO_EFFECT (IKM points per +10 JP per staff member).',
  })
  minimumMeaningfulEffect!: number;

  @Field(() => PlaceboCheck, { description: "Next year's training against this year's IKM." })
  placebo!: PlaceboCheck;

  @Field(() => Estimate, {
    nullable: true,
    description:
      'Descriptive, unadjusted: mean IKM change of units at or above 20 JP per staff member minus units below (Welch interval); null when a group has under 2 units.',
  })
  contrast!: Estimate | null;

  @Field(() => Int, { description: 'Units at or above 20 JP per staff member.' })
  unitsAtOrAbove20Jp!: number;

  @Field(() => Int, { description: 'Units below 20 JP per staff member.' })
  unitsBelow20Jp!: number;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "Realised spending per IKM point gained in one unit that the estimate attributes to training; only for EXPAND. The region's realised " +
    "spending is attributed to the units in the estimate by their share of the region's JP; the interval (parametric bootstrap) carries the " +
    'uncertainty of the effect and of that attribution (its standard error is half the gap to attributing by participants instead).',
})
export class CostPerIkmPoint {
  @Field(() => RupiahScalar, { nullable: true, description: 'Point estimate; null with the reason below.' })
  estimate!: string | null;

  @Field(() => RupiahScalar, { nullable: true, description: 'Lower bound of the 95% interval.' })
  lower!: string | null;

  @Field(() => RupiahScalar, {
    nullable: true,
    description: 'Upper bound of the 95% interval; null when unbounded (the effect could be near zero).',
  })
  upper!: string | null;

  @Field(() => RupiahScalar, { nullable: true, description: 'Spending attributed to the units in the estimate.' })
  attributedSpending!: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'IKM points (summed over units) the estimate attributes to their training.',
  })
  attributablePoints!: number | null;

  @Field(() => String, { nullable: true, description: 'Why there is no figure, e.g. the verdict is not EXPAND.' })
  reason!: string | null;
}

@ObjectType({ description: "The Kirkpatrick chain of the region's training in the year.", simpleResolvers: true })
export class KirkpatrickChain {
  @Field(() => PeopleMeasure, { description: 'L1 reaction: mean participant satisfaction (1-5).' })
  l1Satisfaction!: PeopleMeasure;

  @Field(() => PeopleMeasure, { description: 'L2 learning: mean post-test minus pre-test (points of 100).' })
  l2TestGain!: PeopleMeasure;

  @Field(() => Estimate, {
    nullable: true,
    description:
      'L3 behaviour: mean change of the SKP predicate (ordinal steps, year before to this year) of trained staff minus untrained staff; null when a group has under 2 staff, or when withheld (see suppressedReason).',
  })
  l3SkpChange!: Estimate | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Trained staff with SKP in both years; null when withheld (see suppressedReason).',
  })
  l3TrainedStaff!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Untrained staff with SKP in both years; null when withheld (see suppressedReason).',
  })
  l3UntrainedStaff!: number | null;

  @Field(() => Estimate, {
    nullable: true,
    description: 'L4 results: the IKM effect per +10 JP per staff member (as effect.perTenJp).',
  })
  l4IkmEffect!: Estimate | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Which L3 figures are withheld and why (a group of fewer than 5 staff); null when none is. l1Satisfaction and l2TestGain carry their own reason.',
  })
  suppressedReason!: string | null;
}

@ObjectType({ description: 'A region stub (owned by personnel: ask for its name there).' })
@Directive('@key(fields: "code")')
export class Region {
  @Field({ description: 'Kemendagri code, e.g. "12.71" (Kota Medan); nests by prefix.' })
  code!: string;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "Where a region's effect may rank among the compared regions with estimates: the 95% percentile interval of its rank over draws " +
    "from each region's sampling distribution (parametric bootstrap).",
})
export class RankInterval {
  @Field(() => Int, { description: 'Best rank in the interval (1 = largest effect).' })
  lower!: number;

  @Field(() => Int, { description: 'Worst rank in the interval.' })
  upper!: number;

  @Field(() => Float, { description: 'Share of draws in which the region had the largest effect.' })
  probabilityFirst!: number;
}

@ObjectType({ description: 'Training impact of one region in the compared year.', simpleResolvers: true })
export class RegionImpact {
  @Field({ description: 'Kemendagri code of the region.' })
  regionCode!: string;

  /** False when personnel knows no region of this code (the `region` field then reports an error). */
  known!: boolean;

  /** Exposed by RegionImpactResolver: set by `ensureRanked`, which draws the rank intervals only when asked. */
  rank!: number | null;

  /** Exposed by RegionImpactResolver, like `rank`. */
  rankInterval!: RankInterval | null;

  /** Ranks the comparison's regions (once); the ranks cost draws over all regions, so only a request that asks for them pays. */
  ensureRanked!: () => void;

  @Field(() => Exposure, { description: 'Exposure to training.' })
  exposure!: Exposure;

  @Field(() => ServiceQuality, { description: 'IKM this year and the year before.' })
  serviceQuality!: ServiceQuality;

  @Field(() => TrainingCost, { description: 'What training cost.' })
  cost!: TrainingCost;

  @Field(() => TrainingEffect, { description: 'Effect of training on IKM.' })
  effect!: TrainingEffect;

  @Field(() => CostPerIkmPoint, { description: 'Cost per IKM point attributable to training.' })
  costPerIkmPoint!: CostPerIkmPoint;

  @Field(() => Verdict, {
    description:
      'What the rule of the Kota Binjai ASN development plan says to do, with multiplicity control across the requested regions.',
  })
  verdict!: Verdict;

  @Field({ description: 'The verdict in words, with the figures behind it and what the data cannot tell.' })
  verdictReason!: string;

  @Field(() => KirkpatrickChain, { description: 'Kirkpatrick levels L1-L4.' })
  kirkpatrick!: KirkpatrickChain;

  @Field(() => [UnitImpact], { description: 'Every service unit of the region, by unit id.' })
  units!: UnitImpact[];
}

@ObjectType({
  description: 'Difference between the effects of two regions (first minus second).',
  simpleResolvers: true,
})
export class EffectDifference {
  @Field({ description: 'First region code.' })
  regionCode!: string;

  @Field({ description: 'Second region code.' })
  otherRegionCode!: string;

  @Field(() => Estimate, {
    description:
      'Effect of the first minus effect of the second (IKM points per +10 JP per staff member), with the Bonferroni simultaneous interval over all pairs (its confidence says the level).',
  })
  difference!: Estimate;

  @Field(() => Float, { description: 'Two-sided p-value of "no difference" for this pair alone.' })
  pValue!: number;

  @Field(() => Float, { description: 'The same, Holm-adjusted over all pairs of the request.' })
  pValueHolm!: number;

  @Field({ description: 'True when the Holm-adjusted p-value is <= 0.05: only then say one region beat the other.' })
  distinguishable!: boolean;
}

@ObjectType({ description: 'A comparison of training impact across regions for one year (see Query.trainingImpact).' })
@Directive('@key(fields: "id")')
export class TrainingImpactComparison {
  @Field(() => ID, {
    description:
      'Year and region codes, e.g. "2025:12.71,12.75" (then ":0.8" for a minimum meaningful effect other than 0.5).',
  })
  id!: string;
}
