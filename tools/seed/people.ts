import { dayOf, isoDate, monthOf, monthStart, yearOf } from './calendar.js';
import { coursePool } from './courses.js';
import { cultureMix, personalName } from './names.js';
import type { Rng } from './random.js';
import {
  type Education,
  PNS_START_ORDINAL,
  PPPK_ORDINAL,
  positionTitle,
  ROLES,
  type RoleDef,
  type RoleKey,
  rankCap,
  rankCode,
  UNIT_KINDS,
  type UnitKind,
} from './roles.js';
import { nextId, type Run } from './run.js';
import type { Agency, Employee, Leadership, PositionRow, RegionState, Unit } from './types.js';
import { AGENCIES, agencyOf } from './units.js';

type Asn = Employee['asn'];
type Gender = 'M' | 'F';
type ManagerLevel = 'PENGAWAS' | 'ADMINISTRATOR' | 'FUNGSIONAL';
interface Rank {
  ordinal: number;
  tmt: number;
}

/** What kind of person to create; everything else is drawn. */
interface PersonSpec {
  agency: Agency;
  unit: Unit | null;
  regionCode: string;
  role: RoleDef;
  minAge: number;
  maxAge: number;
  forcePns: boolean;
  master: boolean;
  cap?: number;
  /** Oldest age at TMT CPNS (35 unless given). */
  maxEntryAge?: number;
  leadership?: (appointed: number) => { level: Leadership | null; rows: PositionRow[] };
}

/** Who heads a service unit that is neither a school nor an office, by kind. */
const HEAD_ROLES: Partial<Record<UnitKind, readonly RoleKey[]>> = {
  PUSKESMAS: ['DOKTER', 'PERAWAT_NERS', 'PENYULUH_KESEHATAN', 'EPIDEMIOLOG'],
  HEALTH_UPT: ['DOKTER', 'EPIDEMIOLOG'],
  DUKCAPIL_OFFICE: ['ADB', 'ADMIN_S1'],
  PUBLIC_WORKS_UPT: ['TEKNIK_JALAN_S1'],
  BKPSDM_UPT: ['ANALIS_SDM'],
};
const SECTION_HEADS = [
  'Kepala Seksi Pemerintahan',
  'Kepala Seksi Pelayanan Umum',
  'Kepala Seksi Ketenteraman dan Ketertiban Umum',
];
const MIN_ENTRY_AGE: Record<Education, number> = { SMA: 20, D3: 21, S1: 22, PROFESI: 25, S2: 24 };
const FIRST_PPPK_YEAR = 2019;

/** The region's staff: the agency heads first, then every unit's staff, head first (sizes set by createUnits). */
export function createStaff(run: Run, state: RegionState): void {
  const { region, employees } = state;
  const people = new PeopleFactory(run, state.rng, region.code);
  for (const def of AGENCIES) {
    const agency = agencyOf(state, def.kind);
    agency.head = employees.length;
    employees.push(people.agencyHead(agency, def, region.code, state.isProvince, state.label));
  }
  for (const unit of state.units) {
    for (let slot = 0; slot < unit.size; slot++) {
      unit.staff.push(employees.length);
      employees.push(people.unitMember(unit, slot, unit.size));
    }
  }
}

/** Creates employees with their identifiers, names, rank and position histories. */
class PeopleFactory {
  private readonly mix;
  constructor(
    private readonly run: Run,
    private readonly rng: Rng,
    regionCode: string,
  ) {
    this.mix = cultureMix(regionCode);
  }

