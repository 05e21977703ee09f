import type { Rng } from './random.js';

/**
 * Personal names by naming culture, and which cultures live in which region. The lists are short on
 * purpose: plausible, common names, never real people's records.
 */
export type Culture =
  | 'JAVANESE'
  | 'SUNDANESE'
  | 'BATAK_TOBA'
  | 'MANDAILING'
  | 'KARO'
  | 'MALAY'
  | 'MINANG'
  | 'BUGIS'
  | 'BALINESE'
  | 'MINAHASA'
  | 'KEI'
  | 'FLORES'
  | 'MARIND'
  | 'PAPUAN'
  | 'BANJAR';

interface NameList {
  male: readonly string[];
  female: readonly string[];
  /** Second given names; a name without a clan name takes one most of the time. */
  maleSecond?: readonly string[];
  femaleSecond?: readonly string[];
  /** Clan or family names (marga, fam), written last. */
  surnames?: readonly string[];
}

const CHRISTIAN_MALE = ['Yohanes', 'Fransiskus', 'Yakobus', 'Paulus', 'Petrus', 'Markus', 'Agustinus', 'Hendrikus', 'Yosef', 'Nikolaus', 'Kornelis', 'Stefanus', 'Thomas', 'Antonius', 'Benediktus', 'Gabriel'];
const CHRISTIAN_FEMALE = ['Maria', 'Agustina', 'Elisabeth', 'Natalia', 'Bernadetha', 'Yosefina', 'Katarina', 'Veronika', 'Margaretha', 'Theresia', 'Helena', 'Monika', 'Fransiska', 'Skolastika', 'Anastasia', 'Yuliana'];
const MUSLIM_MALE = ['Muhammad', 'Ahmad', 'Rahmat', 'Fauzi', 'Ridwan', 'Syahrul', 'Irfan', 'Zulkifli', 'Hamdan', 'Amir', 'Rizky', 'Faisal', 'Taufik', 'Lukman', 'Hasan', 'Ilham'];
const MUSLIM_FEMALE = ['Nurhayati', 'Siti', 'Rahma', 'Aisyah', 'Fitri', 'Nur Aini', 'Khairani', 'Yusnita', 'Rosmala', 'Desi', 'Ernita', 'Mariani', 'Hafsah', 'Nurul', 'Zahara', 'Fatimah'];

