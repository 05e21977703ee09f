import 'reflect-metadata';
import { registerEnumType } from 'type-graphql';

/**
 * The enumerations of the evaluation subgraph, each written once: the GraphQL types and the MikroORM
 * entities (`p.enum(() => X)`) use these; test/entities.test.ts checks them against the CHECK constraints
 * of the migrations.
 */

export enum SkpRating {
  DI_ATAS = 'DI_ATAS',
  SESUAI = 'SESUAI',
  DI_BAWAH = 'DI_BAWAH',
}
registerEnumType(SkpRating, {
  name: 'SkpRating',
  description: 'A rating against expectation: di atas (above), sesuai (meets), di bawah (below) ekspektasi.',
});

export enum SkpPredicate {
  SANGAT_BAIK = 'SANGAT_BAIK',
  BAIK = 'BAIK',
  BUTUH_PERBAIKAN = 'BUTUH_PERBAIKAN',
  KURANG = 'KURANG',
  SANGAT_KURANG = 'SANGAT_KURANG',
}
registerEnumType(SkpPredicate, {
  name: 'SkpPredicate',
  description: 'Annual SKP predicate from the matrix of hasil kerja x perilaku kerja (PermenPANRB 6/2022).',
});

export enum IkmGrade {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
}
registerEnumType(IkmGrade, {
  name: 'IkmGrade',
  description: 'IKM grade: A Sangat Baik (>= 88.31), B Baik (>= 76.61), C Kurang Baik (>= 65.00), D Tidak Baik.',
});

export enum Verdict {
  EXPAND = 'EXPAND',
  REVIEW_METHOD = 'REVIEW_METHOD',
  INSUFFICIENT_DATA = 'INSUFFICIENT_DATA',
}
registerEnumType(Verdict, {
  name: 'Verdict',
  description: 'The rule of the Kota Binjai ASN development plan: expand a programme after which service quality improved, '
    + 'review the method of one after which it did not.',
  valuesConfig: {
    EXPAND: { description: 'The 95% interval of the effect lies above zero: training went with better service.' },
    REVIEW_METHOD: { description: 'The interval includes zero or lies below it: no improvement shown.' },
    INSUFFICIENT_DATA: { description: 'Too few units with two adequately sampled surveys to judge.' },
  },
});

