import { Migration } from '@mikro-orm/migrations';
import {
  COURSE_LEARNING_UPSERT_SQL,
  OFFERING_ATTRIBUTES_SQL,
  REGION_LEARNING_UPSERT_SQL,
  UNIT_TRAINING_UPSERT_SQL,
} from './upsert-sql.js';

/**
 * The CTEs up to `fresh` of a region rollup over every enrolment (`e`), per year, region at every level and,
 * with `attribute`, the course attribute (`a`, from a CTE `attributes`). Sums and counts are added up
 * per region, then through its ancestors (region_and_ancestors); L1 and L2 as integer hundredths (both
 * have two decimals), so that no aggregate keeps a numeric state. Distinct people: who enrolled in one
 * region in the year (nearly everyone) is counted per region, then added up the levels; who enrolled in
 * several is counted per region at every level, once.
 */
export function regionRollupSql(attribute: boolean): string {
  const keys = attribute ? ', a.kind, a.code' : '';
  const outer = attribute ? ', l.kind, l.code' : '';
  const from = attribute
    ? 'learning.enrolment e join attributes a on a.offering_id = e.offering_id'
    : 'learning.enrolment e';
  const key = (alias: string) => (attribute ? `, ${alias}.kind, ${alias}.code` : '');
  return `  moved as (
    select year, employee_id from learning.enrolment group by year, employee_id having min(region_code) <> max(region_code)
  ), per_region as (
    select e.year, e.region_code${keys},${attribute ? ' min(a.label) as label,' : ''}
           count(*)::int as enrolments, count(*) filter (where e.status = 'COMPLETED')::int as completions,
           count(*) filter (where e.status = 'DROPPED')::int as drop_outs, sum(e.jp_earned)::int as jp,
           sum((e.satisfaction * 100)::int)::int as satisfaction_sum, count(e.satisfaction)::int as satisfaction_n,
           sum(((e.post_test - e.pre_test) * 100)::int)::int as test_gain_sum, count(e.post_test - e.pre_test)::int as tested_n
      from ${from}
     group by e.year, e.region_code${keys}
  ), settled as (
    select d.year, d.region_code${key('d')}, count(*)::int as participants, count(*) filter (where d.trained)::int as trained
      from (select e.year, e.region_code${keys}, e.employee_id, bool_or(e.jp_earned > 0) as trained
              from ${from}
             where not exists (select 1 from moved m where m.year = e.year and m.employee_id = e.employee_id)
             group by e.year, e.region_code${keys}, e.employee_id) d
     group by d.year, d.region_code${key('d')}
  ), leveled as (
    select v.year, r.code as region_code${key('v')},${attribute ? ' v.label,' : ''} coalesce(s.participants, 0) as participants,
           coalesce(s.trained, 0) as trained, v.enrolments, v.completions, v.drop_outs, v.jp, v.satisfaction_sum,
           v.satisfaction_n, v.test_gain_sum, v.tested_n
      from per_region v
      left join settled s on s.year = v.year and s.region_code = v.region_code${attribute ? ' and s.kind = v.kind and s.code = v.code' : ''}
      cross join lateral learning.region_and_ancestors(v.region_code) as r(code)
    union all
    select d.year, d.region_code${key('d')},${attribute ? ' null,' : ''} 1, d.trained::int, 0, 0, 0, 0, null, 0, null, 0
      from (select e.year, r.code as region_code${keys}, e.employee_id, bool_or(e.jp_earned > 0) as trained
              from ${from}
              join moved m on m.year = e.year and m.employee_id = e.employee_id
              cross join lateral learning.region_and_ancestors(e.region_code) as r(code)
             group by e.year, r.code${keys}, e.employee_id) d
  ), fresh as (
    select l.year, l.region_code${outer},${attribute ? ' min(l.label) as label,' : ''} sum(l.enrolments)::int as enrolments,
           sum(l.completions)::int as completions, sum(l.drop_outs)::int as drop_outs,
           sum(l.participants)::int as participants, sum(l.trained)::int as trained, coalesce(sum(l.jp), 0)::int as jp,
           coalesce(sum(l.satisfaction_sum) * 0.01, 0) as satisfaction_sum, sum(l.satisfaction_n)::int as satisfaction_n,
           coalesce(sum(l.test_gain_sum) * 0.01, 0) as test_gain_sum, sum(l.tested_n)::int as tested_n
      from leveled l group by l.year, l.region_code${outer}
  )`;
}

/**
 * `learning.rebuild_rollups()` (the refill after a load that bypassed the triggers) as one set-based statement
 * per rollup over the whole enrolment table: hash joins and aggregates over sequential scans. It called the
 * keyed refreshes of the triggers (0005, 0007, 0008) with every key at once, planned for a few keys (index
 * lookups forced, a lateral index range per region key). The region rollups join each enrolment to its
 * region's ancestors once (region_and_ancestors) and count distinct people in two steps: per employee and
 * key, then per key. Same rows as the triggers keep (test/integration/read-model.test.ts); only changed rows
 * are written, so only they get a new feed seq, and a row never published (seq 0) is published. The queued
 * region keys are dropped: the rebuild computes every key.
 */
