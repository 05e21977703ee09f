/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An amount in whole Indonesian Rupiah, sent as a string of decimal digits (e.g. "1250000000") so that it stays exact beyond 2^53. */
  Rupiah: { input: string; output: string; }
};

/** A government agency (perangkat daerah: dinas, badan, kantor) of a region. */
export type Agency = {
  __typename?: 'Agency';
  /** Employees of the agency, including its units. */
  employees: EmployeeConnection;
  /** Head of the agency (kepala dinas/badan, JPT pratama). */
  head: Maybe<Employee>;
  /** Agency id. */
  id: Scalars['Int']['output'];
  /** Area of government. */
  kind: AgencyKind;
  /** Name, e.g. "Dinas Kesehatan Kota Medan". */
  name: Scalars['String']['output'];
  /** The region the agency belongs to. */
  region: Region;
  /** Code of the region (province or regency/city) the agency belongs to. */
  regionCode: Scalars['String']['output'];
  /** Service units run by the agency. */
  serviceUnits: Array<ServiceUnit>;
  /** Training budget lines of the agency for a fiscal year. */
  trainingBudget: Array<BudgetLine>;
  /** Totals of the agency's training budget lines for a fiscal year. */
  trainingBudgetSummary: BudgetSummary;
};


/** A government agency (perangkat daerah: dinas, badan, kantor) of a region. */
export type AgencyEmployeesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EmployeeFilter>;
  first?: Scalars['Int']['input'];
};


/** A government agency (perangkat daerah: dinas, badan, kantor) of a region. */
export type AgencyTrainingBudgetArgs = {
  year: Scalars['Int']['input'];
};


/** A government agency (perangkat daerah: dinas, badan, kantor) of a region. */
export type AgencyTrainingBudgetSummaryArgs = {
  year: Scalars['Int']['input'];
};

/** Area of government an agency (perangkat daerah) works in. */
export type AgencyKind =
  /** Badan Kepegawaian dan Pengembangan SDM: runs ASN development and training. */
  | 'BKPSDM'
  /** Dinas Kependudukan dan Pencatatan Sipil (Dukcapil). */
  | 'CIVIL_REGISTRY'
  /** Sekretariat daerah and kecamatan offices. */
  | 'DISTRICT_ADMINISTRATION'
  /** Dinas Pendidikan. */
  | 'EDUCATION'
  /** Dinas Kesehatan. */
  | 'HEALTH'
  /** Dinas Pekerjaan Umum dan Penataan Ruang. */
  | 'PUBLIC_WORKS';

/** Kind of civil servant (UU 20/2023). */
export type AsnType =
  /** Pegawai Negeri Sipil: permanent civil servant with an 18-digit NIP. */
  | 'PNS'
  /** Pegawai Pemerintah dengan Perjanjian Kerja: contract civil servant with an NI PPPK. */
  | 'PPPK';

/** One training line of an agency's DPA for a fiscal year: ceiling (pagu) and realised spending. */
export type BudgetLine = {
  __typename?: 'BudgetLine';
  /** Pagu: the ceiling. */
  ceiling: Scalars['Rupiah']['output'];
  /** Sub-activity name. */
  description: Scalars['String']['output'];
  /** Budget line id. */
  id: Scalars['Int']['output'];
  /** Realisasi: what was actually spent. */
  realised: Scalars['Rupiah']['output'];
  /** Sub-activity code, e.g. "1.02.01.2.05.0009" (Pendidikan dan Pelatihan Pegawai...). */
  subActivityCode: Scalars['String']['output'];
  /** Ceiling minus realised spending. */
  unspent: Scalars['Rupiah']['output'];
  /** Fiscal year (calendar year). */
  year: Scalars['Int']['output'];
};

/** Training budget totals over a set of lines (an agency, or all agencies of a region). */
export type BudgetSummary = {
  __typename?: 'BudgetSummary';
  /** Sum of ceilings (pagu). */
  ceiling: Scalars['Rupiah']['output'];
  /** Budget lines summed. */
  lines: Scalars['Int']['output'];
  /** Realised / ceiling (0-1); null when the ceiling is 0. */
  realisationRate: Maybe<Scalars['Float']['output']>;
  /** Sum of realised spending (realisasi). */
  realised: Scalars['Rupiah']['output'];
  /** Fiscal year. */
  year: Scalars['Int']['output'];
};

/** A competency of the ASN competency standard. */
export type Competency = {
  __typename?: 'Competency';
  /** Short code, e.g. "M-INT" (Integritas). */
  code: Scalars['String']['output'];
  /** What the competency means. */
  description: Scalars['String']['output'];
  /** Competency id. */
  id: Scalars['Int']['output'];
  /** Teknis, manajerial or sosial kultural. */
  kind: CompetencyKind;
  /** Name, e.g. "Integritas". */
  name: Scalars['String']['output'];
};

/** Competency kinds of PermenPANRB 38/2017. */
export type CompetencyKind =
  | 'MANAJERIAL'
  | 'SOSIAL_KULTURAL'
  | 'TEKNIS';

