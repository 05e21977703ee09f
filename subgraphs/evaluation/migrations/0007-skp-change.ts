import { Migration } from '@mikro-orm/migrations';
import { changeTriggersSql, regionAndAncestorsFunctionSql, regionKeysSql } from '../../shared/rollup-sql.js';

/**
 * Refreshes the changes an appraisal in `rows` (aliased `alias`) moves: it is its year's "current" and the
 * next year's "previous", so both years' keys (year, region) are refreshed.
 */
function refreshSkpKeysOf(rows: string, alias: string): string {
  const r = alias;
  return `    perform evaluation.refresh_skp_change(
      array(select ${r}.year::int from ${rows} ${r} union all select a.year::int from ${rows} ${r}
              join evaluation.skp_appraisal a on a.employee_id = ${r}.employee_id and a.year = ${r}.year + 1),
      array(select ${r}.region_code from ${rows} ${r} union all select a.region_code from ${rows} ${r}
              join evaluation.skp_appraisal a on a.employee_id = ${r}.employee_id and a.year = ${r}.year + 1));`;
}

/**
 * L3 of the comparison kept on write: per year and region (every level) and trained or not, the count,
 * sum and sum of squares of the change of the SKP predicate ordinal from the year before. "Trained" is
 * learning's published fact (read model: employees with JP that year within the region). Recomputed per
 * touched (year, region) key when an appraisal changes (this year's and the next year's change) or when
 * the sync applies trained employees.
 */
export class EvaluationSkpChange extends Migration {
  override name = '0007-skp-change';