  agencyHead(
    agency: Agency,
    def: (typeof AGENCIES)[number],
    regionCode: string,
    isProvince: boolean,
    label: string,
  ): Employee {
    const role =
      def.kind === 'HEALTH'
        ? ROLES.DOKTER
        : def.kind === 'EDUCATION'
          ? ROLES.GURU
          : def.kind === 'BKPSDM'
            ? ROLES.ANALIS_SDM
            : ROLES.ANALIS_KEBIJAKAN;
    const rng = this.rng;
    const jptMonth = rng.int(this.run.to * 12 - 60, this.run.to * 12 + 9);
    const level = def.kind === 'DISTRICT_ADMINISTRATION' && isProvince ? 'JPT_MADYA' : 'JPT_PRATAMA';
    const title = def.kind === 'DISTRICT_ADMINISTRATION' ? `${def.head} ${label}` : `Kepala ${agency.name}`;
    return this.create({
      agency,
      unit: null,
      regionCode,
      role,
      minAge: 46,
      maxAge: 58,
      forcePns: true,
      master: true,
      cap: 16,
      maxEntryAge: 28,
      leadership: (appointed) => {
        const jpt = Math.min(Math.max(jptMonth, monthOf(appointed) + 14 * 12), this.run.to * 12 + 9);
        const admin = rng.int(Math.min(Math.max(monthOf(appointed) + 8 * 12, jpt - 8 * 12), jpt - 12), jpt - 12);
        return {
          level: 'JPT',
          rows: [
            {
              title: `${def.previous} ${agency.name}`,
              kind: 'MANAJERIAL',
              level: 'ADMINISTRATOR',
              tmt: monthStart(admin),
            },
            { title, kind: 'MANAJERIAL', level, tmt: monthStart(jpt) },
          ],
        };
      },
    });
  }

  /** The staff member in a unit's `slot` (0 = head; then secretaries and section heads of larger units). */
  unitMember(unit: Unit, slot: number, size: number): Employee {
    const school = unit.kind === 'SD' || unit.kind === 'SMP' || unit.kind === 'SMA';
    const office = unit.kind === 'DISTRICT_OFFICE' || unit.kind === 'REGIONAL_OFFICE';
    if (slot === 0) return this.unitHead(unit, school, office);
    if (office && slot === 1 && size >= 5) {
      const title =
        unit.kind === 'DISTRICT_OFFICE' ? `Sekretaris Camat ${unit.districtName}` : `Sekretaris ${unit.name}`;
      return this.manager(unit, title, 'ADMINISTRATOR', ROLES.ADMIN_S1, 36);
    }
    if (office && slot >= 2 && slot <= 4 && size >= 9) {
      return this.manager(unit, SECTION_HEADS[slot - 2] ?? 'Kepala Seksi', 'PENGAWAS', ROLES.ANALIS_KEBIJAKAN, 32);
    }
    if (!school && !office && slot === 1 && size >= 10) {
      return this.manager(unit, `Kepala Subbagian Tata Usaha ${unit.name}`, 'PENGAWAS', ROLES.ADMIN_S1, 32);
    }
    const role = ROLES[this.rng.weighted(UNIT_KINDS[unit.kind].staff)];
    return this.create({
      ...this.placement(unit),
      role,
      minAge: 22,
      maxAge: 58,
      forcePns: false,
      master: this.rng.chance(role.master),
    });
  }

  private unitHead(unit: Unit, school: boolean, office: boolean): Employee {
    if (school) return this.manager(unit, `Kepala ${unit.name}`, 'FUNGSIONAL', ROLES.GURU, 40);
    if (office) {
      const title = unit.kind === 'DISTRICT_OFFICE' ? `Camat ${unit.districtName}` : `Kepala ${unit.name}`;
      return this.manager(unit, title, 'ADMINISTRATOR', ROLES.ANALIS_KEBIJAKAN, 40);
    }
    const role = ROLES[this.rng.pick<RoleKey>(HEAD_ROLES[unit.kind] ?? ['ADMIN_S1'])];
    return this.manager(unit, `Kepala ${unit.name}`, 'PENGAWAS', role, 38);
  }

  private placement(unit: Unit): Pick<PersonSpec, 'agency' | 'unit' | 'regionCode'> {
    return { agency: unit.agency, unit, regionCode: unit.regionCode };
  }

  /** A PNS holding a post in a unit (a school head's post is functional, not managerial). */
  private manager(unit: Unit, title: string, level: ManagerLevel, role: RoleDef, minAge: number): Employee {
    const rng = this.rng;
    return this.create({
      ...this.placement(unit),
      role,
      minAge,
      maxAge: 57,
      forcePns: true,
      master: rng.chance(0.4),
      maxEntryAge: minAge - 6,
      leadership: (appointed) => {
        const latest = this.run.to * 12 + 9;
        const month = rng.int(Math.min(Math.max(monthOf(appointed) + 4 * 12, latest - 96), latest), latest);
        const leader =
          level === 'FUNGSIONAL'
            ? null
            : level === 'ADMINISTRATOR'
              ? ('ADMINISTRATOR' as const)
              : ('PENGAWAS' as const);
        return {
          level: leader,
          rows: [
            { title, kind: level === 'FUNGSIONAL' ? 'NONMANAJERIAL' : 'MANAJERIAL', level, tmt: monthStart(month) },
          ],
        };
      },
    });
  }

