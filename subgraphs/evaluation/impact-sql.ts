import type { EntityManager } from '@mikro-orm/postgresql';
import type { ImpactKey } from '../shared/impact-key.js';
import { query } from '../shared/orm.js';
import { sqlWithinRegion } from '../shared/regions.js';
import { METHOD } from './impact-method.js';

/**
 * The SQL of the training-impact comparison, over evaluation's own data (IKM surveys, SKP) and its read
 * model of what personnel, learning and budgeting publish (read-model/tables.ts): nothing is asked of
 * another subgraph while a comparison runs. At most three statements whatever the number of regions (the
 * versions; the facts and the unit table of the regions whose versions moved).
 */

export interface UnitRow {
  scope: string;
  unitId: number;
  staff: number;
  agencyId: number;
  /** Code of the district or village where the unit serves (personnel). */
  location: string;
  jp: number;
  reachedMinimum: number;
  participants: number;
  ikm: number | null;
  ikmPrevious: number | null;
  underSampled: boolean;
  respondents: number | null;
  surveyedOn: string | null;
  /** District (kecamatan) of the unit's survey: the cluster. */
  district: string | null;
  /** JP completed in the year before this year's survey; null without this year's survey. */
  jpBeforeSurvey: number | null;
  /** Completed enrolments behind jpBeforeSurvey (an upper bound of the people behind it); null without a survey. */
  enrolmentsBeforeSurvey: number | null;
  /** JP completed in the next year before next year's survey (the placebo); null without next year's survey. */
  jpNextBeforeSurvey: number | null;
  inEstimate: boolean;
}

export interface RegionRow {
  scope: string;
  units: number;
  staff: number;
  jp: number;
  /** Sum over the units of their participants: the people behind `jp` (an employee trained in two units counts twice). */
  unitParticipants: number;
  reachedMinimum: number;
  unitsSurveyed: number;
  meanIkm: number | null;
  meanIkmPrevious: number | null;
  meanChange: number | null;
  unitsWithBothYears: number;
  underSampledUnits: number;
  highN: number;
  highMean: number | null;
  highVariance: number | null;
  lowN: number;
  lowMean: number | null;
  lowVariance: number | null;
}

export interface SkpRow {
  scope: string;
  trained: boolean;
  n: number;
  mean: number | null;
  variance: number | null;
}

/**
 * The per-unit table every figure starts from: staffing (personnel's, per unit and year) and training
 * (learning's, per unit and year and per unit and completion day) from the read model meet this subgraph's
 * IKM surveys of the year before, the year and the year after. The exposure of the estimate is the JP
 * completed in the year strictly before the unit's survey of that year (training after the survey cannot
 * have changed it); the placebo's is the same for the next year and its survey. x10 is calendar-year JP per
 * staff member / 10 and dy the IKM change, both descriptive (the contrast). Parameters: the region codes,
 * then the year.
 */
