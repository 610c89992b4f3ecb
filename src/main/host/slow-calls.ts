import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Router } from '../router/router';

/** Calls slower than this are written to the slow-call log. */
export const SLOW_CALL_MS = 200;
/** The log is rotated at this size; `slow-calls.1.log` … `.3.log` keep the older lines. */
export const SLOW_LOG_MAX_BYTES = 1024 * 1024;
const KEPT_FILES = 3;

export const slowCallLogFile = (dataDir: string) => join(dataDir, 'logs', 'slow-calls.log');

/**
 * How many rows a result carries, by its top-level arrays (`rows`, `items`, …) or its own length.
 * Only counts and the names of the contract's fields: never a value, so never patient data.
 */
export function rowCounts(result: unknown): Record<string, number> {
  if (Array.isArray(result)) return { result: result.length };
  const counts: Record<string, number> = {};
  if (result && typeof result === 'object') {
    for (const [key, value] of Object.entries(result)) if (Array.isArray(value)) counts[key] = value.length;
  }
  return counts;
}

export interface SlowCallLogOptions {
  dataDir: string;
  thresholdMs?: number;
  maxBytes?: number;
  /** The clock of durations (tests pass their own). */
  clock?: () => number;
  /** The clock of the `at` field. */
  now?: () => Date;
}

/**
 * Wraps a router so each call slower than the threshold adds one JSON line to
 * `<data folder>/logs/slow-calls.log`: when, method, duration, ok or the error code, row counts.
 * Input and results are never written (they hold patient data). A failing disk never fails a call.
 */
export function withSlowCallLog(router: Router, options: SlowCallLogOptions): Router {
  const threshold = options.thresholdMs ?? SLOW_CALL_MS;
  const maxBytes = options.maxBytes ?? SLOW_LOG_MAX_BYTES;
  const clock = options.clock ?? (() => performance.now());
  const now = options.now ?? (() => new Date());
  const file = slowCallLogFile(options.dataDir);
  return async (method, input, sessionId) => {
    const started = clock();
    const out = await router(method, input, sessionId);
    const ms = clock() - started;
    if (ms >= threshold) {
      const line = {
        at: now().toISOString(),
        method: method.slice(0, 100),
        ms: Math.round(ms),
        ...(out.ok ? { ok: true, rows: rowCounts(out.result) } : { ok: false, error: out.error.code }),
      };
      try {
        append(file, JSON.stringify(line) + '\n', maxBytes);
      } catch (e) {
        console.error('[slow-calls]', (e as Error).message);
      }
    }
    return out;
  };
}

function append(file: string, line: string, maxBytes: number) {
  mkdirSync(join(file, '..'), { recursive: true });
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    // no log yet
  }
  if (size > 0 && size + line.length > maxBytes) rotate(file);
  appendFileSync(file, line);
}

function rotate(file: string) {
  const numbered = (n: number) => file.replace(/\.log$/, `.${n}.log`);
  rmSync(numbered(KEPT_FILES), { force: true });
  for (let n = KEPT_FILES - 1; n >= 1; n--) {
    try {
      renameSync(numbered(n), numbered(n + 1));
    } catch {
      // that one does not exist yet
    }
  }
  renameSync(file, numbered(1));
}