  private create(spec: PersonSpec): Employee {
    const { run, rng } = this;
    const { role } = spec;
    const id = nextId(run, 'employee');
    const gender: Gender = rng.chance(role.female) ? 'F' : 'M';
    const asn: Asn = spec.forcePns || !rng.chance(role.pppk) ? 'PNS' : 'PPPK';
    const education: Education =
      spec.master && role.education !== 'SMA' && role.education !== 'D3' ? 'S2' : role.education;
    const entry = asn === 'PNS' ? this.pnsEntry(spec, education) : this.pppkEntry(spec, education);
    // The TMT must fall after the month of the 18th birthday (domain rule; the entry ages guarantee it).
    const appointedMonth = Math.max(entry.appointedMonth, monthOf(entry.birth) + 18 * 12 + 1);
    const { birth } = entry;
    const appointed = monthStart(appointedMonth);
    const ranks =
      asn === 'PNS'
        ? this.pnsRanks(spec, education, appointedMonth)
        : [{ ordinal: PPPK_ORDINAL[education], tmt: appointed }];
    const { positions, leadership, leaderSince } = this.positions(spec, asn, ranks, appointedMonth);
    const current = positions.at(-1);
    const currentRank = ranks.at(-1);
    if (!current || !currentRank) throw new Error('an employee without history');
    const nip = asn === 'PNS' ? run.identifiers.nip(birth, appointedMonth, gender) : null;
    const niPppk =
      asn === 'PPPK'
        ? run.identifiers.niPppk(birth, Math.floor(appointedMonth / 12), formationCode(spec.agency), gender)
        : null;
    const fullName = this.fullName(role, education, gender);

    const { tables } = run;
    const unitId = spec.unit?.id ?? null;
    tables.employee.add(
      id,
      asn,
      nip,
      niPppk,
      fullName,
      isoDate(birth),
      gender,
      isoDate(appointed),
      spec.agency.id,
      unitId,
      rankCode(asn, currentRank.ordinal),
      current.title,
      current.kind,
      current.level,
    );
    for (const rank of ranks)
      tables.rankHistory.add(nextId(run, 'rankHistory'), id, rankCode(asn, rank.ordinal), isoDate(rank.tmt));
    for (const p of positions) {
      tables.positionHistory.add(
        nextId(run, 'positionHistory'),
        id,
        spec.agency.id,
        unitId,
        p.title,
        p.kind,
        p.level,
        isoDate(p.tmt),
      );
    }
    return {
      id,
      asn,
      agency: spec.agency,
      unit: spec.unit,
      regionCode: spec.regionCode,
      appointed,
      role,
      rankOrdinal: currentRank.ordinal,
      leadership,
      leaderSince,
      leadershipTrained: false,
      ability: rng.normal(0, 1),
      coursePool: coursePool(run, spec.agency.kind, role, spec.unit?.kind ?? null, leadership !== null),
    };
  }

  /**
   * A birth day for an age between lo and hi at the end of the last seeded year, skewed towards older
   * staff like the real ASN workforce.
   */
  private birthDay(lo: number, hi: number): number {
    const rng = this.rng;
    const age = lo + Math.floor((hi - lo + 1) * (0.4 * rng.next() + 0.6 * Math.sqrt(rng.next())));
    return dayOf(this.run.to - age, 1, 1) + rng.int(0, 364);
  }

  /** PNS: birth first, then the TMT CPNS from the entry age, typically a few years later, at most 35. */
  private pnsEntry(spec: PersonSpec, education: Education): { birth: number; appointedMonth: number } {
    const { run, rng } = this;
    const minEntryAge = MIN_ENTRY_AGE[education];
    const birth = this.birthDay(Math.max(spec.minAge, minEntryAge + 1), spec.maxAge);
    const birthMonth = monthOf(birth);
    const entry =
      minEntryAge * 12 +
      Math.min(Math.floor(rng.exponential(5 * 12)), Math.max(0, (spec.maxEntryAge ?? 35) - minEntryAge) * 12) +
      rng.int(1, 11);
    return { birth, appointedMonth: Math.min(birthMonth + entry, run.lastAppointmentMonth - rng.int(0, 5)) };
  }

