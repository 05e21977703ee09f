import { SKP_PREDICATE_JOIN } from '../service.js';
import type { AnalyticsDimension } from './dimensions.js';

/**
 * # Fact sources of the analytics API
 *
 * A fact source is a relation of fact rows (alias `f`) with a region code and a year on every row: this
 * subgraph's own facts (IKM surveys, SKP appraisals) and the read model of the per-unit-year facts that
 * personnel, learning and budgeting publish (`evaluation.rm_*`, kept by their change feeds; this subgraph
 * never reads their schemas). Measures are aggregate SQL over one source; a dimension is an SQL expression
 * over the source's columns. Each source lists the dimensions it carries: a measure may be grouped or
 * filtered by exactly those (the catalogue says so, and the compiler refuses the others by name).
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
  /**
   * Facts published per region at every level (distinct people cannot be added up from the levels below):
   * only the rows of one level are read, the grouping level of REGION or the scope's own.
   */
  regionRollup?: boolean;
  /**
   * Facts published per value of one dimension where a fact may count under several values (an enrolment
   * under every competency its course targets, a person under every course they took): the rows are exact,
   * a sum over them is not, so the totals of a grouped query are not given (null) and the dimension may be
   * filtered to several values only when the query groups by it.
   */
  overlapping?: AnalyticsDimension;
}

/** The place of a service unit in the organisation, as personnel publishes it. */
const UNIT_DIMENSIONS = {
  UNIT: 'f.unit_id',
  UNIT_KIND: 'f.unit_kind',
  AGENCY: 'f.agency_id',
  AGENCY_KIND: 'f.agency_kind',
} as const;

/**
 * IKM surveys, one row a unit and year, dated by the day the survey was conducted: the score and sample check kept on write (ikm_survey_score, the
 * same expression as `ServiceUnit.ikm`), the grade from the reference bands, the unit's kind and agency
 * from the read model.
 */
export const IKM_SURVEYS: FactSource = {
  name: 'ikm',
  owner: 'evaluation',
  from: `(select sc.unit_id, sc.region_code, sc.year, sc.conducted_on, sc.respondents, sc.score, sc.under_sampled, band.grade,
                 u.unit_kind, u.agency_id, u.agency_kind
            from evaluation.ikm_survey_score sc
            cross join lateral (select b.grade from evaluation.ikm_band b
                                 where round(sc.score, 2) between b.lower_bound and b.upper_bound) band
            left join evaluation.rm_unit u on u.unit_id = sc.unit_id) f`,
  regionColumn: 'f.region_code',
  dimensions: {
    REGION: 'f.region_code',
    YEAR: 'f.year',
    MONTH: "to_char(f.conducted_on, 'YYYY-MM')",
    ...UNIT_DIMENSIONS,
  },
};

/**
 * SKP appraisals, one row an employee and year, with the predicate the matrix gives them, whether learning
 * lists the employee as trained that year, and whether personnel lists them as promoted that year.
 */
export const SKP_APPRAISALS: FactSource = {
  name: 'skp',
  owner: 'evaluation',
  from: `(select a.employee_id, a.year, a.unit_id, a.region_code, m.predicate, p.ordinal,
                 case when exists (select 1 from evaluation.rm_trained_employee t
                                    where t.employee_id = a.employee_id and t.year = a.year)
                      then 'TRAINED' else 'UNTRAINED' end as training_status,
                 -- One appraised staff member a row, promoted or not (personnel's promotions): PROMOTION_RATE's terms.
                 1 as staff,
                 (exists (select 1 from evaluation.rm_promotion pr
                           where pr.employee_id = a.employee_id and pr.year = a.year))::int as promoted
            from evaluation.skp_appraisal a ${SKP_PREDICATE_JOIN}) f`,
  regionColumn: 'f.region_code',
  dimensions: {
    REGION: 'f.region_code',
    YEAR: 'f.year',
    // An appraisal recorded without a unit (agency staff) groups under unit 0, "no service unit".
    UNIT: 'coalesce(f.unit_id, 0)',
    TRAINING_STATUS: 'f.training_status',
  },
};

