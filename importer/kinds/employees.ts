import { GraphQLError } from 'graphql';
import { AsnType, Gender, PositionKind, PositionLevel } from '../../subgraphs/personnel/enums.js';
import { parseNip } from '../../subgraphs/personnel/nip.js';
import { repeatedKeySql } from '../checks.js';
import type { Column } from '../columns.js';
import type { ImportKind, RowProblem } from '../kind.js';

/** Levels of managerial positions (UU 20/2023); the others are non-managerial. */
/** The kind and level of a position: the same columns in the employees and position-history files. */
export const POSITION_COLUMNS: Column[] = [
  {
    name: 'position_kind',
    type: 'choice',
    required: true,
    choices: Object.values(PositionKind),
    meaning: 'MANAJERIAL or NONMANAJERIAL',
  },
  {
    name: 'position_level',
    type: 'choice',
    required: true,
    choices: Object.values(PositionLevel),
    meaning: 'JPT_UTAMA ... PELAKSANA',
  },
];

const MANAGERIAL_LEVELS = ['JPT_UTAMA', 'JPT_MADYA', 'JPT_PRATAMA', 'ADMINISTRATOR', 'PENGAWAS'];

/** Rows whose position kind is not the one its level implies (managerial levels are MANAJERIAL). */
export function positionKindMismatchSql(): string {
  const managerial = MANAGERIAL_LEVELS.map((level) => `'${level}'`).join(', ');
  return `select r.line, 'position_kind', r.position_kind, 'does not fit position level ' || r.position_level
       from import_rows r
      where r.position_kind <> case when r.position_level in (${managerial}) then 'MANAJERIAL' else 'NONMANAJERIAL' end`;
}

const COLUMNS: readonly Column[] = [
  { name: 'nip', type: 'text', required: false, meaning: '18-digit NIP of a PNS (spaces allowed); empty for PPPK' },
  {
    name: 'ni_pppk',
    type: 'text',
    required: false,
    pattern: { regex: /^\d{18}$/, reason: 'must have 18 digits' },
    meaning: '18-digit NI PPPK of a contract employee; empty for PNS',
  },
  { name: 'asn_type', type: 'choice', required: true, choices: Object.values(AsnType), meaning: 'PNS or PPPK' },
  { name: 'full_name', type: 'text', required: true, meaning: 'full name' },
  { name: 'birth_date', type: 'date', required: true, meaning: 'birth date (must match the NIP digits 1-8)' },
  {
    name: 'gender',
    type: 'choice',
    required: true,
    choices: Object.values(Gender),
    meaning: 'M or F (must match NIP digit 15)',
  },
  {
    name: 'appointed_on',
    type: 'date',
    required: true,
    meaning: 'TMT CPNS (month must match NIP digits 9-14) or contract start',
  },
  { name: 'agency_code', type: 'text', required: true, meaning: 'code of the agency, e.g. 12.71-1.02.01' },
  {
    name: 'unit_code',
    type: 'text',
    required: false,
    meaning: "code of the service unit; empty for the agency's own staff",
  },
  {
    name: 'rank_code',
    type: 'text',
    required: true,
    meaning: 'current rank: III/a ... IV/e for PNS, PPPK-I ... PPPK-XVII for PPPK',
  },
  { name: 'position_title', type: 'text', required: true, meaning: 'current position title' },
  ...POSITION_COLUMNS,
];

const NIP = 0;

/** `(line, column, value, reason)` of rows matching `where`, over `import_rows r`. */
const rowsWhere = (column: string, value: string, reason: string, where: string, from = 'import_rows r') =>
  `select r.line, '${column}', coalesce(${value}, ''), ${reason} from ${from} where ${where}`;

/**
 * Employees, keyed by NIP (PNS) or NI PPPK (PPPK): created, or updated when a value differs. The header is
 * fixed (other tools produce it). A new employee also gets its first rank and position history entries,
 * at the appointment date; later changes of rank or position belong in history files.
 */