const UNIT_TABLE = `
  with scopes as (
    select code from unnest(:codes::text[]) as s(code)
  ), staffing as materialized (
    -- Lateral lookups by key throughout ("offset 0" keeps them lookups): the cost follows the units of the
    -- requested regions, not the size of the tables.
    select s.code as scope, u.unit_id, coalesce(st.staff, 0) as staff, u.agency_id, u.region_code as location
      from scopes s
      join evaluation.rm_unit u on ${sqlWithinRegion('u.region_code', 's.code')}
      left join lateral (
        select r.staff from evaluation.rm_unit_staffing r where r.year = :year::int and r.unit_id = u.unit_id
        offset 0 -- kept a per-unit lookup (not pulled up into a join over the whole table)
      ) st on true
  ), training as (
    select s.code as scope, t.unit_id, sum(t.jp)::int as jp, sum(t.reached_minimum)::int as reached,
           sum(t.participants)::int as participants
      from scopes s
      join evaluation.rm_unit_training t on ${sqlWithinRegion('t.region_code', 's.code')} and t.year = :year::int
     group by s.code, t.unit_id
  ), survey as materialized (
    -- Scores kept on write (migration 0006-survey-scores): the numbers SURVEY_SELECT computes.
    select f.survey_id as id, f.unit_id as "unitId", f.region_code as "regionCode", f.year,
           f.conducted_on::text as "conductedOn", f.respondents, f.under_sampled as "underSampled", f.score::float8 as score
      from (select distinct unit_id from staffing) st
      cross join lateral (
        select * from evaluation.ikm_survey_score s
         where s.unit_id = st.unit_id and s.year between :year::int - 1 and :year::int + 1
        offset 0
      ) f
  ), dated as (
    -- JP completed by the unit's staff before its survey of the year (and of the next year, the placebo).
    select st.scope, st.unit_id, sv.year, d.jp, d.enrolments
      from staffing st
      join survey sv on sv."unitId" = st.unit_id and sv.year in (:year::int, :year::int + 1)
      cross join lateral (
        select coalesce(sum(t.jp), 0)::int as jp, coalesce(sum(t.enrolments), 0)::int as enrolments
          from evaluation.rm_unit_training_day t
         where t.unit_id = st.unit_id and ${sqlWithinRegion('t.region_code', 'st.scope')}
           and t.year between :year::int and :year::int + 1
           and t.completed_on >= make_date(sv.year, 1, 1) and t.completed_on < sv."conductedOn"::date
      ) d
  ), unit as (
    select st.scope, st.unit_id, st.staff, st.agency_id, st.location, coalesce(tr.jp, 0) as jp, coalesce(tr.reached, 0) as reached,
           coalesce(tr.participants, 0) as participants,
           cur.score as ikm, prev.score as ikm_prev, cur.respondents, cur."conductedOn" as surveyed_on,
           case when cur.id is not null then array_to_string((string_to_array(cur."regionCode", '.'))[1:3], '.') end as district,
           coalesce(cur."underSampled", false) or coalesce(prev."underSampled", false) as under_sampled,
           case when st.staff > 0 then coalesce(tr.jp, 0)::float8 / st.staff / 10 end as x10,
           cur.score - prev.score as dy,
           db.jp as jp_before, db.enrolments as enrolments_before, dn.jp as jp_next
      from staffing st
      left join training tr on tr.scope = st.scope and tr.unit_id = st.unit_id
      left join survey cur on cur."unitId" = st.unit_id and cur.year = :year::int
      left join survey prev on prev."unitId" = st.unit_id and prev.year = :year::int - 1
      left join survey nxt on nxt."unitId" = st.unit_id and nxt.year = :year::int + 1
      left join dated db on db.scope = st.scope and db.unit_id = st.unit_id and db.year = :year::int and cur.id is not null
      left join dated dn on dn.scope = st.scope and dn.unit_id = st.unit_id and dn.year = :year::int + 1 and nxt.id is not null
  ), sample as (
    select *, (staff > 0 and dy is not null and jp_before is not null and not under_sampled) as in_estimate from unit
  )`;

/** The statement with its `:year` and `:codes` placeholders turned into positional parameters, in order. */
function bindUnitTable(sql: string, key: ImpactKey): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const text = sql.replace(/:(year|codes)\b/g, (_match, name: string) => {
    params.push(name === 'year' ? key.year : key.regionCodes);
    return '?';
  });
  return { sql: text, params };
}

/** A region's input version (migration 0011-impact-versions) in the database `epoch`; '0' before any write. */
export interface RegionVersion {
  scope: string;
  version: string;
}

/**
 * The unit table once, two answers: every unit (by region and unit id) and, per region, totals, IKM means
 * and the descriptive contrast, aggregated in SQL. JSON carries float8 in its shortest exact form, so the
 * figures are those of two plain statements, at half the work. Also the regions' input versions as this
 * statement saw them (one snapshot), under which the rows may be kept.
 */