/**
 * One row a service unit and year (personnel's staffing on 31 December beside learning's training of the
 * year in the unit), placed where the unit serves: staff, enrolments, completions, drop-outs, participants,
 * JP and staff reaching the annual minimum. Training of a unit without published staffing still counts.
 */
export const UNIT_YEAR: FactSource = {
  name: 'unit-year',
  owner: 'learning',
  // Driven by the units of the scope (the region index), then each unit's years by its keys: the cost
  // follows the units asked about, not the size of the read model.
  from: `(select k.year, u.unit_id, u.region_code, u.unit_kind, u.agency_id, u.agency_kind,
                 coalesce(s.staff, 0) as staff, coalesce(t.enrolments, 0) as enrolments,
                 coalesce(t.completions, 0) as completions, coalesce(t.drop_outs, 0) as drop_outs,
                 coalesce(t.participants, 0) as participants, coalesce(t.jp, 0) as jp,
                 coalesce(t.reached_minimum, 0) as reached_minimum
            from evaluation.rm_unit u
            cross join lateral (select ks.year from evaluation.rm_unit_staffing ks where ks.unit_id = u.unit_id
                                union select kt.year from evaluation.rm_unit_training kt where kt.unit_id = u.unit_id) k
            left join evaluation.rm_unit_staffing s on s.year = k.year and s.unit_id = u.unit_id
            left join lateral (select sum(x.enrolments) as enrolments, sum(x.completions) as completions,
                                      sum(x.drop_outs) as drop_outs, sum(x.participants) as participants,
                                      sum(x.jp) as jp, sum(x.reached_minimum) as reached_minimum
                                 from evaluation.rm_unit_training x
                                where x.year = k.year and x.unit_id = u.unit_id) t on true) f`,
  regionColumn: 'f.region_code',
  dimensions: { REGION: 'f.region_code', YEAR: 'f.year', ...UNIT_DIMENSIONS },
};

/**
 * Staff of each unit and year by one person dimension: personnel publishes the counts per category (not
 * per person), so staff can be broken down by one of them at a time, and only staff counts can.
 */
function staffBy(dimension: AnalyticsDimension, categories: Readonly<Record<string, string>>): FactSource {
  const values = Object.entries(categories)
    .map(([code, column]) => `('${code}', s.${column})`)
    .join(', ');
  return {
    name: `staff-by-${dimension}`,
    owner: 'personnel',
    from: `(select s.year, s.unit_id, u.region_code, u.unit_kind, u.agency_id, u.agency_kind, c.category, c.staff
              from evaluation.rm_unit_staffing s join evaluation.rm_unit u on u.unit_id = s.unit_id
              cross join lateral (values ${values}) as c(category, staff)) f`,
    regionColumn: 'f.region_code',
    dimensions: { REGION: 'f.region_code', YEAR: 'f.year', ...UNIT_DIMENSIONS, [dimension]: 'f.category' },
  };
}

export const STAFF_BY_PERSON: readonly FactSource[] = [
  staffBy('GENDER', { F: 'female', M: 'male' }),
  staffBy('ASN_TYPE', { PNS: 'pns', PPPK: 'pppk' }),
  staffBy('POSITION_KIND', { MANAJERIAL: 'manajerial', NONMANAJERIAL: 'nonmanajerial' }),
  staffBy('RANK_GROUP', {
    PNS_I: 'rank_pns_i',
    PNS_II: 'rank_pns_ii',
    PNS_III: 'rank_pns_iii',
    PNS_IV: 'rank_pns_iv',
    PPPK: 'rank_pppk',
  }),
  staffBy('AGE_BAND', {
    UNDER_30: 'age_under_30',
    AGE_30_39: 'age_30_39',
    AGE_40_49: 'age_40_49',
    AGE_50_PLUS: 'age_50_plus',
  }),
];

