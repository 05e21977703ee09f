import { agencyCode, unitCode, unitCodePartition } from '../../subgraphs/personnel/codes.js';
import { clamp } from './calendar.js';
import type { AgencyKind } from './catalog.js';
import type { Rng } from './random.js';
import { UNIT_KINDS, type UnitKind } from './roles.js';
import { nextId, type Run } from './run.js';
import type { Agency, District, RegionRow, RegionState, Unit } from './types.js';

/** The agencies (perangkat daerah) of every region, with the title of their head and of the post before it. */
export const AGENCIES: readonly { kind: AgencyKind; name: string; head: string; previous: string }[] = [
  { kind: 'EDUCATION', name: 'Dinas Pendidikan', head: 'Kepala Dinas Pendidikan', previous: 'Sekretaris' },
  {
    kind: 'HEALTH',
    name: 'Dinas Kesehatan',
    head: 'Kepala Dinas Kesehatan',
    previous: 'Kepala Bidang Pelayanan Kesehatan',
  },
  {
    kind: 'CIVIL_REGISTRY',
    name: 'Dinas Kependudukan dan Pencatatan Sipil',
    head: 'Kepala Dinas Kependudukan dan Pencatatan Sipil',
    previous: 'Kepala Bidang Pelayanan Pendaftaran Penduduk',
  },
  {
    kind: 'BKPSDM',
    name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    head: 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    previous: 'Kepala Bidang Pengembangan Kompetensi',
  },
  {
    kind: 'PUBLIC_WORKS',
    name: 'Dinas Pekerjaan Umum dan Penataan Ruang',
    head: 'Kepala Dinas Pekerjaan Umum dan Penataan Ruang',
    previous: 'Kepala Bidang Bina Marga',
  },
  {
    kind: 'DISTRICT_ADMINISTRATION',
    name: 'Sekretariat Daerah',
    head: 'Sekretaris Daerah',
    previous: 'Kepala Bagian Organisasi',
  },
];

/** Villages that must host a unit (Kampung Salor, whose ASN practice the platform grew from: Salor Indah, district Kurik, Merauke). */
const REQUIRED_VILLAGES: Record<string, readonly string[]> = { '93.01': ['93.01.11.2009'] };

/** Units with one office per district, named after it. */
const PER_DISTRICT_NAMES: Partial<Record<UnitKind, string>> = {
  DISTRICT_OFFICE: 'Kantor Camat',
  REGIONAL_OFFICE: 'UPT Pelayanan Terpadu Wilayah',
  DUKCAPIL_OFFICE: 'Layanan Dukcapil Kecamatan',
  PUBLIC_WORKS_UPT: 'UPT Pemeliharaan Jalan dan Jembatan Wilayah',
};

/** One agency of each kind, named after the region (their heads are set when staff is created). */
export function createAgencies(run: Run, region: RegionRow, label: string): Map<AgencyKind, Agency> {
  const agencies = new Map<AgencyKind, Agency>();
  for (const def of AGENCIES) {
    const agency: Agency = { id: nextId(run, 'agency'), kind: def.kind, name: `${def.name} ${label}`, head: -1 };
    agencies.set(def.kind, agency);
    // One agency of each kind per region: its number within region and affair is 1.
    run.tables.agency.add(agency.id, agencyCode(region.code, def.kind, 1), region.code, agency.name, agency.kind);
  }
  return agencies;
}

export function agencyOf(state: Pick<RegionState, 'agencies'>, kind: AgencyKind): Agency {
  const agency = state.agencies.get(kind);
  if (!agency) throw new Error(`no ${kind} agency`);
  return agency;
}

