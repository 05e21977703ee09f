/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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
  /** Managerial competency (Integritas, Kerja Sama, Komunikasi, ...). */
  | 'MANAJERIAL'
  /** Socio-cultural competency (Perekat Bangsa). */
  | 'SOSIAL_KULTURAL'
  /** Technical competency of a position. */
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
  /** Finished: the course JP are earned. */
  | 'COMPLETED'
  /** Left before the end: no JP earned. */
  | 'DROPPED'
  /** Signed up, not finished (yet). */
  | 'ENROLLED';

/** Gender as recorded in the NIP (digit 15: 1 male, 2 female). */
export type Gender =
  /** Female (NIP digit 15 is 2). */
  | 'F'
  /** Male (NIP digit 15 is 1). */
  | 'M';

/** IKM grade: A Sangat Baik (>= 88.31), B Baik (>= 76.61), C Kurang Baik (>= 65.00), D Tidak Baik. */
export type IkmGrade =
  /** Sangat Baik (88.31-100). */
  | 'A'
  /** Baik (76.61-88.30). */
  | 'B'
  /** Kurang Baik (65.00-76.60). */
  | 'C'
  /** Tidak Baik (25.00-64.99). */
  | 'D';

/** Classroom (klasikal) or not (nonklasikal), PerLAN 10/2018. */
export type LearningMode =
  /** Classroom training. */
  | 'KLASIKAL'
  /** E-learning, coaching, mentoring, internship and other forms. */
  | 'NONKLASIKAL';

/** Lifecycle of a course offering. */
export type OfferingStatus =
  /** Did not take place; its budget stays unspent. */
  | 'CANCELLED'
  /** Took place. */
  | 'HELD'
  /** Open for enrolment. */
  | 'OPEN'
  /** Scheduled, not yet open for enrolment. */
  | 'PLANNED';

/** Managerial or non-managerial position (UU 20/2023). */
export type PositionKind =
  /** Manajerial: JPT, administrator and pengawas positions. */
  | 'MANAJERIAL'
  /** Nonmanajerial: fungsional and pelaksana positions. */
  | 'NONMANAJERIAL';

/** Position level: JPT utama/madya/pratama, administrator and pengawas are managerial; fungsional and pelaksana are not. */
export type PositionLevel =
  /** Administrator, e.g. a division head. */
  | 'ADMINISTRATOR'
  /** A functional position (teacher, nurse, analyst...). */
  | 'FUNGSIONAL'
  /** Jabatan pimpinan tinggi madya. */
  | 'JPT_MADYA'
  /** Jabatan pimpinan tinggi pratama, e.g. the head of a regional agency. */
  | 'JPT_PRATAMA'
  /** Jabatan pimpinan tinggi utama. */
  | 'JPT_UTAMA'
  /** A staff (pelaksana) position. */
  | 'PELAKSANA'
  /** Pengawas, e.g. a section head. */
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

/** Kind of public-service unit. */
export type ServiceUnitKind =
  /** Training and assessment unit of the BKPSDM. */
  | 'BKPSDM_UPT'
  /** Kantor camat: the kecamatan office. */
  | 'DISTRICT_OFFICE'
  /** Civil-registry service office (Dukcapil). */
  | 'DUKCAPIL_OFFICE'
  /** A province's technical health unit (UPT, e.g. a laboratory or hospital unit). */
  | 'HEALTH_UPT'
  /** Technical unit of public works (UPT PUPR). */
  | 'PUBLIC_WORKS_UPT'
  /** Community health centre (or its Puskesmas Pembantu). */
  | 'PUSKESMAS'
  /** A province's regional service office. */
  | 'REGIONAL_OFFICE'
  /** A state school (SD, SMP, SMA/SMK Negeri). */
  | 'SCHOOL';

/** Annual SKP predicate from the matrix of hasil kerja x perilaku kerja (PermenPANRB 6/2022). */
export type SkpPredicate =
  /** Baik. */
  | 'BAIK'
  /** Butuh Perbaikan: work results below expectation, behaviour not. */
  | 'BUTUH_PERBAIKAN'
  /** Kurang: behaviour below expectation, work results not. */
  | 'KURANG'
  /** Sangat Baik: both ratings above expectation. */
  | 'SANGAT_BAIK'
  /** Sangat Kurang: both ratings below expectation. */
  | 'SANGAT_KURANG';