/** A course with its curriculum: modules, learning outcomes, JP, mode and provider. */
export type Course = {
  __typename?: 'Course';
  /** Course code. */
  code: Scalars['String']['output'];
  /** Delivery form: CLASSROOM, E_LEARNING, BLENDED, COACHING, MENTORING, MAGANG, ... */
  delivery: Scalars['String']['output'];
  /** What the course is about. */
  description: Scalars['String']['output'];
  /** Course id. */
  id: Scalars['Int']['output'];
  /** JP (1 JP = 45 minutes) a participant earns on completion. */
  jp: Scalars['Int']['output'];
  /** Learning outcomes, each mapped to a competency. */
  learningOutcomes: Array<LearningOutcome>;
  /** Klasikal or nonklasikal. */
  mode: LearningMode;
  /** Curriculum modules in order; their JP add up to the course JP. */
  modules: Array<CourseModule>;
  /** Offerings of the course, optionally in one year. */
  offerings: Array<CourseOffering>;
  /** Programme the course belongs to. */
  programme: Programme;
  /** Partner university providing the course, if any. */
  provider: Maybe<University>;
  /** Title. */
  title: Scalars['String']['output'];
};


/** A course with its curriculum: modules, learning outcomes, JP, mode and provider. */
export type CourseOfferingsArgs = {
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** One module of a course curriculum. */
export type CourseModule = {
  __typename?: 'CourseModule';
  /** Module id. */
  id: Scalars['Int']['output'];
  /** JP (45-minute training hours) of the module. */
  jp: Scalars['Int']['output'];
  /** Position in the curriculum, from 1. */
  seq: Scalars['Int']['output'];
  /** Module title. */
  title: Scalars['String']['output'];
};

/** A scheduled run of a course in a region: what ASN can sign up for (seed 001). */
export type CourseOffering = {
  __typename?: 'CourseOffering';
  /** Seats. */
  capacity: Scalars['Int']['output'];
  /** What the offering cost; null when no cost is recorded. */
  cost: Maybe<OfferingCost>;
  /** The course offered. */
  course: Course;
  /** Last day (YYYY-MM-DD). */
  endsOn: Scalars['String']['output'];
  /** Enrolments in this offering. */
  enrolments: Array<Enrolment>;
  /** Offering id. */
  id: Scalars['Int']['output'];
  /** JP earned by all participants together. */
  jpDelivered: Scalars['Int']['output'];
  /** Employees enrolled (any status). */
  participantCount: Scalars['Int']['output'];
  /** The organising region. */
  region: Region;
  /** Kemendagri code of the organising region. */
  regionCode: Scalars['String']['output'];
  /** First day (YYYY-MM-DD). */
  startsOn: Scalars['String']['output'];
  /** Planned, open, held or cancelled. */
  status: OfferingStatus;
  /** Where it takes place (or the platform, for e-learning). */
  venue: Scalars['String']['output'];
  /** Fiscal year of the offering. */
  year: Scalars['Int']['output'];
};

/** A civil servant (ASN). NIP, name and birth date are personal data (UU 27/2022). */
export type Employee = {
  __typename?: 'Employee';
  /** Current agency. */
  agency: Agency;
  /** Id of the current agency. */
  agencyId: Scalars['Int']['output'];
  /** TMT CPNS (or contract start for PPPK), YYYY-MM-DD. */
  appointedOn: Scalars['String']['output'];
  /** PNS or PPPK. */
  asnType: AsnType;
  /** Birth date (YYYY-MM-DD). */
  birthDate: Scalars['String']['output'];
  /** Training attended, optionally in one year. */
  enrolments: Array<Enrolment>;
  /** Full name. */
  fullName: Scalars['String']['output'];
  /** Gender. */
  gender: Gender;
  /** Employee id (stable; use it to join across subgraphs). */
  id: Scalars['Int']['output'];
  /** JP earned in a year and whether the 20 JP right was reached. */
  jp: JpSummary;
  /** Mentoring in which this employee is the mentor. */
  mentees: Array<MentoringPair>;
  /** Mentoring in which this employee is the mentee. */
  mentors: Array<MentoringPair>;
  /** 18-digit NI PPPK of a contract employee; null for PNS. */
  niPppk: Maybe<Scalars['String']['output']>;
  /** 18-digit NIP of a PNS; null for PPPK. */
  nip: Maybe<Scalars['String']['output']>;
  /** Every position held, oldest first, with its TMT. */
  positionHistory: Array<PositionHistoryEntry>;
  /** Kind of the current position. */
  positionKind: PositionKind;
  /** Level of the current position. */
  positionLevel: PositionLevel;
  /** Current position title (the newest position history entry). */
  positionTitle: Scalars['String']['output'];
  /** Current rank (the newest rank history entry). */
  rank: Rank;
  /** Every rank held, oldest first, with its TMT. */
  rankHistory: Array<RankHistoryEntry>;
  /** The SKP appraisal of a year; null when none was recorded. */
  skp: Maybe<SkpAppraisal>;
  /** All SKP appraisals, oldest first. */
  skpHistory: Array<SkpAppraisal>;
  /** Current service unit; null for agency staff. */
  unit: Maybe<ServiceUnit>;
  /** Id of the current service unit; null for agency staff. */
  unitId: Maybe<Scalars['Int']['output']>;
};


/** A civil servant (ASN). NIP, name and birth date are personal data (UU 27/2022). */
export type EmployeeEnrolmentsArgs = {
  year?: InputMaybe<Scalars['Int']['input']>;
};


/** A civil servant (ASN). NIP, name and birth date are personal data (UU 27/2022). */
export type EmployeeJpArgs = {
  year: Scalars['Int']['input'];
};


/** A civil servant (ASN). NIP, name and birth date are personal data (UU 27/2022). */
export type EmployeeSkpArgs = {
  year: Scalars['Int']['input'];
};

/** One page of employees. */
export type EmployeeConnection = {
  __typename?: 'EmployeeConnection';
  /** The employees on this page, ordered by id. */
  nodes: Array<Employee>;
  /** Cursor to continue from. */
  pageInfo: PageInfo;
  /** Employees matching the filter in all pages. */
  totalCount: Scalars['Int']['output'];
};

/** Narrows an employee list; all given conditions must hold. */
export type EmployeeFilter = {
  /** Only PNS or only PPPK. */
  asnType?: InputMaybe<AsnType>;
  /** Only managerial or only non-managerial positions. */
  positionKind?: InputMaybe<PositionKind>;
  /** Only this position level. */
  positionLevel?: InputMaybe<PositionLevel>;
  /** Only this current rank, e.g. "III/a". */
  rankCode?: InputMaybe<Scalars['String']['input']>;
};

/** An employee's participation in an offering: JP earned, tests (L2) and satisfaction (L1). */
export type Enrolment = {
  __typename?: 'Enrolment';
  /** The participant. */
  employee: Employee;
  /** Enrolment id. */
  id: Scalars['Int']['output'];
  /** JP earned: the course JP when completed, 0 otherwise. */
  jpEarned: Scalars['Int']['output'];
  /** The offering attended. */
  offering: CourseOffering;
  /** Post-test score (0-100). */
  postTest: Maybe<Scalars['Float']['output']>;
  /** Pre-test score (0-100). */
  preTest: Maybe<Scalars['Float']['output']>;
  /** Participant satisfaction (1-5). */
  satisfaction: Maybe<Scalars['Float']['output']>;
  /** Enrolled, completed or dropped. */
  status: EnrolmentStatus;
  /** Post-test minus pre-test (Kirkpatrick L2). */
  testGain: Maybe<Scalars['Float']['output']>;
  /** The unit the participant worked in when trained. */
  unit: Maybe<ServiceUnit>;
  /** Year of the offering. */
  year: Scalars['Int']['output'];
};

/** Whether the participant finished the course. */
export type EnrolmentStatus =
  | 'COMPLETED'
  | 'DROPPED'
  | 'ENROLLED';

/** Gender as recorded in the NIP (digit 15: 1 male, 2 female). */
export type Gender =
  | 'F'
  | 'M';

/** Score of one of the nine IKM elements (unsur): NRR = sum of scores / respondents (1-4). */
export type IkmElementScore = {
  __typename?: 'IkmElementScore';
  /** Element number, 1-9. */
  elementNo: Scalars['Int']['output'];
  /** Element name, e.g. "Waktu penyelesaian". */
  name: Scalars['String']['output'];
  /** NRR (nilai rata-rata) of the element, 1-4. */
  nrr: Scalars['Float']['output'];
};

/** IKM grade: A Sangat Baik (>= 88.31), B Baik (>= 76.61), C Kurang Baik (>= 65.00), D Tidak Baik. */
export type IkmGrade =
  | 'A'
  | 'B'
  | 'C'
  | 'D';

/** An IKM public-satisfaction survey of a service unit (PermenPANRB 14/2017): score, grade and sample adequacy. */
export type IkmSurvey = {
  __typename?: 'IkmSurvey';
  /** Date of the survey (YYYY-MM-DD). */
  conductedOn: Scalars['String']['output'];
  /** NRR of each of the nine elements. */
  elements: Array<IkmElementScore>;
  /** Grade of the score (half-open bands). */
  grade: IkmGrade;
  /** Survey id. */
  id: Scalars['Int']['output'];
  /** Minimum respondents for the population (Krejcie-Morgan). */
  minimumRespondents: Scalars['Int']['output'];
  /** Unit performance of the grade, e.g. "Baik". */
  performance: Scalars['String']['output'];
  /** Population served: the N of the Krejcie-Morgan table. */
  populationServed: Scalars['Int']['output'];
  /** Respondents. */
  respondents: Scalars['Int']['output'];
  /** IKM = (sum of the nine NRR x 1/9) x 25, from 25 to 100, with the exact 1/9 weight. */
  score: Scalars['Float']['output'];
  /** True when respondents < minimumRespondents: the survey is kept, flagged. */
  underSampled: Scalars['Boolean']['output'];
  /** Year surveyed. */
  year: Scalars['Int']['output'];
};

/** An employee's JP for one year against the annual right (at least 20 JP, PP 17/2020). */
export type JpSummary = {
  __typename?: 'JpSummary';
  /** Completed courses that year. */
  completedCourses: Scalars['Int']['output'];
  /** JP earned in completed courses that year. */
  jp: Scalars['Int']['output'];
  /** The minimum JP the right guarantees that year. */
  minimumJp: Scalars['Int']['output'];
  /** True when jp >= minimumJp. */
  reachedMinimum: Scalars['Boolean']['output'];
  /** Year. */
  year: Scalars['Int']['output'];
};

/** Classroom (klasikal) or not (nonklasikal), PerLAN 10/2018. */
export type LearningMode =
  | 'KLASIKAL'
  | 'NONKLASIKAL';

/** A learning outcome of a course, mapped to a competency and target level. */
export type LearningOutcome = {
  __typename?: 'LearningOutcome';
  /** The competency the outcome develops. */
  competency: Competency;
  /** Learning outcome id. */
  id: Scalars['Int']['output'];
  /** Module that teaches it, if one does. */
  moduleId: Maybe<Scalars['Int']['output']>;
  /** What participants can do after the course. */
  statement: Scalars['String']['output'];
  /** Competency level targeted (1-5). */
  targetLevel: Scalars['Int']['output'];
};

/** A mentoring relationship: a senior ASN guides a junior one (seeds 000, 003). */
export type MentoringPair = {
  __typename?: 'MentoringPair';
  /** End date (YYYY-MM-DD); null while ongoing. */
  endedOn: Maybe<Scalars['String']['output']>;
  /** What the mentoring is about. */
  focus: Scalars['String']['output'];
  /** Mentoring pair id. */
  id: Scalars['Int']['output'];
  /** The junior ASN who is mentored. */
  mentee: Employee;
  /** The senior ASN who mentors. */
  mentor: Employee;
  /** Start date (YYYY-MM-DD). */
  startedOn: Scalars['String']['output'];
};

/** Cost of a course offering. Per-participant and per-JP costs come from realised spending. */
export type OfferingCost = {
  __typename?: 'OfferingCost';
  /** Realised cost per JP delivered, rounded to whole Rupiah; null when no JP was earned. */
  perJp: Maybe<Scalars['Rupiah']['output']>;
  /** Realised cost per participant, rounded to whole Rupiah; null without participants. */
  perParticipant: Maybe<Scalars['Rupiah']['output']>;
  /** Planned cost. */
  planned: Scalars['Rupiah']['output'];
  /** Realised cost (0 for a cancelled offering). */
  realised: Scalars['Rupiah']['output'];
};

/** Lifecycle of a course offering. */
export type OfferingStatus =
  | 'CANCELLED'
  | 'HELD'
  | 'OPEN'
  | 'PLANNED';

/** Where a page ends and whether more follow. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last item on this page; pass it as `after`. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** True when items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** A position held from its TMT date, with the agency and unit it was in. */
export type PositionHistoryEntry = {
  __typename?: 'PositionHistoryEntry';
  /** Agency of the position. */
  agencyId: Scalars['Int']['output'];
  /** Managerial or not. */
  positionKind: PositionKind;
  /** Position level. */
  positionLevel: PositionLevel;
  /** Position title, e.g. "Perawat Ahli Pertama". */
  title: Scalars['String']['output'];
  /** TMT: the date the position took effect (YYYY-MM-DD). */
  tmt: Scalars['String']['output'];
  /** Service unit of the position; null for agency staff. */
  unitId: Maybe<Scalars['Int']['output']>;
};

/** Managerial or non-managerial position (UU 20/2023). */
export type PositionKind =
  | 'MANAJERIAL'
  | 'NONMANAJERIAL';

/** Position level: JPT utama/madya/pratama, administrator and pengawas are managerial; fungsional and pelaksana are not. */
export type PositionLevel =
  | 'ADMINISTRATOR'
  | 'FUNGSIONAL'
  | 'JPT_MADYA'
  | 'JPT_PRATAMA'
  | 'JPT_UTAMA'
  | 'PELAKSANA'
  | 'PENGAWAS';

/** Training programme. */
export type Programme =
  /** Training for functional positions. */
  | 'FUNGSIONAL'
  /** Latihan Dasar CPNS (basic training, PerLAN 1/2021). */
  | 'LATSAR'
  /** Pelatihan Kepemimpinan Administrator. */
  | 'PKA'
  /** Pelatihan Kepemimpinan Nasional (senior leaders). */
  | 'PKN'
  /** Pelatihan Kepemimpinan Pengawas (supervisors). */
  | 'PKP'
  /** Technical training. */
  | 'TEKNIS';

export type Query = {
  __typename?: 'Query';
  /** Agencies of a region at any level (a province includes its regencies and cities). */
  agencies: Array<Agency>;
  /** One agency by id. */
  agency: Maybe<Agency>;
  /** Training budget lines of an agency for a fiscal year. */
  budgetLines: Array<BudgetLine>;
  /** The competency catalogue, optionally of one kind. */
  competencies: Array<Competency>;
  /** One course by id. */
  course: Maybe<Course>;
  /** One offering by id. */
  courseOffering: Maybe<CourseOffering>;
  /** Courses, optionally by programme, mode or providing university. */
  courses: Array<Course>;
  /** One employee by id. */
  employee: Maybe<Employee>;
  /** One PNS by NIP (spaces allowed). A malformed NIP is a BAD_USER_INPUT error naming the wrong part. */
  employeeByNip: Maybe<Employee>;
  /** Employees of exactly one of: a region (any level), an agency or a service unit; ordered by id, cursor-paginated. */
  employees: EmployeeConnection;
  /** The offering catalogue of a region for a year: offerings organised in the region or inside it, and those of the regions enclosing it. */
  offeringCatalogue: Array<CourseOffering>;
  /** One region by its Kemendagri code, e.g. "93.01.11.2009" (Salor Indah). */
  region: Maybe<Region>;
  /** Training budget totals of all agencies within a region (any level) for a year. */
  regionTrainingBudget: BudgetSummary;
  /** Regions by level and/or parent code, ordered by code (e.g. level: REGENCY, parentCode: "12"). */
  regions: Array<Region>;
  /** One service unit by id. */
  serviceUnit: Maybe<ServiceUnit>;
  /** Service units located in a region at any level. */
  serviceUnits: Array<ServiceUnit>;
  /** Partner universities. */
  universities: Array<University>;
};


export type QueryAgenciesArgs = {
  regionCode: Scalars['String']['input'];
};


export type QueryAgencyArgs = {
  id: Scalars['Int']['input'];
};


export type QueryBudgetLinesArgs = {
  agencyId: Scalars['Int']['input'];
  year: Scalars['Int']['input'];
};


export type QueryCompetenciesArgs = {
  kind?: InputMaybe<CompetencyKind>;
};


export type QueryCourseArgs = {
  id: Scalars['Int']['input'];
};


export type QueryCourseOfferingArgs = {
  id: Scalars['Int']['input'];
};


export type QueryCoursesArgs = {
  mode?: InputMaybe<LearningMode>;
  programme?: InputMaybe<Programme>;
  universityId?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryEmployeeArgs = {
  id: Scalars['Int']['input'];
};


export type QueryEmployeeByNipArgs = {
  nip: Scalars['String']['input'];
};


export type QueryEmployeesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  agencyId?: InputMaybe<Scalars['Int']['input']>;
  filter?: InputMaybe<EmployeeFilter>;
  first?: Scalars['Int']['input'];
  regionCode?: InputMaybe<Scalars['String']['input']>;
  unitId?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryOfferingCatalogueArgs = {
  regionCode: Scalars['String']['input'];
  statuses?: InputMaybe<Array<OfferingStatus>>;
  year: Scalars['Int']['input'];
};


export type QueryRegionArgs = {
  code: Scalars['String']['input'];
};


export type QueryRegionTrainingBudgetArgs = {
  regionCode: Scalars['String']['input'];
  year: Scalars['Int']['input'];
};


export type QueryRegionsArgs = {
  level?: InputMaybe<RegionLevel>;
  parentCode?: InputMaybe<Scalars['String']['input']>;
};


export type QueryServiceUnitArgs = {
  id: Scalars['Int']['input'];
};


export type QueryServiceUnitsArgs = {
  regionCode: Scalars['String']['input'];
};

/** A rank: PNS golongan/ruang (e.g. III/a Penata Muda) or PPPK golongan (I-XVII). */
export type Rank = {
  __typename?: 'Rank';
  /** Whether the rank belongs to PNS or PPPK. */
  asnType: AsnType;
  /** Rank code, e.g. "III/a" or "PPPK-IX". */
  code: Scalars['String']['output'];
  /** Golongan: I-IV for PNS, I-XVII for PPPK. */
  golongan: Scalars['String']['output'];
  /** Order within the ASN type: higher is more senior. */
  ordinal: Scalars['Int']['output'];
  /** Title of the PNS rank, e.g. "Penata Muda"; null for PPPK. */
  title: Maybe<Scalars['String']['output']>;
};

/** A rank held from its TMT date. */
export type RankHistoryEntry = {
  __typename?: 'RankHistoryEntry';
  /** Rank code, e.g. "III/b". */
  rankCode: Scalars['String']['output'];
  /** TMT: the date the rank took effect (YYYY-MM-DD). */
  tmt: Scalars['String']['output'];
};

/** An administrative region with its official Kemendagri code. */
export type Region = {
  __typename?: 'Region';
  /** Agencies of this region and of every region inside it. */
  agencies: Array<Agency>;
  /** Regions directly inside this one, ordered by code. */
  children: Array<Region>;
  /** Kemendagri code, e.g. "12.71" (Kota Medan); nests by prefix. */
  code: Scalars['String']['output'];
  /** Employees working in this region: in a unit located there, or, without a unit, in an agency of the region. */
  employees: EmployeeConnection;
  /** Local kind: PROVINSI, KABUPATEN, KOTA, KECAMATAN, DESA or KELURAHAN. */
  kind: Scalars['String']['output'];
  /** Tier in the hierarchy. */
  level: RegionLevel;
  /** Official name, e.g. "Kota Medan". */
  name: Scalars['String']['output'];
  /** The offering catalogue open to ASN of this region in a year. */
  offerings: Array<CourseOffering>;
  /** The enclosing region; null for a province. */
  parent: Maybe<Region>;
  /** Code of the enclosing region; null for a province. */
  parentCode: Maybe<Scalars['String']['output']>;
  /** Service units located in this region or any region inside it. */
  serviceUnits: Array<ServiceUnit>;
};


/** An administrative region with its official Kemendagri code. */
export type RegionEmployeesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EmployeeFilter>;
  first?: Scalars['Int']['input'];
};


/** An administrative region with its official Kemendagri code. */
export type RegionOfferingsArgs = {
  year: Scalars['Int']['input'];
};

/** Tier of the Kemendagri administrative hierarchy. */
export type RegionLevel =
  /** Kecamatan or distrik (e.g. 93.01.11). */
  | 'DISTRICT'
  /** Provinsi (2-digit code, e.g. 12). */
  | 'PROVINCE'
  /** Kabupaten or kota (e.g. 12.71). */
  | 'REGENCY'
  /** Desa, kelurahan or kampung (e.g. 93.01.11.2009). */
  | 'VILLAGE';

/** A public-service unit (unit layanan): school, Puskesmas, Dukcapil office, kecamatan office. */
export type ServiceUnit = {
  __typename?: 'ServiceUnit';
  /** The agency running the unit. */
  agency: Agency;
  /** Id of the agency the unit belongs to. */
  agencyId: Scalars['Int']['output'];
  /** Staff currently placed in the unit. */
  employees: EmployeeConnection;
  /** Service unit id. */
  id: Scalars['Int']['output'];
  /** The IKM survey of a year; null when none was held. */
  ikm: Maybe<IkmSurvey>;
  /** All IKM surveys of the unit, oldest first. */
  ikmSurveys: Array<IkmSurvey>;
  /** Kind of unit, e.g. SCHOOL, PUSKESMAS, DUKCAPIL_OFFICE, DISTRICT_OFFICE. */
  kind: Scalars['String']['output'];
  /** Name, e.g. "Puskesmas Kurik". */
  name: Scalars['String']['output'];
  /** People the unit serves: the population behind its IKM survey sample. */
  populationServed: Scalars['Int']['output'];
  /** The district or village where the unit serves. */
  region: Region;
  /** Code of the district or village where the unit serves. */
  regionCode: Scalars['String']['output'];
};


/** A public-service unit (unit layanan): school, Puskesmas, Dukcapil office, kecamatan office. */
export type ServiceUnitEmployeesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EmployeeFilter>;
  first?: Scalars['Int']['input'];
};


