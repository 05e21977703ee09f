/**
 * Every request the dashboard makes, as GraphQL text (no DOM here: the browser tests send the same
 * documents to the API and compare what the pages show with the answers).
 */
import { type AnalyticsResult, RESULT_FIELDS } from './analytics.js';

/** The README's first trainingImpact query, narrowed to what this page draws. */
export const TRAINING_IMPACT = /* GraphQL */ `
  query DashboardTrainingImpact($regionCodes: [String!]!, $year: Int!) {
    trainingImpact(regionCodes: $regionCodes, year: $year) {
      regions {
        regionCode
        region { name }
        verdict
        verdictReason
        rank
        rankInterval { lower upper probabilityFirst }
        effect { perTenJp { estimate lower upper } units clusters inference }
      }
      ranking { regionCode region { name } rank rankInterval { lower upper probabilityFirst } }
    }
  }
`;

/** One request per chart: a measure per region (one level below the chosen region) and year. */
export const TREND = /* GraphQL */ `
  query DashboardTrend($measure: AnalyticsMeasure!, $regionCode: String!, $from: String!, $to: String!) {
    analytics(
      query: {
        measures: [$measure]
        dimensions: [REGION, YEAR]
        regionCode: $regionCode
        filters: [{ dimension: YEAR, from: $from, to: $to }]
        sort: [{ dimension: REGION, direction: ASC }, { dimension: YEAR, direction: ASC }]
        first: 500
      }
    ) { ${RESULT_FIELDS} }
  }
`;

/** Units per page of the compliance page. */
export const PAGE_SIZE = 20;

/**
 * The compliance page's query: compliance and headcount by unit in a year, in the user's sort order. `page`
 * adds the variables, arguments and selection of one form: a page of units, or the whole result as CSV.
 */
function complianceQuery(name: string, page: { variables: string; arguments: string; selection: string }): string {
  return /* GraphQL */ `
  query ${name}($regionCode: String!, $year: String!, $sort: [AnalyticsSortInput!]${page.variables}) {
    analytics(
      query: {
        measures: [JP20_COMPLIANCE_SHARE, HEADCOUNT]
        dimensions: [UNIT]
        regionCode: $regionCode
        filters: [{ dimension: YEAR, equals: $year }]
        sort: $sort
        ${page.arguments}
      }
    ) { ${page.selection} }
  }
`;
}

/** One request per page of units: compliance and headcount by unit, sorted, paged, with totals. */
export const COMPLIANCE = complianceQuery('DashboardCompliance', {
  variables: ', $first: Int!, $after: String',
  arguments: 'first: $first, after: $after',
  selection: RESULT_FIELDS,
});

/** The same query's whole result as CSV (all pages), fetched only when the user asks for the file. */
export const COMPLIANCE_CSV = complianceQuery('DashboardComplianceCsv', {
  variables: '',
  arguments: 'first: 1',
  selection: 'csv',
});

export const UNIVERSITIES = /* GraphQL */ `
  query DashboardUniversities {
    universities(first: 100) { nodes { id code name shortName } }
  }
`;

/** A university's courses (public data: no token needed). */
export const COURSES = /* GraphQL */ `
  query DashboardCourses($universityId: Int!) {
    courses(universityId: $universityId, first: 100) {
      totalCount
      nodes { id code title jp programme mode delivery }
    }
  }
`;

/** One course's curriculum versions, each with its modules and outcomes mapped to competencies. */
export const CURRICULUM = /* GraphQL */ `
  query DashboardCurriculum($courseId: Int!) {
    course(id: $courseId) {
      id code title jp
      curriculumVersions(first: 50) {
        nodes {
          id version publishedAt note jp current
          modules { id seq title jp }
          learningOutcomes { id statement targetLevel moduleId competency { code name kind } }
        }
      }
    }
  }
`;

export interface Interval {
  estimate: number;
  lower: number;
  upper: number;
}
export interface RankInterval {
  lower: number;
  upper: number;
  probabilityFirst: number;
}
export interface RegionImpact {
  regionCode: string;
  region: { name: string } | null;
  verdict: string;
  verdictReason: string;
  rank: number | null;
  rankInterval: RankInterval | null;
  effect: { perTenJp: Interval | null; units: number; clusters: number; inference: string | null };
}
export interface TrainingImpactData {
  trainingImpact: {
    regions: RegionImpact[];
    ranking: {
      regionCode: string;
      region: { name: string } | null;
      rank: number | null;
      rankInterval: RankInterval | null;
    }[];
  };
}
export interface University {
  id: number;
  code: string;
  name: string;
  shortName: string;
}
export interface UniversitiesData {
  universities: { nodes: University[] };
}
export interface Outcome {
  id: number;
  statement: string;
  targetLevel: number;
  moduleId: number | null;
  competency: { code: string; name: string; kind: string };
}
export interface Version {
  id: number;
  version: number;
  publishedAt: string;
  note: string;
  jp: number;
  current: boolean;
  modules: { id: number; seq: number; title: string; jp: number }[];
  learningOutcomes: Outcome[];
}
export interface Course {
  id: number;
  code: string;
  title: string;
  jp: number;
  programme: string;
  mode: string;
  delivery: string;
}
export interface CoursesData {
  courses: { totalCount: number; nodes: Course[] };
}
export interface CurriculumData {
  course: { id: number; code: string; curriculumVersions: { nodes: Version[] } } | null;
}
export interface ComplianceData {
  analytics: AnalyticsResult;
}
export interface ComplianceCsvData {
  analytics: { csv: string };
}
export interface TrendData {
  analytics: AnalyticsResult;
}