const NAMES: Record<Culture, NameList> = {
  JAVANESE: {
    male: ['Agus', 'Budi', 'Joko', 'Bambang', 'Eko', 'Dwi', 'Heru', 'Sigit', 'Slamet', 'Teguh', 'Wahyu', 'Yudi', 'Arif', 'Hadi', 'Rudi', 'Bayu', 'Sutrisno', 'Suparman', 'Sugiyono', 'Sumarno', 'Mulyono', 'Suyanto'],
    female: ['Sri', 'Dwi', 'Endang', 'Siti', 'Tri', 'Rina', 'Dewi', 'Nur', 'Eka', 'Retno', 'Ani', 'Yuli', 'Wulan', 'Sumiyati', 'Suwarni', 'Wahyuni'],
    maleSecond: ['Santoso', 'Prasetyo', 'Setiawan', 'Wibowo', 'Susanto', 'Purnomo', 'Hidayat', 'Saputra', 'Nugroho', 'Kurniawan', 'Riyadi', 'Widodo', 'Pramono', 'Sutrisno', 'Haryanto', 'Wijaya'],
    femaleSecond: ['Wahyuni', 'Lestari', 'Rahayu', 'Astuti', 'Handayani', 'Suryani', 'Purwanti', 'Sulistyowati', 'Widayati', 'Kusumawati', 'Rahmawati', 'Setyaningsih', 'Mulyani', 'Hartati', 'Utami', 'Puspitasari'],
  },
  SUNDANESE: {
    male: ['Asep', 'Dadang', 'Ujang', 'Cecep', 'Dede', 'Iwan', 'Yayat', 'Ade', 'Deden', 'Endang', 'Agus', 'Rudi', 'Aep', 'Dodi'],
    female: ['Neneng', 'Euis', 'Rina', 'Yeni', 'Cucu', 'Imas', 'Lilis', 'Tati', 'Nia', 'Ai', 'Siti', 'Dewi', 'Enok', 'Yayah'],
    maleSecond: ['Saepudin', 'Hidayat', 'Supriatna', 'Kurniawan', 'Suryana', 'Sopian', 'Gunawan', 'Permana', 'Sumarna', 'Rustandi', 'Hermawan', 'Mulyana'],
    femaleSecond: ['Nurhayati', 'Rohaeti', 'Sumiati', 'Kurniasih', 'Komalasari', 'Rahmawati', 'Herlina', 'Nurjanah', 'Susanti', 'Marlina', 'Maryani', 'Hasanah'],
  },
  BATAK_TOBA: {
    male: ['Roy', 'Jonathan', 'Togar', 'Parulian', 'Hotman', 'Benny', 'Edison', 'Ronald', 'Marojahan', 'Sahat', 'Poltak', 'Daniel', 'Rudolf', 'Hendrik', 'Martin', 'Freddy', 'Binsar', 'Tumpal'],
    female: ['Maria', 'Rosmawati', 'Hotma', 'Rotua', 'Lenny', 'Tiurma', 'Erika', 'Sondang', 'Nurmala', 'Debora', 'Elisabeth', 'Risma', 'Yanti', 'Rosita', 'Juliana', 'Romauli'],
    surnames: ['Simanjuntak', 'Hutapea', 'Panjaitan', 'Sinaga', 'Manurung', 'Pardede', 'Sitompul', 'Simatupang', 'Situmorang', 'Silalahi', 'Nainggolan', 'Hutagalung', 'Pasaribu', 'Simanungkalit', 'Tambunan', 'Sihombing', 'Napitupulu', 'Marpaung', 'Sitorus', 'Siahaan'],
  },
  MANDAILING: {
    male: MUSLIM_MALE,
    female: [...MUSLIM_FEMALE, 'Masdalena', 'Khadijah'],
    surnames: ['Nasution', 'Lubis', 'Harahap', 'Siregar', 'Daulay', 'Pulungan', 'Rangkuti', 'Hasibuan', 'Batubara', 'Dalimunthe', 'Matondang', 'Tanjung', 'Ritonga', 'Pohan'],
  },
  KARO: {
    male: ['Ramli', 'Josua', 'Sabar', 'Efendi', 'Malem', 'Dedy', 'Nelson', 'Jhon', 'Rahmat', 'Hendra', 'Toni', 'Sastra', 'Piter', 'Bastanta'],
    female: ['Rasmita', 'Ernawati', 'Lisnawati', 'Sri Ulina', 'Megawati', 'Rosdiana', 'Merry', 'Yusnita', 'Helena', 'Tiominar', 'Natalia', 'Rosa'],
    surnames: ['Sitepu', 'Ginting', 'Tarigan', 'Sembiring', 'Perangin-angin', 'Barus', 'Karo-Karo', 'Surbakti', 'Purba', 'Bangun', 'Sinulingga', 'Meliala', 'Pinem', 'Brahmana', 'Kembaren'],
  },
  MALAY: {
    male: MUSLIM_MALE,
    female: ['Nur', 'Siti', 'Putri', 'Dewi', 'Fitri', 'Sri', 'Rahma', 'Nurul', 'Cut', 'Wan'],
    maleSecond: ['Syahputra', 'Hidayat', 'Rizal', 'Fadli', 'Azhar', 'Iskandar', 'Syahrial', 'Ramadhan', 'Irwansyah', 'Zulfikar', 'Khairul', 'Mahyudin'],
    femaleSecond: ['Aini', 'Hasanah', 'Zahara', 'Khadijah', 'Syafitri', 'Wahyuni', 'Rahmadani', 'Maulida', 'Anggraini', 'Lestari', 'Kartika', 'Safitri'],
  },
  MINANG: {
    male: ['Afrizal', 'Yulizar', 'Zulfahmi', 'Syafrizal', 'Asrul', 'Novrizal', 'Yusrizal', 'Hendri', 'Zulhendri', 'Efrizal', 'Rusdi', 'Feri'],
    female: ['Yusnimar', 'Nurmaini', 'Elfi', 'Desmawati', 'Yulia', 'Fitria', 'Rahmi', 'Ernita', 'Nofrita', 'Mardiana', 'Yusmaniar', 'Suci'],
    maleSecond: ['Putra', 'Syah', 'Chaniago', 'Piliang', 'Tanjung', 'Koto'],
    femaleSecond: ['Putri', 'Sari', 'Yanti', 'Dewi', 'Wati'],
  },
  BUGIS: {
    male: ['Andi', 'Muhammad', 'Ahmad', 'Abdul', 'Syamsul', 'Rusdi', 'Jufri', 'Hasanuddin', 'Idris', 'Asri', 'Basri', 'Haris'],
    female: ['Andi', 'Nurhayati', 'Hasnah', 'Sitti', 'Hajrah', 'Rosmiati', 'Haslinda', 'Nurlina', 'Asmawati', 'Fatmawati', 'Hasna', 'Rahmatia'],
    maleSecond: ['Rahman', 'Syarif', 'Hamid', 'Amir', 'Mappiare', 'Ali', 'Baso', 'Mansyur', 'Ilyas', 'Saleh', 'Tahir', 'Bakri'],
    femaleSecond: ['Nur', 'Sari', 'Syamsuddin', 'Rahim', 'Halim', 'Hamzah'],
  },
  BALINESE: {
    male: ['I Made', 'I Wayan', 'I Nyoman', 'I Ketut', 'I Putu', 'I Gede', 'I Komang', 'I Kadek'],
    female: ['Ni Made', 'Ni Wayan', 'Ni Nyoman', 'Ni Ketut', 'Ni Putu', 'Ni Luh', 'Ni Kadek', 'Ni Komang'],
    maleSecond: ['Suarjana', 'Sudarsana', 'Wirawan', 'Artawan', 'Adnyana', 'Mertayasa', 'Sukadana', 'Darmawan', 'Suparta', 'Arsana'],
    femaleSecond: ['Sri Wahyuni', 'Sukarmi', 'Ariani', 'Suartini', 'Purnamasari', 'Widiastuti', 'Sriasih', 'Sumerti', 'Yuliantari', 'Mariani'],
  },
  MINAHASA: {
    male: ['Johny', 'Stenly', 'Frangky', 'Meiky', 'Deddy', 'Rolly', 'Jemmy', 'Novry', 'Hendra', 'Ferry'],
    female: ['Meyti', 'Feibe', 'Vivi', 'Jeane', 'Deisy', 'Stella', 'Olvie', 'Marlyn', 'Grace', 'Priskila'],
    surnames: ['Lumenta', 'Rumengan', 'Mandagi', 'Wowor', 'Pangemanan', 'Sumampouw', 'Tumbelaka', 'Karundeng', 'Lengkong', 'Rondonuwu', 'Mamahit', 'Supit', 'Tangkau', 'Kalalo'],
  },
  KEI: {
    male: CHRISTIAN_MALE,
    female: CHRISTIAN_FEMALE,
    surnames: ['Rahawarin', 'Renwarin', 'Ohoiwutun', 'Rahanra', 'Renyaan', 'Ohoitimur', 'Ngamel', 'Letsoin', 'Rettob', 'Fofid'],
  },
  FLORES: {
    male: CHRISTIAN_MALE,
    female: CHRISTIAN_FEMALE,
    surnames: ['da Costa', 'Fernandez', 'Parera', 'Kelen', 'Bolen', 'Hurint', 'Wolo', 'Making', 'Nuwa', 'Kleden', 'Tukan', 'Riberu'],
  },
  MARIND: {
    male: [...CHRISTIAN_MALE, 'Romanus', 'Silvester', 'Gerardus', 'Aloysius'],
    female: CHRISTIAN_FEMALE,
    surnames: ['Gebze', 'Mahuze', 'Kaize', 'Ndiken', 'Balagaize', 'Samkakai', 'Basik-Basik'],
  },
  PAPUAN: {
    male: ['Yonas', 'Markus', 'Yulius', 'Daniel', 'Yosias', 'Matius', 'Lukas', 'Otto', 'Yan', 'Septinus', 'Yermias', 'Obet', 'Benyamin', 'Frans', 'Yafet'],
    female: ['Yohana', 'Lince', 'Martha', 'Ruth', 'Debora', 'Ester', 'Naomi', 'Yuliana', 'Selvi', 'Agustina', 'Sarlota', 'Orpa', 'Magdalena', 'Ribka'],
    surnames: ['Wenda', 'Kogoya', 'Tabuni', 'Wonda', 'Rumbiak', 'Mandowen', 'Korwa', 'Yoku', 'Ayomi', 'Kambu', 'Wanma', 'Rumaropen', 'Mandacan', 'Sawaki', 'Kaisiepo', 'Rumbewas'],
  },
  BANJAR: {
    male: ['Muhammad', 'Ahmad', 'Akhmad', 'Rusdiansyah', 'Fahrurrazi', 'Syahrani', 'Normansyah', 'Hairul', 'Rahmadi', 'Gusti'],
    female: ['Noor', 'Siti', 'Rusmini', 'Hairiyah', 'Nordiana', 'Norhayati', 'Rabiatul', 'Mahmudah', 'Salasiah', 'Fauziah'],
    maleSecond: ['Rahman', 'Hidayat', 'Noor', 'Arsyad', 'Yusran', 'Fauzan', 'Maulana'],
    femaleSecond: ['Hasanah', 'Jannah', 'Aulia', 'Rahmah', 'Adawiyah'],
  },
};

