/**
 * The tests' clock: every test that reads "now" reads it here (or passes its own instant), never the
 * machine's calendar, so the suite gives the same answer on any day and in any time zone.
 * `MDK_TEST_NOW=2031-06-20T10:00:00Z` runs the suite as if it were another day (to look for date
 * dependence); the default is a Monday morning in Stockholm.
 */
export const TEST_NOW = new Date(process.env.MDK_TEST_NOW ?? '2026-11-23T09:00:00.000Z');

/** The fixed instant, as a fresh Date (callers may mutate theirs). */
export const testNow = (): Date => new Date(TEST_NOW.getTime());

/** The test date (YYYY-MM-DD, UTC; the default instant is the same day in Stockholm). */
export const testToday = (): string => TEST_NOW.toISOString().slice(0, 10);

/** A date `days` away from the test date. */
export const testDay = (days: number): string => new Date(TEST_NOW.getTime() + days * 86_400_000).toISOString().slice(0, 10);
