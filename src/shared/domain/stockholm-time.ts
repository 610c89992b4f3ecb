import { DateTime } from 'luxon';

/** Every conference is planned in Swedish local time, whatever the computer's own zone. */
export const STOCKHOLM = 'Europe/Stockholm';

/** A Stockholm wall-clock date + HH:MM as a UTC ISO instant (summer time handled by the zone rules). */
export function stockholmToUtc(date: string, time: string): string {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone: STOCKHOLM });
  if (!dt.isValid) throw new Error(`invalid local time ${date} ${time}`);
  return dt.toUTC().toISO({ suppressMilliseconds: true })!;
}

/** A UTC instant as Stockholm date and HH:MM. */
export function utcToStockholm(instant: string): { date: string; time: string } {
  const dt = DateTime.fromISO(instant, { zone: 'utc' }).setZone(STOCKHOLM);
  return { date: dt.toISODate()!, time: dt.toFormat('HH:mm') };
}

/** ISO 8601 week number (vecka) of a date: Monday first, week 1 holds the first Thursday. */
export function isoWeek(date: string): { weekYear: number; week: number } {
  const dt = DateTime.fromISO(date, { zone: 'utc' });
  return { weekYear: dt.weekYear, week: dt.weekNumber };
}

/** Monday of the ISO week holding the date. */
export function mondayOf(date: string): string {
  return DateTime.fromISO(date, { zone: 'utc' }).startOf('week').toISODate()!;
}

/** Today's date in Stockholm for an instant (defaults to now). */
export function stockholmToday(now: Date = new Date()): string {
  return DateTime.fromJSDate(now).setZone(STOCKHOLM).toISODate()!;
}

/** Adds whole calendar months to a date (end-of-month clamped). */
export function addMonths(date: string, months: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ months }).toISODate()!;
}
