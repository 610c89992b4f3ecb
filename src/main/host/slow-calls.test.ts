import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Router } from '../router/router';
import { rowCounts, slowCallLogFile, withSlowCallLog } from './slow-calls';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

/** A router whose calls take as long as the clock is told, answering with patient-like data. */
function setup(maxBytes?: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'mdk-slow-'));
  dirs.push(dataDir);
  let t = 0;
  let nextTook = 0;
  const inner: Router = async (method, input) => {
    t += nextTook;
    if (method === 'fails') return { ok: false, error: { code: 'validation', messageKey: 'error.validation' } };
    return { ok: true, result: { rows: [{ name: 'Märta Åström', personnummer: '191212121212' }], total: 1, input } };
  };
  const router = withSlowCallLog(inner, { dataDir, clock: () => t, now: () => new Date('2026-11-23T09:00:00Z'), maxBytes });
  const call = (method: string, ms: number) => {
    nextTook = ms;
    return router(method, { search: 'Åström 191212121212' }, 's');
  };
  const lines = () =>
    existsSync(slowCallLogFile(dataDir))
      ? readFileSync(slowCallLogFile(dataDir), 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l))
      : [];
  return { dataDir, call, lines };
}

describe('slow-call log', () => {
  it('writes calls of 200 ms or more to logs/slow-calls.log in the data folder: method, duration, row counts', async () => {
    const { call, lines, dataDir } = setup();
    await call('referrals.list', 199);
    expect(lines()).toEqual([]);
    const answer = await call('referrals.list', 250);
    expect(answer.ok).toBe(true); // the answer passes through unchanged
    await call('fails', 300);
    expect(slowCallLogFile(dataDir)).toBe(join(dataDir, 'logs', 'slow-calls.log'));
    expect(lines()).toEqual([
      { at: '2026-11-23T09:00:00.000Z', method: 'referrals.list', ms: 250, ok: true, rows: { rows: 1 } },
      { at: '2026-11-23T09:00:00.000Z', method: 'fails', ms: 300, ok: false, error: 'validation' },
    ]);
  });

  it('never writes input or result values (patient data)', async () => {
    const { call, dataDir } = setup();
    await call('referrals.list', 500);
    const text = readFileSync(slowCallLogFile(dataDir), 'utf8');
    expect(text).not.toMatch(/Åström|191212121212|Märta/);
  });

  it('rotates at its size limit, keeping three older files', async () => {
    const { call, dataDir } = setup(400);
    for (let i = 0; i < 40; i++) await call('referrals.list', 300);
    const file = slowCallLogFile(dataDir);
    for (const n of [1, 2, 3]) expect(existsSync(file.replace(/\.log$/, `.${n}.log`))).toBe(true);
    expect(existsSync(file.replace(/\.log$/, '.4.log'))).toBe(false);
    expect(readFileSync(file).length).toBeLessThanOrEqual(400);
  });

  it('counts the rows of a list result and of each array of an object, nothing else', () => {
    expect(rowCounts([1, 2, 3])).toEqual({ result: 3 });
    expect(rowCounts({ rows: [1, 2], cases: [], total: 2, name: 'x' })).toEqual({ rows: 2, cases: 0 });
    expect(rowCounts(null)).toEqual({});
  });
});
