import { performance } from 'node:perf_hooks';

/**
 * Median of `runs` timed calls (after `warmup` untimed ones), in milliseconds. `restMs`: an untimed
 * pause before each timed call, for measures of writes that the app follows up when idle (the
 * checkpoint a second after a change): a user does not start the next import within that second.
 */
export async function medianMs(fn: () => unknown | Promise<unknown>, runs = 7, warmup = 1, restMs = 0): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (restMs) await new Promise((resolve) => setTimeout(resolve, restMs));
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
