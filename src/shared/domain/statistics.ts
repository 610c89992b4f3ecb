/**
 * Descriptive statistics for the follow-up of the national assignment (uppföljning av uppdraget).
 * Pure and total: an empty sample gives null, never NaN, so tables show "–" instead of nonsense.
 *
 * Methods (stated because annual reports must say how a figure was computed):
 * - Median: the middle value of the sorted sample; for an even count the mean of the two middle values.
 * - 90th percentile (P90): nearest-rank method: the value at rank ⌈0.9 · n⌉ of the sorted sample
 *   (1-based). It is always an observed value (a whole number of days for lead times).
 * - Share: part / whole as a fraction 0..1; null when the whole is 0.
 */

function sortedCopy(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** Median (mean of the two middle values for an even count); null for an empty sample. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = sortedCopy(values);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Percentile p (0 < p ≤ 100) by the nearest-rank method; null for an empty sample. */
export function percentileNearestRank(values: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  if (values.length === 0) return null;
  const s = sortedCopy(values);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.max(1, rank) - 1];
}

/** The 90th percentile (nearest rank). */
export const p90 = (values: readonly number[]) => percentileNearestRank(values, 90);

/** part / whole as a fraction; null when nothing was counted. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Count per 100,000 inhabitants; null without a population figure. */
export function per100k(count: number, population: number | null | undefined): number | null {
  return population && population > 0 ? (count * 100_000) / population : null;
}

/** Summary of a sample of durations in days: count, median, P90 and the share at or under a target. */
export interface DurationSummary {
  count: number;
  median: number | null;
  p90: number | null;
  /** Share with value ≤ target (null when no target was given or the sample is empty). */
  withinTarget: number | null;
}

export function summariseDurations(values: readonly number[], targetDays?: number): DurationSummary {
  const within = targetDays === undefined ? null : share(values.filter((v) => v <= targetDays).length, values.length);
  return { count: values.length, median: median(values), p90: p90(values), withinTarget: within };
}

/**
 * The same summary from a frequency table ([value, count] pairs), so a database can hand over a few
 * hundred distinct day counts instead of every referral. Same methods, same results as
 * summariseDurations on the expanded sample.
 */
export function summariseHistogram(pairs: readonly (readonly [number, number])[], targetDays?: number): DurationSummary {
  const sorted = pairs.filter(([, c]) => c > 0).sort((a, b) => a[0] - b[0]);
  const n = sorted.reduce((s, [, c]) => s + c, 0);
  if (n === 0) return { count: 0, median: null, p90: null, withinTarget: null };
  const atRank = (rank: number): number => {
    let seen = 0;
    for (const [value, count] of sorted) {
      seen += count;
      if (seen >= rank) return value;
    }
    return sorted[sorted.length - 1][0];
  };
  const med = n % 2 === 1 ? atRank((n + 1) / 2) : (atRank(n / 2) + atRank(n / 2 + 1)) / 2;
  const within = targetDays === undefined ? null : sorted.filter(([v]) => v <= targetDays).reduce((s, [, c]) => s + c, 0) / n;
  return { count: n, median: med, p90: atRank(Math.ceil(0.9 * n)), withinTarget: within };
}
