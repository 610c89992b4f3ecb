import type { Lang } from '../../../shared/i18n';
import { addDays, isoWeekday } from '../../../shared/domain/holidays';

/** Monday-first day names; Swedes write them lower-case. */
export const DAY_NAMES: Record<Lang, string[]> = {
  sv: ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};
export const MONTH_NAMES: Record<Lang, string[]> = {
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

export const dayName = (lang: Lang, date: string) => DAY_NAMES[lang][isoWeekday(date) - 1];

/** "torsdag 26 november 2026" / "Thursday 26 November 2026". */
export function longDate(lang: Lang, date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${dayName(lang, date)} ${d} ${MONTH_NAMES[lang][m - 1]} ${y}`;
}

/** "tors 26/11" style short date. */
export function shortDate(lang: Lang, date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${dayName(lang, date).slice(0, 3)} ${d}/${m}`;
}

/** Today's date as the user's Stockholm calendar has it. */
export function todayStockholm(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export const mondayOfWeek = (date: string) => addDays(date, 1 - isoWeekday(date));
export { addDays };