/** A public-service unit (unit layanan): school, Puskesmas, Dukcapil office, kecamatan office. */
export type ServiceUnitIkmArgs = {
  year: Scalars['Int']['input'];
};

/** The annual SKP appraisal of one employee. */
export type SkpAppraisal = {
  __typename?: 'SkpAppraisal';
  /** Rating of hasil kerja (work results). */
  hasilKerja: SkpRating;
  /** Rating of perilaku kerja (work behaviour). */
  perilakuKerja: SkpRating;
  /** The predicate the matrix gives for the two ratings. */
  predicate: SkpPredicate;
  /** The predicate as written in Indonesian, e.g. "Sangat Baik". */
  predicateLabel: Scalars['String']['output'];
  /** Service unit the employee worked in that year. */
  unitId: Maybe<Scalars['Int']['output']>;
  /** Year appraised. */
  year: Scalars['Int']['output'];
};

/** Annual SKP predicate from the matrix of hasil kerja x perilaku kerja (PermenPANRB 6/2022). */
export type SkpPredicate =
  | 'BAIK'
  | 'BUTUH_PERBAIKAN'
  | 'KURANG'
  | 'SANGAT_BAIK'
  | 'SANGAT_KURANG';

/** A rating against expectation: di atas (above), sesuai (meets), di bawah (below) ekspektasi. */
export type SkpRating =
  | 'DI_ATAS'
  | 'DI_BAWAH'
  | 'SESUAI';