/** A rating against expectation: di atas (above), sesuai (meets), di bawah (below) ekspektasi. */
export type SkpRating =
  /** Di atas ekspektasi: above expectation. */
  | 'DI_ATAS'
  /** Di bawah ekspektasi: below expectation. */
  | 'DI_BAWAH'
  /** Sesuai ekspektasi: meets expectation. */
  | 'SESUAI';

/** The rule of the Kota Binjai ASN development plan: expand a programme after which service quality improved, review the method of one after which it did not. */
export type Verdict =
  /** The 95% interval of the effect lies above zero: training went with better service. */
  | 'EXPAND'
  /** Too few units with two adequately sampled surveys to judge. */
  | 'INSUFFICIENT_DATA'
  /** The interval includes zero or lies below it: no improvement shown. */
  | 'REVIEW_METHOD';

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

export type TrainingImpactQueryVariables = Exact<{
  regionCodes: Array<string> | string;
  year: number;
}>;


export type TrainingImpactQuery = { trainingImpact: { id: string, year: number, regionCodes: Array<string>, regions: Array<{ regionCode: string, rank: number | null, verdict: Verdict, verdictReason: string, region: { name: string, level: RegionLevel }, exposure: { units: number, staff: number, participants: number, jp: number, jpPerStaff: number | null, reachedMinimumShare: number | null }, serviceQuality: { unitsSurveyed: number, meanIkm: number | null, meanIkmPrevious: number | null, meanChange: number | null, unitsWithBothYears: number, underSampledUnits: number }, cost: { realisedSpending: string, ceiling: string, costPerJp: string | null, costPerParticipant: string | null, note: string | null }, effect: { trend: number | null, units: number, unitsAtOrAbove20Jp: number, unitsBelow20Jp: number, perTenJp: { estimate: number, standardError: number, degreesOfFreedom: number, lower: number, upper: number, confidence: number } | null, contrast: { estimate: number, standardError: number, degreesOfFreedom: number, lower: number, upper: number, confidence: number } | null }, costPerIkmPoint: { estimate: string | null, lower: string | null, upper: string | null, reason: string | null }, kirkpatrick: { l3TrainedStaff: number, l3UntrainedStaff: number, l1Satisfaction: { value: number | null, count: number | null, suppressedReason: string | null }, l2TestGain: { value: number | null, count: number | null, suppressedReason: string | null }, l3SkpChange: { estimate: number, standardError: number, degreesOfFreedom: number, lower: number, upper: number, confidence: number } | null, l4IkmEffect: { estimate: number, lower: number, upper: number } | null }, units: Array<{ unitId: number, staff: number, jp: number, ikm: number | null, ikmPrevious: number | null, ikmChange: number | null, underSampled: boolean, inEstimate: boolean, jpPerStaff: { value: number | null, count: number | null }, reachedMinimumShare: { value: number | null } }> }>, ranking: Array<{ regionCode: string, rank: number | null }>, differences: Array<{ regionCode: string, otherRegionCode: string, distinguishable: boolean, difference: { estimate: number, standardError: number, degreesOfFreedom: number, lower: number, upper: number, confidence: number } }> } };

export type ImpactVerdictsQueryVariables = Exact<{
  regionCodes: Array<string> | string;
  year: number;
}>;


export type ImpactVerdictsQuery = { trainingImpact: { regions: Array<{ regionCode: string, verdict: Verdict, region: { name: string }, effect: { perTenJp: { estimate: number } | null }, cost: { realisedSpending: string } }>, differences: Array<{ regionCode: string, otherRegionCode: string, distinguishable: boolean }> } };

export type EstimateFieldsFragment = { estimate: number, standardError: number, degreesOfFreedom: number, lower: number, upper: number, confidence: number };

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


export type RegionUnitsQuery = { region: { agencies: Array<{ id: number, name: string, kind: AgencyKind, regionCode: string }>, serviceUnits: Array<{ id: number, name: string, kind: ServiceUnitKind, regionCode: string }> } | null };

export type UnitOverviewQueryVariables = Exact<{
  unitId: number;
  year: number;
  first: number;
}>;


export type UnitOverviewQuery = { serviceUnit: { id: number, name: string, region: { code: string, name: string, parent: { code: string, name: string } | null }, ikm: { score: number, grade: IkmGrade, performance: string, respondents: number, minimumRespondents: number, underSampled: boolean } | null, agency: { id: number, name: string, trainingBudgetSummary: { ceiling: string, realised: string, realisationRate: number | null } }, employees: { totalCount: number, nodes: Array<{ id: number, nip: string | null, fullName: string, rank: { code: string, title: string | null }, jp: { jp: number, minimumJp: number, reachedMinimum: boolean }, skp: { predicate: SkpPredicate } | null }> } } | null };

