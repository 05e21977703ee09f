/** Labels in Indonesian (the default) and English; the choice is kept in this browser's localStorage. */

export type Language = 'id' | 'en';

const LANGUAGE_KEY = 'pembinaan.dashboard.language';

const id = {
  title: 'Dasbor Pembinaan ASN',
  subtitle: 'Dasbor rujukan di atas API GraphQL publik',
  'nav.compare': 'Perbandingan wilayah',
  'nav.trends': 'Tren',
  'nav.compliance': 'Kepatuhan 20 JP',
  'nav.curriculum': 'Kurikulum',
  'token.label': 'Token akses',
  'token.placeholder': 'Tempel token (Bearer) di sini',
  'token.save': 'Simpan',
  'token.clear': 'Hapus',
  'token.saved': 'Token tersimpan di peramban ini.',
  'token.none': 'Tanpa token: hanya data publik (kurikulum, wilayah).',
  'token.hint': 'Buat token di folder proyek: npm run -s token -- --role planner --region 12.71',
  'language.switch': 'English',
  show: 'Tampilkan',
  loading: 'Memuat data...',
  empty: 'Tidak ada data untuk pilihan ini.',
  'error.network': 'Tidak dapat menghubungi server API. Periksa jaringan atau apakah platform berjalan.',
  'error.unauthenticated': 'Perlu masuk: tempel token yang berlaku di kolom token di atas.',
  'error.forbidden': 'Akses ditolak untuk wilayah atau data ini.',
  'error.input': 'Masukan tidak valid.',
  'error.other': 'Permintaan gagal.',
  'error.partial': 'Sebagian data tidak tersedia:',
  'field.regions': 'Kode wilayah (pisahkan dengan koma)',
  'field.region': 'Kode wilayah',
  'field.year': 'Tahun',
  'field.fromYear': 'Dari tahun',
  'field.toYear': 'Sampai tahun',
  'field.university': 'Perguruan tinggi mitra',
  'field.course': 'Pelatihan',
  'field.version': 'Versi kurikulum',
  'compare.intro':
    'Dampak pelatihan terhadap IKM: poin IKM per +10 JP per pegawai, dengan interval 95%, putusan dan peringkat.',
  'compare.forest': 'Efek per +10 JP per pegawai (interval 95%)',
  'compare.ranks': 'Peringkat dengan interval peringkat',
  'compare.verdicts': 'Putusan dan alasannya',
  'compare.region': 'Wilayah',
  'compare.effect': 'Efek',
  'compare.interval': 'Interval 95%',
  'compare.units': 'Unit; kecamatan',
  'compare.verdict': 'Putusan',
  'compare.reason': 'Alasan (dari API, bahasa Inggris)',
  'compare.rank': 'Peringkat',
  'compare.rankInterval': 'Interval peringkat',
  'compare.minimum': 'Efek minimum bermakna',
  'trends.intro': 'Rata-rata IKM dan JP per pegawai per wilayah dari tahun ke tahun (API analitik).',
  'trends.ikm': 'Rata-rata IKM',
  'trends.jp': 'JP per pegawai',
  'compliance.intro': 'Porsi pegawai yang mencapai 20 JP per unit kerja (API analitik), diurutkan dan per halaman.',
  'compliance.chart': 'Kepatuhan 20 JP per unit (halaman ini)',
  'compliance.unit': 'Unit kerja',
  'compliance.share': 'Porsi mencapai 20 JP',
  'compliance.headcount': 'Pegawai',
  'compliance.total': 'Seluruh unit',
  'compliance.prev': 'Sebelumnya',
  'compliance.next': 'Berikutnya',
  'compliance.page': 'Halaman',
  'compliance.of': 'dari',
  'compliance.units': 'unit',
  'compliance.csv': 'Unduh CSV (semua halaman)',
  'compliance.suppressed': 'disembunyikan',
  'curriculum.intro':
    'Pelatihan perguruan tinggi mitra: versi kurikulum, modul dan capaian pembelajaran per kompetensi.',
  'curriculum.map': 'Peta capaian ke kompetensi (tingkat sasaran)',
  'curriculum.modules': 'Modul',
  'curriculum.outcomes': 'Capaian pembelajaran',
  'curriculum.competency': 'Kompetensi',
  'curriculum.level': 'Tingkat',
  'curriculum.current': 'berlaku',
  'curriculum.published': 'terbit',
  'curriculum.noModule': 'Tanpa modul',
  'curriculum.versions': 'versi',
  'verdict.EXPAND': 'Perluas program',
  'verdict.NO_EFFECT': 'Tidak berdampak: tinjau metode',
  'verdict.INCONCLUSIVE': 'Belum dapat disimpulkan',
  'verdict.INSUFFICIENT_DATA': 'Data tidak cukup',
  'verdict.NO_DATA': 'Tidak ada data',
  'sort.asc': 'naik',
  'sort.desc': 'turun',
};

type Key = keyof typeof id;

