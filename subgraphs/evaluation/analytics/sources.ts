import { SKP_PREDICATE_JOIN, SURVEY_SELECT } from '../service.js';
import type { AnalyticsDimension } from './dimensions.js';

/**
 * # Fact sources of the analytics API
 *
 * A fact source is a relation of fact rows (alias `f`) with a region code and a year on every row. Measures
 * are aggregate SQL over one source; a dimension is an SQL expression over the source's columns. Each source
 * lists the dimensions it carries: a measure may be grouped or filtered by exactly those (the catalogue says
 * so, and the compiler refuses the others by name).
 */
export interface FactSource {
  name: string;
  /** The subgraph whose facts these are. */
  owner: 'personnel' | 'learning' | 'budgeting' | 'evaluation';
  /** A relation aliased `f` (a table or a parenthesised select). */
  from: string;
  /** The Kemendagri code of where each fact lies (scope, REGION). */
  regionColumn: string;
  /** Per dimension, the SQL of its key over `f` (typed: integers stay integers so that they sort as numbers). */
  dimensions: Partial<Record<AnalyticsDimension, string>>;
}

/**
 * IKM surveys, one row a unit and year, scored from the answer counts by the reference tables (the same
 * SQL as `ServiceUnit.ikm`): score, grade, respondents and the Krejcie-Morgan check.
 */
export const IKM_SURVEYS: FactSource = {
  name: 'ikm',
  owner: 'evaluation',
  from: `(${SURVEY_SELECT}) f`,
  regionColumn: 'f."regionCode"',
  dimensions: {
    REGION: 'f."regionCode"',
    YEAR: 'f.year',
    UNIT: 'f."unitId"',
  },
};

/** SKP appraisals, one row an employee and year, with the predicate the matrix gives them. */
export const SKP_APPRAISALS: FactSource = {
  name: 'skp',
  owner: 'evaluation',
  from: `(select a.employee_id, a.year, a.unit_id, a.region_code, m.predicate, p.ordinal
            from evaluation.skp_appraisal a ${SKP_PREDICATE_JOIN}) f`,
  regionColumn: 'f.region_code',
  dimensions: {
    REGION: 'f.region_code',
    YEAR: 'f.year',
    // An appraisal recorded without a unit (agency staff) groups under unit 0, "no service unit".
    UNIT: 'coalesce(f.unit_id, 0)',
  },
};
