import { Migration } from '@mikro-orm/migrations';
import { changeTriggersSql, keysChangedFunctionSql } from '../../shared/rollup-sql.js';
import { scoreAndSampleSql } from '../ikm-score-sql.js';

/**
 * Each IKM survey's score and sample check, kept on write (the comparison reads tens of thousands of
 * surveys; scoring each from its answer counts per request cost most of a national comparison). The
 * score is the same numeric expression as SURVEY_SELECT's (service.ts), stored unrounded; a survey
 * appears only when SURVEY_SELECT would list it (a Krejcie-Morgan row and a grade band exist).
 * Statement-level triggers recompute only the surveys a statement touches.
 */
export class EvaluationSurveyScores extends Migration {
  override name = '0006-survey-scores';

  up(): void {
    this.addSql(`
create table evaluation.ikm_survey_score (
  survey_id integer primary key,
  unit_id integer not null,
  region_code text not null,
  year smallint not null,
  conducted_on date not null,
  respondents integer not null,
  score numeric not null,
  under_sampled boolean not null
);
create index ikm_survey_score_unit_idx on evaluation.ikm_survey_score (unit_id, year);

create function evaluation.refresh_survey_scores(ids integer[]) returns void language sql
  set enable_seqscan = off as $$
  with fresh as (
    select s.id as survey_id, s.unit_id, s.region_code, s.year, s.conducted_on, s.respondents, sc.score,
           s.respondents < km.minimum_sample as under_sampled
      from evaluation.ikm_survey s
${scoreAndSampleSql('      ')}
     where s.id = any(ids)
       and exists (select 1 from evaluation.ikm_band b where round(sc.score, 2) between b.lower_bound and b.upper_bound)
  ), gone as (
    delete from evaluation.ikm_survey_score t
     where t.survey_id = any(ids) and not exists (select 1 from fresh f where f.survey_id = t.survey_id)
  )
  insert into evaluation.ikm_survey_score as t
  select * from fresh
  on conflict (survey_id) do update set unit_id = excluded.unit_id, region_code = excluded.region_code,
    year = excluded.year, conducted_on = excluded.conducted_on, respondents = excluded.respondents,
    score = excluded.score, under_sampled = excluded.under_sampled;
$$;

${keysChangedFunctionSql('evaluation.survey_changed', 'evaluation.refresh_survey_scores', 'id')}
${keysChangedFunctionSql('evaluation.answers_changed', 'evaluation.refresh_survey_scores', 'survey_id', { distinct: true })}
-- The reference tables (bands, sample sizes) change by migration only: then every survey is rescored.
create function evaluation.rebuild_survey_scores() returns trigger language plpgsql as $$
begin
  delete from evaluation.ikm_survey_score;
  perform evaluation.refresh_survey_scores(array(select id from evaluation.ikm_survey));
  return null;
end $$;

${changeTriggersSql('evaluation.ikm_survey', 'evaluation.survey_changed', 'ikm_survey')}
${changeTriggersSql('evaluation.ikm_answer_count', 'evaluation.answers_changed', 'ikm_answer')}
create trigger ikm_survey_truncated after truncate on evaluation.ikm_survey
  for each statement execute function evaluation.rebuild_survey_scores();
create trigger ikm_band_changed after insert or update or delete on evaluation.ikm_band
  for each statement execute function evaluation.rebuild_survey_scores();
create trigger krejcie_morgan_changed after insert or update or delete on evaluation.krejcie_morgan
  for each statement execute function evaluation.rebuild_survey_scores();

select evaluation.refresh_survey_scores(array(select id from evaluation.ikm_survey));
`);
  }
}
