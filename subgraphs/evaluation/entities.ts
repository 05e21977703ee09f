import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { importRunEntity } from '../shared/import-log.js';
import { SkpRating } from './enums.js';

/** MikroORM entities of the evaluation schema. Scores are computed in SQL from the reference tables. */

export const SkpAppraisal = defineEntity({
  name: 'SkpAppraisal',
  tableName: 'skp_appraisal',
  properties: {
    id: p.integer().primary(),
    employeeId: p.integer(),
    year: p.integer(),
    unitId: p.integer().nullable(),
    regionCode: p.string(),
    hasilKerja: p.enum(() => SkpRating),
    perilakuKerja: p.enum(() => SkpRating),
  },
});
export type SkpAppraisal = InferEntity<typeof SkpAppraisal>;

export const IkmSurvey = defineEntity({
  name: 'IkmSurvey',
  tableName: 'ikm_survey',
  properties: {
    id: p.integer().primary(),
    unitId: p.integer(),
    regionCode: p.string(),
    year: p.integer(),
    conductedOn: p.date(),
    populationServed: p.integer(),
    respondents: p.integer(),
  },
});
export type IkmSurvey = InferEntity<typeof IkmSurvey>;

export const evaluationEntities = [SkpAppraisal, IkmSurvey, importRunEntity()];
