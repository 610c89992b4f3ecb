import { describe, expect, it } from 'vitest';
import {
  compareCandidates,
  daysLeft,
  defaultMinutesPerCase,
  fillToCapacity,
  initialsOf,
  insertionIndex,
  moveItem,
  orderCandidates,
  plannedStarts,
  type AgendaCandidate,
} from './agenda';

const c = (referralId: number, over: Partial<AgendaCandidate> = {}): AgendaCandidate => ({
  referralId,
  priority: 'normal',
  receivedDate: '2026-11-02',
  suspicionDate: null,
  ...over,
});

describe('agenda ordering', () => {
  const meetingDate = '2026-11-20';
  it('counts days left to the target from suspicion where known, else from receipt', () => {
    expect(daysLeft(c(1, { receivedDate: '2026-11-10' }), meetingDate, 30)).toBe(20);
    expect(daysLeft(c(1, { receivedDate: '2026-11-10', suspicionDate: '2026-10-01' }), meetingDate, 30)).toBe(-20);
  });

  it('puts urgent first, then lead-time pressure, then date received, then id', () => {
    const list = [
      c(1, { receivedDate: '2026-11-01' }), // 11 days left
      c(2, { receivedDate: '2026-11-15', priority: 'urgent' }),
      c(3, { receivedDate: '2026-11-12', suspicionDate: '2026-10-15' }), // -6 days left
      c(4, { receivedDate: '2026-10-31', suspicionDate: '2026-11-01' }), // 11 days left, received earlier than 1
      c(5, { receivedDate: '2026-11-01' }), // ties with 1: id decides
      c(6, { receivedDate: '2026-11-18', priority: 'urgent', suspicionDate: '2026-10-01' }),
    ];
    expect(orderCandidates(list, meetingDate, 30).map((x) => x.referralId)).toEqual([6, 2, 3, 4, 1, 5]);
    // The comparator gives the same order.
    expect([...list].sort(compareCandidates(meetingDate, 30)).map((x) => x.referralId)).toEqual([6, 2, 3, 4, 1, 5]);
  });

  it('places a case moved from another meeting before the first case it outranks', () => {
    const listed = [c(1, { priority: 'urgent' }), c(2, { receivedDate: '2026-11-01' }), c(3, { receivedDate: '2026-11-15' })];
    expect(insertionIndex(listed, c(9, { priority: 'urgent', receivedDate: '2026-11-18' }), meetingDate, 30)).toBe(1);
    expect(insertionIndex(listed, c(9, { receivedDate: '2026-11-05' }), meetingDate, 30)).toBe(2);
    expect(insertionIndex(listed, c(9, { receivedDate: '2026-11-19' }), meetingDate, 30)).toBe(3);
  });
});

describe('capacity', () => {
  const six = () => 6;
  it('fills to the number of cases', () => {
    const r = fillToCapacity([1, 2, 3, 4], { maxCases: 3, maxMinutes: 60 }, { cases: 1, minutes: 6 }, six);
    expect(r).toEqual({ fits: [1, 2], overflow: [3, 4] });
  });
  it('fills to the minutes, and a later case never jumps over one that did not fit', () => {
    const minutes = (n: number) => (n === 2 ? 30 : 5);
    const r = fillToCapacity([1, 2, 3], { maxCases: null, maxMinutes: 30 }, { cases: 0, minutes: 0 }, minutes);
    expect(r).toEqual({ fits: [1], overflow: [2, 3] });
  });
  it('exactly full still fits', () => {
    expect(fillToCapacity([1, 2], { maxCases: 2, maxMinutes: 12 }, { cases: 0, minutes: 0 }, six).overflow).toEqual([]);
  });
  it('default minutes per case', () => {
    expect(defaultMinutesPerCase({ minutesPerCase: 8, capacityCases: 10, durationMinutes: 60 })).toBe(8);
    expect(defaultMinutesPerCase({ minutesPerCase: null, capacityCases: 12, durationMinutes: 60 })).toBe(5);
    expect(defaultMinutesPerCase({ minutesPerCase: null, capacityCases: null, durationMinutes: 60 })).toBe(10);
  });
});

describe('planned times and moves', () => {
  it('starts each case after the minutes of the cases before it', () => {
    expect(plannedStarts('2026-11-20T07:00:00.000Z', [6, 10, 5])).toEqual(['2026-11-20T07:00:00.000Z', '2026-11-20T07:06:00.000Z', '2026-11-20T07:16:00.000Z']);
  });
  it('moves an item, ignoring moves out of range', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 3)).toEqual(['a', 'b', 'c']);
  });
  it('initials', () => {
    expect(initialsOf('Åsa', 'Öberg')).toBe('Å. Ö.');
  });
});
