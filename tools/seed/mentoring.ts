import { dayOf, isoDate } from './calendar.js';
import type { AgencyKind } from './catalog.js';
import type { Rng } from './random.js';
import { nextId, type Run } from './run.js';
import type { Employee } from './types.js';

const MENTORING_FOCUS: Record<AgencyKind | 'ALL', readonly string[]> = {
  ALL: [
    'Orientasi tugas dan budaya kerja BerAKHLAK',
    'Penyusunan SKP dan rencana hasil kerja',
    'Etika dan integritas ASN',
    'Penanganan pengaduan masyarakat',
    'Pengelolaan keuangan dan pelaporan kegiatan',
    'Persiapan uji kompetensi jabatan fungsional',
  ],
  EDUCATION: [
    'Pembelajaran berdiferensiasi di kelas',
    'Asesmen diagnostik dan modul ajar',
    'Pengelolaan kelas dan disiplin positif',
  ],
  HEALTH: [
    'Pelayanan kesehatan ibu dan anak di Puskesmas',
    'Surveilans penyakit dan pelaporan',
    'Kunjungan rumah dan pencegahan stunting',
  ],
  CIVIL_REGISTRY: [
    'Pelayanan KTP-el dan Identitas Kependudukan Digital',
    'Pencatatan sipil dan akta kelahiran',
    'Pemutakhiran data SIAK',
  ],
  BKPSDM: [
    'Analisis kebutuhan pelatihan',
    'Pengelolaan data kepegawaian',
    'Penyelenggaraan pelatihan dan evaluasi Kirkpatrick',
  ],
  PUBLIC_WORKS: [
    'Pengawasan mutu pekerjaan jalan',
    'Penyusunan rencana pemeliharaan jalan dan jembatan',
    'Pengelolaan aset infrastruktur',
  ],
  DISTRICT_ADMINISTRATION: [
    'Pelayanan administrasi terpadu kecamatan',
    'Pembinaan pemerintahan desa dan kelurahan',
    'Koordinasi ketenteraman dan ketertiban umum',
  ],
};

/** Mentoring pairs for about 8% of the staff: juniors (appointed in the last three years) with a senior of their agency. */
export function createMentoring(run: Run, rng: Rng, employees: Employee[]): void {
  const juniorSince = dayOf(run.from - 3, 1, 1);
  const latestStart = dayOf(run.to, 10, 31);
  const byAgency = new Map<number, Employee[]>();
  for (const e of employees) {
    const list = byAgency.get(e.agency.id) ?? [];
    list.push(e);
    byAgency.set(e.agency.id, list);
  }
  const target = Math.round(employees.length * 0.08);
  const juniors = rng.shuffle(employees.filter((e) => e.appointed >= juniorSince && e.leadership === null));
  let made = 0;
  for (const mentee of juniors) {
    if (made >= target) break;
    const start0 = Math.max(mentee.appointed + 30, dayOf(run.from, 1, 1));
    if (start0 > latestStart) continue;
    const mentor = chooseMentor(rng, mentee, employees, byAgency.get(mentee.agency.id) ?? []);
    if (!mentor || mentor.id === mentee.id) continue;
    const started = start0 + rng.int(0, latestStart - start0);
    const ended = started + rng.int(120, 365);
    const focusList = rng.chance(0.5) ? MENTORING_FOCUS.ALL : MENTORING_FOCUS[mentee.agency.kind];
    run.tables.mentoring.add(
      nextId(run, 'mentoring'),
      mentor.id,
      mentee.id,
      isoDate(started),
      ended <= run.ref ? isoDate(ended) : null,
      rng.pick(focusList),
    );
    made++;
  }
}

/** The agency head now and then; else a senior PNS of the mentee's unit, else of the agency. */
function chooseMentor(
  rng: Rng,
  mentee: Employee,
  employees: Employee[],
  agencyStaff: Employee[],
): Employee | undefined {
  const seniorBefore = mentee.appointed - 8 * 365;
  const colleagues = mentee.unit ? mentee.unit.staff.map((i) => employees[i]).filter((e) => e !== undefined) : [];
  const head = employees[mentee.agency.head];
  if (head && rng.chance(0.12)) return head;
  const seniors = colleagues.filter(
    (e) => e.appointed <= seniorBefore && e.asn === 'PNS' && e.rankOrdinal >= mentee.rankOrdinal + 1,
  );
  const mentor = seniors.length > 0 ? rng.pick(seniors) : undefined;
  if (mentor) return mentor;
  const others = agencyStaff.filter((e) => e.appointed <= seniorBefore && e.asn === 'PNS');
  return others.length > 0 ? rng.pick(others) : head;
}