/** Service units of the region with their place, population served and staff size (staff comes later). */
export function createUnits(run: Run, state: RegionState, staffTotal: number): Unit[] {
  const { rng, region } = state;
  const kinds = unitKinds(run, state, staffTotal);
  const places = new UnitPlaces(rng, region, state.label);
  const units: Unit[] = [];
  const weights: number[] = [];
  // Units are numbered within their code partition in id order, as migration 0003 numbers existing rows.
  const codeSequences = new Map<string, number>();
  for (const kind of kinds) {
    const def = UNIT_KINDS[kind];
    const { name, regionCode, district } = places.place(kind);
    const population =
      kind === 'BKPSDM_UPT'
        ? clamp(staffTotal + AGENCIES.length, def.population[0], def.population[1])
        : rng.int(def.population[0], def.population[1]);
    const agency = agencyOf(state, def.agency);
    const unit: Unit = {
      id: nextId(run, 'unit'),
      index: units.length,
      kind,
      agency,
      name,
      regionCode,
      districtName: district.name,
      population,
      size: 3,
      staff: [],
      // A unit's appetite for training: scales its yearly JP per staff member.
      intensity: rng.uniform(0.75, 1.25),
      quality: 0,
      surveyDay: 0,
      lastScore: null,
    };
    units.push(unit);
    weights.push(def.staffWeight * Math.exp(rng.normal(0, 0.35)));
    const partition = unitCodePartition(def.dbKind, regionCode);
    const sequence = (codeSequences.get(partition) ?? 0) + 1;
    codeSequences.set(partition, sequence);
    const code = unitCode(def.dbKind, regionCode, unit.id, sequence);
    run.tables.unit.add(unit.id, code, agency.id, regionCode, name, def.dbKind, population);
  }
  const sizes = staffSizes(weights, staffTotal);
  units.forEach((unit, i) => {
    unit.size = sizes[i] ?? 3;
  });
  return units;
}

/** The kind of every unit: one BKPSDM UPT, offices, health centres, civil registry, public works, schools. */
function unitKinds(_run: Run, { rng, region, isProvince }: RegionState, staffTotal: number): UnitKind[] {
  const n = Math.max(6, Math.min(Math.round((staffTotal + AGENCIES.length) / 12), Math.floor(staffTotal / 3)));
  const offices = Math.max(1, Math.min(region.districts.length, Math.round(n * 0.12)));
  const health = Math.max(1, Math.round(n * 0.18));
  const dukcapil = Math.max(1, Math.round(n * 0.05));
  const works = Math.max(1, Math.round(n * 0.05));
  const schools = n - offices - health - dukcapil - works - 1;
  const kinds: UnitKind[] = [];
  const push = (kind: UnitKind, count: number) => {
    for (let i = 0; i < count; i++) kinds.push(kind);
  };
  push('BKPSDM_UPT', 1);
  push(isProvince ? 'REGIONAL_OFFICE' : 'DISTRICT_OFFICE', offices);
  push(isProvince ? 'HEALTH_UPT' : 'PUSKESMAS', health);
  push('DUKCAPIL_OFFICE', dukcapil);
  push('PUBLIC_WORKS_UPT', works);
  for (let i = 0; i < schools; i++) kinds.push(isProvince ? 'SMA' : rng.chance(0.3) ? 'SMP' : 'SD');
  return kinds;
}

/** Staff sizes: three each, the rest in proportion to the weights (largest remainder). */
function staffSizes(weights: readonly number[], staffTotal: number): number[] {
  const rest = staffTotal - 3 * weights.length;
  const total = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => (rest * w) / total);
  const sizes = shares.map((s) => 3 + Math.floor(s));
  let left = staffTotal - sizes.reduce((a, b) => a + b, 0);
  const order = shares.map((s, i) => [s - Math.floor(s), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    sizes[i] = (sizes[i] ?? 0) + 1;
    left--;
  }
  return sizes;
}

type Village = District['villages'][number];

/** Chooses the place and the (unique) name of each unit of a region, one unit after the other. */
class UnitPlaces {
  private readonly required: { district: District; village: Village }[];
  private readonly districtQueues = new Map<UnitKind, District[]>();
  private readonly usedPlaces = new Set<string>();
  private readonly usedNames = new Set<string>();
  private readonly schoolCounter = new Map<string, number>();
  private requiredHealth = 0;
  private requiredSchool = 0;

