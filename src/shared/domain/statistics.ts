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