/** A partner university that co-designs curricula with the region (seed 002). */
export type University = {
  __typename?: 'University';
  /** Courses this university provides. */
  courses: Array<Course>;
  /** University id. */
  id: Scalars['Int']['output'];
  /** Name, e.g. "Universitas Sumatera Utara". */
  name: Scalars['String']['output'];
  /** Region of the main campus. */
  region: Region;
  /** Kemendagri code of the region of its main campus. */
  regionCode: Scalars['String']['output'];
  /** Short name, e.g. "USU". */
  shortName: Scalars['String']['output'];
};

/** Area of government an agency (perangkat daerah) works in. */
export type AgencyKind =
  /** Badan Kepegawaian dan Pengembangan SDM: runs ASN development and training. */
  | 'BKPSDM'
  /** Dinas Kependudukan dan Pencatatan Sipil (Dukcapil). */
  | 'CIVIL_REGISTRY'
  /** Sekretariat daerah and kecamatan offices. */
  | 'DISTRICT_ADMINISTRATION'
  /** Dinas Pendidikan. */
  | 'EDUCATION'
  /** Dinas Kesehatan. */
  | 'HEALTH'
  /** Dinas Pekerjaan Umum dan Penataan Ruang. */
  | 'PUBLIC_WORKS';

/** Kind of civil servant (UU 20/2023). */
export type AsnType =
  /** Pegawai Negeri Sipil: permanent civil servant with an 18-digit NIP. */
  | 'PNS'
  /** Pegawai Pemerintah dengan Perjanjian Kerja: contract civil servant with an NI PPPK. */
  | 'PPPK';

