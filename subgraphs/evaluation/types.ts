import 'reflect-metadata';
import { Authorized, Field, Float, Int, ObjectType } from 'type-graphql';
import { Connection } from '../shared/connection.js';
import { employeeStub, serviceUnitStub } from '../shared/entity-stubs.js';
import { LocalDateScalar } from '../shared/scalars.js';
import { IkmGrade, SkpPredicate, SkpRating } from './enums.js';

export { IkmGrade, SkpPredicate, SkpRating } from './enums.js';

/** GraphQL types of the evaluation subgraph. */

@ObjectType({
  description: 'The annual SKP appraisal of one employee. Personal data: administrators of the region only.',
})
@Authorized('PERSON_LEVEL')
export class SkpAppraisal {
  @Field(() => Int, { description: 'Year appraised.' })
  year!: number;

  @Field(() => SkpRating, { description: 'Rating of hasil kerja (work results).' })
  hasilKerja!: SkpRating;

  @Field(() => SkpRating, { description: 'Rating of perilaku kerja (work behaviour).' })
  perilakuKerja!: SkpRating;

  @Field(() => SkpPredicate, { description: 'The predicate the matrix gives for the two ratings.' })
  predicate!: SkpPredicate;

  @Field({ description: 'The predicate as written in Indonesian, e.g. "Sangat Baik".' })
  predicateLabel!: string;

  @Field(() => Int, { nullable: true, description: 'Service unit the employee worked in that year.' })
  unitId?: number | null;

  employeeId!: number;
  /** The employee's region that year: who may see the appraisal is decided by it. */
  regionCode!: string;
}

@ObjectType({ description: 'Score of one of the nine IKM elements (unsur): NRR = sum of scores / respondents (1-4).' })
export class IkmElementScore {
  @Field(() => Int, { description: 'Element number, 1-9.' })
  elementNo!: number;

  @Field({ description: 'Element name, e.g. "Waktu penyelesaian".' })
  name!: string;

  @Field(() => Float, { description: 'NRR (nilai rata-rata) of the element, 1-4.' })
  nrr!: number;
}

@ObjectType({
  description:
    'An IKM public-satisfaction survey of a service unit (PermenPANRB 14/2017): score, grade and sample adequacy. An aggregate: planners and administrators of the region.',
})
@Authorized('AGGREGATE')
export class IkmSurvey {
  @Field(() => Int, { description: 'Survey id.' })
  id!: number;

  @Field(() => Int, { description: 'Year surveyed.' })
  year!: number;

  @Field(() => LocalDateScalar, { description: 'Date of the survey (YYYY-MM-DD).' })
  conductedOn!: string;

  @Field(() => Int, { description: 'Population served: the N of the Krejcie-Morgan table.' })
  populationServed!: number;

  @Field(() => Int, { description: 'Respondents.' })
  respondents!: number;

  @Field(() => Int, { description: 'Minimum respondents for the population (Krejcie-Morgan).' })
  minimumRespondents!: number;

  @Field({ description: 'True when respondents < minimumRespondents: the survey is kept, flagged.' })
  underSampled!: boolean;

  @Field(() => Float, {
    description: 'IKM = (sum of the nine NRR x 1/9) x 25, from 25 to 100, with the exact 1/9 weight.',
  })
  score!: number;

  @Field(() => Float, {
    description:
      "The score rounded half up to two decimals, as the regulation's table reads it (76.6082 reads 76.61); the grade is of this score.",
  })
  reportedScore!: number;

  @Field(() => IkmGrade, {
    description:
      'Grade of reportedScore: 25.00-64.99 D, 65.00-76.60 C, 76.61-88.30 B, 88.31-100.00 A (PermenPANRB 14/2017).',
  })
  grade!: IkmGrade;

  @Field({ description: 'Unit performance of the grade, e.g. "Baik".' })
  performance!: string;

  unitId!: number;
}

@ObjectType({ description: 'One page of SKP appraisals, ordered by id (oldest first).' })
export class SkpAppraisalConnection extends Connection(SkpAppraisal, 'appraisals') {}

@ObjectType({ description: 'One page of IKM surveys, ordered by id (oldest first).' })
export class IkmSurveyConnection extends Connection(IkmSurvey, 'surveys') {}

/** Entity stubs: owned by personnel, extended here. */
export const Employee = employeeStub();
export type Employee = InstanceType<typeof Employee>;

export const ServiceUnit = serviceUnitStub();
export type ServiceUnit = InstanceType<typeof ServiceUnit>;
