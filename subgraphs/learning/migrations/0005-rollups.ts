import { Migration } from '@mikro-orm/migrations';
import { feedInfrastructureSql, publishTableSql } from '../../shared/feed.js';
import {
  changeTriggersSql,
  keyedRefreshSql,
  regionAndAncestorsFunctionSql,
  regionKeysSql,
} from '../../shared/rollup-sql.js';
import { STREAM_ROWS, streamTableSql } from '../../shared/stream-tables.js';
import { LEARNING_STREAMS } from '../feed.js';
import { REGION_LEARNING_UPSERT_SQL, UNIT_TRAINING_UPSERT_SQL } from './upsert-sql.js';

/**
 * Learning's published facts, kept on write from the enrolments: per unit and year (JP, participants,
 * staff reaching the annual minimum, completions, drop-outs), per unit and completion day (JP of completed
 * enrolments by the offering's end date), per region at every level and year (distinct participants and
 * trained staff, L1 satisfaction and L2 test gain as sums and counts), and the employees trained per year
 * and region (for L3). Statement-level triggers recompute only the keys a statement's rows touch.
 */
export class LearningRollups extends Migration {
  override name = '0005-rollups';

  up(): void {
    this.addSql(`
${feedInfrastructureSql('learning')}

${streamTableSql('learning.unit_year_training', STREAM_ROWS.unitTraining, 'owner')}

${streamTableSql('learning.unit_day_training', STREAM_ROWS.unitTrainingDays, 'owner')}

${streamTableSql('learning.region_year_learning', STREAM_ROWS.regionLearning, 'owner')}

${streamTableSql('learning.trained_employee', STREAM_ROWS.trainedEmployees, 'owner')}

${LEARNING_STREAMS.map((s) => publishTableSql('learning', s)).join('\n')}

-- A region code and every region above it: 12.71.01.1001 -> 12, 12.71, 12.71.01, 12.71.01.1001.
${regionAndAncestorsFunctionSql('learning')}

${keyedRefreshSql('learning.refresh_unit_training(years integer[], unit_ids integer[])')}
  with k as (
    select distinct year, unit_id from unnest(years, unit_ids) as k(year, unit_id) where unit_id is not null
  ), minimum as (
    select y.year, (select minimum_jp from learning.jp_right where valid_from_year <= y.year
                     order by valid_from_year desc limit 1) as minimum_jp
      from (select distinct year from k) y
  ), per_employee as (
    select e.year, e.unit_id, e.region_code, e.employee_id, sum(e.jp_earned) as jp, count(*) as enrolments,
           count(*) filter (where e.status = 'COMPLETED') as completions, count(*) filter (where e.status = 'DROPPED') as drop_outs
      from k join learning.enrolment e on e.year = k.year and e.unit_id = k.unit_id
     group by e.year, e.unit_id, e.region_code, e.employee_id
  ), fresh as (
    select p.year, p.unit_id, p.region_code, sum(p.enrolments)::int as enrolments, sum(p.completions)::int as completions,
           sum(p.drop_outs)::int as drop_outs, count(*)::int as participants, sum(p.jp)::int as jp,
           count(*) filter (where p.jp >= m.minimum_jp)::int as reached_minimum
      from per_employee p join minimum m on m.year = p.year
     group by p.year, p.unit_id, p.region_code
  ), gone as (
    delete from learning.unit_year_training t using k
     where t.year = k.year and t.unit_id = k.unit_id
       and not exists (select 1 from fresh f where f.year = t.year and f.unit_id = t.unit_id and f.region_code = t.region_code)
  )
${UNIT_TRAINING_UPSERT_SQL};
$$;

${keyedRefreshSql('learning.refresh_unit_days(years integer[], unit_ids integer[])')}
  with k as (
    select distinct year, unit_id from unnest(years, unit_ids) as k(year, unit_id) where unit_id is not null
  ), fresh as (
    select e.year, e.unit_id, e.region_code, o.ends_on as completed_on, sum(e.jp_earned)::int as jp,
           count(*)::int as enrolments
      from k join learning.enrolment e on e.year = k.year and e.unit_id = k.unit_id
      join learning.course_offering o on o.id = e.offering_id
     where e.status = 'COMPLETED' and e.jp_earned > 0
     group by e.year, e.unit_id, e.region_code, o.ends_on
  ), gone as (
    delete from learning.unit_day_training t using k
     where t.year = k.year and t.unit_id = k.unit_id
       and not exists (select 1 from fresh f where f.year = t.year and f.unit_id = t.unit_id
                          and f.region_code = t.region_code and f.completed_on = t.completed_on)
  )
  insert into learning.unit_day_training as t (year, unit_id, region_code, completed_on, jp, enrolments, seq)
  select year, unit_id, region_code, completed_on, jp, enrolments, 0 from fresh
  on conflict (year, unit_id, region_code, completed_on) do update set jp = excluded.jp, enrolments = excluded.enrolments
  where (t.jp, t.enrolments) is distinct from (excluded.jp, excluded.enrolments);
$$;

-- Every level of every touched region is recomputed from its enrolments of the year (distinct people
-- cannot be added up from the levels below).
${keyedRefreshSql('learning.refresh_region_learning(years integer[], codes text[])')}
  with k as (
${regionKeysSql('learning')}
  ), fresh as (
    -- Per key through its index range (lateral): a join on the range would compare every key with every row.
    select k.year, k.code as region_code, f.*
      from k cross join lateral (
        select count(*)::int as enrolments,
               count(*) filter (where e.status = 'COMPLETED')::int as completions,
               count(*) filter (where e.status = 'DROPPED')::int as drop_outs,
               count(distinct e.employee_id)::int as participants,
               count(distinct e.employee_id) filter (where e.jp_earned > 0)::int as trained,
               coalesce(sum(e.jp_earned), 0)::int as jp,
               coalesce(sum(e.satisfaction), 0) as satisfaction_sum, count(e.satisfaction)::int as satisfaction_n,
               coalesce(sum(e.post_test - e.pre_test), 0) as test_gain_sum, count(e.post_test - e.pre_test)::int as tested_n
          from learning.enrolment e
         where e.year = k.year
           and (e.region_code = k.code or (e.region_code ~>=~ (k.code || '.') and e.region_code ~<~ (k.code || '/')))
      ) f
     where f.enrolments > 0
  ), gone as (
    delete from learning.region_year_learning t using k
     where t.year = k.year and t.region_code = k.code
       and not exists (select 1 from fresh f where f.year = t.year and f.region_code = t.region_code)
  )
${REGION_LEARNING_UPSERT_SQL};
$$;

${keyedRefreshSql('learning.refresh_trained(years integer[], employee_ids integer[])')}
  with k as (
    select distinct year, employee_id from unnest(years, employee_ids) as k(year, employee_id)
  ), fresh as (
    select e.year, e.employee_id, e.region_code, sum(e.jp_earned)::int as jp
      from k join learning.enrolment e on e.year = k.year and e.employee_id = k.employee_id
     group by e.year, e.employee_id, e.region_code
    having sum(e.jp_earned) > 0
  ), gone as (
    delete from learning.trained_employee t using k
     where t.year = k.year and t.employee_id = k.employee_id
       and not exists (select 1 from fresh f where f.year = t.year and f.employee_id = t.employee_id
                          and f.region_code = t.region_code)
  )
  insert into learning.trained_employee as t (year, employee_id, region_code, jp, seq)
  select year, employee_id, region_code, jp, 0 from fresh
  on conflict (year, employee_id, region_code) do update set jp = excluded.jp where t.jp is distinct from excluded.jp;
$$;

-- Everything the given enrolment rows (old or new) touch.
create function learning.refresh_enrolment_keys(years integer[], unit_ids integer[], codes text[], employee_ids integer[])
returns void language sql
  -- Index lookups by key: inside a bulk load the statistics still describe empty tables.
  set enable_seqscan = off as $$
  select learning.refresh_unit_training(years, unit_ids);
  select learning.refresh_unit_days(years, unit_ids);
  select learning.refresh_region_learning(years, codes);
  select learning.refresh_trained(years, employee_ids);
$$;

create function learning.enrolment_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform learning.refresh_enrolment_keys(array(select year::int from new_rows), array(select unit_id from new_rows),
      array(select region_code from new_rows), array(select employee_id from new_rows));
  elsif tg_op = 'UPDATE' then
    perform learning.refresh_enrolment_keys(
      array(select year::int from new_rows union all select year::int from old_rows),
      array(select unit_id from new_rows union all select unit_id from old_rows),
      array(select region_code from new_rows union all select region_code from old_rows),
      array(select employee_id from new_rows union all select employee_id from old_rows));
  else
    perform learning.refresh_enrolment_keys(array(select year::int from old_rows), array(select unit_id from old_rows),
      array(select region_code from old_rows), array(select employee_id from old_rows));
  end if;
  return null;
end $$;

-- An offering's end date is the completion day of its enrolments.
create function learning.offering_changed() returns trigger language plpgsql as $$
begin
  perform learning.refresh_unit_days(array(select e.year from learning.enrolment e where e.offering_id in (
      select n.id from new_rows n join old_rows o on o.id = n.id where n.ends_on is distinct from o.ends_on))::int[],
    array(select e.unit_id from learning.enrolment e where e.offering_id in (
      select n.id from new_rows n join old_rows o on o.id = n.id where n.ends_on is distinct from o.ends_on)));
  return null;
end $$;

-- A new annual minimum changes "reached the minimum" of every unit from its year on.
create function learning.minimum_changed() returns trigger language plpgsql as $$
begin
  perform learning.refresh_unit_training(array(select k.year::int from (select distinct year, unit_id from learning.unit_year_training) k),
                                         array(select k.unit_id from (select distinct year, unit_id from learning.unit_year_training) k));
  return null;
end $$;

create function learning.enrolment_truncated() returns trigger language plpgsql as $$
begin
  delete from learning.unit_year_training;
  delete from learning.unit_day_training;
  delete from learning.region_year_learning;
  delete from learning.trained_employee;
  return null;
end $$;

${changeTriggersSql('learning.enrolment', 'learning.enrolment_changed', 'enrolment')}
create trigger course_offering_updated after update on learning.course_offering
  referencing new table as new_rows old table as old_rows for each statement execute function learning.offering_changed();
create trigger jp_right_changed after insert or update or delete on learning.jp_right
  for each statement execute function learning.minimum_changed();
create trigger enrolment_truncated after truncate on learning.enrolment
  for each statement execute function learning.enrolment_truncated();

-- After a load that bypassed the triggers (session_replication_role = replica): refill everything.
create function learning.rebuild_rollups() returns void language sql as $$
  delete from learning.unit_year_training;
  delete from learning.unit_day_training;
  delete from learning.region_year_learning;
  delete from learning.trained_employee;
  select learning.refresh_enrolment_keys(array_agg(year::int), array_agg(unit_id), array_agg(region_code), array_agg(employee_id))
    from (select distinct year, unit_id, region_code, employee_id from learning.enrolment) e;
$$;
select learning.rebuild_rollups();
`);
  }
}