/** The training rollup of every unit and year, as the CTE `fresh` (also used by 0010-inline-feed-stamps). */
export const UNIT_TRAINING_FRESH_SQL = `  with minimum as (
    select y.year, (select minimum_jp from learning.jp_right where valid_from_year <= y.year
                     order by valid_from_year desc limit 1) as minimum_jp
      from (select distinct year from learning.enrolment where unit_id is not null) y
  ), per_employee as (
    select e.year, e.unit_id, e.region_code, e.employee_id, sum(e.jp_earned) as jp, count(*) as enrolments,
           count(*) filter (where e.status = 'COMPLETED') as completions, count(*) filter (where e.status = 'DROPPED') as drop_outs
      from learning.enrolment e
     where e.unit_id is not null
     group by e.year, e.unit_id, e.region_code, e.employee_id
  ), fresh as (
    select p.year, p.unit_id, p.region_code, sum(p.enrolments)::int as enrolments, sum(p.completions)::int as completions,
           sum(p.drop_outs)::int as drop_outs, count(*)::int as participants, sum(p.jp)::int as jp,
           count(*) filter (where p.jp >= m.minimum_jp)::int as reached_minimum
      from per_employee p join minimum m on m.year = p.year
     group by p.year, p.unit_id, p.region_code
  )`;

export class LearningSetBasedRebuild extends Migration {
  override name = '0009-set-based-rebuild';

  up(): void {
    this.addSql(`
create or replace function learning.rebuild_unit_rollups() returns void language sql
  -- Whole-table hash aggregates in memory rather than in batches on disk.
  set work_mem = '256MB' as $$
${UNIT_TRAINING_FRESH_SQL}, gone as (
    delete from learning.unit_year_training t
     where not exists (select 1 from fresh f where f.year = t.year and f.unit_id = t.unit_id and f.region_code = t.region_code)
  )
${UNIT_TRAINING_UPSERT_SQL}
     or t.seq = 0;

  with fresh as (
    select e.year, e.unit_id, e.region_code, o.ends_on as completed_on, sum(e.jp_earned)::int as jp,
           count(*)::int as enrolments
      from learning.enrolment e join learning.course_offering o on o.id = e.offering_id
     where e.status = 'COMPLETED' and e.jp_earned > 0 and e.unit_id is not null
     group by e.year, e.unit_id, e.region_code, o.ends_on
  ), gone as (
    delete from learning.unit_day_training t
     where not exists (select 1 from fresh f where f.year = t.year and f.unit_id = t.unit_id
                          and f.region_code = t.region_code and f.completed_on = t.completed_on)
  )
  insert into learning.unit_day_training as t (year, unit_id, region_code, completed_on, jp, enrolments, seq)
  select year, unit_id, region_code, completed_on, jp, enrolments, 0 from fresh
  on conflict (year, unit_id, region_code, completed_on) do update set jp = excluded.jp, enrolments = excluded.enrolments
  where (t.jp, t.enrolments) is distinct from (excluded.jp, excluded.enrolments) or t.seq = 0;

  with fresh as (
    select e.year, e.employee_id, e.region_code, sum(e.jp_earned)::int as jp
      from learning.enrolment e
     group by e.year, e.employee_id, e.region_code
    having sum(e.jp_earned) > 0
  ), gone as (
    delete from learning.trained_employee t
     where not exists (select 1 from fresh f where f.year = t.year and f.employee_id = t.employee_id
                          and f.region_code = t.region_code)
  )
  insert into learning.trained_employee as t (year, employee_id, region_code, jp, seq)
  select year, employee_id, region_code, jp, 0 from fresh
  on conflict (year, employee_id, region_code) do update set jp = excluded.jp
  where t.jp is distinct from excluded.jp or t.seq = 0;

  delete from learning.region_learning_pending;
  with
${regionRollupSql(false)}, gone as (
    delete from learning.region_year_learning t
     where not exists (select 1 from fresh f where f.year = t.year and f.region_code = t.region_code)
  )
${REGION_LEARNING_UPSERT_SQL}
     or t.seq = 0;
$$;

-- The attributes of every offering as offering_attributes (0007) gives them for a list of offerings.
create or replace function learning.rebuild_course_rollups() returns void language sql
  set work_mem = '256MB'
  -- At national scale the planner sorted millions of rows on text keys instead (32 s against 25 s hashed).
  set enable_sort = off as $$
  delete from learning.course_learning_pending;
  with attributes (offering_id, kind, code, label) as materialized (
${OFFERING_ATTRIBUTES_SQL}
  ),
${regionRollupSql(true)}, gone as (
    delete from learning.course_year_learning t
     where not exists (select 1 from fresh f where f.year = t.year and f.region_code = t.region_code
                          and f.kind = t.kind and f.code = t.code)
  )
${COURSE_LEARNING_UPSERT_SQL}
     or t.seq = 0;
$$;
`);
  }
}