/** Competency kinds of PermenPANRB 38/2017. */
export type CompetencyKind =
  | 'MANAJERIAL'
  | 'SOSIAL_KULTURAL'
  | 'TEKNIS';

/** Narrows an employee list; all given conditions must hold. */
export type EmployeeFilter = {
  /** Only PNS or only PPPK. */
  asnType?: AsnType | null | undefined;
  /** Only managerial or only non-managerial positions. */
  positionKind?: PositionKind | null | undefined;
  /** Only this position level. */
  positionLevel?: PositionLevel | null | undefined;
  /** Only this current rank, e.g. "III/a". */
  rankCode?: string | null | undefined;
};

/** Whether the participant finished the course. */
export type EnrolmentStatus =
  | 'COMPLETED'
  | 'DROPPED'
  | 'ENROLLED';

/** Gender as recorded in the NIP (digit 15: 1 male, 2 female). */
export type Gender =
  | 'F'
  | 'M';

/** IKM grade: A Sangat Baik (>= 88.31), B Baik (>= 76.61), C Kurang Baik (>= 65.00), D Tidak Baik. */
export type IkmGrade =
  | 'A'
  | 'B'
  | 'C'
  | 'D';

/** Classroom (klasikal) or not (nonklasikal), PerLAN 10/2018. */
export type LearningMode =
  | 'KLASIKAL'
  | 'NONKLASIKAL';