  constructor(
    private readonly rng: Rng,
    private readonly region: RegionRow,
    private readonly label: string,
  ) {
    this.required = (REQUIRED_VILLAGES[region.code] ?? [])
      .map((code) => {
        const district = region.districts.find((d) => code.startsWith(`${d.code}.`));
        const village = district?.villages.find((v) => v.code === code);
        return district && village ? { district, village } : null;
      })
      .filter((v) => v !== null);
  }

  place(kind: UnitKind): { name: string; regionCode: string; district: District } {
    const district = this.rng.pick(this.region.districts);
    const village = district.villages.length > 0 ? this.rng.pick(district.villages) : null;
    const perDistrict = PER_DISTRICT_NAMES[kind];
    if (perDistrict) {
      const own = this.nextDistrict(kind);
      return { name: this.unique(`${perDistrict} ${own.name}`), regionCode: own.code, district: own };
    }
    switch (kind) {
      case 'PUSKESMAS':
      case 'HEALTH_UPT':
        return this.healthCentre(kind, district, village);
      case 'SD':
      case 'SMP':
      case 'SMA':
        return this.school(kind, district, village);
      default:
        return {
          name: this.unique(`UPT Pengembangan Kompetensi ASN ${this.label}`),
          regionCode: district.code,
          district,
        };
    }
  }

  /** One health centre per village where possible; then auxiliary ones (Puskesmas Pembantu). */
  private healthCentre(kind: UnitKind, district: District, village: Village | null) {
    const forced = this.required[this.requiredHealth++];
    if (forced) ({ district, village } = forced);
    for (let tries = 0; !forced && tries < 10 && this.usedPlaces.has((village ?? district).code); tries++) {
      district = this.rng.pick(this.region.districts);
      village = district.villages.length > 0 ? this.rng.pick(district.villages) : null;
    }
    const place = village ?? district;
    const auxiliary = this.usedPlaces.has(place.code);
    this.usedPlaces.add(place.code);
    const prefix = kind === 'PUSKESMAS' ? (auxiliary ? 'Puskesmas Pembantu' : 'Puskesmas') : 'UPT Pelayanan Kesehatan';
    return { name: this.unique(`${prefix} ${place.name}`), regionCode: place.code, district };
  }

  /** Schools are numbered per district and type: SD Negeri 1 Medan Kota, SMK Negeri 2 ... */
  private school(kind: UnitKind, district: District, village: Village | null) {
    const forced = this.required[this.requiredSchool++];
    if (forced) ({ district, village } = forced);
    const type = kind === 'SMA' ? (this.rng.chance(0.4) ? 'SMK' : 'SMA') : kind;
    const key = `${type} ${district.code}`;
    const number = (this.schoolCounter.get(key) ?? 0) + 1;
    this.schoolCounter.set(key, number);
    return {
      name: this.unique(`${type} Negeri ${number} ${district.name}`),
      regionCode: (village ?? district).code,
      district,
    };
  }

  /**
   * Offices and UPTs go to districts that have none of their kind yet, in random order (cycling only
   * when a kind has more units than the region has districts).
   */
  private nextDistrict(kind: UnitKind): District {
    let queue = this.districtQueues.get(kind);
    if (!queue || queue.length === 0) {
      queue = this.rng.shuffle([...this.region.districts]);
      this.districtQueues.set(kind, queue);
    }
    const district = queue.pop();
    if (!district) throw new Error(`region ${this.region.code} has no districts`);
    return district;
  }

  private unique(name: string): string {
    let candidate = name;
    for (let i = 2; this.usedNames.has(candidate); i++) candidate = `${name} ${i}`;
    this.usedNames.add(candidate);
    return candidate;
  }
}