const en: Record<Key, string> = {
  title: 'ASN Development Dashboard',
  subtitle: 'A reference dashboard on the public GraphQL API',
  'nav.compare': 'Region comparison',
  'nav.trends': 'Trends',
  'nav.compliance': '20 JP compliance',
  'nav.curriculum': 'Curriculum',
  'token.label': 'Access token',
  'token.placeholder': 'Paste a (Bearer) token here',
  'token.save': 'Save',
  'token.clear': 'Clear',
  'token.saved': 'Token saved in this browser.',
  'token.none': 'No token: public data only (curricula, regions).',
  'token.hint': 'Get one in the project folder: npm run -s token -- --role planner --region 12.71',
  'language.switch': 'Bahasa Indonesia',
  show: 'Show',
  loading: 'Loading data...',
  empty: 'No data for this selection.',
  'error.network': 'Cannot reach the API server. Check the network or whether the platform is running.',
  'error.unauthenticated': 'Sign in needed: paste a valid token in the token box above.',
  'error.forbidden': 'Access refused for this region or data.',
  'error.input': 'Invalid input.',
  'error.other': 'The request failed.',
  'error.partial': 'Part of the data is not available:',
  'field.regions': 'Region codes (comma-separated)',
  'field.region': 'Region code',
  'field.year': 'Year',
  'field.fromYear': 'From year',
  'field.toYear': 'To year',
  'field.university': 'Partner university',
  'field.course': 'Course',
  'field.version': 'Curriculum version',
  'compare.intro':
    'Effect of training on IKM: IKM points per +10 JP per staff member, with 95% intervals, verdicts and ranks.',
  'compare.forest': 'Effect per +10 JP per staff member (95% interval)',
  'compare.ranks': 'Ranks with rank intervals',
  'compare.verdicts': 'Verdicts and their reasons',
  'compare.region': 'Region',
  'compare.effect': 'Effect',
  'compare.interval': '95% interval',
  'compare.units': 'Units; districts',
  'compare.verdict': 'Verdict',
  'compare.reason': 'Reason (from the API)',
  'compare.rank': 'Rank',
  'compare.rankInterval': 'Rank interval',
  'compare.minimum': 'Minimum meaningful effect',
  'trends.intro': 'Mean IKM and JP per staff member per region over the years (analytics API).',
  'trends.ikm': 'Mean IKM',
  'trends.jp': 'JP per staff member',
  'compliance.intro': 'Share of staff reaching 20 JP by service unit (analytics API), sorted and paged.',
  'compliance.chart': '20 JP compliance by unit (this page)',
  'compliance.unit': 'Service unit',
  'compliance.share': 'Share reaching 20 JP',
  'compliance.headcount': 'Staff',
  'compliance.total': 'All units',
  'compliance.prev': 'Previous',
  'compliance.next': 'Next',
  'compliance.page': 'Page',
  'compliance.of': 'of',
  'compliance.units': 'units',
  'compliance.csv': 'Download CSV (all pages)',
  'compliance.suppressed': 'withheld',
  'curriculum.intro':
    "A partner university's courses: curriculum versions, modules and learning outcomes by competency.",
  'curriculum.map': 'Outcomes mapped to competencies (target level)',
  'curriculum.modules': 'Modules',
  'curriculum.outcomes': 'Learning outcomes',
  'curriculum.competency': 'Competency',
  'curriculum.level': 'Level',
  'curriculum.current': 'current',
  'curriculum.published': 'published',
  'curriculum.noModule': 'No module',
  'curriculum.versions': 'versions',
  'verdict.EXPAND': 'Expand the programme',
  'verdict.NO_EFFECT': 'No effect: review its method',
  'verdict.INCONCLUSIVE': 'Inconclusive',
  'verdict.INSUFFICIENT_DATA': 'Insufficient data',
  'verdict.NO_DATA': 'No data',
  'sort.asc': 'ascending',
  'sort.desc': 'descending',
};

const dictionaries: Record<Language, Record<Key, string>> = { id, en };

let current: Language = readLanguage();

function readLanguage(): Language {
  try {
    return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

export function language(): Language {
  return current;
}

export function setLanguage(next: Language): void {
  current = next;
  localStorage.setItem(LANGUAGE_KEY, next);
  document.documentElement.lang = next;
}

const isKey = (key: string): key is Key => key in id;

export function t(key: Key): string {
  return dictionaries[current][key];
}

/** A verdict's label, or the code itself for one this dashboard does not know yet. */
export function verdictLabel(verdict: string): string {
  const key = `verdict.${verdict}`;
  return isKey(key) ? t(key) : verdict;
}

const locale = () => (current === 'id' ? 'id-ID' : 'en-GB');

export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined) return '-';
  return value.toLocaleString(locale(), { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export function formatShare(value: number | null | undefined): string {
  if (value === null || value === undefined) return '-';
  return value.toLocaleString(locale(), { style: 'percent', maximumFractionDigits: 1 });
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString(locale(), { year: 'numeric', month: 'short', day: 'numeric' });
}