/** Lifecycle of a course offering. */
export type OfferingStatus =
  | 'CANCELLED'
  | 'HELD'
  | 'OPEN'
  | 'PLANNED';

/** Managerial or non-managerial position (UU 20/2023). */
export type PositionKind =
  | 'MANAJERIAL'
  | 'NONMANAJERIAL';

/** Position level: JPT utama/madya/pratama, administrator and pengawas are managerial; fungsional and pelaksana are not. */
export type PositionLevel =
  | 'ADMINISTRATOR'
  | 'FUNGSIONAL'
  | 'JPT_MADYA'
  | 'JPT_PRATAMA'
  | 'JPT_UTAMA'
  | 'PELAKSANA'
  | 'PENGAWAS';

/** Tier of the Kemendagri administrative hierarchy. */
export type RegionLevel =
  /** Kecamatan or distrik (e.g. 93.01.11). */
  | 'DISTRICT'
  /** Provinsi (2-digit code, e.g. 12). */
  | 'PROVINCE'
  /** Kabupaten or kota (e.g. 12.71). */
  | 'REGENCY'
  /** Desa, kelurahan or kampung (e.g. 93.01.11.2009). */
  | 'VILLAGE';

/** Annual SKP predicate from the matrix of hasil kerja x perilaku kerja (PermenPANRB 6/2022). */
export type SkpPredicate =
  | 'BAIK'
  | 'BUTUH_PERBAIKAN'
  | 'KURANG'
  | 'SANGAT_BAIK'
  | 'SANGAT_KURANG';

