/**
 * Responsiveness under load: small reads (system.info and the first inbox page, alternately, as a
 * second window would make them) while an import of a new file and a batch export run in the same
 * core process. The figure is the reads' 95th percentile; the floor is the same reads' 95th
 * percentile with nothing else running.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CoreProcess } from './core';
import type { Dataset } from './dataset';
import { importCsv } from './import-csv';
import { batchPeriod, INBOX_QUERY, runBatchExport, type Figure } from './server-measures';

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

/** Reads every `gapMs` until `until` settles (or `count` reads are made); returns their durations. */
async function reads(b: CoreProcess, until: { done: boolean }, count = Infinity, gapMs = 25): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; !until.done && i < count; i++) {
    const t0 = performance.now();
    if (i % 2) await b.call('referrals.list', INBOX_QUERY);
    else await b.call('system.info', {});
    times.push(performance.now() - t0);
    await sleep(gapMs);
  }
  return times;
}

export async function readsUnderLoad(b: CoreProcess, ds: Dataset, importRows: number, plans: number, seed: number): Promise<Figure> {
  const file = importCsv(importRows, seed, ds.knownPatients);
  const period = await batchPeriod(b.dataDir, plans);
  const idle = await reads(b, { done: false }, 80);
  const state = { done: false };
  const t0 = performance.now();
  const jobs = Promise.all([
    (async () => {
      const input = { fileName: file.fileName, base64: file.base64 };
      await b.call('referrals.importPreview', input);
      await b.call('referrals.importCommit', input);
    })(),
    runBatchExport(b, period),
  ]).finally(() => (state.done = true));
  const busy = await reads(b, state);
  await jobs;
  const jobsMs = performance.now() - t0;
  return {
    ours: p95(busy),
    floor: p95(idle),
    note: `${busy.length} reads while a ${importRows.toLocaleString('en')}-row import (preview + commit) and the export of ${period.count} care plans ran (${(jobsMs / 1000).toFixed(1)} s); slowest read ${Math.max(...busy).toFixed(0)} ms`,
  };
}
