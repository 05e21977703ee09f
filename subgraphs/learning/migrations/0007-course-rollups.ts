import { Migration } from '@mikro-orm/migrations';
import { publishTableSql } from '../../shared/feed.js';
import { chainRebuildSql, changeTriggersSql, regionKeysSql } from '../../shared/rollup-sql.js';
import { STREAM_ROWS, streamTableSql } from '../../shared/stream-tables.js';
import { COURSE_LEARNING_STREAM } from '../feed.js';
import { COURSE_LEARNING_UPSERT_SQL, OFFERING_ATTRIBUTES_SQL } from './upsert-sql.js';

/**
 * Learning per course attribute, published for evaluation's analytics: per year, region (every level, as
 * `region_year_learning`: distinct people cannot be added up from the levels below) and one attribute of
 * the course taken (its course, partner university, delivery mode, a competency its curriculum version
 * targets, or the month the offering ended: the completion month), the enrolments, completions, drop-outs, distinct participants, JP, and L1/L2 as sums and counts,
 * with the attribute's label (course title, university name, competency name) as learning records it.
 * Kept on write by statement-level triggers that recompute only the (year, region) keys a statement touches.
 */
export class LearningCourseRollups extends Migration {
  override name = '0007-course-rollups';

  up(): void {
    this.addSql(`
${streamTableSql('learning.course_year_learning', STREAM_ROWS.courseLearning, 'owner')}

${publishTableSql('learning', COURSE_LEARNING_STREAM)}

-- The attributes of offerings: one row per attribute kind (a course targets several competencies: one each).
create function learning.offering_attributes(offering_ids integer[])
returns table (offering_id integer, kind text, code text, label text)
language sql stable as $$
${OFFERING_ATTRIBUTES_SQL}
   where o.id = any(offering_ids)
$$;

-- Recomputes the rows of the given years and regions (and every region above them). With offering_ids, only
-- the attribute values those offerings have (what an enrolment write can change); null: every value (a
-- course's delivery mode or an offering's end date changed, so an old value loses rows too).
create function learning.refresh_course_learning(years integer[], codes text[], offering_ids integer[])
returns void language sql
  -- Index lookups by key: inside a bulk load the statistics still describe empty tables.
  set enable_seqscan = off
  -- The distinct participants of a region's enrolments are counted by sorting them.
  set work_mem = '64MB' as $$
  with k as (
${regionKeysSql('learning', 'r')}
  ), touched as materialized (
    select distinct a.kind, a.code from learning.offering_attributes(offering_ids) a
  ), attributes as materialized (
    -- The attribute values to recompute, with every offering of the years that has one of them.
    select a.* from learning.offering_attributes(
             case when offering_ids is null
                  then array(select e.offering_id from k cross join lateral (
                         select distinct x.offering_id from learning.enrolment x
                          where x.year = k.year and (x.region_code = k.code
                                or (x.region_code ~>=~ (k.code || '.') and x.region_code ~<~ (k.code || '/')))) e)
                  else array(select o.id from learning.course_offering o where o.year = any(years)) end) a
     where offering_ids is null or (a.kind, a.code) in (select t.kind, t.code from touched t)
  ), scanned as materialized (
    -- Per key through its index range (lateral): each region's enrolments of the year in those offerings.
    select k.year, k.code as region_code, e.offering_id, e.employee_id, e.status, e.jp_earned, e.satisfaction,
           e.post_test - e.pre_test as test_gain
      from k cross join lateral (
        select * from learning.enrolment e
         where e.year = k.year
           and (e.region_code = k.code or (e.region_code ~>=~ (k.code || '.') and e.region_code ~<~ (k.code || '/')))
           and e.offering_id in (select r.offering_id from attributes r)
      ) e
  ), fresh as (
    select s.year, s.region_code, a.kind, a.code, min(a.label) as label, count(*)::int as enrolments,
           count(*) filter (where s.status = 'COMPLETED')::int as completions,
           count(*) filter (where s.status = 'DROPPED')::int as drop_outs,
           count(distinct s.employee_id)::int as participants, coalesce(sum(s.jp_earned), 0)::int as jp,
           coalesce(sum(s.satisfaction), 0) as satisfaction_sum, count(s.satisfaction)::int as satisfaction_n,
           coalesce(sum(s.test_gain), 0) as test_gain_sum, count(s.test_gain)::int as tested_n
      from scanned s join attributes a on a.offering_id = s.offering_id
     group by s.year, s.region_code, a.kind, a.code
  ), gone as (
    delete from learning.course_year_learning t using k
     where t.year = k.year and t.region_code = k.code
       and (offering_ids is null or (t.kind, t.code) in (select x.kind, x.code from touched x))
       and not exists (select 1 from fresh f where f.year = t.year and f.region_code = t.region_code
                          and f.kind = t.kind and f.code = t.code)
  )
${COURSE_LEARNING_UPSERT_SQL};
$$;

create function learning.enrolment_changed_course() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform learning.refresh_course_learning(array(select year::int from new_rows), array(select region_code from new_rows),
      array(select distinct offering_id from new_rows));
  elsif tg_op = 'UPDATE' then
    perform learning.refresh_course_learning(
      array(select year::int from new_rows union all select year::int from old_rows),
      array(select region_code from new_rows union all select region_code from old_rows),
      array(select offering_id from new_rows union select offering_id from old_rows));
  else
    perform learning.refresh_course_learning(array(select year::int from old_rows), array(select region_code from old_rows),
      array(select distinct offering_id from old_rows));
  end if;
  return null;
end $$;

-- A course's code, title, delivery mode or university, a university's or competency's name, and an offering's
-- course, curriculum version or end date change the attributes of the enrolments concerned (other columns,
-- such as an offering's status, do not): their regions are recomputed for every value (an old value loses rows).
create function learning.course_attributes_changed() returns trigger language plpgsql as $$
declare
  changed integer[];
begin
  if tg_table_name = 'course_offering' then
    changed := array(select n.id from new_rows n join old_rows o on o.id = n.id
                      where (n.course_id, n.curriculum_version_id, n.ends_on) is distinct from (o.course_id, o.curriculum_version_id, o.ends_on));
  elsif tg_table_name = 'course' then
    changed := array(select n.id from new_rows n join old_rows o on o.id = n.id
                      where (n.code, n.title, n.delivery, n.university_id) is distinct from (o.code, o.title, o.delivery, o.university_id));
  else
    changed := array(select n.id from new_rows n join old_rows o on o.id = n.id where n.name is distinct from o.name);
  end if;
  if cardinality(changed) = 0 then return null; end if;
  perform learning.refresh_course_learning(array_agg(e.year::int), array_agg(e.region_code), null)
     from (select distinct e.year, e.region_code from learning.enrolment e
             join learning.course_offering o on o.id = e.offering_id
             join learning.course c on c.id = o.course_id
            where o.id = any(changed) and tg_table_name = 'course_offering'
               or c.id = any(changed) and tg_table_name = 'course'
               or c.university_id = any(changed) and tg_table_name = 'university'
               or tg_table_name = 'competency' and o.curriculum_version_id in (
                    select lo.curriculum_version_id from learning.learning_outcome lo where lo.competency_id = any(changed))) e;
  return null;
end $$;

create function learning.enrolment_truncated_course() returns trigger language plpgsql as $$
begin
  delete from learning.course_year_learning;
  return null;
end $$;

${changeTriggersSql('learning.enrolment', 'learning.enrolment_changed_course', 'enrolment', '_course')}
create trigger enrolment_truncated_course after truncate on learning.enrolment
  for each statement execute function learning.enrolment_truncated_course();
create trigger course_offering_updated_course after update on learning.course_offering
  referencing new table as new_rows old table as old_rows for each statement execute function learning.course_attributes_changed();
create trigger course_updated_course after update on learning.course
  referencing new table as new_rows old table as old_rows for each statement execute function learning.course_attributes_changed();
create trigger university_updated_course after update on learning.university
  referencing new table as new_rows old table as old_rows for each statement execute function learning.course_attributes_changed();
create trigger competency_updated_course after update on learning.competency
  referencing new table as new_rows old table as old_rows for each statement execute function learning.course_attributes_changed();

-- After a load that bypassed the triggers, rebuild_rollups() refills this rollup too: the rebuild of 0005
-- keeps its body under a new name and the public name runs both.
create function learning.rebuild_course_rollups() returns void language sql as $$
  delete from learning.course_year_learning;
  select learning.refresh_course_learning(array_agg(year::int), array_agg(region_code), null)
    from (select distinct year, region_code from learning.enrolment) e;
$$;
${chainRebuildSql('learning', 'rebuild_unit_rollups', 'rebuild_course_rollups')}
select learning.rebuild_course_rollups();
`);
  }
}