export const employees: ImportKind = {
  name: 'employees',
  owner: 'personnel',
  unit: 'employees',
  description: 'ASN (PNS and PPPK) with their current agency, unit, rank and position.',
  columns: COLUMNS,
  example: [
    '198609262015051001',
    '',
    'PNS',
    'Ahmad Siregar',
    '1986-09-26',
    'M',
    '2015-05-01',
    '12.71-1.02.01',
    'P1271010001',
    'III/b',
    'Perawat Ahli Pertama',
    'NONMANAJERIAL',
    'FUNGSIONAL',
  ],
  checkRow(values) {
    const nip = values[NIP] ?? '';
    if (nip === '') return [];
    try {
      // The NIP's own rules live in personnel's nip.ts; the normalised NIP (spaces removed) is staged.
      (values as string[])[NIP] = parseNip(nip).nip; // the reader's row array, normalised in place
      return [];
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      const problem: RowProblem = { column: 'nip', value: nip, reason: error.message };
      return [problem];
    }
  },
  regionsSql: `select coalesce(u.region_code, a.region_code) as region_code
    from import_rows r join personnel.agency a on a.code = r.agency_code
    left join personnel.service_unit u on u.code = r.unit_code`,
  checks: [
    rowsWhere('nip', 'r.nip', "'is required for a PNS'", "r.asn_type = 'PNS' and r.nip is null"),
    rowsWhere(
      'nip',
      'r.nip',
      "'must be empty for a PPPK (put the number in ni_pppk)'",
      "r.asn_type = 'PPPK' and r.nip is not null",
    ),
    rowsWhere('ni_pppk', 'r.ni_pppk', "'is required for a PPPK'", "r.asn_type = 'PPPK' and r.ni_pppk is null"),
    rowsWhere('ni_pppk', 'r.ni_pppk', "'must be empty for a PNS'", "r.asn_type = 'PNS' and r.ni_pppk is not null"),
    rowsWhere(
      'ni_pppk',
      'r.ni_pppk',
      "'digits 1-8 (birth date) are not a real date'",
      "not pg_input_is_valid(substr(r.ni_pppk, 1, 8), 'date')",
    ),
    rowsWhere(
      'birth_date',
      'r.birth_date::text',
      "'differs from the birth date in the NIP (' || substr(r.nip, 1, 8) || ')'",
      "substr(r.nip, 1, 8) <> to_char(r.birth_date, 'YYYYMMDD')",
    ),
    rowsWhere(
      'birth_date',
      'r.birth_date::text',
      "'differs from the birth date in the NI PPPK (' || substr(r.ni_pppk, 1, 8) || ')'",
      "substr(r.ni_pppk, 1, 8) <> to_char(r.birth_date, 'YYYYMMDD')",
    ),
    rowsWhere(
      'gender',
      'r.gender',
      "'differs from NIP digit 15 (' || substr(r.nip, 15, 1) || ')'",
      "r.nip is not null and r.gender <> case substr(r.nip, 15, 1) when '1' then 'M' else 'F' end",
    ),
    rowsWhere(
      'appointed_on',
      'r.appointed_on::text',
      "'is not in the TMT CPNS month of the NIP (' || substr(r.nip, 9, 6) || ')'",
      "substr(r.nip, 9, 6) <> to_char(r.appointed_on, 'YYYYMM')",
    ),
    rowsWhere(
      'appointed_on',
      'r.appointed_on::text',
      "'is before the 18th birthday'",
      "r.appointed_on < r.birth_date + interval '18 years'",
    ),
    repeatedKeySql(['nip'], 'nip', "'appears again'"),
    repeatedKeySql(['ni_pppk'], 'ni_pppk', "'appears again'"),
    rowsWhere(
      'agency_code',
      'r.agency_code',
      "'no agency has this code'",
      'a.id is null',
      'import_rows r left join personnel.agency a on a.code = r.agency_code',
    ),
    rowsWhere(
      'unit_code',
      'r.unit_code',
      "'no service unit has this code'",
      'r.unit_code is not null and u.id is null',
      'import_rows r left join personnel.service_unit u on u.code = r.unit_code',
    ),
    rowsWhere(
      'unit_code',
      'r.unit_code',
      "'belongs to agency ' || a.code || ', not to ' || r.agency_code",
      'a.code <> r.agency_code',
      'import_rows r join personnel.service_unit u on u.code = r.unit_code join personnel.agency a on a.id = u.agency_id',
    ),
    rowsWhere(
      'rank_code',
      'r.rank_code',
      "case when k.code is null then 'is not a rank (III/a, PPPK-IX, ...)' else 'is a ' || k.asn_type || ' rank, the employee is ' || r.asn_type end",
      'k.code is null or k.asn_type <> r.asn_type',
      'import_rows r left join personnel.rank k on k.code = r.rank_code',
    ),
    positionKindMismatchSql(),
  ],
  async merge({ client, rows }) {
    await client.query(`
      create temp table employee_in on commit drop as
      select r.line, r.asn_type, r.nip, r.ni_pppk, r.full_name, r.birth_date, r.gender, r.appointed_on, a.id as agency_id,
             u.id as unit_id, r.rank_code, r.position_title, r.position_kind, r.position_level
        from import_rows r join personnel.agency a on a.code = r.agency_code
        left join personnel.service_unit u on u.code = r.unit_code`);
    let inserted = 0;
    let updated = 0;
    // Two statements: a PNS is keyed by NIP, a PPPK by NI PPPK (each unique, the other null).
    for (const [asnType, key] of [
      ['PNS', 'nip'],
      ['PPPK', 'ni_pppk'],
    ] as const) {
      const { rows: counted } = await client.query<{ inserted: number; updated: number }>(
        `with merged as (
           insert into personnel.employee as e (asn_type, nip, ni_pppk, full_name, birth_date, gender, appointed_on,
             agency_id, unit_id, rank_code, position_title, position_kind, position_level)
           select i.asn_type, i.nip, i.ni_pppk, i.full_name, i.birth_date, i.gender, i.appointed_on, i.agency_id,
                  i.unit_id, i.rank_code, i.position_title, i.position_kind, i.position_level
             from employee_in i left join personnel.employee e on e.${key} = i.${key}
            where i.asn_type = $1
              -- Rows already as stated are left alone (an ON CONFLICT that finds them would still lock them).
              and (e.id is null
                or (e.full_name, e.birth_date, e.gender, e.appointed_on, e.agency_id, e.unit_id, e.rank_code,
                    e.position_title, e.position_kind, e.position_level)
                   is distinct from (i.full_name, i.birth_date, i.gender, i.appointed_on, i.agency_id, i.unit_id,
                    i.rank_code, i.position_title, i.position_kind, i.position_level))
            -- New records take ids in the file's order: an export imported elsewhere keeps its order.
            order by i.line
           on conflict (${key}) do update set
             full_name = excluded.full_name, birth_date = excluded.birth_date, gender = excluded.gender,
             appointed_on = excluded.appointed_on, agency_id = excluded.agency_id, unit_id = excluded.unit_id,
             rank_code = excluded.rank_code, position_title = excluded.position_title,
             position_kind = excluded.position_kind, position_level = excluded.position_level
           where (e.full_name, e.birth_date, e.gender, e.appointed_on, e.agency_id, e.unit_id, e.rank_code,
                  e.position_title, e.position_kind, e.position_level)
             is distinct from (excluded.full_name, excluded.birth_date, excluded.gender, excluded.appointed_on,
                  excluded.agency_id, excluded.unit_id, excluded.rank_code, excluded.position_title,
                  excluded.position_kind, excluded.position_level)
           -- xmax is 0 only in a row version this statement inserted (an update leaves the locker's id).
           returning e.id, (e.xmax = 0) as inserted, e.rank_code, e.appointed_on, e.agency_id, e.unit_id,
                     e.position_title, e.position_kind, e.position_level
         ), ranks as (
           insert into personnel.rank_history (employee_id, rank_code, tmt)
           select id, rank_code, appointed_on from merged where inserted
         ), positions as (
           insert into personnel.position_history (employee_id, agency_id, unit_id, title, position_kind, position_level, tmt)
           select id, agency_id, unit_id, position_title, position_kind, position_level, appointed_on from merged where inserted
         )
         select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated
           from merged`,
        [asnType],
      );
      inserted += counted[0]?.inserted ?? 0;
      updated += counted[0]?.updated ?? 0;
    }
    return { inserted, updated, unchanged: rows - inserted - updated };
  },
};
