/**
 * Swedish public holidays (allmänna helgdagar, lag 1989:253) and the de facto days off
 * (midsommarafton, julafton, nyårsafton), computed for any year: Easter by the Gregorian
 * computus (Anonymous Gregorian algorithm), the rest from fixed dates or weekday windows.
 * Pure: dates are plain YYYY-MM-DD strings, no time zone involved.
 */

export type HolidayKind = 'public' | 'de_facto';

export interface Holiday {
  date: string; // YYYY-MM-DD
  nameSv: string;
  nameEn: string;
  kind: HolidayKind;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** Easter Sunday (påskdagen) of a Gregorian year as [month, day]. */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

/** Adds days to a YYYY-MM-DD date (UTC arithmetic: calendar days only). */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** ISO weekday of a YYYY-MM-DD date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The first date from `from` (inclusive) that falls on the ISO weekday. */
function firstWeekdayFrom(from: string, weekday: number): string {
  return addDays(from, (weekday - isoWeekday(from) + 7) % 7);
}

const cache = new Map<number, Holiday[]>();

/** Every public holiday and de facto day off of a year, sorted by date. */
export function swedishHolidays(year: number): Holiday[] {
  const hit = cache.get(year);
  if (hit) return hit;
  const e = easterSunday(year);
  const easter = iso(year, e.month, e.day);
  const midsummerDay = firstWeekdayFrom(iso(year, 6, 20), 6); // Saturday 20–26 June
  const allSaints = firstWeekdayFrom(iso(year, 10, 31), 6); // Saturday 31 Oct – 6 Nov
  const list: Holiday[] = [
    { date: iso(year, 1, 1), nameSv: 'Nyårsdagen', nameEn: "New Year's Day", kind: 'public' },
    { date: iso(year, 1, 6), nameSv: 'Trettondedag jul', nameEn: 'Epiphany', kind: 'public' },
    { date: addDays(easter, -2), nameSv: 'Långfredagen', nameEn: 'Good Friday', kind: 'public' },
    { date: easter, nameSv: 'Påskdagen', nameEn: 'Easter Sunday', kind: 'public' },
    { date: addDays(easter, 1), nameSv: 'Annandag påsk', nameEn: 'Easter Monday', kind: 'public' },
    { date: iso(year, 5, 1), nameSv: 'Första maj', nameEn: 'May Day', kind: 'public' },
    { date: addDays(easter, 39), nameSv: 'Kristi himmelsfärdsdag', nameEn: 'Ascension Day', kind: 'public' },
    { date: addDays(easter, 49), nameSv: 'Pingstdagen', nameEn: 'Whit Sunday', kind: 'public' },
    { date: iso(year, 6, 6), nameSv: 'Sveriges nationaldag', nameEn: 'National Day of Sweden', kind: 'public' },
    { date: addDays(midsummerDay, -1), nameSv: 'Midsommarafton', nameEn: 'Midsummer Eve', kind: 'de_facto' },
    { date: midsummerDay, nameSv: 'Midsommardagen', nameEn: 'Midsummer Day', kind: 'public' },
    { date: allSaints, nameSv: 'Alla helgons dag', nameEn: "All Saints' Day", kind: 'public' },
    { date: iso(year, 12, 24), nameSv: 'Julafton', nameEn: 'Christmas Eve', kind: 'de_facto' },
    { date: iso(year, 12, 25), nameSv: 'Juldagen', nameEn: 'Christmas Day', kind: 'public' },
    { date: iso(year, 12, 26), nameSv: 'Annandag jul', nameEn: 'Boxing Day', kind: 'public' },
    { date: iso(year, 12, 31), nameSv: 'Nyårsafton', nameEn: "New Year's Eve", kind: 'de_facto' },
  ].sort((a, b) => a.date.localeCompare(b.date)) as Holiday[];
  cache.set(year, list);
  return list;
}

/** The holiday or day off on a date, if any. */
export function holidayOn(date: string): Holiday | undefined {
  return swedishHolidays(Number(date.slice(0, 4))).find((h) => h.date === date);
}

/** A working day (arbetsdag): Monday–Friday and neither a public holiday nor a de facto day off. */
export function isWorkingDay(date: string): boolean {
  return isoWeekday(date) <= 5 && !holidayOn(date);
}

/** The first working day after `date` (exclusive). */
export function nextWorkingDay(date: string): string {
  let d = addDays(date, 1);
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** The date `n` working days before `date` (n = 0: the date itself, moved back to a working day). */
export function workingDaysBefore(date: string, n: number): string {
  let d = date;
  if (n === 0) {
    while (!isWorkingDay(d)) d = addDays(d, -1);
    return d;
  }
  let left = n;
  while (left > 0) {
    d = addDays(d, -1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** The date `n` working days after `date` (n = 0: the date itself, moved on to a working day). */
export function workingDaysAfter(date: string, n: number): string {
  let d = date;
  if (n === 0) {
    while (!isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}