  /** PPPK: a contract from 2019 on (mostly before the seeded years), then an age that fits it. */
  private pppkEntry(spec: PersonSpec, education: Education): { birth: number; appointedMonth: number } {
    const { run, rng } = this;
    const year =
      run.from - 1 >= FIRST_PPPK_YEAR && rng.chance(0.7)
        ? rng.int(FIRST_PPPK_YEAR, run.from - 1)
        : rng.int(Math.min(Math.max(FIRST_PPPK_YEAR, run.from), run.to), run.to);
    const month = year === run.to ? rng.int(0, 5) : rng.int(0, 11);
    const lo = Math.max(spec.minAge, run.to - year + MIN_ENTRY_AGE[education] + 1);
    return { birth: this.birthDay(lo, Math.max(lo, spec.maxAge)), appointedMonth: year * 12 + month };
  }

  /** Entry rank, then a regular promotion every 4-6 years on 1 April or 1 October, up to the cap. */
  private pnsRanks(spec: PersonSpec, education: Education, appointedMonth: number): Rank[] {
    const { run, rng } = this;
    const cap = spec.cap ?? rankCap(spec.role.track, education);
    let ordinal = PNS_START_ORDINAL[education];
    const ranks: Rank[] = [{ ordinal, tmt: monthStart(appointedMonth) }];
    let month = appointedMonth;
    for (;;) {
      month +=
        12 *
        rng.weighted([
          [4, 70],
          [5, 20],
          [6, 10],
        ] as const);
      // Next promotion period: April (month index 3) or October (9).
      const inYear = month % 12;
      const period = inYear <= 3 ? month - inYear + 3 : inYear <= 9 ? month - inYear + 9 : month - inYear + 15;
      const tmt = monthStart(period);
      if (tmt > run.ref || ordinal >= cap) break;
      ordinal++;
      ranks.push({ ordinal, tmt });
      month = period;
    }
    return ranks;
  }

  /** Position history: a row whenever the functional grade changes with the rank, then a managerial post. */
  private positions(spec: PersonSpec, asn: Asn, ranks: readonly Rank[], appointedMonth: number) {
    const { role } = spec;
    let positions: PositionRow[] = [];
    const nonManagerialLevel = role.track === 'PELAKSANA' ? 'PELAKSANA' : 'FUNGSIONAL';
    for (const rank of ranks) {
      const title = positionTitle(role, asn, rank.ordinal);
      if (positions.at(-1)?.title !== title)
        positions.push({ title, kind: 'NONMANAJERIAL', level: nonManagerialLevel, tmt: rank.tmt });
    }
    let leadership: Leadership | null = null;
    let leaderSince = 0;
    const post = spec.leadership?.(monthStart(appointedMonth));
    const first = post?.rows[0];
    if (post && first) {
      const from = Math.min(Math.max(first.tmt, monthStart(appointedMonth + 1)), this.run.ref);
      first.tmt = from;
      positions = positions.filter((p) => p.tmt < from);
      for (const row of post.rows) if (row.tmt > (positions.at(-1)?.tmt ?? -Infinity)) positions.push(row);
      leadership = post.level;
      leaderSince = yearOf(post.rows.at(-1)?.tmt ?? from);
    }
    return { positions, leadership, leaderSince };
  }

  /** Name with academic degrees, as printed in staff lists. */
  private fullName(role: RoleDef, education: Education, gender: Gender): string {
    const rng = this.rng;
    const name = personalName(rng, rng.weighted(this.mix), gender);
    const degrees = [...(role.degrees.length > 0 ? [rng.pick(role.degrees)] : [])];
    if (education === 'S2' && role.masters.length > 0) degrees.push(rng.pick(role.masters));
    return `${role.prefix ? `${role.prefix} ` : ''}${name}${degrees.length > 0 ? `, ${degrees.join(', ')}` : ''}`;
  }
}

/** Formation code of an NI PPPK: teachers, health workers, technical staff. */
const formationCode = (agency: Agency): number => (agency.kind === 'EDUCATION' ? 0 : agency.kind === 'HEALTH' ? 1 : 2);
