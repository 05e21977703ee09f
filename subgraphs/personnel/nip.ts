import { badUserInput } from '../shared/errors.js';

/** The parts of an 18-digit NIP (Perka BKN 22/2007): birth date, TMT CPNS month, gender, sequence. */
export interface ParsedNip {
  nip: string;
  birthDate: string;
  appointedYearMonth: string;
  gender: 'M' | 'F';
  sequence: number;
}

/**
 * Validates a PNS NIP and returns its parts; spaces (as printed on ID cards) are ignored.
 * Throws BAD_USER_INPUT naming the part that is wrong. `today` is injectable for tests.
 */
export function parseNip(input: string, today: Date = new Date()): ParsedNip {
  const nip = input.replace(/\s+/g, '');
  if (!/^\d{18}$/.test(nip)) throw badUserInput(`NIP must have 18 digits, got "${input}"`, 'nip');
  const birth = nip.slice(0, 8);
  const birthYear = Number(birth.slice(0, 4));
  const birthMonth = Number(birth.slice(4, 6));
  const birthDay = Number(birth.slice(6, 8));
  if (!isRealDate(birthYear, birthMonth, birthDay)) {
    const written = `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`;
    throw badUserInput(`birth date ${written} (NIP digits 1-8) is not a real date`, 'nip.birthDate');
  }
  const tmtYear = Number(nip.slice(8, 12));
  const tmtMonth = Number(nip.slice(12, 14));
  if (tmtMonth < 1 || tmtMonth > 12) {
    throw badUserInput(`NIP digits 9-14 (TMT CPNS) "${nip.slice(8, 14)}" have no month ${tmtMonth}`, 'nip.appointment');
  }
  // The appointment month must come after the month of the 18th birthday.
  if (tmtYear * 12 + tmtMonth <= (birthYear + 18) * 12 + birthMonth) {
    throw badUserInput(
      `NIP digits 9-14 (TMT CPNS) "${nip.slice(8, 14)}" are before the 18th birthday`,
      'nip.appointment',
    );
  }
  if (tmtYear * 12 + tmtMonth > today.getUTCFullYear() * 12 + today.getUTCMonth() + 1) {
    throw badUserInput(`NIP digits 9-14 (TMT CPNS) "${nip.slice(8, 14)}" are in the future`, 'nip.appointment');
  }
  const genderDigit = nip[14];
  if (genderDigit !== '1' && genderDigit !== '2') {
    throw badUserInput(`NIP digit 15 (gender) must be 1 or 2, got "${genderDigit ?? ''}"`, 'nip.gender');
  }
  const sequence = Number(nip.slice(15, 18));
  if (sequence < 1) throw badUserInput('NIP digits 16-18 (sequence) must start at 001', 'nip.sequence');
  return {
    nip,
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    appointedYearMonth: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
    gender: genderDigit === '1' ? 'M' : 'F',
    sequence,
  };
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}
