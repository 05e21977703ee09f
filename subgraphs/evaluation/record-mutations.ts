import 'reflect-metadata';
import { Arg, Authorized, Ctx, Field, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { skp } from '../../importer/kinds/skp.js';
import { writeRecord } from '../../importer/record-writes.js';
import type { RequestContext } from '../shared/subgraph.js';
import { SkpPredicate, SkpRating } from './enums.js';
import type { EvaluationLoaders } from './loaders.js';
import { SKP_PREDICATE_JOIN } from './service.js';

type Context = RequestContext<EvaluationLoaders>;

@InputType({ description: 'One annual SKP appraisal, as a row of the `skp` import file.' })
export class SkpAppraisalInput {
  @Field({ description: 'NIP or NI PPPK of the appraised employee (checked with personnel).' })
  nip!: string;

  @Field(() => Int, { description: 'Appraisal year, 2000-2100.' })
  year!: number;

  @Field(() => SkpRating, { description: 'Rating of hasil kerja (work results).' })
  hasilKerja!: SkpRating;

  @Field(() => SkpRating, { description: 'Rating of perilaku kerja (work behaviour).' })
  perilakuKerja!: SkpRating;
}

@ObjectType({ description: 'What recordSkpAppraisal did.' })
export class SkpAppraisalWrite {
  @Field({ description: 'CREATED, UPDATED or UNCHANGED (the same values again change nothing).' })
  outcome!: string;

  @Field(() => SkpPredicate, { description: 'The predicate the matrix gives the stored ratings.' })
  predicate!: SkpPredicate;
}

interface SkpSnapshot {
  hasilKerja: SkpRating;
  perilakuKerja: SkpRating;
  predicate: SkpPredicate;
}

const SKP_OF_INPUT = `select a.hasil_kerja as "hasilKerja", a.perilaku_kerja as "perilakuKerja", m.predicate
  from evaluation.skp_appraisal a ${SKP_PREDICATE_JOIN}
  join employee_ref e on e.id = a.employee_id join import_rows r on r.nip = e.number and r.year = a.year`;

/**
 * Evaluation's single-record writes: the `skp` import kind's columns, checks and merge on one row
 * (`importer/record-writes.ts`), the caller's ADMIN_WRITE scope over where the employee works, and an
 * audit event before and after, in one transaction.
 */
@Resolver()
export class EvaluationRecordResolver {
  @Authorized('ADMIN_WRITE')
  @Mutation(() => SkpAppraisalWrite, {
    description:
      "Records (or corrects) one employee's annual SKP appraisal, keyed by NIP or NI PPPK and year, with the checks of " +
      'the `skp` import; the predicate follows from the matrix. Regional administrators within their regions, national ' +
      'administrators anywhere. Audited with the ratings before and after.',
  })
  async recordSkpAppraisal(
    @Ctx() ctx: Context,
    @Arg('input', () => SkpAppraisalInput, { description: 'The appraisal.' }) input: SkpAppraisalInput,
  ): Promise<SkpAppraisalWrite> {
    const nip = input.nip.replaceAll(' ', '');
    const { outcome, after } = await writeRecord<SkpSnapshot>({
      em: ctx.em,
      viewer: ctx.viewer,
      personnelUrl: ctx.personnelUrl,
      kind: skp,
      values: { nip, year: String(input.year), hasil_kerja: input.hasilKerja, perilaku_kerja: input.perilakuKerja },
      fields: {
        nip: 'input.nip',
        year: 'input.year',
        hasil_kerja: 'input.hasilKerja',
        perilaku_kerja: 'input.perilakuKerja',
      },
      regionSql: 'select region_code from employee_ref',
      snapshotSql: SKP_OF_INPUT,
      entity: 'skp_appraisal',
      key: `${nip}/${input.year}`,
    });
    return { outcome, predicate: after.predicate };
  }
}
