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
