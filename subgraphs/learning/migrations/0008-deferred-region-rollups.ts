import { Migration } from '@mikro-orm/migrations';

/**
 * The region rollups (region_year_learning of 0005-rollups, course_year_learning of 0007-course-rollups)
 * refreshed when the feed is read, not inside the writing statement. Their distinct participants per
 * region and year (and course attribute) cannot be kept by adding and subtracting, so a refresh re-reads
 * every enrolment of the region and year at every level up to the province: on 514 regencies one recorded
 * enrolment took about 0.5 s, growing with the province. Writes now only queue their keys; the feed read
 * that publishes the rollups (shared/feed.ts, `prepare`) first refreshes what is queued, once per round of
 * the consumer. Only the feed publishes these two rollups, so what a consumer sees, and how fresh, is
 * unchanged. The per-unit rollups stay kept inside the write: they cost a unit's rows. Offering 0 in the
 * course queue means every attribute value (a course, university, competency or offering changed an
 * attribute: an old value loses rows too).
 */
export class LearningDeferredRegionRollups extends Migration {
  override name = '0008-deferred-region-rollups';

  up(): void {
    this.addSql(`
create table learning.course_learning_pending (
  year smallint not null,
  region_code text not null,
  offering_id integer not null,
  primary key (year, region_code, offering_id)
);

create or replace function learning.enrolment_changed_course() returns trigger language plpgsql as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    insert into learning.course_learning_pending
    select distinct year, region_code, offering_id from new_rows on conflict do nothing;
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    insert into learning.course_learning_pending
    select distinct year, region_code, offering_id from old_rows on conflict do nothing;
  end if;
  return null;
end $$;

create table learning.region_learning_pending (
  year smallint not null,
  region_code text not null,
  primary key (year, region_code)
);
-- As below: the recomputation under a new name, and the old one, which 0005's triggers call, queues.
alter function learning.refresh_region_learning(integer[], text[]) rename to recompute_region_learning;
create function learning.refresh_region_learning(years integer[], codes text[]) returns void language sql as $$
  insert into learning.region_learning_pending
  select distinct k.year, k.code from unnest(years, codes) as k(year, code)
  on conflict do nothing;
$$;

-- The course recomputation keeps its body under a new name; the old name, which the attribute triggers of 0007
-- call (a course, university, competency or offering changed: offering_ids null), now queues the keys.
alter function learning.refresh_course_learning(integer[], text[], integer[]) rename to recompute_course_learning;
create function learning.refresh_course_learning(years integer[], codes text[], offering_ids integer[])
returns void language sql as $$
  insert into learning.course_learning_pending
  select distinct k.year, k.code, o.id from unnest(years, codes) as k(year, code)
   cross join unnest(coalesce(offering_ids, array[0])) as o(id)
  on conflict do nothing;
$$;

-- Refreshes what the queues hold, in the caller's transaction, and empties them. The advisory lock makes two
-- concurrent feed reads take turns (the second finds the queues empty). Returns the keys taken.
create function learning.refresh_pending_rollups() returns integer language plpgsql as $$
declare
  regions integer;
  taken integer;
  some_years integer[];
  some_codes text[];
  some_offerings integer[];
  all_years integer[];
  all_codes text[];
begin
  if not exists (select 1 from learning.course_learning_pending)
     and not exists (select 1 from learning.region_learning_pending) then
    return 0;
  end if;
  perform pg_advisory_xact_lock(hashtext('learning:pending-rollups'));
  with queued as (delete from learning.region_learning_pending returning year, region_code)
  select count(*)::int, array_agg(year::int), array_agg(region_code) into regions, all_years, all_codes from queued;
  if regions > 0 then perform learning.recompute_region_learning(all_years, all_codes); end if;
  with queued as (delete from learning.course_learning_pending returning year, region_code, offering_id)
  select count(*)::int,
         array_agg(year::int) filter (where offering_id <> 0), array_agg(region_code) filter (where offering_id <> 0),
         array_agg(distinct offering_id) filter (where offering_id <> 0),
         array_agg(year::int) filter (where offering_id = 0), array_agg(region_code) filter (where offering_id = 0)
    into taken, some_years, some_codes, some_offerings, all_years, all_codes
    from queued;
  if some_years is not null then perform learning.recompute_course_learning(some_years, some_codes, some_offerings); end if;
  if all_years is not null then perform learning.recompute_course_learning(all_years, all_codes, null); end if;
  return regions + taken;
end $$;

-- A rebuild recomputes everything: the unit rebuild queues every region key, refreshed at once.
create or replace function learning.rebuild_rollups() returns void language sql as $$
  select learning.rebuild_unit_rollups();
  select learning.rebuild_course_rollups();
  select learning.refresh_pending_rollups();
$$;
create or replace function learning.rebuild_course_rollups() returns void language sql as $$
  delete from learning.course_learning_pending;
  delete from learning.course_year_learning;
  select learning.recompute_course_learning(array_agg(year::int), array_agg(region_code), null)
    from (select distinct year, region_code from learning.enrolment) e;
$$;
`);
  }
}
