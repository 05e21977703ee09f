/**
 * The learning catalogue of the demo: competencies (PermenPANRB 38/2017), partner universities, and the
 * courses with their modules and learning outcomes. JP figures of the leadership programmes are demo
 * values [assumed], kept small so that one participant does not dominate a unit's training exposure.
 */

export type AgencyKind =
  | 'EDUCATION'
  | 'HEALTH'
  | 'CIVIL_REGISTRY'
  | 'BKPSDM'
  | 'PUBLIC_WORKS'
  | 'DISTRICT_ADMINISTRATION';

export interface CompetencyDef {
  code: string;
  name: string;
  kind: 'TEKNIS' | 'MANAJERIAL' | 'SOSIAL_KULTURAL';
  description: string;
}

export const COMPETENCIES: readonly CompetencyDef[] = [
  {
    code: 'MNJ-01',
    name: 'Integritas',
    kind: 'MANAJERIAL',
    description:
      'Konsisten berperilaku selaras dengan nilai, norma dan etika organisasi; jujur dalam hubungan dengan atasan, rekan kerja, bawahan dan pemangku kepentingan.',
  },
  {
    code: 'MNJ-02',
    name: 'Kerja Sama',
    kind: 'MANAJERIAL',
    description:
      'Kemampuan menjalin, membina dan mempertahankan hubungan kerja yang efektif, berkomitmen saling membantu dalam penyelesaian tugas.',
  },
  {
    code: 'MNJ-03',
    name: 'Komunikasi',
    kind: 'MANAJERIAL',
    description:
      'Kemampuan menerangkan pandangan dan gagasan secara jelas, sistematis, disertai argumentasi yang logis.',
  },
  {
    code: 'MNJ-04',
    name: 'Orientasi pada Hasil',
    kind: 'MANAJERIAL',
    description:
      'Kemampuan mempertahankan komitmen pribadi yang tinggi untuk menyelesaikan tugas dengan standar kualitas.',
  },
  {
    code: 'MNJ-05',
    name: 'Pelayanan Publik',
    kind: 'MANAJERIAL',
    description:
      'Kemampuan melaksanakan tugas pemerintahan dan pelayanan publik secara profesional, transparan dan objektif.',
  },
  {
    code: 'MNJ-06',
    name: 'Pengembangan Diri dan Orang Lain',
    kind: 'MANAJERIAL',
    description: 'Kemampuan meningkatkan pengetahuan dan kompetensi diri sendiri dan mengembangkan potensi orang lain.',
  },
  {
    code: 'MNJ-07',
    name: 'Mengelola Perubahan',
    kind: 'MANAJERIAL',
    description:
      'Kemampuan menyesuaikan diri dengan situasi yang baru atau berubah dan memfasilitasi perubahan di unit kerja.',
  },
  {
    code: 'MNJ-08',
    name: 'Pengambilan Keputusan',
    kind: 'MANAJERIAL',
    description:
      'Kemampuan membuat keputusan yang baik secara tepat waktu dan dengan keyakinan diri setelah mempertimbangkan prinsip kehati-hatian.',
  },
  {
    code: 'SK-01',
    name: 'Perekat Bangsa',
    kind: 'SOSIAL_KULTURAL',
    description:
      'Kemampuan mempromosikan sikap toleransi, keterbukaan dan peka terhadap perbedaan individu dan kelompok masyarakat.',
  },
  {
    code: 'TKN-01',
    name: 'Pelayanan Publik Digital',
    kind: 'TEKNIS',
    description:
      'Merancang dan menjalankan layanan publik berbasis elektronik (SPBE), termasuk kanal pengaduan daring.',
  },
  {
    code: 'TKN-02',
    name: 'Administrasi Kependudukan',
    kind: 'TEKNIS',
    description: 'Pelayanan pendaftaran penduduk dan pencatatan sipil, pengelolaan data kependudukan (SIAK).',
  },
  {
    code: 'TKN-03',
    name: 'Manajemen Keuangan Daerah',
    kind: 'TEKNIS',
    description: 'Perencanaan, penatausahaan dan pertanggungjawaban anggaran perangkat daerah (SIPD).',
  },
  {
    code: 'TKN-04',
    name: 'Kesehatan Masyarakat',
    kind: 'TEKNIS',
    description: 'Upaya kesehatan masyarakat di Puskesmas: promosi, surveilans, gizi dan kesehatan lingkungan.',
  },
  {
    code: 'TKN-05',
    name: 'Pembelajaran Berdiferensiasi',
    kind: 'TEKNIS',
    description: 'Merancang pembelajaran sesuai kesiapan, minat dan profil belajar murid dalam Kurikulum Merdeka.',
  },
  {
    code: 'TKN-06',
    name: 'Tata Kelola Infrastruktur',
    kind: 'TEKNIS',
    description: 'Perencanaan, pengawasan mutu dan pemeliharaan jalan, jembatan dan bangunan gedung.',
  },
];

