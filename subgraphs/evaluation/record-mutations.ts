import 'reflect-metadata';
import { Arg, Authorized, Ctx, Field, Float, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { ikmResponses } from '../../importer/kinds/ikm-responses.js';
import { skp } from '../../importer/kinds/skp.js';
import { writeRecord } from '../../importer/record-writes.js';
import { inputFieldOf, rowOfInput } from '../../importer/single-record.js';
import { badUserInput } from '../shared/errors.js';
import { RecordWriteResult } from '../shared/record-write.js';
import { LocalDateScalar } from '../shared/scalars.js';
import type { RequestContext } from '../shared/subgraph.js';
import { IkmGrade, SkpPredicate, SkpRating } from './enums.js';
import type { EvaluationLoaders } from './loaders.js';
import { SKP_PREDICATE_JOIN, SURVEY_SELECT } from './service.js';

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
export class SkpAppraisalWrite extends RecordWriteResult {
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
    const { outcome, after } = await writeRecord<SkpSnapshot>(ctx, {
      mutation: 'recordSkpAppraisal',
      kind: skp,
      values: rowOfInput(skp, input, { nip }),
      regionSql: 'select region_code from employee_ref',
      snapshotSql: SKP_OF_INPUT,
      entity: 'skp_appraisal',
      key: `${nip}/${input.year}`,
    });
    return { outcome, predicate: after.predicate };
  }
}

@InputType({
  description: "One SKM/IKM survey of a service unit: its respondents' answers, as the `ikm-responses` import.",
})
export class IkmSurveyInput {
  @Field({ description: 'Code of the surveyed service unit (checked with personnel).' })
  unitCode!: string;

  @Field(() => Int, { description: 'Survey year: the year of conductedOn.' })
  year!: number;

  @Field(() => LocalDateScalar, { description: 'Survey date (YYYY-MM-DD).' })
  conductedOn!: string;

  @Field(() => Int, { description: 'People the unit serves (the N of the Krejcie-Morgan minimum sample).' })
  populationServed!: number;

  @Field(() => [[Int]], {
    description: 'One list per respondent: the answers to the nine elements u1..u9, each 1 to 4.',
  })
  responses!: number[][];
}

@ObjectType({ description: 'What submitIkmSurvey did, and the survey as scored by the IKM statement.' })
export class IkmSurveyWrite {
  @Field({ description: 'CREATED, UPDATED (the survey of that unit and year replaced) or UNCHANGED.' })
  outcome!: string;

  @Field(() => Int, { description: 'Respondents.' })
  respondents!: number;

  @Field(() => Float, { description: 'The IKM score rounded to two decimals, as reported.' })
  score!: number;

  @Field(() => IkmGrade, { description: 'Grade A-D from the score.' })
  grade!: IkmGrade;
}

interface SurveySnapshot {
  conductedOn: string;
  populationServed: number;
  respondents: number;
  score: number;
  grade: IkmGrade;
}

const SURVEY_OF_INPUT = `select v."conductedOn", v."populationServed", v.respondents, v."reportedScore" as score, v.grade
  from (${SURVEY_SELECT}) v join unit_ref u on u.id = v."unitId"
 where v.year = (select min(year) from import_rows)`;

const ELEMENT_COUNT = 9;

/** Respondents a form may send; larger surveys are files (`npm run import -- ikm-responses`). */
const MAX_RESPONDENTS = 5000;

@Resolver()
export class IkmSurveyRecordResolver {
  @Authorized('ADMIN_WRITE')
  @Mutation(() => IkmSurveyWrite, {
    description:
      "Submits a service unit's SKM/IKM survey of a year (all respondents' answers), replacing the stored one when anything " +
      'differs, with the checks of the `ikm-responses` import; score and grade are computed by the IKM statement. ' +
      'Regional administrators within their regions, national administrators anywhere. Audited before and after.',
  })
  async submitIkmSurvey(
    @Ctx() ctx: Context,
    @Arg('input', () => IkmSurveyInput, { description: 'The survey.' }) input: IkmSurveyInput,
  ): Promise<IkmSurveyWrite> {
    const checkInput = () => {
      if (input.responses.length === 0)
        throw badUserInput('input.responses: a survey needs respondents.', 'input.responses');
      if (input.responses.length > MAX_RESPONDENTS)
        throw badUserInput(
          `input.responses: at most ${MAX_RESPONDENTS} respondents (import a file for more).`,
          'input.responses',
        );
      for (const [index, answers] of input.responses.entries()) {
        if (answers.length !== ELEMENT_COUNT)
          throw badUserInput(
            `input.responses[${index}]: ${answers.length} answers, not one to each of the ${ELEMENT_COUNT} elements.`,
            `input.responses[${index}]`,
          );
      }
    };
    // Without respondents, or with too many, one row of the unit and year decides the caller's scope first.
    const staged = input.responses.length === 0 || input.responses.length > MAX_RESPONDENTS ? [[]] : input.responses;
    const { outcome, after } = await writeRecord<SurveySnapshot>(ctx, {
      mutation: 'submitIkmSurvey',
      kind: ikmResponses,
      checkInput,
      values: staged.map((answers) =>
        rowOfInput(ikmResponses, input, Object.fromEntries(answers.map((answer, e) => [`u${e + 1}`, String(answer)]))),
      ),
      fields: (column, line) => {
        const element = /^u(\d)$/.exec(column)?.[1];
        if (element) return `input.responses[${line - 1}][${Number(element) - 1}]`;
        return `input.${inputFieldOf(column)}`;
      },
      regionSql: 'select region_code from unit_ref',
      snapshotSql: SURVEY_OF_INPUT,
      entity: 'ikm_survey',
      key: `${input.unitCode}/${input.year}`,
    });
    return { outcome, respondents: after.respondents, score: after.score, grade: after.grade };
  }
}
