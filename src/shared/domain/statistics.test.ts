import { describe, expect, it } from 'vitest';
import { median, p90, per100k, percentileNearestRank, share, summariseDurations, summariseHistogram } from './statistics';

describe('median', () => {
  it('is the middle value of an odd sample, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5);
  });
  it('is the mean of the two middle values of an even sample', () => {
    // sorted 2, 4, 6, 20 → (4 + 6) / 2 = 5
    expect(median([20, 2, 6, 4])).toBe(5);
  });
  it('is null for an empty sample', () => {
    expect(median([])).toBeNull();
  });
  it('does not reorder the caller’s array', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('90th percentile, nearest rank', () => {
  it('takes the value at rank ⌈0.9·n⌉', () => {
    // n = 10 → rank 9 → 9th smallest
    expect(p90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(9);
    // n = 11 → rank ⌈9.9⌉ = 10
    expect(p90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])).toBe(10);
    // n = 3 → rank ⌈2.7⌉ = 3 → the largest
    expect(p90([30, 10, 20])).toBe(30);
  });
  it('is the only value of a one-value sample and null for none', () => {
    expect(p90([7])).toBe(7);
    expect(p90([])).toBeNull();
  });
  it('rejects a percentile outside (0, 100]', () => {
    expect(() => percentileNearestRank([1], 0)).toThrow(RangeError);
    expect(() => percentileNearestRank([1], 101)).toThrow(RangeError);
    expect(percentileNearestRank([1, 2, 3, 4], 100)).toBe(4);
  });
});

describe('shares and rates', () => {
  it('divides, and gives null when nothing was counted', () => {
    expect(share(1, 4)).toBe(0.25);
    expect(share(0, 0)).toBeNull();
  });
  it('counts per 100,000 inhabitants', () => {
    expect(per100k(5, 500_000)).toBe(1);
    expect(per100k(5, 0)).toBeNull();
    expect(per100k(5, null)).toBeNull();
  });
});

describe('summariseDurations', () => {
  it('gives count, median, P90 and the share within target (≤ target)', () => {
    // sorted 5, 10, 30, 31, 60: median 30; P90 rank ⌈4.5⌉ = 5 → 60; ≤ 30: 3 of 5
    expect(summariseDurations([31, 5, 60, 10, 30], 30)).toEqual({ count: 5, median: 30, p90: 60, withinTarget: 0.6 });
  });
  it('leaves the share empty without a target or a sample', () => {
    expect(summariseDurations([1, 2]).withinTarget).toBeNull();
    expect(summariseDurations([], 30)).toEqual({ count: 0, median: null, p90: null, withinTarget: null });
  });
});

describe('summariseHistogram', () => {
  it('agrees with summariseDurations on the expanded sample', () => {
    const samples = [[31, 5, 60, 10, 30], [1, 2, 2, 2, 9, 9, 40, 41], [7], [3, 3, 3, 3]];
    for (const values of samples) {
      const counts = new Map<number, number>();
      for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
      expect(summariseHistogram([...counts], 30)).toEqual(summariseDurations(values, 30));
      expect(summariseHistogram([...counts])).toEqual(summariseDurations(values));
    }
  });
  it('is empty for no counts', () => {
    expect(summariseHistogram([], 30)).toEqual({ count: 0, median: null, p90: null, withinTarget: null });
  });
});
