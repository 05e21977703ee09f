import 'reflect-metadata';
import { Arg, Authorized, Ctx, Field, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { budgetLines } from '../../importer/kinds/budget-lines.js';
import { writeRecord } from '../../importer/record-writes.js';
import { rowOfInput } from '../../importer/single-record.js';
import { RecordWriteResult } from '../shared/record-write.js';
import { RupiahScalar } from '../shared/scalars.js';
import type { RequestContext } from '../shared/subgraph.js';
import type { BudgetingLoaders } from './loaders.js';
import { BudgetLine } from './types.js';

type Context = RequestContext<BudgetingLoaders>;

@InputType({ description: 'One training budget line, as a row of the `budget-lines` import file.' })
export class BudgetLineInput {
  @Field({ description: 'Code of the agency whose DPA holds the line (checked with personnel).' })
  agencyCode!: string;

  @Field(() => Int, { description: 'Fiscal year, 2000-2100.' })
  year!: number;

  @Field({ description: 'SIPD sub-activity code, e.g. "1.02.01.2.05.0009".' })
  subActivityCode!: string;

  @Field({ description: 'What the line pays for.' })
  description!: string;

  @Field(() => RupiahScalar, { description: 'Pagu: the ceiling, whole Rupiah.' })
  ceiling!: bigint;

  @Field(() => RupiahScalar, { description: 'Realisasi: spent so far, whole Rupiah, at most the ceiling.' })
  realised!: bigint;
}

@ObjectType({ description: 'What a single-record write did.' })
export class BudgetLineWrite extends RecordWriteResult {
  @Field(() => BudgetLine, { description: 'The budget line as stored now.' })
  line!: BudgetLine;
}

const LINE_COLUMNS = `b.id, b.year, b.sub_activity_code as "subActivityCode", b.description, b.ceiling::text as ceiling,
  b.realised::text as realised, b.agency_id as "agencyId", b.region_code as "regionCode"`;

const LINE_OF_INPUT = `select ${LINE_COLUMNS} from budgeting.budget_line b
  join agency_ref a on a.id = b.agency_id join import_rows r on r.year = b.year and r.sub_activity_code = b.sub_activity_code`;

/**
 * `upsertBudgetLine`: a budget line from a form, keyed by agency code, year and sub-activity code. The
 * `budget-lines` import kind's columns, checks and merge (`importer/single-record.ts`), the caller's
 * ADMIN_WRITE scope over the agency's region, and an audit event with the line before and after, all in
 * one transaction.
 */
@Resolver()
export class BudgetRecordResolver {
  @Authorized('ADMIN_WRITE')
  @Mutation(() => BudgetLineWrite, {
    description:
      "Adds or corrects one training budget line of an agency's DPA (keyed by agency code, year and sub-activity " +
      'code), with the checks of the `budget-lines` import. Regional administrators within their regions, national ' +
      'administrators anywhere. Audited with the line before and after.',
  })
  async upsertBudgetLine(
    @Ctx() ctx: Context,
    @Arg('input', () => BudgetLineInput, { description: 'The budget line.' }) input: BudgetLineInput,
  ): Promise<BudgetLineWrite> {
    const { outcome, after } = await writeRecord<BudgetLine>(ctx, {
      mutation: 'upsertBudgetLine',
      kind: budgetLines,
      values: rowOfInput(budgetLines, input),
      regionSql: 'select region_code from agency_ref',
      snapshotSql: LINE_OF_INPUT,
      entity: 'budget_line',
      key: `${input.agencyCode}/${input.year}/${input.subActivityCode}`,
      audited: snapshot,
    });
    return { line: after, outcome };
  }
}

function snapshot(line: BudgetLine) {
  return { description: line.description, ceiling: line.ceiling, realised: line.realised };
}
