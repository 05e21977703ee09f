import 'reflect-metadata';
import { Directive, Field, FieldResolver, Float, Int, ObjectType } from 'type-graphql';
import { RupiahScalar } from './scalars.js';

/**
 * The inputs of the training-impact comparison, defined once: personnel, learning and budgeting compute
 * them from their own data and evaluation receives them through @requires. Entity stubs (an `Employee`
 * with only its key, say) cannot be shared like this: type-graphql attaches field resolvers to the class
 * itself, so one shared stub would carry every subgraph's fields; each subgraph declares its own.
 */

/** An input of the comparison: every subgraph that computes or reads it declares it (shareable), clients never see it. */
function ComparisonInput(options: { description: string }): ClassDecorator {
  return (target) => {
    Directive('@inaccessible')(target);
    Directive('@shareable')(target);
    ObjectType(options)(target);
  };
}

/** A field resolver that computes one subgraph's input of the comparison: for the evaluation only, hidden from clients. */
export function ComparisonContribution(
  type: NonNullable<Parameters<typeof FieldResolver>[0]>, // type-graphql does not export ReturnTypeFunc
  options: { description: string },
): MethodDecorator {
  return (prototype, method, descriptor) => {
    Directive('@inaccessible')(prototype, method, descriptor);
    FieldResolver(type, options)(prototype, method, descriptor);
  };
}

/** A row of an input about one service unit (a base class, never in a schema itself: no field returns it). */
@ObjectType()
abstract class UnitRow {
  @Field({ description: 'The requested region code the unit lies in.' })
  scope!: string;
}

/** A row of an input about one requested region (a base class, like UnitRow). */
@ObjectType()
abstract class RegionRow {
  @Field({ description: 'The requested region code.' })
  scope!: string;
}

@ComparisonInput({ description: 'Staff of one service unit in a compared region at the end of the compared year.' })
export class UnitStaffing extends UnitRow {
  @Field(() => Int, { description: 'Service unit id.' })
  unitId!: number;

  @Field(() => Int, { description: 'Employees placed in the unit on 31 December of the year.' })
  staff!: number;

  @Field(() => Int, { description: 'The agency the unit belongs to (units of one agency share its shocks).' })
  agencyId!: number;

  @Field({
    description:
      'Code of the district or village where the unit serves (its place in the region hierarchy, for small-cell suppression).',
  })
  regionCode!: string;
}

@ComparisonInput({
  description: 'Training of the staff of one service unit in a compared year (enrolments record the unit at the time).',
})
export class UnitTraining extends UnitRow {
  @Field(() => Int, { description: 'Service unit id.' })
  unitId!: number;

  @Field(() => Int, { description: 'JP earned that year by staff while in this unit.' })
  jp!: number;

  @Field(() => Int, { description: 'Distinct employees of the unit with at least one enrolment.' })
  participants!: number;

  @Field(() => Int, { description: 'Employees of the unit whose JP that year reached the annual minimum.' })
  reachedMinimum!: number;
}

@ComparisonInput({
  description:
    'JP completed by the staff of one service unit on one day (the end date of the offering), in the compared year and the year ' +
    'after: evaluation counts the JP completed before each IKM survey it holds.',
})
export class UnitTrainingDate extends UnitRow {
  @Field(() => Int, { description: 'Service unit id (the unit recorded on the enrolment).' })
  unitId!: number;

  @Field({
    description: 'Day the offering ended (ISO date, e.g. "2025-10-14"): the enrolments were completed that day.',
  })
  completedOn!: string;

  @Field(() => Int, { description: "JP earned by completed enrolments of the unit's staff that day." })
  jp!: number;

  @Field(() => Int, { description: 'Completed enrolments behind that JP.' })
  enrolments!: number;
}

@ComparisonInput({
  description: 'Training totals of a compared region for the year: reaction (L1) and learning (L2) included.',
})
export class RegionLearning extends RegionRow {
  @Field(() => Int, { description: 'Enrolments of staff working in the region.' })
  enrolments!: number;

  @Field(() => Int, { description: 'Distinct employees enrolled.' })
  participants!: number;

  @Field(() => Int, { description: 'JP earned.' })
  jp!: number;

  @Field(() => Float, { nullable: true, description: 'Mean satisfaction (1-5) of rated enrolments.' })
  meanSatisfaction!: number | null;

  @Field(() => Int, { description: 'Enrolments with a satisfaction rating.' })
  satisfactionResponses!: number;

  @Field(() => Float, { nullable: true, description: 'Mean post-test minus pre-test of tested enrolments.' })
  meanTestGain!: number | null;

  @Field(() => Int, { description: 'Enrolments with both tests.' })
  testedEnrolments!: number;

  @Field(() => [Int], { description: 'Employees with JP earned that year (to compare their SKP with the untrained).' })
  trainedEmployeeIds!: number[];
}

@ComparisonInput({ description: 'Training budget totals of a compared region for the year.' })
export class RegionSpending extends RegionRow {
  @Field(() => RupiahScalar, { description: 'Sum of ceilings (pagu) of agencies within the region.' })
  ceiling!: string;

  @Field(() => RupiahScalar, { description: 'Sum of realised spending of agencies within the region.' })
  realised!: string;

  @Field(() => Int, { description: 'Budget lines summed; 0 below the level where agencies keep budgets.' })
  lines!: number;
}

@ComparisonInput({
  description: 'Whether a requested region code names a region personnel knows (a well-formed code may name none).',
})
export class RegionPresence extends RegionRow {
  @Field({ description: "True when the code is an official region in personnel's reference list." })
  known!: boolean;
}
