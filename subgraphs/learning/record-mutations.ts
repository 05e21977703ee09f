import 'reflect-metadata';
import { Arg, Authorized, Ctx, Field, Float, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { enrolments } from '../../importer/kinds/enrolments.js';
import { writeRecord } from '../../importer/record-writes.js';
import { rowOfInput } from '../../importer/single-record.js';
import { RecordWriteResult } from '../shared/record-write.js';
import type { RequestContext } from '../shared/subgraph.js';
import { EnrolmentStatus } from './enums.js';
import type { LearningLoaders } from './loaders.js';

type Context = RequestContext<LearningLoaders>;

@InputType({ description: 'One enrolment and its completion, as a row of the `enrolments` import file.' })
export class EnrolmentInput {
  @Field({ description: 'NIP or NI PPPK of the participant (checked with personnel).' })
  nip!: string;

  @Field({ description: 'Code of a course offering that was not cancelled, e.g. "MNJ-01-12.71-2025-01".' })
  offeringCode!: string;

  @Field(() => EnrolmentStatus, { description: 'ENROLLED, COMPLETED or DROPPED.' })
  status!: EnrolmentStatus;

  @Field(() => Int, { nullable: true, description: "JP earned: at most the course's JP, 0 when dropped (default 0)." })
  jpEarned?: number | null;

  @Field(() => Float, { nullable: true, description: 'Pre-test score 0-100 (Kirkpatrick L2).' })
  preTest?: number | null;

  @Field(() => Float, { nullable: true, description: 'Post-test score 0-100 (Kirkpatrick L2).' })
  postTest?: number | null;

  @Field(() => Float, { nullable: true, description: 'Participant satisfaction 1-5 (Kirkpatrick L1).' })
  satisfaction?: number | null;
}

@ObjectType({ description: 'What recordEnrolment did.' })
export class EnrolmentWrite extends RecordWriteResult {
  @Field(() => EnrolmentStatus, { description: 'The stored status.' })
  status!: EnrolmentStatus;

  @Field(() => Int, { description: 'The stored JP earned.' })
  jpEarned!: number;
}

interface EnrolmentSnapshot {
  status: EnrolmentStatus;
  jpEarned: number;
  preTest: string | null;
  postTest: string | null;
  satisfaction: string | null;
}

const ENROLMENT_OF_INPUT = `select n.status, n.jp_earned as "jpEarned", n.pre_test::text as "preTest",
    n.post_test::text as "postTest", n.satisfaction::text as satisfaction
  from learning.enrolment n join employee_ref e on e.id = n.employee_id
  join learning.course_offering o on o.id = n.offering_id
  join import_rows r on r.nip = e.number and r.offering_code = o.code`;

/**
 * Learning's single-record writes: the `enrolments` import kind's columns, checks and merge on one row
 * (`importer/record-writes.ts`; the participant asked of personnel's API, signed for the caller), the
 * caller's ADMIN_WRITE scope over where the participant works, and an audit event, in one transaction.
 */
@Resolver()
export class LearningRecordResolver {
  @Authorized('ADMIN_WRITE')
  @Mutation(() => EnrolmentWrite, {
    description:
      'Records one enrolment in a course offering and its completion (status, JP, tests, satisfaction), keyed by NIP or ' +
      'NI PPPK and offering code, with the checks of the `enrolments` import; JP per year follows. Regional ' +
      'administrators within their regions, national administrators anywhere. Audited before and after.',
  })
  async recordEnrolment(
    @Ctx() ctx: Context,
    @Arg('input', () => EnrolmentInput, { description: 'The enrolment.' }) input: EnrolmentInput,
  ): Promise<EnrolmentWrite> {
    const nip = input.nip.replaceAll(' ', '');
    const { outcome, after } = await writeRecord<EnrolmentSnapshot>(ctx, {
      mutation: 'recordEnrolment',
      kind: enrolments,
      values: rowOfInput(enrolments, input, { nip, jp_earned: String(input.jpEarned ?? 0) }),
      regionSql: 'select region_code from employee_ref',
      snapshotSql: ENROLMENT_OF_INPUT,
      entity: 'enrolment',
      key: `${nip}/${input.offeringCode}`,
    });
    return { outcome, status: after.status, jpEarned: after.jpEarned };
  }
}
