import { catalogueEnum, type EnumValue } from '../../shared/enums.js';

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
  /**
   * `int`: whole numbers (years, ids), range filters allowed; `region`: Kemendagri codes, filters match
   * within; `code`: a fixed list; `text`: an owner's code (course, competency), letters, digits, `.`, `_`, `-`;
   * `month`: a calendar month `YYYY-MM`, range filters allowed.
   */
  kind: 'int' | 'region' | 'code' | 'text' | 'month';
  /** The allowed values of a `code` dimension, with their labels (Indonesian, as the regions' documents write them). */
  values?: Readonly<Record<string, string>>;
  /** SQL of the label of a key (the read model's names); without it, `values` or the code itself. */
  label?: (key: string) => string;
}

/** The label learning publishes with a course attribute (course title, university or competency name). */
function courseLabel(kind: string, key: string): string {
  return `coalesce((select lc.label from evaluation.rm_course_learning lc where lc.kind = '${kind}' and lc.code = ${key} limit 1), ${key}::text)`;
}

export const DIMENSIONS = {
  REGION: {
    title: 'Region',
    titleId: 'Wilayah',
    description:
      'Kemendagri region at the level `regionLevel` (default: one below `regionCode`): facts group under the code prefix of that level ' +
      '(a fact recorded at a coarser level, e.g. agency staff at the regency, keeps its own code). A filter on REGION keeps facts within the ' +
      'given regions (any level). Labels are the official names.',
    kind: 'region',
    label: (key) => `coalesce((select lr.name from evaluation.rm_region lr where lr.code = ${key}), ${key})`,
  },
  YEAR: {
    title: 'Year',
    titleId: 'Tahun',
    description:
      'Calendar year of the fact (the fiscal year for budgets, the survey year for IKM, the appraisal year for SKP, 31 December for staff).',
    kind: 'int',
  },
  MONTH: {
    title: 'Month',
    titleId: 'Bulan',
    description:
      'Calendar month of a dated fact, `YYYY-MM`: the day an IKM survey was conducted; for the learning measures the month the offering ' +
      'ended (when its enrolments complete), published per region like the course attributes (a person trained in two months counts in ' +
      'both: grouped rows have no totals). Range filters allowed.',
    kind: 'month',
  },
  AGENCY: {
    title: 'Agency',
    titleId: 'Perangkat daerah',
    description: 'Government agency (perangkat daerah), by personnel id; labelled with its name.',
    kind: 'int',
    label: (key) =>
      `coalesce((select lu.agency_name from evaluation.rm_unit lu where lu.agency_id = ${key} limit 1), ${key}::text)`,
  },
  AGENCY_KIND: {
    title: 'Agency kind',
    titleId: 'Jenis perangkat daerah',
    description: 'Area of government the agency works in.',
    kind: 'code',
    values: {
      EDUCATION: 'Dinas Pendidikan',
      HEALTH: 'Dinas Kesehatan',
      CIVIL_REGISTRY: 'Dinas Kependudukan dan Pencatatan Sipil',
      BKPSDM: 'BKPSDM',
      PUBLIC_WORKS: 'Dinas Pekerjaan Umum dan Penataan Ruang',
      DISTRICT_ADMINISTRATION: 'Sekretariat daerah dan kecamatan',
    },
  },
  UNIT: {
    title: 'Service unit',
    titleId: 'Unit layanan',
    description:
      'Public-service unit (personnel id), labelled with its name; 0 groups appraisals recorded without a unit (agency staff).',
    kind: 'int',
    label: (key) =>
      `coalesce((select lu.unit_name from evaluation.rm_unit lu where lu.unit_id = ${key}), case when ${key} = 0 then 'Tanpa unit layanan' else ${key}::text end)`,
  },
  UNIT_KIND: {
    title: 'Service unit kind',
    titleId: 'Jenis unit layanan',
    description: 'Kind of public-service unit.',
    kind: 'code',
    values: {
      SCHOOL: 'Sekolah negeri',
      PUSKESMAS: 'Puskesmas',
      HEALTH_UPT: 'UPT kesehatan',
      DUKCAPIL_OFFICE: 'Kantor Dukcapil',
      DISTRICT_OFFICE: 'Kantor camat',
      REGIONAL_OFFICE: 'Kantor wilayah',
      PUBLIC_WORKS_UPT: 'UPT PUPR',
      BKPSDM_UPT: 'UPT BKPSDM',
    },
  },
  ASN_TYPE: {
    title: 'ASN type',
    titleId: 'Jenis ASN',
    description: 'PNS (permanent) or PPPK (contract), UU 20/2023.',
    kind: 'code',
    values: { PNS: 'PNS', PPPK: 'PPPK' },
  },
  RANK_GROUP: {
    title: 'Rank group',
    titleId: 'Golongan',
    description: 'PNS golongan I-IV of the newest rank by 31 December; PPPK together.',
    kind: 'code',
    values: {
      PNS_I: 'Golongan I',
      PNS_II: 'Golongan II',
      PNS_III: 'Golongan III',
      PNS_IV: 'Golongan IV',
      PPPK: 'PPPK',
    },
  },
  POSITION_KIND: {
    title: 'Position kind',
    titleId: 'Jenis jabatan',
    description: 'Managerial or non-managerial position (UU 20/2023).',
    kind: 'code',
    values: { MANAJERIAL: 'Manajerial', NONMANAJERIAL: 'Nonmanajerial' },
  },
  GENDER: {
    title: 'Gender',
    titleId: 'Jenis kelamin',
    description: 'Gender as recorded in the NIP: F female, M male.',
    kind: 'code',
    values: { F: 'Perempuan', M: 'Laki-laki' },
  },
  AGE_BAND: {
    title: 'Age band',
    titleId: 'Kelompok umur',
    description: 'Age on 31 December of the year.',
    kind: 'code',
    values: { UNDER_30: '< 30', AGE_30_39: '30-39', AGE_40_49: '40-49', AGE_50_PLUS: '50+' },
  },
  TRAINING_STATUS: {
    title: 'Training status',
    titleId: 'Status pelatihan',
    description: 'Whether learning lists the employee as trained (JP earned) in the year of the fact.',
    kind: 'code',
    values: { TRAINED: 'Mengikuti pelatihan', UNTRAINED: 'Tidak mengikuti pelatihan' },
  },
  COURSE: {
    title: 'Course',
    titleId: 'Pelatihan',
    description:
      "Course taken (learning's course code), labelled with its title as learning publishes it. For the learning measures only. " +
      'A person who took several courses counts under each: rows grouped by it have no totals (null), and a filter on several courses needs it among the dimensions.',
    kind: 'text',
    label: (key) => courseLabel('COURSE', key),
  },
  UNIVERSITY: {
    title: 'Partner university',
    titleId: 'Perguruan tinggi mitra',
    description:
      "Partner university of the course taken (learning's id; 0: a course without a partner university), labelled with its name. " +
      'For the learning measures only; grouped rows have no totals (a person may take courses of several universities).',
    kind: 'int',
    label: (key) => courseLabel('UNIVERSITY', `${key}::text`),
  },
  DELIVERY_MODE: {
    title: 'Delivery mode',
    titleId: 'Metode pembelajaran',
    description:
      'How the course taken is delivered (classical or not, Peraturan LAN 10/2018). For the learning measures only; grouped rows have no totals.',
    kind: 'code',
    values: {
      CLASSROOM: 'Klasikal (tatap muka)',
      E_LEARNING: 'E-learning',
      BLENDED: 'Blended learning',
      COACHING: 'Coaching',
      MENTORING: 'Mentoring',
      MAGANG: 'Magang',
      BENCHMARKING: 'Benchmarking',
      DISTANCE_LEARNING: 'Pembelajaran jarak jauh',
      SELF_LEARNING: 'Belajar mandiri',
      DETASERING: 'Detasering',
    },
  },
  COMPETENCY: {
    title: 'Competency',
    titleId: 'Kompetensi',
    description:
      "Competency a learning outcome of the course's curriculum version targets (learning's competency code), labelled with its name. " +
      'An enrolment counts under every competency its course targets: rows grouped by it have no totals (null), and a filter on several competencies needs it among the dimensions.',
    kind: 'text',
    label: (key) => courseLabel('COMPETENCY', key),
  },
} as const satisfies Record<string, DimensionInfo>;

export const AnalyticsDimension = catalogueEnum(
  'AnalyticsDimension',
  'What analytics measures are grouped and filtered by. `analyticsCatalogue` lists which dimensions each measure supports.',
  DIMENSIONS,
);
export type AnalyticsDimension = EnumValue<typeof AnalyticsDimension>;

export function dimensionInfo(dimension: AnalyticsDimension): DimensionInfo {
  return DIMENSIONS[dimension];
}

/** The SQL label of a dimension's key: the read model's name, the value's label, or the code. */
export function labelSql(dimension: AnalyticsDimension, key: string): string {
  const info = dimensionInfo(dimension);
  if (info.label) return info.label(key);
  if (info.values) {
    const cases = Object.entries(info.values)
      .map(([code, label]) => `when '${code}' then '${label.replaceAll("'", "''")}'`)
      .join(' ');
    return `case ${key}::text ${cases} else ${key}::text end`;
  }
  return `${key}::text`;
}
