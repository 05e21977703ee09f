import 'reflect-metadata';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { RegionLearning, RegionSpending, UnitStaffing, UnitTraining } from '../shared/federation-types.js';
import { RupiahScalar } from '../shared/scalars.js';
import { Verdict } from './enums.js';

export { Verdict } from './enums.js';

/**
 * Types of the training-impact comparison. The inputs (staffing, training, spending) are computed by
 * personnel, learning and budgeting from their own data and reach this subgraph through @requires.
 */


// ---- Results.

@ObjectType({ description: 'A point estimate with its standard error and two-sided t interval.' })
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
  description:
    'An aggregate over people. `value` is null with `suppressedReason` when the cell is too small to show (fewer than 5 people) to a viewer who may see aggregates only.',
})
export class PeopleMeasure {
  @Field(() => Float, { nullable: true, description: 'The value; null when suppressed or when nobody contributed.' })
  value!: number | null;

  @Field(() => Int, { nullable: true, description: 'People (or responses) behind the value; null when suppressed.' })
  count!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the value is withheld, when it is.' })
  suppressedReason!: string | null;
}

@ObjectType({ description: 'One service unit of a compared region: its exposure to training and its IKM change.' })
export class UnitImpact {
  @Field(() => Int, { description: 'Service unit id (resolve details through Query.serviceUnit).' })
  unitId!: number;

  @Field(() => Int, { description: 'Staff at the end of the year.' })
  staff!: number;

  @Field(() => Int, { description: 'JP earned by the staff that year.' })
  jp!: number;

  @Field(() => PeopleMeasure, { description: 'JP per staff member: the exposure used in the estimate.' })
  jpPerStaff!: PeopleMeasure;

  @Field(() => PeopleMeasure, { description: 'Share of staff (0-1) who reached the 20 JP minimum.' })
  reachedMinimumShare!: PeopleMeasure;

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
}

@ObjectType({ description: 'Exposure of a region to training in the year (learning data over personnel staffing).' })
export class Exposure {
  @Field(() => Int, { description: 'Service units in the region.' })
  units!: number;

  @Field(() => Int, { description: 'Staff of those units at the end of the year.' })
  staff!: number;

  @Field(() => Int, { description: 'Distinct employees trained (region-wide, including agency staff).' })
  participants!: number;

  @Field(() => Int, { description: 'JP earned by unit staff.' })
  jp!: number;

  @Field(() => Float, { nullable: true, description: 'JP per staff member over all units; null without staff.' })
  jpPerStaff!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of unit staff (0-1) who reached 20 JP.' })
  reachedMinimumShare!: number | null;
}

@ObjectType({ description: 'IKM of the region for the year and the year before.' })
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

@ObjectType({ description: 'Training spending of the region (budget lines of its agencies) and unit costs.' })
export class TrainingCost {
  @Field(() => RupiahScalar, { description: 'Realised training spending of agencies within the region.' })
  realisedSpending!: string;

  @Field(() => RupiahScalar, { description: 'Ceiling (pagu) of those lines.' })
  ceiling!: string;

  @Field(() => RupiahScalar, { nullable: true, description: 'Realised spending per JP earned in the region; null without JP or spending data.' })
  costPerJp!: string | null;

  @Field(() => RupiahScalar, { nullable: true, description: 'Realised spending per participant; null without participants or spending data.' })
  costPerParticipant!: string | null;

  @Field(() => String, { nullable: true, description: 'Why costs are missing, when they are (e.g. a district keeps no budget).' })
  note!: string | null;
}

@ObjectType({
  description:
    'Effect of training on service quality, from the change within each unit (which removes fixed differences between units). ' +
    'It assumes that, within a region and year, units with more training would otherwise have changed like units with less ' +
    '(no other cause of IKM change that goes with training), that the effect is linear in JP per staff member, and that ' +
    'units are independent. It measures association under those assumptions, not a randomised effect.',
})
export class TrainingEffect {
  @Field(() => Estimate, {
    nullable: true,
    description: 'OLS slope of IKM change on JP per staff member: IKM points per +10 JP per staff member; null with too few units.',
  })
  perTenJp!: Estimate | null;

  @Field(() => Float, { nullable: true, description: 'Intercept of that regression: the IKM change of units with no training (the regional trend).' })
  trend!: number | null;

  @Field(() => Int, { description: 'Units in the estimate.' })
  units!: number;

  @Field(() => Estimate, {
    nullable: true,
    description: 'Mean IKM change of units at or above 20 JP per staff member minus units below (Welch interval); null when a group has under 2 units.',
  })
  contrast!: Estimate | null;

  @Field(() => Int, { description: 'Units at or above 20 JP per staff member.' })
  unitsAtOrAbove20Jp!: number;

