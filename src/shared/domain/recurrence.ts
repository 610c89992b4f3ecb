import { addDays, holidayOn, isoWeekday, nextWorkingDay, workingDaysBefore, type Holiday } from './holidays';
import { stockholmToUtc } from './stockholm-time';

/** How often a conference series meets. */
export const FREQUENCIES = ['weekly', 'biweekly', 'monthly'] as const; // varje vecka, varannan vecka, månadsvis
export type Frequency = (typeof FREQUENCIES)[number];
/** What happens to a meeting falling on a holiday or day off: skipped (ställs in) or moved (flyttas). */
export const HOLIDAY_POLICIES = ['skip', 'next_working_day'] as const;
export type HolidayPolicy = (typeof HOLIDAY_POLICIES)[number];

export interface RecurrenceRule {
  weekday: number; // ISO 1 = Monday … 7 = Sunday
  startTime: string; // HH:MM Stockholm
  frequency: Frequency;
  /** Monthly: 1–4 = first … fourth, -1 = last weekday of the month. */
  monthWeek: number | null;
  firstDate: string;
  lastDate: string | null;
  /** Registration deadline (sista anmälningsdag): n working days before the meeting at HH:MM. */
  deadlineWorkingDays: number;
  deadlineTime: string;
  holidayPolicy: HolidayPolicy;
}

export interface Occurrence {
  /** The date the rule gives; the stable key of the occurrence even when it moves. */
  occurrenceDate: string;
  /** Where the meeting is held (equal to occurrenceDate unless moved for a holiday). */
  localDate: string;
  startsAt: string; // UTC
  deadlineAt: string; // UTC
  /** The holiday the occurrence fell on, if any. */
  holiday: Holiday | null;
  skipped: boolean;
}

function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): string | null {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  if (n > 0) {
    const d = addDays(first, ((weekday - isoWeekday(first) + 7) % 7) + (n - 1) * 7);
    return d.slice(0, 7) === first.slice(0, 7) ? d : null;
  }
  const nextMonth = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  const last = addDays(nextMonth, -1);
  return addDays(last, -((isoWeekday(last) - weekday + 7) % 7));
}

/** The dates the rule gives in [from, to] (inclusive), before any holiday handling. */
export function ruleDates(rule: RecurrenceRule, from: string, to: string): string[] {
  const start = from > rule.firstDate ? from : rule.firstDate;
  const end = rule.lastDate && rule.lastDate < to ? rule.lastDate : to;
  const out: string[] = [];
  if (start > end) return out;
  if (rule.frequency === 'monthly') {
    let y = Number(start.slice(0, 4));
    let m = Number(start.slice(5, 7));
    while (`${y}-${String(m).padStart(2, '0')}` <= end.slice(0, 7)) {
      const d = nthWeekdayOfMonth(y, m, rule.weekday, rule.monthWeek ?? 1);
      if (d && d >= start && d <= end) out.push(d);
      m++;
      if (m > 12) {
        m = 1;
        y++;
      }
    }
    return out;
  }
  // weekly / biweekly: anchored on the first rule date on or after firstDate, so "every other week"
  // keeps its parity whichever window is asked for.
  const anchor = addDays(rule.firstDate, (rule.weekday - isoWeekday(rule.firstDate) + 7) % 7);
  const step = rule.frequency === 'weekly' ? 7 : 14;
  const daysFromAnchor = Math.max(0, Math.round((Date.parse(start) - Date.parse(anchor)) / 86_400_000));
  let d = addDays(anchor, Math.ceil(daysFromAnchor / step) * step);
  while (d <= end) {
    if (d >= start) out.push(d);
    d = addDays(d, step);
  }
  return out;
}

/** The deadline instant of a meeting held on `localDate` under the rule. */
export function deadlineFor(localDate: string, workingDays: number, time: string): string {
  return stockholmToUtc(workingDaysBefore(localDate, workingDays), time);
}

/** The meetings the rule gives in [from, to], with holidays skipped or moved as the rule says. */
export function occurrences(rule: RecurrenceRule, from: string, to: string): Occurrence[] {
  return ruleDates(rule, from, to).map((occurrenceDate) => {
    const holiday = holidayOn(occurrenceDate) ?? null;
    const skipped = !!holiday && rule.holidayPolicy === 'skip';
    const localDate = holiday && !skipped ? nextWorkingDay(occurrenceDate) : occurrenceDate;
    return {
      occurrenceDate,
      localDate,
      startsAt: stockholmToUtc(localDate, rule.startTime),
      deadlineAt: deadlineFor(localDate, rule.deadlineWorkingDays, rule.deadlineTime),
      holiday,
      skipped,
    };
  });
}

/** Chair alternation (penile cancer: the chair moves between two units every N years). */
export interface ChairRule {
  chairUnitId: number | null;
  alternateChairUnitId: number | null;
  chairAlternationYears: number | null;
  chairAlternationStart: string | null; // the date the first unit's period starts
}

/** Which unit chairs a meeting on the date. */
export function chairUnitFor(rule: ChairRule, date: string): number | null {
  if (!rule.alternateChairUnitId || !rule.chairAlternationYears || !rule.chairAlternationStart) return rule.chairUnitId;
  const [y0, m0, d0] = rule.chairAlternationStart.split('-').map(Number);
  const [y, m, d] = date.split('-').map(Number);
  let years = y - y0;
  if (m < m0 || (m === m0 && d < d0)) years--; // whole years elapsed since the start
  const period = Math.floor(years / rule.chairAlternationYears);
  return ((period % 2) + 2) % 2 === 0 ? rule.chairUnitId : rule.alternateChairUnitId;
}