/** A rating against expectation: di atas (above), sesuai (meets), di bawah (below) ekspektasi. */
export type SkpRating =
  | 'DI_ATAS'
  | 'DI_BAWAH'
  | 'SESUAI';

export type EmployeeByNipQueryVariables = Exact<{
  nip: string;
}>;


export type EmployeeByNipQuery = { employeeByNip: { id: number, nip: string | null, asnType: AsnType, fullName: string, birthDate: string, gender: Gender, appointedOn: string, positionTitle: string, positionKind: PositionKind, rank: { code: string, title: string | null }, rankHistory: Array<{ rankCode: string, tmt: string }>, positionHistory: Array<{ title: string, positionLevel: PositionLevel, tmt: string }>, mentors: Array<{ startedOn: string, mentor: { id: number, fullName: string, positionLevel: PositionLevel } }>, mentees: Array<{ mentee: { id: number } }>, enrolments: Array<{ year: number, jpEarned: number, status: EnrolmentStatus, offering: { course: { title: string, jp: number } } }>, skpHistory: Array<{ year: number, hasilKerja: SkpRating, perilakuKerja: SkpRating, predicate: SkpPredicate }> } | null };

export type EmployeePageQueryVariables = Exact<{
  agencyId: number;
  first: number;
  after?: string | null | undefined;
  filter?: EmployeeFilter | null | undefined;
}>;


export type EmployeePageQuery = { employees: { totalCount: number, pageInfo: { endCursor: string | null, hasNextPage: boolean }, nodes: Array<{ id: number, asnType: AsnType, positionKind: PositionKind, rank: { code: string } }> } };

export type CatalogueQueryVariables = Exact<{
  regionCode: string;
  year: number;
}>;


export type CatalogueQuery = { offeringCatalogue: Array<{ id: number, regionCode: string, status: OfferingStatus, participantCount: number, jpDelivered: number, cost: { planned: string, realised: string, perParticipant: string | null, perJp: string | null } | null, course: { title: string, jp: number, mode: LearningMode, provider: { name: string } | null, modules: Array<{ seq: number, title: string, jp: number }>, learningOutcomes: Array<{ statement: string, targetLevel: number, competency: { name: string, kind: CompetencyKind } }> } }> };

export type BudgetOfAgencyQueryVariables = Exact<{
  agencyId: number;
  year: number;
}>;


export type BudgetOfAgencyQuery = { budgetLines: Array<{ subActivityCode: string, ceiling: string, realised: string, unspent: string }> };

export type RegionStaffQueryVariables = Exact<{
  regionCode: string;
  year: number;
  first: number;
}>;


export type RegionStaffQuery = { employees: { totalCount: number, nodes: Array<{ id: number, unit: { id: number, name: string, ikm: { score: number, grade: IkmGrade } | null } | null, agency: { id: number, trainingBudgetSummary: { realised: string } }, jp: { jp: number, reachedMinimum: boolean }, skp: { predicate: SkpPredicate } | null }> } };

export type RegionTreeQueryVariables = Exact<{
  code: string;
}>;


export type RegionTreeQuery = { region: { code: string, name: string, level: RegionLevel, kind: string, parent: { code: string, name: string, level: RegionLevel } | null, children: Array<{ code: string, name: string, level: RegionLevel, kind: string }> } | null };

export type RegenciesOfQueryVariables = Exact<{
  province: string;
}>;


export type RegenciesOfQuery = { regions: Array<{ code: string, name: string, kind: string }> };

export type RegionUnitsQueryVariables = Exact<{
  code: string;
}>;


export type RegionUnitsQuery = { region: { agencies: Array<{ id: number, name: string, kind: AgencyKind, regionCode: string }>, serviceUnits: Array<{ id: number, name: string, kind: string, regionCode: string }> } | null };

export type UnitOverviewQueryVariables = Exact<{
  unitId: number;
  year: number;
  first: number;
}>;


