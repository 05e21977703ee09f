/**
 * The rows of each stream the owners publish (see feed.ts), declared once: the owner's rollup table
 * (with its `seq`) and evaluation's read-model copy (without it) have the same columns, so a feed row
 * applies as it is. The migrations render their CREATE TABLE from here; the SQL they ran stays
 * byte-identical (test/unit/migration-sql.test.ts), so a change here is a new migration, never an edit.
 */

export interface StreamRow {
  /** Column definitions, in order. */
  columns: readonly string[];
  /** The primary-key clause's columns, unless a column declares it. */
  primaryKey?: string;
  /** A comment the owner's table carries above a column (by column name). */
  comments?: Readonly<Record<string, string>>;
}

export const STREAM_ROWS = {
  /** The region list (personnel). */
  regions: {
    columns: ['code text primary key', 'name text not null', 'level text not null', 'parent_code text'],
  },
  /** The service units with their agency (personnel). */
  units: {
    columns: [
      'unit_id integer primary key',
      'unit_code text not null',
      'unit_name text not null',
      'unit_kind text not null',
      'agency_id integer not null',
      'agency_code text not null',
      'agency_name text not null',
      'agency_kind text not null',
      'region_code text not null',
    ],
  },
  /** Staff per unit on 31 December, with person dimensions as counts (personnel). */
  staffing: {
    columns: [
      'year smallint not null',
      'unit_id integer not null',
      'staff integer not null',
      'pns integer not null',
      'pppk integer not null',
      'female integer not null',
      'male integer not null',
      'manajerial integer not null',
      'nonmanajerial integer not null',
      'rank_pns_i integer not null',
      'rank_pns_ii integer not null',
      'rank_pns_iii integer not null',
      'rank_pns_iv integer not null',
      'rank_pppk integer not null',
      'age_under_30 integer not null',
      'age_30_39 integer not null',
      'age_40_49 integer not null',
      'age_50_plus integer not null',
    ],
    primaryKey: 'year, unit_id',
  },
  /** Mentoring and promotions per unit and year (personnel). */
  mentoring: {
    columns: [
      'year smallint not null',
      'unit_id integer not null',
      'staff integer not null',
      'mentored integer not null',
      'mentors integer not null',
      'mentor_leaders integer not null',
      'promoted integer not null',
    ],
    primaryKey: 'year, unit_id',
  },
  /** The employees promoted per year, ids only (personnel). */
  promotions: {
    columns: ['year smallint not null', 'employee_id integer not null'],
    primaryKey: 'year, employee_id',
  },
  /** Training per unit, year and region (learning). */
  unitTraining: {
    columns: [
      'year smallint not null',
      'unit_id integer not null',
      'region_code text not null',
      'enrolments integer not null',
      'completions integer not null',
      'drop_outs integer not null',
      'participants integer not null',
      'jp integer not null',
      'reached_minimum integer not null',
    ],
    primaryKey: 'year, unit_id, region_code',
  },
  /** JP completed per unit and day (learning). */
  unitTrainingDays: {
    columns: [
      'year smallint not null',
      'unit_id integer not null',
      'region_code text not null',
      'completed_on date not null',
      'jp integer not null',
      'enrolments integer not null',
    ],
    primaryKey: 'year, unit_id, region_code, completed_on',
  },
  /** Learning per region at every level and year (learning). */
  regionLearning: {
    columns: [
      'year smallint not null',
      'region_code text not null',
      'enrolments integer not null',
      'completions integer not null',
      'drop_outs integer not null',
      'participants integer not null',
      'trained integer not null',
      'jp integer not null',
      'satisfaction_sum numeric not null',
      'satisfaction_n integer not null',
      'test_gain_sum numeric not null',
      'tested_n integer not null',
    ],
    primaryKey: 'year, region_code',
  },
  /** The employees trained per year and region, with their JP (learning). */
  trainedEmployees: {
    columns: [
      'year smallint not null',
      'employee_id integer not null',
      'region_code text not null',
      'jp integer not null',
    ],
    primaryKey: 'year, employee_id, region_code',
  },
  /** Learning per year, region and course attribute (learning). */
  courseLearning: {
    columns: [
      'year smallint not null',
      'region_code text not null',
      'kind text not null',
      'code text not null',
      'label text not null',
      'enrolments integer not null',
      'completions integer not null',
      'drop_outs integer not null',
      'participants integer not null',
      'jp integer not null',
      'satisfaction_sum numeric not null',
      'satisfaction_n integer not null',
      'test_gain_sum numeric not null',
      'tested_n integer not null',
    ],
    primaryKey: 'year, region_code, kind, code',
    comments: {
      kind: 'COURSE, UNIVERSITY, DELIVERY_MODE, COMPETENCY or MONTH (written by refresh_course_learning only).',
    },
  },
  /** Budget per agency, year and region (budgeting). */
  agencyBudget: {
    columns: [
      'year smallint not null',
      'agency_id integer not null',
      'region_code text not null',
      'ceiling bigint not null',
      'realised bigint not null',
      'lines integer not null',
      'offering_planned bigint not null',
      'offering_realised bigint not null',
      'offerings integer not null',
    ],
    primaryKey: 'year, agency_id, region_code',
  },
} satisfies Record<string, StreamRow>;

/**
 * CREATE TABLE for a stream's rows: `owner` adds the `seq` column the feed stamps (before the primary key);
 * the read-model copy has none.
 */
export function streamTableSql(table: string, row: StreamRow, side: 'owner' | 'copy'): string {
  const lines = row.columns.map((column) => {
    const comment = side === 'owner' ? row.comments?.[column.split(' ')[0] ?? ''] : undefined;
    return comment ? `  -- ${comment}\n  ${column}` : `  ${column}`;
  });
  if (side === 'owner') lines.push('  seq bigint not null');
  if (row.primaryKey) lines.push(`  primary key (${row.primaryKey})`);
  return `create table ${table} (\n${lines.join(',\n')}\n);`;
}
