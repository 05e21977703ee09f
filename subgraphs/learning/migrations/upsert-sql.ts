/**
 * The upserts of learning's rollups that more than one migration runs (a trigger's keyed refresh and the
 * whole-table rebuild of 0009): the `insert ... on conflict do update where ... is distinct from (...)` of the
 * rows in `fresh`, without its end. SQL text that migrations ran: it must stay byte-identical
 * (test/unit/migration-sql.test.ts).
 */

/** Writes `fresh` into learning.region_year_learning, changed rows only. */
export const REGION_LEARNING_UPSERT_SQL = `  insert into learning.region_year_learning as t (year, region_code, enrolments, completions, drop_outs, participants,
      trained, jp, satisfaction_sum, satisfaction_n, test_gain_sum, tested_n, seq)
  select year, region_code, enrolments, completions, drop_outs, participants, trained, jp, satisfaction_sum,
         satisfaction_n, test_gain_sum, tested_n, 0 from fresh
  on conflict (year, region_code) do update set enrolments = excluded.enrolments, completions = excluded.completions,
    drop_outs = excluded.drop_outs, participants = excluded.participants, trained = excluded.trained, jp = excluded.jp,
    satisfaction_sum = excluded.satisfaction_sum, satisfaction_n = excluded.satisfaction_n,
    test_gain_sum = excluded.test_gain_sum, tested_n = excluded.tested_n
  where (t.enrolments, t.completions, t.drop_outs, t.participants, t.trained, t.jp, t.satisfaction_sum,
         t.satisfaction_n, t.test_gain_sum, t.tested_n)
        is distinct from (excluded.enrolments, excluded.completions, excluded.drop_outs, excluded.participants,
        excluded.trained, excluded.jp, excluded.satisfaction_sum, excluded.satisfaction_n, excluded.test_gain_sum,
        excluded.tested_n)`;

/** Writes `fresh` into learning.course_year_learning, changed rows only. */
export const COURSE_LEARNING_UPSERT_SQL = `  insert into learning.course_year_learning as t (year, region_code, kind, code, label, enrolments, completions,
      drop_outs, participants, jp, satisfaction_sum, satisfaction_n, test_gain_sum, tested_n, seq)
  select year, region_code, kind, code, label, enrolments, completions, drop_outs, participants, jp,
         satisfaction_sum, satisfaction_n, test_gain_sum, tested_n, 0 from fresh
  on conflict (year, region_code, kind, code) do update set label = excluded.label, enrolments = excluded.enrolments,
    completions = excluded.completions, drop_outs = excluded.drop_outs, participants = excluded.participants,
    jp = excluded.jp, satisfaction_sum = excluded.satisfaction_sum, satisfaction_n = excluded.satisfaction_n,
    test_gain_sum = excluded.test_gain_sum, tested_n = excluded.tested_n
  where (t.label, t.enrolments, t.completions, t.drop_outs, t.participants, t.jp, t.satisfaction_sum,
         t.satisfaction_n, t.test_gain_sum, t.tested_n)
        is distinct from (excluded.label, excluded.enrolments, excluded.completions, excluded.drop_outs,
        excluded.participants, excluded.jp, excluded.satisfaction_sum, excluded.satisfaction_n,
        excluded.test_gain_sum, excluded.tested_n)`;

/** Writes `fresh` into learning.unit_year_training, changed rows only. */
export const UNIT_TRAINING_UPSERT_SQL = `  insert into learning.unit_year_training as t (year, unit_id, region_code, enrolments, completions, drop_outs,
      participants, jp, reached_minimum, seq)
  select year, unit_id, region_code, enrolments, completions, drop_outs, participants, jp, reached_minimum, 0 from fresh
  on conflict (year, unit_id, region_code) do update set enrolments = excluded.enrolments,
    completions = excluded.completions, drop_outs = excluded.drop_outs, participants = excluded.participants,
    jp = excluded.jp, reached_minimum = excluded.reached_minimum
  where (t.enrolments, t.completions, t.drop_outs, t.participants, t.jp, t.reached_minimum)
        is distinct from (excluded.enrolments, excluded.completions, excluded.drop_outs, excluded.participants,
        excluded.jp, excluded.reached_minimum)`;

/** The attributes of offerings (`o`), one row each (a course targets several competencies: one each). */
export const OFFERING_ATTRIBUTES_SQL = `  select o.id, x.kind, x.code, x.label
    from learning.course_offering o
    join learning.course c on c.id = o.course_id
    left join learning.university u on u.id = c.university_id
    cross join lateral (
      select 'COURSE' as kind, c.code, c.title as label
      union all select 'UNIVERSITY', coalesce(u.id, 0)::text, coalesce(u.name, 'Tanpa perguruan tinggi mitra')
      union all select 'DELIVERY_MODE', c.delivery, c.delivery
      union all select 'MONTH', to_char(o.ends_on, 'YYYY-MM'), to_char(o.ends_on, 'YYYY-MM')
      union all select distinct 'COMPETENCY', cp.code, cp.name
        from learning.learning_outcome lo join learning.competency cp on cp.id = lo.competency_id
       where lo.curriculum_version_id = o.curriculum_version_id
    ) x`;
