import 'reflect-metadata';
import { Field, ObjectType } from 'type-graphql';
import type { WriteOutcome } from '../../importer/record-writes.js';

/**
 * The first field of what a single-record write returns (upsertEmployee, recordEnrolment, recordSkpAppraisal,
 * upsertBudgetLine): whether it created, changed or left the record. Each subgraph's result type extends it
 * with the record.
 */
// Never in a schema itself (no resolver returns it): each subclass is, with its own name and description.
@ObjectType()
export abstract class RecordWriteResult {
  @Field(() => String, { description: 'CREATED, UPDATED or UNCHANGED (the same values again change nothing).' })
  outcome!: WriteOutcome;
}