  @Field(() => Int, { description: 'Units below 20 JP per staff member.' })
  unitsBelow20Jp!: number;
}

@ObjectType({ description: 'Realised spending per IKM point gained in one unit that the estimate attributes to training.' })
export class CostPerIkmPoint {
  @Field(() => RupiahScalar, { nullable: true, description: 'Point estimate; null with the reason below.' })
  estimate!: string | null;

  @Field(() => RupiahScalar, { nullable: true, description: 'Lower bound (from the upper bound of the effect).' })
  lower!: string | null;

  @Field(() => RupiahScalar, { nullable: true, description: 'Upper bound (from the lower bound of the effect).' })
  upper!: string | null;

  @Field(() => String, { nullable: true, description: 'Why there is no figure, e.g. the effect is not distinguishable from zero.' })
  reason!: string | null;
}

@ObjectType({ description: 'The Kirkpatrick chain of the region\'s training in the year.' })
export class KirkpatrickChain {
  @Field(() => PeopleMeasure, { description: 'L1 reaction: mean participant satisfaction (1-5).' })
  l1Satisfaction!: PeopleMeasure;

  @Field(() => PeopleMeasure, { description: 'L2 learning: mean post-test minus pre-test (points of 100).' })
  l2TestGain!: PeopleMeasure;

  @Field(() => Estimate, {
    nullable: true,
    description:
      'L3 behaviour: mean change of the SKP predicate (ordinal steps, year before to this year) of trained staff minus untrained staff.',
  })
  l3SkpChange!: Estimate | null;

  @Field(() => Int, { description: 'Trained staff with SKP in both years.' })
  l3TrainedStaff!: number;

  @Field(() => Int, { description: 'Untrained staff with SKP in both years.' })
  l3UntrainedStaff!: number;

  @Field(() => Estimate, { nullable: true, description: 'L4 results: the IKM effect per +10 JP per staff member (as effect.perTenJp).' })
  l4IkmEffect!: Estimate | null;
}

@ObjectType({ description: 'A region stub (owned by personnel: ask for its name there).' })
@Directive('@key(fields: "code")')
export class Region {
  @Field({ description: 'Kemendagri code, e.g. "12.71" (Kota Medan); nests by prefix.' })
  code!: string;
}

@ObjectType({ description: 'Training impact of one region in the compared year.' })
export class RegionImpact {
  @Field({ description: 'Kemendagri code of the region.' })
  regionCode!: string;

  @Field(() => Region, { description: 'The region (name, level, parent from personnel).' })
  region!: Region;

  @Field(() => Int, { nullable: true, description: 'Rank by estimated effect among the compared regions (1 = strongest); null without an estimate.' })
  rank!: number | null;

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

  @Field(() => Verdict, { description: 'What the rule of the Kota Binjai ASN development plan says to do.' })
  verdict!: Verdict;

  @Field({ description: 'The verdict in words, with the figures behind it.' })
  verdictReason!: string;

  @Field(() => KirkpatrickChain, { description: 'Kirkpatrick levels L1-L4.' })
  kirkpatrick!: KirkpatrickChain;

  @Field(() => [UnitImpact], { description: 'Every service unit of the region, by unit id.' })
  units!: UnitImpact[];
}

@ObjectType({ description: 'Difference between the effects of two regions (first minus second).' })
export class EffectDifference {
  @Field({ description: 'First region code.' })
  regionCode!: string;

  @Field({ description: 'Second region code.' })
  otherRegionCode!: string;

  @Field(() => Estimate, { description: 'Effect of the first minus effect of the second (IKM points per +10 JP per staff member).' })
  difference!: Estimate;

  @Field({ description: 'True when the interval excludes zero: only then say one region beat the other.' })
  distinguishable!: boolean;
}

@ObjectType({ description: 'A comparison of training impact across regions for one year (see Query.trainingImpact).' })
@Directive('@key(fields: "id")')
export class TrainingImpactComparison {
  @Field(() => ID, { description: 'Year and region codes, e.g. "2025:12.71,12.75".' })
  id!: string;

  @Field(() => [UnitStaffing], { description: 'Input from personnel.' })
  @Directive('@external')
  staffing!: UnitStaffing[];

  @Field(() => [UnitTraining], { description: 'Input from learning.' })
  @Directive('@external')
  unitTraining!: UnitTraining[];

  @Field(() => [RegionLearning], { description: 'Input from learning.' })
  @Directive('@external')
  regionLearning!: RegionLearning[];

  @Field(() => [RegionSpending], { description: 'Input from budgeting.' })
  @Directive('@external')
  regionSpending!: RegionSpending[];
}
