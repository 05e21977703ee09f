import 'reflect-metadata';
import { Authorized, Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { Connection } from '../shared/connection.js';
import { agencyStub } from '../shared/entity-stubs.js';
import { RupiahScalar } from '../shared/scalars.js';

/** GraphQL types of the budgeting subgraph. Amounts are whole Rupiah (the Rupiah scalar). */

@ObjectType({
  description:
    "One training line of an agency's DPA for a fiscal year: ceiling (pagu) and realised spending. Planners and administrators of the region.",
})
@Authorized('AGGREGATE')
export class BudgetLine {
  @Field(() => Int, { description: 'Budget line id.' })
  id!: number;

  @Field(() => Int, { description: 'Fiscal year (calendar year).' })
  year!: number;

  @Field({ description: 'Sub-activity code, e.g. "1.02.01.2.05.0009" (Pendidikan dan Pelatihan Pegawai...).' })
  subActivityCode!: string;

  @Field({ description: 'Sub-activity name.' })
  description!: string;

  @Field(() => RupiahScalar, { description: 'Pagu: the ceiling.' })
  ceiling!: string;

  @Field(() => RupiahScalar, { description: 'Realisasi: what was actually spent.' })
  realised!: string;

  agencyId!: number;
  /** The agency's region: who may see the line is decided by it. */
  regionCode!: string;
}

@ObjectType({ description: 'One page of training budget lines, ordered by id.' })
export class BudgetLineConnection extends Connection(BudgetLine, 'budget lines') {}

@ObjectType({ description: 'Training budget totals over a set of lines (an agency, or all agencies of a region).' })
export class BudgetSummary {
  @Field(() => Int, { description: 'Fiscal year.' })
  year!: number;

  @Field(() => RupiahScalar, { description: 'Sum of ceilings (pagu).' })
  ceiling!: string;

  @Field(() => RupiahScalar, { description: 'Sum of realised spending (realisasi).' })
  realised!: string;

  @Field(() => Float, { nullable: true, description: 'Realised / ceiling (0-1); null when the ceiling is 0.' })
  realisationRate!: number | null;

  @Field(() => Int, { description: 'Budget lines summed.' })
  lines!: number;

  /** The regions of the lines summed: who may see the totals is decided by them. */
  regionCodes?: string[];
}

@ObjectType({
  description:
    'Cost of a course offering. Per-participant and per-JP costs come from realised spending. Planners and administrators of the region.',
})
@Authorized('AGGREGATE')
export class OfferingCost {
  @Field(() => RupiahScalar, { description: 'Planned cost.' })
  planned!: string;

  @Field(() => RupiahScalar, { description: 'Realised cost (0 for a cancelled offering).' })
  realised!: string;

  @Field(() => RupiahScalar, {
    nullable: true,
    description:
      'Realised cost per participant, rounded to whole Rupiah; null without participants, or when participantCount is withheld (small-cell suppression).',
  })
  perParticipant!: string | null;

  @Field(() => RupiahScalar, {
    nullable: true,
    description:
      'Realised cost per JP delivered, rounded to whole Rupiah; null when no JP was earned, or when jpDelivered is withheld (small-cell suppression).',
  })
  perJp!: string | null;

  /** The offering's region: who may see the cost is decided by it. */
  regionCode!: string;
}

/** Entity stubs: owned by personnel and learning, extended here with budget fields. */
export const Agency = agencyStub();
export type Agency = InstanceType<typeof Agency>;

@ObjectType({ description: 'A scheduled run of a course in a region: what ASN can find and sign up for.' })
@Directive('@key(fields: "id")')
export class CourseOffering {
  @Field(() => Int, { description: 'Offering id.' })
  id!: number;

  @Field(() => Int, { nullable: true, description: 'Employees enrolled (any status); null when withheld.' })
  @Directive('@external')
  participantCount!: number | null;

  @Field(() => Int, { nullable: true, description: 'JP earned by all participants together; null when withheld.' })
  @Directive('@external')
  jpDelivered!: number | null;
}