export interface UniversityDef {
  name: string;
  shortName: string;
  regionCode: string;
  city: string;
}

export const UNIVERSITIES: readonly UniversityDef[] = [
  { name: 'Universitas Sumatera Utara', shortName: 'USU', regionCode: '12.71', city: 'Medan' },
  { name: 'Universitas Negeri Medan', shortName: 'UNIMED', regionCode: '12.71', city: 'Medan' },
  { name: 'Universitas Musamus', shortName: 'UNMUS', regionCode: '93.01', city: 'Merauke' },
  { name: 'UIN Sumatera Utara', shortName: 'UINSU', regionCode: '12.71', city: 'Medan' },
];

export type Programme = 'LATSAR' | 'PKP' | 'PKA' | 'PKN' | 'TEKNIS' | 'FUNGSIONAL';
export type Delivery =
  | 'CLASSROOM'
  | 'E_LEARNING'
  | 'BLENDED'
  | 'COACHING'
  | 'MENTORING'
  | 'MAGANG'
  | 'BENCHMARKING'
  | 'DISTANCE_LEARNING'
  | 'SELF_LEARNING'
  | 'DETASERING';

/** Who a course is meant for; the generator turns this into enrolment demand. */
export type Audience =
  | { kind: 'LATSAR' }
  | { kind: 'LEADERSHIP'; level: 'PENGAWAS' | 'ADMINISTRATOR' | 'JPT' }
  | { kind: 'ALL' }
  | { kind: 'AGENCY'; agencies: readonly AgencyKind[] }
  | { kind: 'ROLE'; roles: readonly string[] }
  | { kind: 'JUNIOR' };

export interface CourseDef {
  code: string;
  title: string;
  programme: Programme;
  mode: 'KLASIKAL' | 'NONKLASIKAL';
  delivery: Delivery;
  jp: number;
  university: string | null;
  description: string;
  audience: Audience;
  /** Relative popularity among the courses someone may choose. */
  weight: number;
  modules: readonly string[];
  /** [module index or null, statement, competency code, target level 1-5]. */
  outcomes: readonly (readonly [number | null, string, string, number])[];
}