export async function unitAndRegionRows(
  em: EntityManager,
  key: ImpactKey,
): Promise<{ units: UnitRow[]; regions: RegionRow[]; versions: RegionVersion[]; epoch: string }> {
  const bound = bindUnitTable(UNIT_TABLE, key);
  const [row] = await query<{ units: UnitRow[]; regions: RegionRow[]; versions: RegionVersion[]; epoch: string }>(
    em,
    `${bound.sql}
     select (select coalesce(json_agg(u order by u.scope, u."unitId"), '[]') from (
               select scope, unit_id as "unitId", staff, agency_id as "agencyId", location, jp, reached as "reachedMinimum",
                      participants, ikm, ikm_prev as "ikmPrevious", under_sampled as "underSampled", respondents,
                      surveyed_on as "surveyedOn", district, jp_before as "jpBeforeSurvey",
                      enrolments_before as "enrolmentsBeforeSurvey", jp_next as "jpNextBeforeSurvey", in_estimate as "inEstimate"
                 from sample) u) as units,
            (select coalesce(json_agg(r), '[]') from (
               select scope, count(*)::int as units, sum(staff)::int as staff, sum(jp)::int as jp,
                      sum(participants)::int as "unitParticipants", sum(reached)::int as "reachedMinimum",
                      count(ikm)::int as "unitsSurveyed", avg(ikm)::float8 as "meanIkm", avg(ikm_prev)::float8 as "meanIkmPrevious",
                      avg(dy)::float8 as "meanChange", count(dy)::int as "unitsWithBothYears",
                      count(dy) filter (where under_sampled)::int as "underSampledUnits",
                      count(*) filter (where in_estimate and x10 * 10 >= ?)::int as "highN",
                      avg(dy) filter (where in_estimate and x10 * 10 >= ?)::float8 as "highMean",
                      var_samp(dy) filter (where in_estimate and x10 * 10 >= ?)::float8 as "highVariance",
                      count(*) filter (where in_estimate and x10 * 10 < ?)::int as "lowN",
                      avg(dy) filter (where in_estimate and x10 * 10 < ?)::float8 as "lowMean",
                      var_samp(dy) filter (where in_estimate and x10 * 10 < ?)::float8 as "lowVariance"
                 from sample group by scope) r) as regions,
            (select json_agg(json_build_object('scope', s.code, 'version', coalesce(v.version, 0)::text))
               from unnest(?::text[]) as s(code)
               left join evaluation.impact_region_version v on v.region_code = s.code) as versions,
            (select epoch from evaluation.impact_epoch) as epoch`,
    [...bound.params, ...Array<number>(6).fill(METHOD.contrastThresholdJp), key.regionCodes],
  );
  return {
    units: row?.units ?? [],
    regions: row?.regions ?? [],
    versions: row?.versions ?? [],
    epoch: row?.epoch ?? '',
  };
}

/**
 * The requested regions' versions in one indexed statement (the warm path reads nothing else): per code, in
 * request order, its input version (0011-impact-versions: the unit table) and its facts version
 * (0012-impact-facts-versions: RegionFacts), '0' before any write, and the database's epoch.
 */
export interface RegionVersions {
  epoch: string;
  units: string[];
  facts: string[];
}

export async function regionVersions(em: EntityManager, key: ImpactKey): Promise<RegionVersions> {
  const [row] = await query<RegionVersions>(
    em,
    `select (select epoch from evaluation.impact_epoch) as epoch,
            array_agg(coalesce(v.version, 0)::text order by s.position) as units,
            array_agg(coalesce(f.version, 0)::text order by s.position) as facts
       from unnest(?::text[]) with ordinality as s(code, position)
       left join evaluation.impact_region_version v on v.region_code = s.code
       left join evaluation.impact_region_facts_version f on f.region_code = s.code`,
    [key.regionCodes],
  );
  return { epoch: row?.epoch ?? '', units: row?.units ?? [], facts: row?.facts ?? [] };
}

/**
 * Per region: learning's totals (L1, L2), budgeting's spending, whether personnel knows the code and the
 * L3 SKP change (trained vs untrained staff), with the facts version and epoch this statement saw.
 */
