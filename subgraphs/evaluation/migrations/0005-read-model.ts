import { Migration } from '@mikro-orm/migrations';

/**
 * The read model (read-model/tables.ts): what personnel, learning and budgeting publish, as their feeds
 * deliver it, and how far each feed has been applied. Region columns carry `text_pattern_ops` indexes for
 * the range form of "within region X" (shared/regions.ts).
 */
export class EvaluationReadModel extends Migration {
  override name = '0005-read-model';

  up(): void {
    this.addSql(`
create table evaluation.rm_feed_state (
  owner text primary key,
  epoch text not null,
  last_seq bigint not null,
  synced_at timestamptz not null default now()
);

create table evaluation.rm_region (
  code text primary key,
  name text not null,
  level text not null,
  parent_code text
);

create table evaluation.rm_unit (
  unit_id integer primary key,
  unit_code text not null,
  unit_name text not null,
  unit_kind text not null,
  agency_id integer not null,
  agency_code text not null,
  agency_name text not null,
  agency_kind text not null,
  region_code text not null
);
create index rm_unit_region_idx on evaluation.rm_unit (region_code text_pattern_ops);
create index rm_unit_agency_idx on evaluation.rm_unit (agency_id);

create table evaluation.rm_unit_staffing (
  year smallint not null,
  unit_id integer not null,
  staff integer not null,
  pns integer not null,
  pppk integer not null,
  female integer not null,
  male integer not null,
  manajerial integer not null,
  nonmanajerial integer not null,
  rank_pns_i integer not null,
  rank_pns_ii integer not null,
  rank_pns_iii integer not null,
  rank_pns_iv integer not null,
  rank_pppk integer not null,
  age_under_30 integer not null,
  age_30_39 integer not null,
  age_40_49 integer not null,
  age_50_plus integer not null,
  primary key (year, unit_id)
);

create table evaluation.rm_unit_training (
  year smallint not null,
  unit_id integer not null,
  region_code text not null,
  enrolments integer not null,
  completions integer not null,
  drop_outs integer not null,
  participants integer not null,
  jp integer not null,
  reached_minimum integer not null,
  primary key (year, unit_id, region_code)
);
create index rm_unit_training_region_idx on evaluation.rm_unit_training (region_code text_pattern_ops, year);

create table evaluation.rm_unit_training_day (
  year smallint not null,
  unit_id integer not null,
  region_code text not null,
  completed_on date not null,
  jp integer not null,
  enrolments integer not null,
  primary key (year, unit_id, region_code, completed_on)
);
create index rm_unit_training_day_unit_idx on evaluation.rm_unit_training_day (unit_id, completed_on);

create table evaluation.rm_region_learning (
  year smallint not null,
  region_code text not null,
  enrolments integer not null,
  completions integer not null,
  drop_outs integer not null,
  participants integer not null,
  trained integer not null,
  jp integer not null,
  satisfaction_sum numeric not null,
  satisfaction_n integer not null,
  test_gain_sum numeric not null,
  tested_n integer not null,
  primary key (year, region_code)
);

create table evaluation.rm_trained_employee (
  year smallint not null,
  employee_id integer not null,
  region_code text not null,
  jp integer not null,
  primary key (year, employee_id, region_code)
);
create index rm_trained_employee_region_idx on evaluation.rm_trained_employee (region_code text_pattern_ops, year);

create table evaluation.rm_agency_budget (
  year smallint not null,
  agency_id integer not null,
  region_code text not null,
  ceiling bigint not null,
  realised bigint not null,
  lines integer not null,
  offering_planned bigint not null,
  offering_realised bigint not null,
  offerings integer not null,
  primary key (year, agency_id, region_code)
);
create index rm_agency_budget_region_idx on evaluation.rm_agency_budget (region_code text_pattern_ops, year);
`);
  }
}