export const EstimateFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EstimateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Estimate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"estimate"}},{"kind":"Field","name":{"kind":"Name","value":"standardError"}},{"kind":"Field","name":{"kind":"Name","value":"degreesOfFreedom"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}}]}}]} as unknown as DocumentNode<EstimateFieldsFragment, unknown>;
export const EmployeeByNipDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EmployeeByNip"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"nip"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"employeeByNip"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"nip"},"value":{"kind":"Variable","name":{"kind":"Name","value":"nip"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nip"}},{"kind":"Field","name":{"kind":"Name","value":"asnType"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"appointedOn"}},{"kind":"Field","name":{"kind":"Name","value":"rank"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"positionTitle"}},{"kind":"Field","name":{"kind":"Name","value":"positionKind"}},{"kind":"Field","name":{"kind":"Name","value":"rankHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rankCode"}},{"kind":"Field","name":{"kind":"Name","value":"tmt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"positionHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"positionLevel"}},{"kind":"Field","name":{"kind":"Name","value":"tmt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mentors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mentor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"positionLevel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"startedOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mentees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mentee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"enrolments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"jpEarned"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"offering"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"course"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"jp"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"skpHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"hasilKerja"}},{"kind":"Field","name":{"kind":"Name","value":"perilakuKerja"}},{"kind":"Field","name":{"kind":"Name","value":"predicate"}}]}}]}}]}}]} as unknown as DocumentNode<EmployeeByNipQuery, EmployeeByNipQueryVariables>;
export const EmployeePageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EmployeePage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agencyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EmployeeFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"employees"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"agencyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agencyId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"asnType"}},{"kind":"Field","name":{"kind":"Name","value":"rank"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"positionKind"}}]}}]}}]}}]} as unknown as DocumentNode<EmployeePageQuery, EmployeePageQueryVariables>;
export const TrainingImpactDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TrainingImpact"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCodes"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trainingImpact"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCodes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCodes"}}},{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"regionCodes"}},{"kind":"Field","name":{"kind":"Name","value":"regions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"verdictReason"}},{"kind":"Field","name":{"kind":"Name","value":"exposure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"units"}},{"kind":"Field","name":{"kind":"Name","value":"staff"}},{"kind":"Field","name":{"kind":"Name","value":"participants"}},{"kind":"Field","name":{"kind":"Name","value":"jp"}},{"kind":"Field","name":{"kind":"Name","value":"jpPerStaff"}},{"kind":"Field","name":{"kind":"Name","value":"reachedMinimumShare"}}]}},{"kind":"Field","name":{"kind":"Name","value":"serviceQuality"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unitsSurveyed"}},{"kind":"Field","name":{"kind":"Name","value":"meanIkm"}},{"kind":"Field","name":{"kind":"Name","value":"meanIkmPrevious"}},{"kind":"Field","name":{"kind":"Name","value":"meanChange"}},{"kind":"Field","name":{"kind":"Name","value":"unitsWithBothYears"}},{"kind":"Field","name":{"kind":"Name","value":"underSampledUnits"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"realisedSpending"}},{"kind":"Field","name":{"kind":"Name","value":"ceiling"}},{"kind":"Field","name":{"kind":"Name","value":"costPerJp"}},{"kind":"Field","name":{"kind":"Name","value":"costPerParticipant"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}},{"kind":"Field","name":{"kind":"Name","value":"effect"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"perTenJp"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EstimateFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"trend"}},{"kind":"Field","name":{"kind":"Name","value":"units"}},{"kind":"Field","name":{"kind":"Name","value":"contrast"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EstimateFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unitsAtOrAbove20Jp"}},{"kind":"Field","name":{"kind":"Name","value":"unitsBelow20Jp"}}]}},{"kind":"Field","name":{"kind":"Name","value":"costPerIkmPoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"estimate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"kirkpatrick"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"l1Satisfaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"l2TestGain"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"l3SkpChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EstimateFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"l3TrainedStaff"}},{"kind":"Field","name":{"kind":"Name","value":"l3UntrainedStaff"}},{"kind":"Field","name":{"kind":"Name","value":"l4IkmEffect"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"estimate"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"units"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"staff"}},{"kind":"Field","name":{"kind":"Name","value":"jp"}},{"kind":"Field","name":{"kind":"Name","value":"jpPerStaff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reachedMinimumShare"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ikm"}},{"kind":"Field","name":{"kind":"Name","value":"ikmPrevious"}},{"kind":"Field","name":{"kind":"Name","value":"ikmChange"}},{"kind":"Field","name":{"kind":"Name","value":"underSampled"}},{"kind":"Field","name":{"kind":"Name","value":"inEstimate"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"ranking"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}}]}},{"kind":"Field","name":{"kind":"Name","value":"differences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"otherRegionCode"}},{"kind":"Field","name":{"kind":"Name","value":"difference"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EstimateFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"distinguishable"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EstimateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Estimate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"estimate"}},{"kind":"Field","name":{"kind":"Name","value":"standardError"}},{"kind":"Field","name":{"kind":"Name","value":"degreesOfFreedom"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}}]}}]} as unknown as DocumentNode<TrainingImpactQuery, TrainingImpactQueryVariables>;
export const ImpactVerdictsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImpactVerdicts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCodes"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trainingImpact"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCodes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCodes"}}},{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"effect"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"perTenJp"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"estimate"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"cost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"realisedSpending"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"differences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"otherRegionCode"}},{"kind":"Field","name":{"kind":"Name","value":"distinguishable"}}]}}]}}]}}]} as unknown as DocumentNode<ImpactVerdictsQuery, ImpactVerdictsQueryVariables>;
export const CatalogueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Catalogue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offeringCatalogue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"participantCount"}},{"kind":"Field","name":{"kind":"Name","value":"jpDelivered"}},{"kind":"Field","name":{"kind":"Name","value":"cost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planned"}},{"kind":"Field","name":{"kind":"Name","value":"realised"}},{"kind":"Field","name":{"kind":"Name","value":"perParticipant"}},{"kind":"Field","name":{"kind":"Name","value":"perJp"}}]}},{"kind":"Field","name":{"kind":"Name","value":"course"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"jp"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"modules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"jp"}}]}},{"kind":"Field","name":{"kind":"Name","value":"learningOutcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statement"}},{"kind":"Field","name":{"kind":"Name","value":"targetLevel"}},{"kind":"Field","name":{"kind":"Name","value":"competency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CatalogueQuery, CatalogueQueryVariables>;
export const BudgetOfAgencyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BudgetOfAgency"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agencyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"budgetLines"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"agencyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agencyId"}}},{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subActivityCode"}},{"kind":"Field","name":{"kind":"Name","value":"ceiling"}},{"kind":"Field","name":{"kind":"Name","value":"realised"}},{"kind":"Field","name":{"kind":"Name","value":"unspent"}}]}}]}}]} as unknown as DocumentNode<BudgetOfAgencyQuery, BudgetOfAgencyQueryVariables>;
export const RegionStaffDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegionStaff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"employees"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"ikm"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"trainingBudgetSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"realised"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"jp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jp"}},{"kind":"Field","name":{"kind":"Name","value":"reachedMinimum"}}]}},{"kind":"Field","name":{"kind":"Name","value":"skp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"predicate"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RegionStaffQuery, RegionStaffQueryVariables>;
export const RegionTreeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegionTree"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]} as unknown as DocumentNode<RegionTreeQuery, RegionTreeQueryVariables>;
export const RegenciesOfDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegenciesOf"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"province"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"parentCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"province"}}},{"kind":"Argument","name":{"kind":"Name","value":"level"},"value":{"kind":"EnumValue","value":"REGENCY"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]} as unknown as DocumentNode<RegenciesOfQuery, RegenciesOfQueryVariables>;
export const RegionUnitsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegionUnits"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agencies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"serviceUnits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}}]}}]}}]}}]} as unknown as DocumentNode<RegionUnitsQuery, RegionUnitsQueryVariables>;
export const UnitOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnitOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceUnit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"ikm"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"performance"}},{"kind":"Field","name":{"kind":"Name","value":"respondents"}},{"kind":"Field","name":{"kind":"Name","value":"minimumRespondents"}},{"kind":"Field","name":{"kind":"Name","value":"underSampled"}}]}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"trainingBudgetSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ceiling"}},{"kind":"Field","name":{"kind":"Name","value":"realised"}},{"kind":"Field","name":{"kind":"Name","value":"realisationRate"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"employees"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nip"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"rank"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"jp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jp"}},{"kind":"Field","name":{"kind":"Name","value":"minimumJp"}},{"kind":"Field","name":{"kind":"Name","value":"reachedMinimum"}}]}},{"kind":"Field","name":{"kind":"Name","value":"skp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"predicate"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<UnitOverviewQuery, UnitOverviewQueryVariables>;