type Mix = readonly (readonly [Culture, number])[];

/** Naming cultures of the demo regions, by Kemendagri code (regency first, then province). */
const REGION_MIX: Record<string, Mix> = {
  // Kota Medan: Toba and Mandailing Batak, Karo, Deli Malay, Javanese.
  '12.71': [['BATAK_TOBA', 30], ['MANDAILING', 25], ['KARO', 10], ['MALAY', 15], ['JAVANESE', 20]],
  // Kota Binjai: Karo, Malay and Javanese above all.
  '12.75': [['KARO', 25], ['MALAY', 20], ['JAVANESE', 25], ['MANDAILING', 15], ['BATAK_TOBA', 15]],
  // Kabupaten Merauke: Marind clans and transmigrant Javanese, Kei and Flores families.
  '93.01': [['MARIND', 30], ['JAVANESE', 40], ['KEI', 10], ['FLORES', 10], ['BUGIS', 10]],
  '11': [['MALAY', 70], ['JAVANESE', 20], ['MANDAILING', 10]],
  '12': [['BATAK_TOBA', 35], ['MANDAILING', 25], ['KARO', 15], ['MALAY', 10], ['JAVANESE', 15]],
  '13': [['MINANG', 85], ['JAVANESE', 10], ['MANDAILING', 5]],
  '14': [['MALAY', 45], ['MINANG', 20], ['JAVANESE', 20], ['BATAK_TOBA', 15]],
  '21': [['MALAY', 45], ['MINANG', 20], ['JAVANESE', 20], ['BATAK_TOBA', 15]],
  '15': [['MALAY', 60], ['JAVANESE', 30], ['MINANG', 10]],
  '16': [['MALAY', 60], ['JAVANESE', 30], ['MINANG', 10]],
  '17': [['MALAY', 60], ['JAVANESE', 30], ['MINANG', 10]],
  '19': [['MALAY', 60], ['JAVANESE', 30], ['MINANG', 10]],
  '18': [['JAVANESE', 60], ['MALAY', 25], ['SUNDANESE', 15]],
  '31': [['JAVANESE', 40], ['SUNDANESE', 25], ['MALAY', 15], ['BATAK_TOBA', 10], ['MINANG', 10]],
  '32': [['SUNDANESE', 80], ['JAVANESE', 20]],
  '36': [['SUNDANESE', 80], ['JAVANESE', 20]],
  '33': [['JAVANESE', 95], ['SUNDANESE', 5]],
  '34': [['JAVANESE', 95], ['SUNDANESE', 5]],
  '35': [['JAVANESE', 95], ['MALAY', 5]],
  '51': [['BALINESE', 90], ['JAVANESE', 10]],
  '52': [['MALAY', 60], ['BALINESE', 20], ['JAVANESE', 20]],
  '53': [['FLORES', 80], ['JAVANESE', 10], ['KEI', 10]],
  '61': [['MALAY', 45], ['JAVANESE', 35], ['BUGIS', 10], ['BANJAR', 10]],
  '62': [['BANJAR', 45], ['JAVANESE', 35], ['BUGIS', 10], ['MALAY', 10]],
  '63': [['BANJAR', 75], ['JAVANESE', 20], ['BUGIS', 5]],
  '64': [['BANJAR', 35], ['JAVANESE', 35], ['BUGIS', 30]],
  '65': [['BUGIS', 40], ['BANJAR', 20], ['JAVANESE', 30], ['MINAHASA', 10]],
  '71': [['MINAHASA', 85], ['JAVANESE', 10], ['BUGIS', 5]],
  '75': [['BUGIS', 50], ['MALAY', 50]],
  '72': [['BUGIS', 75], ['JAVANESE', 15], ['MINAHASA', 10]],
  '73': [['BUGIS', 90], ['JAVANESE', 10]],
  '74': [['BUGIS', 80], ['JAVANESE', 20]],
  '76': [['BUGIS', 85], ['JAVANESE', 15]],
  '81': [['KEI', 60], ['JAVANESE', 20], ['BUGIS', 20]],
  '82': [['MALAY', 40], ['BUGIS', 30], ['KEI', 20], ['JAVANESE', 10]],
  '91': [['PAPUAN', 55], ['JAVANESE', 25], ['KEI', 10], ['BUGIS', 10]],
  '92': [['PAPUAN', 55], ['JAVANESE', 25], ['KEI', 10], ['BUGIS', 10]],
  '93': [['MARIND', 35], ['PAPUAN', 20], ['JAVANESE', 30], ['KEI', 10], ['FLORES', 5]],
  '94': [['PAPUAN', 60], ['JAVANESE', 25], ['BUGIS', 15]],
  '95': [['PAPUAN', 70], ['JAVANESE', 20], ['BUGIS', 10]],
  '96': [['PAPUAN', 55], ['JAVANESE', 25], ['KEI', 10], ['BUGIS', 10]],
};