export const COURSES: readonly CourseDef[] = [
  {
    code: 'LATSAR-CPNS',
    title: 'Pelatihan Dasar CPNS',
    programme: 'LATSAR',
    mode: 'KLASIKAL',
    delivery: 'BLENDED',
    jp: 120,
    university: null,
    description:
      'Pembentukan karakter PNS profesional: nilai dasar BerAKHLAK, kedudukan dan peran ASN, aktualisasi di tempat kerja (PerLAN 1/2021; jam pelajaran ringkas untuk demo).',
    audience: { kind: 'LATSAR' },
    weight: 0,
    modules: [
      'Sikap Perilaku Bela Negara',
      'Nilai-Nilai Dasar PNS (BerAKHLAK)',
      'Kedudukan dan Peran PNS (Smart ASN, Manajemen ASN)',
      'Habituasi dan Aktualisasi di Tempat Kerja',
    ],
    outcomes: [
      [1, 'Peserta menginternalisasi nilai BerAKHLAK dalam pelaksanaan tugas', 'MNJ-01', 2],
      [0, 'Peserta menunjukkan sikap bela negara dan toleransi', 'SK-01', 2],
      [3, 'Peserta mengaktualisasikan nilai dasar dalam rancangan perbaikan layanan unit kerja', 'MNJ-05', 2],
    ],
  },
  {
    code: 'PKP',
    title: 'Pelatihan Kepemimpinan Pengawas',
    programme: 'PKP',
    mode: 'KLASIKAL',
    delivery: 'BLENDED',
    jp: 90,
    university: null,
    description:
      'Kepemimpinan kinerja bagi pejabat pengawas: memimpin pelaksanaan kegiatan dan aksi perubahan di unit kerja (PerLAN 15/2019; jam pelajaran ringkas untuk demo).',
    audience: { kind: 'LEADERSHIP', level: 'PENGAWAS' },
    weight: 0,
    modules: [
      'Kepemimpinan Pancasila dan Bela Negara',
      'Kepemimpinan Kinerja',
      'Pelayanan Publik dan Inovasi',
      'Aksi Perubahan Kinerja Organisasi',
    ],
    outcomes: [
      [1, 'Peserta memimpin pelaksanaan kegiatan unit untuk mencapai target kinerja', 'MNJ-04', 3],
      [3, 'Peserta merancang dan menjalankan aksi perubahan', 'MNJ-07', 3],
      [2, 'Peserta meningkatkan kualitas layanan unit kerja', 'MNJ-05', 3],
    ],
  },
  {
    code: 'PKA',
    title: 'Pelatihan Kepemimpinan Administrator',
    programme: 'PKA',
    mode: 'KLASIKAL',
    delivery: 'BLENDED',
    jp: 100,
    university: null,
    description:
      'Kepemimpinan kinerja bagi pejabat administrator: merencanakan dan memimpin program lintas unit (jam pelajaran ringkas untuk demo).',
    audience: { kind: 'LEADERSHIP', level: 'ADMINISTRATOR' },
    weight: 0,
    modules: [
      'Kepemimpinan Pancasila dan Bela Negara',
      'Kepemimpinan Kinerja dan Manajemen Risiko',
      'Kolaborasi dan Jejaring Kerja',
      'Aksi Perubahan Kinerja Organisasi',
    ],
    outcomes: [
      [1, 'Peserta mengambil keputusan berbasis data dan risiko', 'MNJ-08', 4],
      [2, 'Peserta membangun kerja sama lintas perangkat daerah', 'MNJ-02', 4],
      [3, 'Peserta memimpin perubahan kinerja organisasi', 'MNJ-07', 4],
    ],
  },
  {
    code: 'PKN-II',
    title: 'Pelatihan Kepemimpinan Nasional Tingkat II',
    programme: 'PKN',
    mode: 'KLASIKAL',
    delivery: 'BLENDED',
    jp: 120,
    university: null,
    description: 'Kepemimpinan strategis bagi pejabat pimpinan tinggi pratama (jam pelajaran ringkas untuk demo).',
    audience: { kind: 'LEADERSHIP', level: 'JPT' },
    weight: 0,
    modules: [
      'Kepemimpinan Pancasila dan Wawasan Kebangsaan',
      'Kepemimpinan Strategis',
      'Manajemen Kinerja dan Tata Kelola',
      'Proyek Perubahan',
    ],
    outcomes: [
      [1, 'Peserta menetapkan arah strategis perangkat daerah', 'MNJ-08', 5],
      [3, 'Peserta memimpin proyek perubahan lintas sektor', 'MNJ-07', 5],
      [0, 'Peserta menjadi perekat keberagaman di wilayahnya', 'SK-01', 4],
    ],
  },
  {
    code: 'TKN-PPP',
    title: 'Pelayanan Publik Prima',
    programme: 'TEKNIS',
    mode: 'KLASIKAL',
    delivery: 'CLASSROOM',
    jp: 24,
    university: null,
    description:
      'Standar pelayanan, maklumat pelayanan, survei kepuasan masyarakat dan penanganan pengaduan (PermenPANRB 14/2017).',
    audience: { kind: 'ALL' },
    weight: 3,
    modules: [
      'Standar Pelayanan dan Maklumat Pelayanan',
      'Survei Kepuasan Masyarakat (IKM)',
      'Penanganan Pengaduan melalui SP4N-LAPOR!',
      'Budaya Pelayanan dan Etika Pelayanan',
    ],
    outcomes: [
      [0, 'Peserta menyusun standar pelayanan unit', 'MNJ-05', 3],
      [1, 'Peserta melaksanakan dan menganalisis survei kepuasan masyarakat', 'MNJ-05', 3],
      [2, 'Peserta menindaklanjuti pengaduan dalam batas waktu', 'MNJ-03', 2],
    ],
  },
  {
    code: 'TKN-DIGI',
    title: 'Transformasi Layanan Publik Digital',
    programme: 'TEKNIS',
    mode: 'KLASIKAL',
    delivery: 'BLENDED',
    jp: 32,
    university: 'Universitas Sumatera Utara',
    description:
      'Rancangan layanan berbasis elektronik (SPBE), keamanan data pribadi dan analitik layanan; disusun bersama Universitas Sumatera Utara.',
    audience: { kind: 'AGENCY', agencies: ['CIVIL_REGISTRY', 'DISTRICT_ADMINISTRATION', 'BKPSDM', 'HEALTH'] },
    weight: 2,
    modules: [
      'Arsitektur SPBE dan Layanan Terpadu',
      'Pelindungan Data Pribadi (UU 27/2022)',
      'Desain Layanan Berpusat pada Pengguna',
      'Analitik Data Layanan',
    ],
    outcomes: [
      [0, 'Peserta memetakan proses layanan untuk digitalisasi', 'TKN-01', 3],
      [1, 'Peserta menerapkan prinsip pelindungan data pribadi', 'MNJ-01', 3],
      [2, 'Peserta merancang layanan daring yang mudah digunakan', 'TKN-01', 3],
    ],
  },
  {
    code: 'TKN-ADMINDUK',
    title: 'Pelayanan Administrasi Kependudukan',
    programme: 'TEKNIS',
    mode: 'KLASIKAL',
    delivery: 'CLASSROOM',
    jp: 30,
    university: null,
    description:
      'Pendaftaran penduduk, pencatatan sipil, KTP-el dan Identitas Kependudukan Digital; pemutakhiran data SIAK.',
    audience: { kind: 'AGENCY', agencies: ['CIVIL_REGISTRY', 'DISTRICT_ADMINISTRATION'] },
    weight: 4,
    modules: [
      'Pendaftaran Penduduk',
      'Pencatatan Sipil',
      'KTP-el dan Identitas Kependudukan Digital',
      'Pemutakhiran Data SIAK',
    ],
    outcomes: [
      [0, 'Peserta melayani pendaftaran penduduk sesuai standar waktu', 'TKN-02', 3],
      [1, 'Peserta menerbitkan akta pencatatan sipil tanpa kesalahan', 'TKN-02', 3],
      [3, 'Peserta menjaga kualitas data kependudukan', 'TKN-02', 2],
    ],
  },
  {
    code: 'TKN-KEUDA',
    title: 'Pengelolaan Keuangan Daerah dengan SIPD',
    programme: 'TEKNIS',
    mode: 'KLASIKAL',
    delivery: 'CLASSROOM',
    jp: 32,
    university: 'UIN Sumatera Utara',
    description:
      'Perencanaan dan penganggaran, penatausahaan dan pertanggungjawaban keuangan perangkat daerah dengan SIPD RI.',
    audience: { kind: 'ROLE', roles: ['ADMIN', 'CAMAT_STAFF', 'MANAGER'] },
    weight: 3,
    modules: [
      'Perencanaan dan Penganggaran (RKA/DPA)',
      'Penatausahaan Keuangan',
      'Pertanggungjawaban dan Pelaporan',
      'Pengendalian Intern',
    ],
    outcomes: [
      [0, 'Peserta menyusun RKA sub kegiatan', 'TKN-03', 3],
      [2, 'Peserta menyusun laporan pertanggungjawaban tepat waktu', 'TKN-03', 3],
      [3, 'Peserta mengenali risiko penyimpangan anggaran', 'MNJ-01', 2],
    ],
  },
  {
    code: 'TKN-KESMAS',
    title: 'Penguatan Upaya Kesehatan Masyarakat di Puskesmas',
    programme: 'TEKNIS',
    mode: 'KLASIKAL',
    delivery: 'CLASSROOM',
    jp: 40,
    university: 'Universitas Sumatera Utara',
    description:
      'Promosi kesehatan, surveilans, gizi dan kesehatan lingkungan berbasis wilayah kerja Puskesmas; kurikulum bersama Fakultas Kesehatan Masyarakat USU.',
    audience: { kind: 'AGENCY', agencies: ['HEALTH'] },
    weight: 5,
    modules: [
      'Promosi Kesehatan dan Pemberdayaan Masyarakat',
      'Surveilans dan Respons KLB',
      'Gizi Masyarakat dan Pencegahan Stunting',
      'Kesehatan Lingkungan',
      'Manajemen Puskesmas',
    ],
    outcomes: [
      [1, 'Peserta melaksanakan surveilans penyakit di wilayah kerja', 'TKN-04', 3],
      [2, 'Peserta merancang intervensi pencegahan stunting', 'TKN-04', 3],
      [4, 'Peserta menyusun rencana usulan kegiatan Puskesmas', 'MNJ-04', 2],
    ],
  },
  {
    code: 'TKN-DIFF',
    title: 'Pembelajaran Berdiferensiasi dalam Kurikulum Merdeka',
    programme: 'TEKNIS',
    mode: 'KLASIKAL',
    delivery: 'BLENDED',
    jp: 32,
    university: 'Universitas Negeri Medan',
    description:
      'Asesmen diagnostik, diferensiasi konten, proses dan produk; disusun bersama Universitas Negeri Medan.',
    audience: { kind: 'ROLE', roles: ['GURU'] },
    weight: 6,
    modules: [
      'Asesmen Diagnostik',
      'Diferensiasi Konten, Proses dan Produk',
      'Pengelolaan Kelas',
      'Praktik Mengajar dan Refleksi',
    ],
    outcomes: [
      [0, 'Peserta melakukan asesmen diagnostik kesiapan belajar', 'TKN-05', 3],
      [1, 'Peserta menyusun modul ajar berdiferensiasi', 'TKN-05', 3],
      [3, 'Peserta merefleksikan praktik mengajar bersama rekan sejawat', 'MNJ-06', 2],
    ],
  },
  {
    code: 'TKN-INFRA',
    title: 'Tata Kelola Infrastruktur Jalan dan Jembatan',
    programme: 'TEKNIS',
    mode: 'KLASIKAL',
    delivery: 'CLASSROOM',
    jp: 30,
    university: 'Universitas Musamus',
    description:
      'Perencanaan, pengawasan mutu konstruksi dan pemeliharaan rutin jalan dan jembatan daerah; kurikulum bersama Universitas Musamus.',
    audience: { kind: 'AGENCY', agencies: ['PUBLIC_WORKS'] },
    weight: 6,
    modules: [
      'Perencanaan Teknis Jalan',
      'Pengawasan Mutu Konstruksi',
      'Pemeliharaan Rutin Jalan dan Jembatan',
      'Manajemen Aset Infrastruktur',
    ],
    outcomes: [
      [1, 'Peserta mengawasi mutu pekerjaan konstruksi', 'TKN-06', 3],
      [2, 'Peserta menyusun program pemeliharaan rutin', 'TKN-06', 3],
      [3, 'Peserta mengelola data aset jalan', 'TKN-06', 2],
    ],
  },
  {
    code: 'FUNG-PERAWAT',
    title: 'Pelatihan Fungsional Perawat: Asuhan Keperawatan Komunitas',
    programme: 'FUNGSIONAL',
    mode: 'KLASIKAL',
    delivery: 'CLASSROOM',
    jp: 30,
    university: null,
    description: 'Asuhan keperawatan keluarga dan komunitas, kunjungan rumah dan dokumentasi keperawatan.',
    audience: { kind: 'ROLE', roles: ['PERAWAT', 'BIDAN'] },
    weight: 4,
    modules: ['Asuhan Keperawatan Keluarga', 'Keperawatan Komunitas', 'Dokumentasi Keperawatan'],
    outcomes: [
      [0, 'Peserta melaksanakan asuhan keperawatan keluarga', 'TKN-04', 3],
      [2, 'Peserta mendokumentasikan asuhan sesuai standar', 'TKN-04', 2],
    ],
  },
  {
    code: 'FUNG-ADB',
    title: 'Pelatihan Fungsional Administrator Database Kependudukan',
    programme: 'FUNGSIONAL',
    mode: 'KLASIKAL',
    delivery: 'CLASSROOM',
    jp: 24,
    university: null,
    description: 'Pengelolaan basis data kependudukan, konsolidasi data dan pemanfaatan data oleh lembaga pengguna.',
    audience: { kind: 'ROLE', roles: ['ADB'] },
    weight: 5,
    modules: ['Basis Data Kependudukan', 'Konsolidasi dan Pembersihan Data', 'Pemanfaatan Data Kependudukan'],
    outcomes: [
      [1, 'Peserta melakukan konsolidasi data kependudukan', 'TKN-02', 3],
      [2, 'Peserta melayani permintaan akses data sesuai aturan', 'TKN-01', 2],
    ],
  },
  {
    code: 'EL-KEBANGSAAN',
    title: 'E-Learning Wawasan Kebangsaan dan Moderasi Beragama',
    programme: 'TEKNIS',
    mode: 'NONKLASIKAL',
    delivery: 'E_LEARNING',
    jp: 10,
    university: 'UIN Sumatera Utara',
    description:
      'Kursus daring mandiri tentang empat konsensus kebangsaan dan moderasi beragama di lingkungan kerja; materi disusun bersama UIN Sumatera Utara.',
    audience: { kind: 'ALL' },
    weight: 4,
    modules: ['Empat Konsensus Kebangsaan', 'Moderasi Beragama', 'Studi Kasus di Lingkungan Kerja'],
    outcomes: [
      [1, 'Peserta menunjukkan sikap toleran dalam pelayanan', 'SK-01', 2],
      [0, 'Peserta menjelaskan nilai kebangsaan dalam tugasnya', 'SK-01', 1],
    ],
  },
  {
    code: 'EL-DIGITAL',
    title: 'E-Learning Literasi Digital ASN',
    programme: 'TEKNIS',
    mode: 'NONKLASIKAL',
    delivery: 'E_LEARNING',
    jp: 8,
    university: null,
    description: 'Kursus daring mandiri: keamanan siber dasar, etika digital dan pemanfaatan aplikasi kolaborasi.',
    audience: { kind: 'ALL' },
    weight: 5,
    modules: ['Keamanan Siber Dasar', 'Etika Digital ASN', 'Kolaborasi Daring'],
    outcomes: [
      [0, 'Peserta menerapkan kebiasaan aman dalam penggunaan perangkat kerja', 'TKN-01', 1],
      [2, 'Peserta bekerja sama melalui aplikasi kolaborasi', 'MNJ-02', 2],
    ],
  },
  {
    code: 'PJJ-KOMPUB',
    title: 'Pelatihan Jarak Jauh Komunikasi Publik',
    programme: 'TEKNIS',
    mode: 'NONKLASIKAL',
    delivery: 'DISTANCE_LEARNING',
    jp: 16,
    university: null,
    description:
      'Komunikasi pelayanan, penulisan informasi publik dan komunikasi krisis, melalui kelas daring sinkron.',
    audience: { kind: 'ALL' },
    weight: 3,
    modules: ['Komunikasi Pelayanan', 'Penulisan Informasi Publik', 'Komunikasi Krisis'],
    outcomes: [
      [0, 'Peserta menyampaikan informasi layanan secara jelas', 'MNJ-03', 3],
      [2, 'Peserta menyiapkan pesan kunci saat krisis', 'MNJ-03', 2],
    ],
  },
  {
    code: 'COACH-KINERJA',
    title: 'Coaching Kinerja untuk Pejabat Pengawas',
    programme: 'TEKNIS',
    mode: 'NONKLASIKAL',
    delivery: 'COACHING',
    jp: 12,
    university: null,
    description:
      'Sesi coaching terstruktur untuk pejabat pengawas dalam mengelola kinerja dan mengembangkan anggota tim.',
    audience: { kind: 'ROLE', roles: ['MANAGER'] },
    weight: 4,
    modules: ['Dialog Kinerja', 'Umpan Balik dan Pengembangan Tim', 'Rencana Tindak Lanjut'],
    outcomes: [
      [1, 'Peserta memberikan umpan balik kinerja secara berkala', 'MNJ-06', 3],
      [2, 'Peserta menyusun rencana pengembangan anggota tim', 'MNJ-06', 3],
    ],
  },
  {
    code: 'MENTOR-ASN-MUDA',
    title: 'Mentoring ASN Muda',
    programme: 'TEKNIS',
    mode: 'NONKLASIKAL',
    delivery: 'MENTORING',
    jp: 10,
    university: null,
    description: 'Pendampingan ASN dengan masa kerja di bawah tiga tahun oleh pegawai senior di perangkat daerahnya.',
    audience: { kind: 'JUNIOR' },
    weight: 5,
    modules: ['Orientasi Budaya Kerja', 'Penyusunan SKP', 'Refleksi dan Rencana Pengembangan'],
    outcomes: [
      [1, 'Peserta menyusun SKP yang selaras dengan kinerja unit', 'MNJ-04', 2],
      [2, 'Peserta menyusun rencana pengembangan diri', 'MNJ-06', 2],
    ],
  },
  {
    code: 'BENCH-INOVASI',
    title: 'Benchmarking Inovasi Pelayanan Publik',
    programme: 'TEKNIS',
    mode: 'NONKLASIKAL',
    delivery: 'BENCHMARKING',
    jp: 16,
    university: null,
    description:
      'Kunjungan belajar ke daerah dengan inovasi pelayanan terbaik (Top Inovasi Pelayanan Publik KemenPANRB).',
    audience: { kind: 'ROLE', roles: ['MANAGER', 'CAMAT_STAFF'] },
    weight: 2,
    modules: ['Studi Lapangan', 'Analisis Replikasi Inovasi', 'Rencana Adopsi Inovasi'],
    outcomes: [
      [1, 'Peserta menilai kelayakan replikasi inovasi pelayanan', 'MNJ-07', 3],
      [2, 'Peserta menyusun rencana adopsi inovasi', 'MNJ-05', 3],
    ],
  },
  {
    code: 'MAGANG-DUKCAPIL',
    title: 'Magang Layanan Kependudukan Terpadu',
    programme: 'TEKNIS',
    mode: 'NONKLASIKAL',
    delivery: 'MAGANG',
    jp: 20,
    university: null,
    description: 'Magang di kantor Dukcapil dengan layanan jemput bola dan layanan terpadu untuk petugas kecamatan.',
    audience: { kind: 'AGENCY', agencies: ['CIVIL_REGISTRY', 'DISTRICT_ADMINISTRATION'] },
    weight: 2,
    modules: ['Layanan Jemput Bola', 'Layanan Terpadu Kecamatan'],
    outcomes: [
      [0, 'Peserta menyelenggarakan layanan jemput bola kependudukan', 'TKN-02', 2],
      [1, 'Peserta melayani dokumen kependudukan di kecamatan', 'MNJ-05', 2],
    ],
  },
];

/** Budget urusan prefix of an agency kind, for the sub-activity code X.XX.01.2.05.0009. */
export const URUSAN_PREFIX: Record<AgencyKind, string> = {
  EDUCATION: '1.01',
  HEALTH: '1.02',
  PUBLIC_WORKS: '1.03',
  CIVIL_REGISTRY: '2.12',
  DISTRICT_ADMINISTRATION: '4.01',
  BKPSDM: '5.04',
};

export const TRAINING_SUB_ACTIVITY = 'Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi';