export interface RegionFactsRow {
  scope: string;
  known: boolean;
  enrolments: number;
  participants: number;
  jp: number;
  meanSatisfaction: number | null;
  satisfactionResponses: number;
  meanTestGain: number | null;
  testedEnrolments: number;
  ceiling: string;
  realised: string;
  lines: number;
  /**
   * L3: change of the SKP predicate ordinal from the year before, trained vs untrained staff, from the rollup
   * kept on write (migration 0007-skp-change; "trained" is learning's published fact). The mean is the float
   * division avg() makes of the exact integer sum; the variance is exact (numeric) before its rounding to
   * float8 (JSON carries float8 in its shortest exact form).
   */
  skp: SkpRow[];
  /** The region's facts version (RegionVersions.facts) and the database's epoch, as this statement saw them. */
  version: string;
  epoch: string;
}

/** What the privacy rules read of a region's training (impact-privacy.ts). */
export type RegionLearningFacts = Pick<
  RegionFactsRow,
  | 'enrolments'
  | 'participants'
  | 'jp'
  | 'meanSatisfaction'
  | 'satisfactionResponses'
  | 'meanTestGain'
  | 'testedEnrolments'
>;

/** Region-level facts from the read model and the SKP rollup: one row per requested code, in request order. */
export function regionFacts(em: EntityManager, key: ImpactKey): Promise<RegionFactsRow[]> {
  // Means as avg() computes them (numeric sum / count), so the figures equal those over the enrolments.
  return query<RegionFactsRow>(
    em,
    // Lookups by key per requested code ("limit 1", "offset 0"): not a hash over the whole table.
    `select s.code as scope, coalesce((select true from evaluation.rm_region r where r.code = s.code limit 1), false) as known,
            coalesce(l.enrolments, 0) as enrolments, coalesce(l.participants, 0) as participants, coalesce(l.jp, 0) as jp,
            (l.satisfaction_sum / nullif(l.satisfaction_n, 0))::float8 as "meanSatisfaction",
            coalesce(l.satisfaction_n, 0) as "satisfactionResponses",
            (l.test_gain_sum / nullif(l.tested_n, 0))::float8 as "meanTestGain", coalesce(l.tested_n, 0) as "testedEnrolments",
            coalesce(b.ceiling, 0)::text as ceiling, coalesce(b.realised, 0)::text as realised, coalesce(b.lines, 0)::int as lines,
            coalesce((
              select json_agg(json_build_object(
                       'scope', s.code, 'trained', r.trained, 'n', r.n, 'mean', r.sum_delta::float8 / r.n,
                       'variance', case when r.n > 1 then ((r.n::numeric * r.sum_squares - r.sum_delta::numeric * r.sum_delta)
                                                          / (r.n::numeric * (r.n - 1)))::float8 end))
                from evaluation.skp_change_rollup r where r.year = ?::int and r.region_code = s.code
            ), '[]') as skp,
            coalesce((select v.version from evaluation.impact_region_facts_version v where v.region_code = s.code), 0)::text as version,
            (select epoch from evaluation.impact_epoch) as epoch
       from unnest(?::text[]) with ordinality as s(code, position)
       left join lateral (
         select * from evaluation.rm_region_learning l where l.year = ?::int and l.region_code = s.code offset 0
       ) l on true
       left join lateral (
         select sum(a.ceiling) as ceiling, sum(a.realised) as realised, sum(a.lines) as lines
           from evaluation.rm_agency_budget a
          where a.year = ?::int and ${sqlWithinRegion('a.region_code', 's.code')}
       ) b on true
      order by s.position`,
    [key.year, key.regionCodes, key.year, key.year],
  );
}

/** A region without staffed units: no rows in SQL, zeros here. */
export function emptyRegionRow(scope: string): RegionRow {
  return {
    scope,
    units: 0,
    staff: 0,
    jp: 0,
    unitParticipants: 0,
    reachedMinimum: 0,
    unitsSurveyed: 0,
    meanIkm: null,
    meanIkmPrevious: null,
    meanChange: null,
    unitsWithBothYears: 0,
    underSampledUnits: 0,
    highN: 0,
    highMean: null,
    highVariance: null,
    lowN: 0,
    lowMean: null,
    lowVariance: null,
  };
}