const NATIONAL_MIX: Mix = [['JAVANESE', 50], ['SUNDANESE', 15], ['MALAY', 15], ['BUGIS', 10], ['BATAK_TOBA', 10]];

/** The mix of naming cultures for a regency or province code. */
export function cultureMix(regionCode: string): Mix {
  return REGION_MIX[regionCode] ?? REGION_MIX[regionCode.slice(0, 2)] ?? NATIONAL_MIX;
}

/** A full name (without degrees) in the given culture. */
export function personalName(rng: Rng, culture: Culture, gender: 'M' | 'F'): string {
  const list = NAMES[culture];
  const given = rng.pick(gender === 'M' ? list.male : list.female);
  if (list.surnames) {
    const second = rng.chance(0.25) ? ` ${rng.pick(gender === 'M' ? list.male : list.female)}` : '';
    const name = `${given}${second === ` ${given}` ? '' : second} ${rng.pick(list.surnames)}`;
    return name;
  }
  const seconds = gender === 'M' ? list.maleSecond : list.femaleSecond;
  if (seconds && rng.chance(0.8)) {
    const second = rng.pick(seconds);
    if (second !== given) return `${given} ${second}`;
  }
  // Single names (Sutrisno, Wahyuni) are common; a particle-only given name needs a second one.
  if (/^(I|Ni) /.test(given) || given.length <= 3) return `${given} ${rng.pick(seconds ?? list.male)}`;
  return given;
}
