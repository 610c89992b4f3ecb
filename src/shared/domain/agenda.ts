/**
 * Case-list (falllista) rules, pure: which case comes first, what fits in a meeting, and when each
 * case is planned to start. Used by the proposal service, the UI and the benchmark.
 */
import { daysBetween } from './lead-time';

export interface AgendaCandidate {
  referralId: number;
  priority: 'urgent' | 'normal';
  receivedDate: string; // YYYY-MM-DD
  /** Välgrundad misstanke; the lead-time clock starts here where known, else at receipt. */
  suspicionDate: string | null;
}

/** Days left to the care area's lead-time target on the meeting date (negative: already over). */
export function daysLeft(c: AgendaCandidate, meetingDate: string, targetDays: number): number {
  return targetDays - daysBetween(c.suspicionDate ?? c.receivedDate, meetingDate);
}

/**
 * The agenda order: urgent first, then lead-time pressure (fewest days left to the target), then
 * date received (longest waiting first), then referral id so the order is stable.
 */
export function compareCandidates(meetingDate: string, targetDays: number) {
  return (a: AgendaCandidate, b: AgendaCandidate): number => {
    if (a.priority !== b.priority) return a.priority === 'urgent' ? -1 : 1;
    const pressure = daysLeft(a, meetingDate, targetDays) - daysLeft(b, meetingDate, targetDays);
    if (pressure !== 0) return pressure;
    if (a.receivedDate !== b.receivedDate) return a.receivedDate < b.receivedDate ? -1 : 1;
    return a.referralId - b.referralId;
  };
}

export function orderCandidates<T extends AgendaCandidate>(candidates: readonly T[], meetingDate: string, targetDays: number): T[] {
  // Days left are computed once per candidate: the comparator runs ~n·log n times (1,000 cases < 20 ms).
  const keyed = candidates.map((c) => ({ c, left: daysLeft(c, meetingDate, targetDays) }));
  keyed.sort((x, y) => {
    if (x.c.priority !== y.c.priority) return x.c.priority === 'urgent' ? -1 : 1;
    if (x.left !== y.left) return x.left - y.left;
    if (x.c.receivedDate !== y.c.receivedDate) return x.c.receivedDate < y.c.receivedDate ? -1 : 1;
    return x.c.referralId - y.c.referralId;
  });
  return keyed.map((k) => k.c);
}

export interface Capacity {
  /** Most cases the meeting takes (null: no case limit, only time). */
  maxCases: number | null;
  /** Meeting length in minutes. */
  maxMinutes: number;
}

export interface Fill<T> {
  fits: T[];
  overflow: T[];
}

/**
 * Fills what is left of the meeting after the cases already listed, in the given order. The first
 * case that does not fit (by number or by minutes) and everything after it overflow to the next
 * meeting: a later, less pressing case never jumps over an earlier one that did not fit.
 */
export function fillToCapacity<T>(ordered: readonly T[], capacity: Capacity, used: { cases: number; minutes: number }, minutesOf: (c: T) => number): Fill<T> {
  let cases = used.cases;
  let minutes = used.minutes;
  for (let i = 0; i < ordered.length; i++) {
    const m = minutesOf(ordered[i]);
    const tooMany = capacity.maxCases !== null && cases + 1 > capacity.maxCases;
    if (tooMany || minutes + m > capacity.maxMinutes) return { fits: ordered.slice(0, i), overflow: ordered.slice(i) };
    cases += 1;
    minutes += m;
  }
  return { fits: [...ordered], overflow: [] };
}

/** Minutes a new case gets: the meeting's setting, else the meeting shared evenly, else 10. */
export function defaultMinutesPerCase(m: { minutesPerCase: number | null; capacityCases: number | null; durationMinutes: number }): number {
  if (m.minutesPerCase) return m.minutesPerCase;
  if (m.capacityCases) return Math.max(1, Math.floor(m.durationMinutes / m.capacityCases));
  return 10;
}

/** Planned start (UTC ISO) of each case: the meeting's start plus the minutes of the cases before it. */
export function plannedStarts(startsAt: string, minutes: readonly number[]): string[] {
  const start = Date.parse(startsAt);
  let offset = 0;
  return minutes.map((m) => {
    const at = new Date(start + offset * 60_000).toISOString();
    offset += m;
    return at;
  });
}

/** Where a case moved to a list already ordered by hand goes: before the first case it outranks. */
export function insertionIndex<T extends AgendaCandidate>(listed: readonly T[], incoming: T, meetingDate: string, targetDays: number): number {
  const cmp = compareCandidates(meetingDate, targetDays);
  const i = listed.findIndex((c) => cmp(incoming, c) < 0);
  return i === -1 ? listed.length : i;
}

/** Moves one element of a list (keyboard up/down and drag end both use this). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length || to < 0 || to >= out.length) return out;
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item);
  return out;
}

/** Initials and birth year: all the minimal agenda shows of a patient ("A. S., 1952"). */
export function initialsOf(givenName: string, familyName: string): string {
  const first = (s: string) => (s.trim()[0] ?? '').toUpperCase();
  return `${first(givenName)}. ${first(familyName)}.`;
}

/** Clock time in Europe/Stockholm ("08:06") of a UTC instant: meetings are planned in Swedish time. */
export function stockholmClock(iso: string): string {
  return stockholmTime.format(new Date(iso));
}
const stockholmTime = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' });

/** A 12-digit personnummer/samordningsnummer as written (ÅÅÅÅMMDD-NNNN); other identifiers as given. */
export function formatIdentifier(value: string | null): string {
  if (!value) return '';
  return /^\d{12}$/.test(value) ? `${value.slice(0, 8)}-${value.slice(8)}` : value;
}
