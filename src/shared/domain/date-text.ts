/**
 * Dates and times as Swedes write them, whatever the browser's locale: ÅÅÅÅ-MM-DD and a 24-hour
 * HH:MM. The checks the API's schemas and the form fields (ui/DateTimeInputs) share.
 */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Whether `s` (already ÅÅÅÅ-MM-DD) is a day of the calendar: not 2027-02-30. */
export function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The message key of what is wrong with a typed date, or null when it is a real ÅÅÅÅ-MM-DD date. */
export function dateIssue(s: string): 'validation.dateFormat' | 'validation.dateNotExist' | null {
  if (!DATE_PATTERN.test(s)) return 'validation.dateFormat';
  return isRealDate(s) ? null : 'validation.dateNotExist';
}

/** The message key of what is wrong with a typed time, or null when it is HH:MM on a 24-hour clock. */
export function timeIssue(s: string): 'series.timeFormat' | null {
  return TIME_PATTERN.test(s) ? null : 'series.timeFormat';
}

/** What people type for a date, in the form the app stores: "20270115" and "2027-1-5" → "2027-01-15". */
export function normaliseDate(s: string): string {
  const t = s.trim();
  const digits = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (digits) return `${digits[1]}-${digits[2]}-${digits[3]}`;
  const parts = /^(\d{4})[-./ ](\d{1,2})[-./ ](\d{1,2})$/.exec(t);
  return parts ? `${parts[1]}-${parts[2].padStart(2, '0')}-${parts[3].padStart(2, '0')}` : t;
}

/** What people type for a time: "9", "9:05", "0905", "14.30" → "09:00", "09:05", "09:05", "14:30". */
export function normaliseTime(s: string): string {
  const t = s.trim();
  const hour = /^(\d{1,2})$/.exec(t);
  if (hour) return `${hour[1].padStart(2, '0')}:00`;
  const digits = /^(\d{2})(\d{2})$/.exec(t);
  if (digits) return `${digits[1]}:${digits[2]}`;
  const parts = /^(\d{1,2})[:.](\d{2})$/.exec(t);
  return parts ? `${parts[1].padStart(2, '0')}:${parts[2]}` : t;
}
