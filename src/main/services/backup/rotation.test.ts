import { describe, expect, it } from 'vitest';
import { backupsToDelete, type RotatableBackup } from './rotation';

const auto = (takenAt: string): RotatableBackup => ({ name: `b-${takenAt}`, takenAt, kind: 'auto' });

describe('backup rotation', () => {
  it('keeps the newest per day for 14 days and the newest per month for 12 months', () => {
    const list: RotatableBackup[] = [];
    // Two backups a day (start + daily) for 400 days.
    for (let d = 0; d < 400; d++) {
      const day = new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
      list.push(auto(`${day}T07:00:00.000Z`), auto(`${day}T19:00:00.000Z`));
    }
    const deleted = new Set(backupsToDelete(list));
    const kept = list
      .filter((b) => !deleted.has(b.name))
      .map((b) => b.takenAt)
      .sort()
      .reverse();
    // The last day is 2026-02-04: the 14 daily ones (Jan 22 – Feb 4) already hold the newest of
    // January and February, so 10 more monthly ones are kept.
    expect(kept.slice(0, 14).every((t) => t.endsWith('T19:00:00.000Z'))).toBe(true);
    expect(new Set(kept.map((t) => t.slice(0, 7))).size).toBe(12);
    expect(kept.length).toBe(14 + 10);
    expect(kept[0]).toBe(list[list.length - 1].takenAt);
  });

  it('never deletes manual backups and deletes nothing when there are few', () => {
    const list: RotatableBackup[] = [
      { name: 'manual-old', takenAt: '2020-01-01T00:00:00.000Z', kind: 'manual' },
      auto('2026-11-01T10:00:00.000Z'),
      auto('2026-11-02T10:00:00.000Z'),
    ];
    expect(backupsToDelete(list)).toEqual([]);
  });

  it('deletes the older of two backups on the same day only when both are outside the monthly slot', () => {
    const list = [auto('2026-11-02T08:00:00.000Z'), auto('2026-11-02T20:00:00.000Z')];
    expect(backupsToDelete(list)).toEqual(['b-2026-11-02T08:00:00.000Z']);
  });
});
