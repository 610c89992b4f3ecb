import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chairUnitFor, occurrences, ruleDates, type RecurrenceRule } from './recurrence';
import { isoWeek, stockholmToUtc, utcToStockholm } from './stockholm-time';
import { computeQuorum } from './quorum';

const weekly: RecurrenceRule = {
  weekday: 4, // Thursday
  startTime: '14:00',
  frequency: 'weekly',
  monthWeek: null,
  firstDate: '2026-01-01',
  lastDate: null,
  deadlineWorkingDays: 2,
  deadlineTime: '12:00',
  holidayPolicy: 'skip',
};

// The same answers whatever zone the computer runs in (Node applies a changed TZ at once).
const JANUARY_OFFSET: Record<string, number> = { 'Europe/Stockholm': -60, UTC: 0, 'America/New_York': 300, 'Asia/Tokyo': -540 };
for (const zone of Object.keys(JANUARY_OFFSET)) {
  describe(`in process zone ${zone}`, () => {
    let saved: string | undefined;
    beforeEach(() => {
      saved = process.env.TZ;
      process.env.TZ = zone;
      // the process really runs in that zone now
      expect(new Date(2026, 0, 15).getTimezoneOffset()).toBe(JANUARY_OFFSET[zone]);
    });
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });

    it('keeps 14:00 Stockholm across the change to summer time (last Sunday of March)', () => {
      const occ = occurrences(weekly, '2026-03-19', '2026-04-02');
      expect(occ.map((o) => o.startsAt)).toEqual(['2026-03-19T13:00:00Z', '2026-03-26T13:00:00Z', '2026-04-02T12:00:00Z']);
      for (const o of occ) expect(utcToStockholm(o.startsAt).time).toBe('14:00');
    });

    it('keeps 14:00 Stockholm across the change back (last Sunday of October)', () => {
      const occ = occurrences(weekly, '2026-10-22', '2026-10-29');
      expect(occ.map((o) => o.startsAt)).toEqual(['2026-10-22T12:00:00Z', '2026-10-29T13:00:00Z']);
      expect(utcToStockholm('2026-10-29T13:00:00Z')).toEqual({ date: '2026-10-29', time: '14:00' });
    });

    it('puts a deadline across the change in local time too', () => {
      // Monday 30 March 2026 meeting, deadline 2 working days before = Thursday 26 March 12:00 (winter time)
      const [o] = occurrences({ ...weekly, weekday: 1 }, '2026-03-30', '2026-03-30');
      expect(o.deadlineAt).toBe('2026-03-26T11:00:00Z');
    });
  });
}

describe('recurrence', () => {
  it('skips a meeting on Ascension Day under "skip"', () => {
    const occ = occurrences(weekly, '2026-05-07', '2026-05-21');
    expect(occ.map((o) => [o.localDate, o.skipped, o.holiday?.nameSv ?? null])).toEqual([
      ['2026-05-07', false, null],
      ['2026-05-14', true, 'Kristi himmelsfärdsdag'],
      ['2026-05-21', false, null],
    ]);
  });

  it('moves it to the next working day under "next_working_day", with the deadline from the new date', () => {
    const [o] = occurrences({ ...weekly, holidayPolicy: 'next_working_day' }, '2026-05-14', '2026-05-14');
    expect(o.occurrenceDate).toBe('2026-05-14');
    expect(o.localDate).toBe('2026-05-15');
    expect(o.deadlineAt).toBe(stockholmToUtc('2026-05-12', '12:00')); // Fri 15 → Wed 13 (1), Tue 12 (2): Thursday is a holiday
  });

  it('counts the deadline in working days over Easter', () => {
    const [o] = occurrences({ ...weekly, weekday: 2 }, '2026-04-07', '2026-04-07');
    expect(o.deadlineAt).toBe(stockholmToUtc('2026-04-01', '12:00'));
  });

  it('keeps every-other-week parity from the first date', () => {
    const rule: RecurrenceRule = { ...weekly, frequency: 'biweekly', firstDate: '2026-01-08' };
    expect(ruleDates(rule, '2026-01-10', '2026-02-20')).toEqual(['2026-01-22', '2026-02-05', '2026-02-19']);
  });

  it('gives the n-th and last weekday of a month', () => {
    const second = { ...weekly, frequency: 'monthly' as const, weekday: 3, monthWeek: 2 };
    expect(ruleDates(second, '2026-01-01', '2026-03-31')).toEqual(['2026-01-14', '2026-02-11', '2026-03-11']);
    const last = { ...second, monthWeek: -1 };
    expect(ruleDates(last, '2026-01-01', '2026-03-31')).toEqual(['2026-01-28', '2026-02-25', '2026-03-25']);
  });

  it('respects the first and last date', () => {
    expect(ruleDates({ ...weekly, firstDate: '2026-02-01', lastDate: '2026-02-19' }, '2026-01-01', '2026-12-31')).toEqual([
      '2026-02-05',
      '2026-02-12',
      '2026-02-19',
    ]);
  });

  it('numbers weeks by ISO 8601', () => {
    expect(isoWeek('2026-11-23')).toEqual({ weekYear: 2026, week: 48 });
    expect(isoWeek('2027-01-01')).toEqual({ weekYear: 2026, week: 53 });
    expect(isoWeek('2024-12-30')).toEqual({ weekYear: 2025, week: 1 });
  });

  it('alternates the chair between two units every two years', () => {
    const rule = { chairUnitId: 1, alternateChairUnitId: 2, chairAlternationYears: 2, chairAlternationStart: '2025-01-01' };
    expect(chairUnitFor(rule, '2025-06-01')).toBe(1);
    expect(chairUnitFor(rule, '2026-12-31')).toBe(1);
    expect(chairUnitFor(rule, '2027-01-01')).toBe(2);
    expect(chairUnitFor(rule, '2029-01-01')).toBe(1);
    expect(chairUnitFor({ ...rule, alternateChairUnitId: null }, '2027-06-01')).toBe(1);
  });
});

describe('quorum', () => {
  const required = ['surgeon', 'oncologist', 'pathologist'];
  it('is met when every required role is present or remote', () => {
    const q = computeQuorum(required, [
      { role: 'surgeon', attendance: 'present' },
      { role: 'oncologist', attendance: 'remote' },
      { role: 'pathologist', attendance: 'present' },
    ]);
    expect(q).toMatchObject({ met: true, missingRoles: [], recorded: true });
  });
  it('names the roles missing, before and during the meeting', () => {
    const q = computeQuorum(required, [
      { role: 'surgeon', attendance: null },
      { role: 'oncologist', attendance: 'absent' },
    ]);
    expect(q).toMatchObject({ met: false, expectedMet: false, expectedMissingRoles: ['oncologist', 'pathologist'], recorded: true });
    expect(q.missingRoles).toEqual(required);
  });
});
