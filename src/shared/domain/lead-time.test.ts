import { describe, expect, it } from 'vitest';
import { daysBetween, leadTime, stockholmToday } from './lead-time';

describe('lead time', () => {
  it('counts calendar days across month, year and summer-time boundaries', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // summer time starts 29 March
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2); // leap year
    expect(daysBetween('2026-11-23', '2026-11-20')).toBe(-3);
  });

  it('marks a case over target from suspicion where known, else from receipt', () => {
    expect(leadTime('2026-11-01', '2026-10-01', '2026-11-10', 30)).toEqual({ sinceReceived: 9, sinceSuspicion: 40, overTarget: true });
    expect(leadTime('2026-11-01', null, '2026-11-10', 30)).toEqual({ sinceReceived: 9, sinceSuspicion: null, overTarget: false });
  });

  it("takes today's date in Stockholm, not UTC", () => {
    expect(stockholmToday(new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-24');
    expect(stockholmToday(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(stockholmToday(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });
});
