import { type EnumValue, graphqlEnum } from '../shared/enums.js';

/**
 * The enumerations of the evaluation subgraph, each written once: the GraphQL types and the MikroORM
 * entities (`p.enum(() => X)`) use these; test/entities.test.ts checks them against the CHECK constraints
 * of the migrations (SkpPredicate and IkmGrade against the reference tables that hold them). The value lists
 * look alike to a duplicate finder: they are data, one value a line.
 */

export const SkpRating = graphqlEnum(
  'SkpRating',
  'A rating against expectation: di atas (above), sesuai (meets), di bawah (below) ekspektasi.',
  {
    DI_ATAS: 'Di atas ekspektasi: above expectation.',
    SESUAI: 'Sesuai ekspektasi: meets expectation.',
    DI_BAWAH: 'Di bawah ekspektasi: below expectation.',
  },
);
export type SkpRating = EnumValue<typeof SkpRating>;

export const SkpPredicate = graphqlEnum(
  'SkpPredicate',
  'Annual SKP predicate from the matrix of hasil kerja x perilaku kerja (PermenPANRB 6/2022).',
  {
    SANGAT_BAIK: 'Sangat Baik: both ratings above expectation.',
    BAIK: 'Baik.',
    BUTUH_PERBAIKAN: 'Butuh Perbaikan: work results below expectation, behaviour not.',
    KURANG: 'Kurang: behaviour below expectation, work results not.',
    SANGAT_KURANG: 'Sangat Kurang: both ratings below expectation.',
  },
);
export type SkpPredicate = EnumValue<typeof SkpPredicate>;

export const IkmGrade = graphqlEnum(
  'IkmGrade',
  'IKM grade: A Sangat Baik (>= 88.31), B Baik (>= 76.61), C Kurang Baik (>= 65.00), D Tidak Baik.',
  {
    A: 'Sangat Baik (88.31-100).',
    B: 'Baik (76.61-88.30).',
    C: 'Kurang Baik (65.00-76.60).',
    D: 'Tidak Baik (25.00-64.99).',
  },
);
export type IkmGrade = EnumValue<typeof IkmGrade>;

export const Verdict = graphqlEnum(
  'Verdict',
  'The rule of the Kota Binjai ASN development plan (expand a programme after which service quality improved, review the method of one ' +
    'after which it did not), with the evidence each claim needs. Multiplicity is controlled across the requested regions (Holm).',
  {
    EXPAND:
      "The effect is above zero after Holm's adjustment over the regions of the request (one-sided, 5%): expand the programme.",
    NO_EFFECT:
      'The effect lies below the minimum meaningful effect (Holm-adjusted one-sided test, 5%): training did not improve IKM by an amount worth paying for; review its method.',
    INCONCLUSIVE: 'The interval holds both zero and the minimum meaningful effect: the data cannot tell yet.',
    INSUFFICIENT_DATA:
      'Too few units or districts with two adequately sampled surveys, or the effect cannot be estimated.',
    NO_DATA: 'No service unit with IKM surveys in both years (or an unknown region code, or a year without data).',
  },
);
export type Verdict = EnumValue<typeof Verdict>;
