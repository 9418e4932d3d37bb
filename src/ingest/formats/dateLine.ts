import { DateTime, Info } from "luxon";

/** Month and day from a date line; `year` only where the line itself names one. */
export interface DateLine {
  month: number;
  day: number;
  year?: number;
}

const MONTHS = new Map<string, number>();
Info.months("long", { locale: "en" }).forEach((name, i) => {
  MONTHS.set(name.toLowerCase(), i + 1);
  MONTHS.set(name.slice(0, 3).toLowerCase(), i + 1);
});
MONTHS.set("sept", 9);

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
// "Mar 13", "March 13", "Mar. 13th", "March 13, 2025"
const WORDY = /^([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?$/;

/**
 * Reads a digest's date line, or returns undefined when the line is not one.
 * Only lines that are nothing but a date count, so boilerplate never does.
 */
export function readDateLine(line: string): DateLine | undefined {
  const iso = ISO.exec(line);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const wordy = WORDY.exec(line);
  const month = wordy && MONTHS.get(wordy[1].toLowerCase());
  if (!wordy || !month) return undefined;
  return { month, day: Number(wordy[2]), ...(wordy[3] ? { year: Number(wordy[3]) } : {}) };
}

/** A calendar date at UTC midnight, so that formatting it never shifts the day. */
export function calendarDate(year: number, month: number, day: number): DateTime {
  return DateTime.fromObject({ year, month, day }, { zone: "utc" });
}

/**
 * Whether two calendar dates (see calendarDate) are the same day. Luxon's hasSame works it out through
 * time zones, a third of a millisecond a call, which a build asked twice for every digest.
 */
export const sameDay = (a: DateTime, b: DateTime) => a.year === b.year && a.month === b.month && a.day === b.day;

/** "2025-03-13" → a calendar date, or undefined when it is not a real date in that form. */
export function parseIsoDate(text: string): DateTime | undefined {
  const m = ISO.exec(text);
  const date = m && calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return date?.isValid ? date : undefined;
}

/** The calendar day of an ISO timestamp ("2025-03-12T13:21:37.000Z" → "2025-03-12"); anything else is no date. */
export const isoDay = (value: string | undefined) =>
  value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;