  up(): void {
    this.addSql(`
create table evaluation.skp_change_rollup (
  year smallint not null,
  region_code text not null,
  trained boolean not null,
  n integer not null,
  sum_delta bigint not null,
  sum_squares bigint not null,
  primary key (year, region_code, trained)
);
create index skp_appraisal_employee_idx on evaluation.skp_appraisal (employee_id, year);

${regionAndAncestorsFunctionSql('evaluation')}

create function evaluation.refresh_skp_change(years integer[], codes text[]) returns void language sql
  set enable_seqscan = off as $$
  with k as (
${regionKeysSql('evaluation')}
  ), change as (
    -- Per key through its index range (lateral): a join on the range would compare every key with every row.
    select k.year, k.code, (pc.ordinal - pp.ordinal) as delta,
           exists (select 1 from evaluation.rm_trained_employee t
                    where t.year = k.year and t.employee_id = cur.employee_id
                      and (t.region_code = k.code or (t.region_code ~>=~ (k.code || '.') and t.region_code ~<~ (k.code || '/')))) as trained
      from k
      cross join lateral (
        select a.* from evaluation.skp_appraisal a
         where a.year = k.year
           and (a.region_code = k.code or (a.region_code ~>=~ (k.code || '.') and a.region_code ~<~ (k.code || '/')))
      ) cur
      join evaluation.skp_appraisal prev on prev.employee_id = cur.employee_id and prev.year = k.year - 1
      join evaluation.skp_predicate_matrix mc on mc.hasil_kerja = cur.hasil_kerja and mc.perilaku_kerja = cur.perilaku_kerja
      join evaluation.skp_predicate pc on pc.predicate = mc.predicate
      join evaluation.skp_predicate_matrix mp on mp.hasil_kerja = prev.hasil_kerja and mp.perilaku_kerja = prev.perilaku_kerja
      join evaluation.skp_predicate pp on pp.predicate = mp.predicate
  ), fresh as (
    select year, code as region_code, trained, count(*)::int as n, sum(delta)::bigint as sum_delta,
           sum(delta * delta)::bigint as sum_squares
      from change group by year, code, trained
  ), gone as (
    delete from evaluation.skp_change_rollup t using k
     where t.year = k.year and t.region_code = k.code
       and not exists (select 1 from fresh f where f.year = t.year and f.region_code = t.region_code and f.trained = t.trained)
  )
  insert into evaluation.skp_change_rollup as t select * from fresh
  on conflict (year, region_code, trained) do update set n = excluded.n, sum_delta = excluded.sum_delta,
    sum_squares = excluded.sum_squares;
$$;

-- An appraisal is this year's "current" and next year's "previous": both changes move.
create function evaluation.skp_changed() returns trigger language plpgsql as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
${refreshSkpKeysOf('new_rows', 'n')}
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
${refreshSkpKeysOf('old_rows', 'o')}
  end if;
  return null;
end $$;
-- Trained employees arrive in feed pages: their keys queue here and the sync refreshes them once per round
-- (refresh_pending_skp_change), not once per page (a catch-up page spans the whole country).
create table evaluation.skp_change_pending (
  year smallint not null,
  region_code text not null,
  primary key (year, region_code)
);
create function evaluation.trained_changed() returns trigger language plpgsql as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    insert into evaluation.skp_change_pending select distinct year, region_code from new_rows on conflict do nothing;
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    insert into evaluation.skp_change_pending select distinct year, region_code from old_rows on conflict do nothing;
  end if;
  return null;
end $$;

create function evaluation.skp_truncated() returns trigger language plpgsql as $$
begin
  delete from evaluation.skp_change_rollup;
  return null;
end $$;

${changeTriggersSql('evaluation.skp_appraisal', 'evaluation.skp_changed', 'skp_appraisal')}
${changeTriggersSql('evaluation.rm_trained_employee', 'evaluation.trained_changed', 'rm_trained_employee')}
create trigger skp_appraisal_truncated after truncate on evaluation.skp_appraisal
  for each statement execute function evaluation.skp_truncated();

-- A whole rebuild in one pass over the appraisals (each change counted at its region and every region above).
create function evaluation.rebuild_skp_change() returns void language sql as $$
  delete from evaluation.skp_change_rollup;
  insert into evaluation.skp_change_rollup (year, region_code, trained, n, sum_delta, sum_squares)
  select c.year, a.code,
         exists (select 1 from evaluation.rm_trained_employee t
                  where t.year = c.year and t.employee_id = c.employee_id
                    and (t.region_code = a.code or (t.region_code ~>=~ (a.code || '.') and t.region_code ~<~ (a.code || '/')))),
         count(*)::int, sum(c.delta)::bigint, sum(c.delta * c.delta)::bigint
    from (select cur.year, cur.employee_id, cur.region_code, (pc.ordinal - pp.ordinal) as delta
            from evaluation.skp_appraisal cur
            join evaluation.skp_appraisal prev on prev.employee_id = cur.employee_id and prev.year = cur.year - 1
            join evaluation.skp_predicate_matrix mc on mc.hasil_kerja = cur.hasil_kerja and mc.perilaku_kerja = cur.perilaku_kerja
            join evaluation.skp_predicate pc on pc.predicate = mc.predicate
            join evaluation.skp_predicate_matrix mp on mp.hasil_kerja = prev.hasil_kerja and mp.perilaku_kerja = prev.perilaku_kerja
            join evaluation.skp_predicate pp on pp.predicate = mp.predicate) c
    cross join lateral evaluation.region_and_ancestors(c.region_code) as a(code)
   group by 1, 2, 3;
$$;
-- Few keys: refreshed one by one; many (a catch-up): one pass over everything is cheaper.
create function evaluation.refresh_pending_skp_change() returns void language plpgsql as $$
begin
  if (select count(*) from evaluation.skp_change_pending) > 2000 then
    perform evaluation.rebuild_skp_change();
  else
    perform evaluation.refresh_skp_change(k.years, k.codes)
       from (select array_agg(year::int) as years, array_agg(region_code) as codes from evaluation.skp_change_pending) k;
  end if;
  delete from evaluation.skp_change_pending;
end $$;
-- After a load that bypassed the triggers, once the read model has caught up: rescore and recount everything.
create function evaluation.rebuild_rollups() returns void language sql as $$
  delete from evaluation.ikm_survey_score;
  select evaluation.refresh_survey_scores(array(select id from evaluation.ikm_survey));
  delete from evaluation.skp_change_pending;
  select evaluation.rebuild_skp_change();
$$;
-- Filled from what exists now.
select evaluation.rebuild_rollups();
`);
  }
}