export type UnitOverviewQuery = { serviceUnit: { id: number, name: string, region: { code: string, name: string, parent: { code: string, name: string } | null }, ikm: { score: number, grade: IkmGrade, performance: string, respondents: number, minimumRespondents: number, underSampled: boolean } | null, agency: { id: number, name: string, trainingBudgetSummary: { ceiling: string, realised: string, realisationRate: number | null } }, employees: { totalCount: number, nodes: Array<{ id: number, nip: string | null, fullName: string, rank: { code: string, title: string | null }, jp: { jp: number, minimumJp: number, reachedMinimum: boolean }, skp: { predicate: SkpPredicate } | null }> } } | null };


export const EmployeeByNipDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EmployeeByNip"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"nip"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"employeeByNip"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"nip"},"value":{"kind":"Variable","name":{"kind":"Name","value":"nip"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nip"}},{"kind":"Field","name":{"kind":"Name","value":"asnType"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"appointedOn"}},{"kind":"Field","name":{"kind":"Name","value":"rank"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"positionTitle"}},{"kind":"Field","name":{"kind":"Name","value":"positionKind"}},{"kind":"Field","name":{"kind":"Name","value":"rankHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rankCode"}},{"kind":"Field","name":{"kind":"Name","value":"tmt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"positionHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"positionLevel"}},{"kind":"Field","name":{"kind":"Name","value":"tmt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mentors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mentor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"positionLevel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"startedOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mentees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mentee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"enrolments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"jpEarned"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"offering"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"course"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"jp"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"skpHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"hasilKerja"}},{"kind":"Field","name":{"kind":"Name","value":"perilakuKerja"}},{"kind":"Field","name":{"kind":"Name","value":"predicate"}}]}}]}}]}}]} as unknown as DocumentNode<EmployeeByNipQuery, EmployeeByNipQueryVariables>;
export const EmployeePageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EmployeePage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agencyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EmployeeFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"employees"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"agencyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agencyId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"asnType"}},{"kind":"Field","name":{"kind":"Name","value":"rank"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"positionKind"}}]}}]}}]}}]} as unknown as DocumentNode<EmployeePageQuery, EmployeePageQueryVariables>;
export const CatalogueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Catalogue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offeringCatalogue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"participantCount"}},{"kind":"Field","name":{"kind":"Name","value":"jpDelivered"}},{"kind":"Field","name":{"kind":"Name","value":"cost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planned"}},{"kind":"Field","name":{"kind":"Name","value":"realised"}},{"kind":"Field","name":{"kind":"Name","value":"perParticipant"}},{"kind":"Field","name":{"kind":"Name","value":"perJp"}}]}},{"kind":"Field","name":{"kind":"Name","value":"course"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"jp"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"modules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"jp"}}]}},{"kind":"Field","name":{"kind":"Name","value":"learningOutcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statement"}},{"kind":"Field","name":{"kind":"Name","value":"targetLevel"}},{"kind":"Field","name":{"kind":"Name","value":"competency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CatalogueQuery, CatalogueQueryVariables>;
export const BudgetOfAgencyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BudgetOfAgency"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agencyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"budgetLines"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"agencyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agencyId"}}},{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subActivityCode"}},{"kind":"Field","name":{"kind":"Name","value":"ceiling"}},{"kind":"Field","name":{"kind":"Name","value":"realised"}},{"kind":"Field","name":{"kind":"Name","value":"unspent"}}]}}]}}]} as unknown as DocumentNode<BudgetOfAgencyQuery, BudgetOfAgencyQueryVariables>;
export const RegionStaffDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegionStaff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"employees"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"ikm"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"trainingBudgetSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"realised"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"jp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jp"}},{"kind":"Field","name":{"kind":"Name","value":"reachedMinimum"}}]}},{"kind":"Field","name":{"kind":"Name","value":"skp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"predicate"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RegionStaffQuery, RegionStaffQueryVariables>;
export const RegionTreeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegionTree"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]} as unknown as DocumentNode<RegionTreeQuery, RegionTreeQueryVariables>;
export const RegenciesOfDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegenciesOf"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"province"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"parentCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"province"}}},{"kind":"Argument","name":{"kind":"Name","value":"level"},"value":{"kind":"EnumValue","value":"REGENCY"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]} as unknown as DocumentNode<RegenciesOfQuery, RegenciesOfQueryVariables>;
export const RegionUnitsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegionUnits"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agencies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"serviceUnits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}}]}}]}}]}}]} as unknown as DocumentNode<RegionUnitsQuery, RegionUnitsQueryVariables>;
export const UnitOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnitOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceUnit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"ikm"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"performance"}},{"kind":"Field","name":{"kind":"Name","value":"respondents"}},{"kind":"Field","name":{"kind":"Name","value":"minimumRespondents"}},{"kind":"Field","name":{"kind":"Name","value":"underSampled"}}]}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"trainingBudgetSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ceiling"}},{"kind":"Field","name":{"kind":"Name","value":"realised"}},{"kind":"Field","name":{"kind":"Name","value":"realisationRate"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"employees"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nip"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"rank"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"jp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jp"}},{"kind":"Field","name":{"kind":"Name","value":"minimumJp"}},{"kind":"Field","name":{"kind":"Name","value":"reachedMinimum"}}]}},{"kind":"Field","name":{"kind":"Name","value":"skp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"predicate"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<UnitOverviewQuery, UnitOverviewQueryVariables>;