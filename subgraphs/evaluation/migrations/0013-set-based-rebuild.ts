import { Migration } from '@mikro-orm/migrations';
import { changeTriggersSql } from '../../shared/rollup-sql.js';
import { scoreAndSampleSql } from '../ikm-score-sql.js';

/**
 * The refill of evaluation's rollups after a bulk load (`rebuild_rollups`, tools/seed/generate.ts `settle`), the same
 * rows in about a third of the CPU (national seed: 5.8-6.5 s of CPU before, 2.1-2.3 s after, medians of 5):
 * - Survey scores: every survey in one plain insert into the emptied table, scored as 0006's
 *   refresh_survey_scores scores it (scoreAndSampleSql, same band test). Building an array of every id and
 *   upserting each row against its key cost twice the scoring.
 * - The survey scores' input versions (0011): the codes come from the transition table's columns; the generic
 *   impact_unit_rows_changed turned all 85,000 new rows into one jsonb value and back (0.7 s).
 * - SKP changes: 0007's rebuild joined the appraisals to themselves (one million rows hashed), fanned every
 *   change out to its four regions with a trained test each (1.9 million probes) and sorted that on a text key.
 *   Now each appraisal meets the one before it by a window; the changes are summed per year and region first
 *   (and per employee only where the employee has trained rows that year), then spread over the regions above.
 *   With the read model filled (the sync's catch-up, refresh_pending_skp_change) it costs 40% less than 0007's.
 * A rebuild runs after a load that bypassed the triggers, not alongside writers: the inserts into the emptied
 * rollups are plain, as 0007's rebuild_skp_change always was.
 */
export class EvaluationSetBasedRebuild extends Migration {
  override name = '0013-set-based-rebuild';

  up(): void {
    this.addSql(`
-- Every survey's score into the (emptied) ikm_survey_score: the rows refresh_survey_scores gives for all ids.
create function evaluation.fill_survey_scores() returns void language sql as $$
  insert into evaluation.ikm_survey_score (survey_id, unit_id, region_code, year, conducted_on, respondents, score, under_sampled)
  select s.id, s.unit_id, s.region_code, s.year, s.conducted_on, s.respondents, sc.score,
         s.respondents < km.minimum_sample
    from evaluation.ikm_survey s
${scoreAndSampleSql('    ')}
   where exists (select 1 from evaluation.ikm_band b where round(sc.score, 2) between b.lower_bound and b.upper_bound);
$$;

-- The reference tables' rescoring (0006) through the same insert.
create or replace function evaluation.rebuild_survey_scores() returns trigger language plpgsql as $$
begin
  delete from evaluation.ikm_survey_score;
  perform evaluation.fill_survey_scores();
  return null;
end $$;

-- The codes impact_row_codes (0011) gives for survey scores, read off the rows: a score's own region (never
-- null) and its unit's region in the read model, each with the regions above it a new input version.
create function evaluation.impact_scores_changed() returns trigger language plpgsql as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    perform evaluation.bump_impact_versions(array(
      select n.region_code from new_rows n
      union select u.region_code from new_rows n join evaluation.rm_unit u on u.unit_id = n.unit_id));
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    perform evaluation.bump_impact_versions(array(
      select o.region_code from old_rows o
      union select u.region_code from old_rows o join evaluation.rm_unit u on u.unit_id = o.unit_id));
  end if;
  return null;
end $$;
drop trigger ikm_survey_score_inserted_impact on evaluation.ikm_survey_score;
drop trigger ikm_survey_score_updated_impact on evaluation.ikm_survey_score;
drop trigger ikm_survey_score_deleted_impact on evaluation.ikm_survey_score;
${changeTriggersSql('evaluation.ikm_survey_score', 'evaluation.impact_scores_changed', 'ikm_survey_score', '_impact')}

-- 0007's rollup in one pass over the appraisals:
-- - The change of an appraisal is its ordinal minus that of the employee's appraisal of the year before: the
--   previous appraisal in year order (one per employee and year), when its year is the year before. An
--   appraisal without a predicate ordinal drops out before the window; then it has no change and is no
--   previous one either, as in 0007's inner joins. (As a case rather than a filter on the years: the planner
--   takes a filter comparing two columns for 0.5% of the rows and then sorts on the region code to group.)
-- - Trained: at a region, an employee with a trained row that year within it (0007's test on the employee's
--   trained region codes of that year, gathered once instead of an index probe per change and region). An
--   employee without trained rows that year is trained nowhere, so those changes are summed per year and
--   region first; only the others keep their employee to be tested at each region above.
create or replace function evaluation.rebuild_skp_change() returns void language sql as $$
  delete from evaluation.skp_change_rollup;
  insert into evaluation.skp_change_rollup (year, region_code, trained, n, sum_delta, sum_squares)
  with appraisal as (
    select a.year, a.employee_id, a.region_code, p.ordinal,
           case when lag(a.year) over w = a.year - 1 then lag(p.ordinal) over w end as prev_ordinal
      from evaluation.skp_appraisal a
      join evaluation.skp_predicate_matrix m on m.hasil_kerja = a.hasil_kerja and m.perilaku_kerja = a.perilaku_kerja
      join evaluation.skp_predicate p on p.predicate = m.predicate
    window w as (partition by a.employee_id order by a.year)
  ), leaf as (
    select c.year, c.region_code, t.codes, count(*) as n, sum(c.ordinal - c.prev_ordinal) as sum_delta,
           sum((c.ordinal - c.prev_ordinal) * (c.ordinal - c.prev_ordinal)) as sum_squares
      from appraisal c
      left join (select year, employee_id, array_agg(region_code) as codes from evaluation.rm_trained_employee
                  group by year, employee_id) t
        on t.year = c.year and t.employee_id = c.employee_id
     where c.prev_ordinal is not null
     group by c.year, c.region_code, t.employee_id, t.codes
  )
  select l.year, a.code,
         l.codes is not null and exists (select 1 from unnest(l.codes) as t(region_code)
                  where t.region_code = a.code or (t.region_code ~>=~ (a.code || '.') and t.region_code ~<~ (a.code || '/'))),
         sum(l.n)::int, sum(l.sum_delta)::bigint, sum(l.sum_squares)::bigint
    from leaf l
    cross join lateral evaluation.region_and_ancestors(l.region_code) as a(code)
   group by 1, 2, 3;
$$;

create or replace function evaluation.rebuild_rollups() returns void language sql as $$
  delete from evaluation.ikm_survey_score;
  select evaluation.fill_survey_scores();
  delete from evaluation.skp_change_pending;
  select evaluation.rebuild_skp_change();
$$;
`);
  }
}
