import { type EnumValue, graphqlEnum } from '../../shared/enums.js';

/**
 * # Dimensions of the analytics API
 *
 * What measures are grouped and filtered by. Each dimension has a kind, which decides how its values are
 * checked and compared (a range filter needs an ordered kind), and a label: region and unit names come
 * from the read model's dimension rows when it has them, otherwise the label is the code.
 */

export interface DimensionInfo {
  title: string;
  titleId: string;
  description: string;
  /** `int`: whole numbers (years, ids), range filters allowed; `region`: Kemendagri codes, filters match within; `code`: a fixed list. */
  kind: 'int' | 'region' | 'code';
  /** The allowed values of a `code` dimension, with their labels. */
  values?: Readonly<Record<string, string>>;
}

export const DIMENSIONS = {
  REGION: {
    title: 'Region',
    titleId: 'Wilayah',
    description:
      'Kemendagri region at the level `regionLevel` (default: one below `regionCode`): facts group under the code prefix of that level. ' +
      'A filter on REGION keeps facts within the given regions (any level).',
    kind: 'region',
  },
  YEAR: {
    title: 'Year',
    titleId: 'Tahun',
    description:
      'Calendar year of the fact (the fiscal year for budgets, the survey year for IKM, the appraisal year for SKP).',
    kind: 'int',
  },
  UNIT: {
    title: 'Service unit',
    titleId: 'Unit layanan',
    description: 'Public-service unit (personnel id); 0 groups facts recorded without a unit (agency staff).',
    kind: 'int',
  },
} as const satisfies Record<string, DimensionInfo>;

export const AnalyticsDimension = graphqlEnum(
  'AnalyticsDimension',
  'What analytics measures are grouped and filtered by. `analyticsCatalogue` lists which dimensions each measure supports.',
  Object.fromEntries(
    Object.entries(DIMENSIONS).map(([name, info]) => [name, `${info.title}: ${info.description}`]),
  ) as Record<keyof typeof DIMENSIONS, string>, // fromEntries loses the keys' type; they are DIMENSIONS' keys
);
export type AnalyticsDimension = EnumValue<typeof AnalyticsDimension>;

export function dimensionInfo(dimension: AnalyticsDimension): DimensionInfo {
  return DIMENSIONS[dimension];
}
