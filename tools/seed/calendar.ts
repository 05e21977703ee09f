/** Dates as whole days since 1970-01-01 (UTC) and months as year * 12 + (month - 1); no clock reads. */

const MS_PER_DAY = 86_400_000;

/** The day number of a calendar date (month 1-12). */
export const dayOf = (y: number, m: number, d: number): number => Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);

const isoDates = new Map<number, string>();

/** YYYY-MM-DD of a day number (remembered: a seed formats the same few thousand days millions of times). */
export const isoDate = (day: number): string => {
  let text = isoDates.get(day);
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoDates.set(day, text);
  }
  return text;
};

/** The month number (year * 12 + month index) a day falls in. */
export const monthOf = (day: number): number => {
  const date = new Date(day * MS_PER_DAY);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
};

/** The first day of a month number. */
export const monthStart = (month: number): number => dayOf(Math.floor(month / 12), (month % 12) + 1, 1);

export const yearOf = (day: number): number => new Date(day * MS_PER_DAY).getUTCFullYear();

export const round2 = (v: number): number => Math.round(v * 100) / 100;

export const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
