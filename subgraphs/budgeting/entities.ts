import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { importRunEntity } from '../shared/import-log.js';

/** MikroORM entities of the budgeting schema. Money is bigint, read as strings: never floats. */

export const BudgetLine = defineEntity({
  name: 'BudgetLine',
  tableName: 'budget_line',
  properties: {
    id: p.integer().primary(),
    agencyId: p.integer(),
    regionCode: p.string(),
    year: p.integer(),
    subActivityCode: p.string(),
    description: p.string(),
    ceiling: p.bigint('string'),
    realised: p.bigint('string'),
  },
});
export type BudgetLine = InferEntity<typeof BudgetLine>;

export const OfferingCost = defineEntity({
  name: 'OfferingCost',
  tableName: 'offering_cost',
  properties: {
    offeringId: p.integer().primary(),
    agencyId: p.integer(),
    regionCode: p.string(),
    year: p.integer(),
    planned: p.bigint('string'),
    realised: p.bigint('string'),
  },
});
export type OfferingCost = InferEntity<typeof OfferingCost>;

export const budgetingEntities = [BudgetLine, OfferingCost, importRunEntity()];