/** Learning per region and year at every level: distinct participants and trained staff, L1 and L2 as sums and counts. */
export const REGION_LEARNING: FactSource = {
  name: 'region-learning',
  owner: 'learning',
  from: 'evaluation.rm_region_learning f',
  regionColumn: 'f.region_code',
  dimensions: { REGION: 'f.region_code', YEAR: 'f.year' },
  regionRollup: true,
};

/**
 * One row an agency and year with a training budget: budgeting's budget lines beside the JP and
 * participants of the agency's units that year (learning), placed at the agency's region (budgeting's).
 */
export const AGENCY_YEAR: FactSource = {
  name: 'agency-year',
  owner: 'budgeting',
  from: `(select b.year, b.agency_id, b.region_code, a.agency_kind, b.ceiling, b.realised,
                 coalesce(t.jp, 0) as jp, coalesce(t.participants, 0) as participants
            from (select year, agency_id, region_code, sum(ceiling) as ceiling, sum(realised) as realised
                    from evaluation.rm_agency_budget group by year, agency_id, region_code) b
            left join lateral (select min(au.agency_kind) as agency_kind from evaluation.rm_unit au
                                where au.agency_id = b.agency_id) a on true
            left join lateral (select sum(x.jp) as jp, sum(x.participants) as participants
                                 from evaluation.rm_unit tu
                                 join evaluation.rm_unit_training x on x.unit_id = tu.unit_id and x.year = b.year
                                where tu.agency_id = b.agency_id) t on true) f`,
  regionColumn: 'f.region_code',
  dimensions: { REGION: 'f.region_code', YEAR: 'f.year', AGENCY: 'f.agency_id', AGENCY_KIND: 'f.agency_kind' },
};

/**
 * Learning per year, region (every level) and one attribute of the course taken, as learning publishes it
 * (`rm_course_learning`): enrolments, completions, drop-outs, distinct participants, JP, L1 and L2 as sums
 * and counts. One attribute at a time, like the staff categories.
 */
function courseBy(dimension: AnalyticsDimension, kind: string, key: string): FactSource {
  return {
    name: `course-by-${dimension}`,
    owner: 'learning',
    from: `(select * from evaluation.rm_course_learning where kind = '${kind}') f`,
    regionColumn: 'f.region_code',
    dimensions: { REGION: 'f.region_code', YEAR: 'f.year', [dimension]: key },
    regionRollup: true,
    overlapping: dimension,
  };
}

export const LEARNING_BY_COURSE: readonly FactSource[] = [
  courseBy('COURSE', 'COURSE', 'f.code'),
  courseBy('UNIVERSITY', 'UNIVERSITY', 'f.code::int'),
  courseBy('DELIVERY_MODE', 'DELIVERY_MODE', 'f.code'),
  courseBy('COMPETENCY', 'COMPETENCY', 'f.code'),
  // The month the offering ended: the day its enrolments complete.
  courseBy('MONTH', 'MONTH', 'f.code'),
];

/**
 * One row a service unit and year as personnel publishes it (`rm_unit_mentoring`): of the staff placed on
 * 31 December, those mentored and mentoring in the year, the mentors in managerial positions, and those
 * promoted in the year; placed where the unit serves.
 */
export const UNIT_MENTORING: FactSource = {
  name: 'unit-mentoring',
  owner: 'personnel',
  from: `(select m.year, u.unit_id, u.region_code, u.unit_kind, u.agency_id, u.agency_kind, m.staff, m.mentored,
                 m.mentors, m.mentor_leaders, m.promoted
            from evaluation.rm_unit u join evaluation.rm_unit_mentoring m on m.unit_id = u.unit_id) f`,
  regionColumn: 'f.region_code',
  dimensions: { REGION: 'f.region_code', YEAR: 'f.year', ...UNIT_DIMENSIONS },
};
