import { dayOf, isoDate } from './calendar.js';

/**
 * Sequence numbers (digits 16-18) of 18-digit identifiers, per value of their first 15 digits. A dense
 * typed array indexed by (birth day, month or year, code, gender): bounded memory even for millions.
 */
class SequenceCounter {
  private readonly counts: Uint16Array;
  constructor(
    private readonly firstDay: number,
    private readonly days: number,
    private readonly firstPeriod: number,
    private readonly periods: number,
    private readonly codes: number,
  ) {
    this.counts = new Uint16Array(days * periods * codes * 2);
  }
  next(birth: number, period: number, code: number, gender: 'M' | 'F'): number {
    const d = birth - this.firstDay;
    const p = period - this.firstPeriod;
    if (d < 0 || d >= this.days || p < 0 || p >= this.periods || code < 0 || code >= this.codes) {
      throw new Error(`identifier outside the generator's range (birth day ${birth}, period ${period})`);
    }
    const index = ((d * this.periods + p) * this.codes + code) * 2 + (gender === 'M' ? 0 : 1);
    const value = (this.counts[index] ?? 0) + 1;
    if (value > 999) throw new Error('more than 999 identifiers share their first 15 digits');
    this.counts[index] = value;
    return value;
  }
}

/** Birth date (8 digits), six digits of appointment, gender digit, three-digit sequence. */
const identifier = (birth: number, appointment: string, gender: 'M' | 'F', sequence: number): string =>
  `${isoDate(birth).replaceAll('-', '')}${appointment}${gender === 'M' ? 1 : 2}${String(sequence).padStart(3, '0')}`;

/** NIP of PNS and NI PPPK of contract staff, unique over a run whose last seeded year is `lastYear`. */
export class Identifiers {
  // Birth dates of staff aged 20-62 at the end of the last year; TMT CPNS months over 45 years.
  private readonly nipSequence: SequenceCounter;
  // NI PPPK: contract years over the last 50 years, three formation codes.
  private readonly pppkSequence: SequenceCounter;

  constructor(lastYear: number) {
    this.nipSequence = new SequenceCounter(dayOf(lastYear - 62, 1, 1), 43 * 366, (lastYear - 45) * 12, 46 * 12, 1);
    this.pppkSequence = new SequenceCounter(dayOf(lastYear - 62, 1, 1), 43 * 366, lastYear - 50, 51, 3);
  }

  /** NIP: birth date, year and month of TMT CPNS, gender, sequence. */
  nip(birth: number, appointedMonth: number, gender: 'M' | 'F'): string {
    const sequence = this.nipSequence.next(birth, appointedMonth, 0, gender);
    const month = String((appointedMonth % 12) + 1).padStart(2, '0');
    return identifier(birth, `${Math.floor(appointedMonth / 12)}${month}`, gender, sequence);
  }

  /** NI PPPK layout [assumed]: birth date, contract year, 2-digit formation code (0-2), gender, sequence. */
  niPppk(birth: number, year: number, formation: number, gender: 'M' | 'F'): string {
    const sequence = this.pppkSequence.next(birth, year, formation, gender);
    return identifier(birth, `${year}0${formation + 1}`, gender, sequence);
  }
}
