/**
 * The first calls after sign-in, as a user meets them: each run starts a new core process (nothing
 * prepared, nothing remembered, SQLite's page cache empty; the operating system's file cache is
 * warm, as on a computer in daily use), signs in with the real passphrase KDF, and times the call. Each floor opens a fresh bare connection and runs the same statements for the
 * first time (the sign-in's floor also derives the key with the same scrypt cost).
 */
import { performance } from 'node:perf_hooks';
import { databaseFile } from '../../src/main/core-files';
import { openDatabase } from '../../src/main/db/driver';
import { deriveKey, newKdfParams, STRONG_KDF } from '../../src/main/security/crypto';
import { BENCH_USER, databaseKey, openRaw, signedInProcess, startCoreProcess } from './core';
import { handlerQueries } from './floors';
import { replayer, type RecordedQuery } from './record-queries';
import { INBOX_QUERY, type Figure } from './server-measures';
import type { Dataset } from './dataset';
import { importCsv, type ImportFile } from './import-csv';
import { importFloor } from './import-floor';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const timed = async <T>(fn: () => Promise<T> | T): Promise<[T, number]> => {
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
};

/** Opening a fresh bare connection (timed), then `queries` run on it for the first time (timed), after `before` (not timed). */
async function coldFloor(dataDir: string, queries: RecordedQuery[], before: RecordedQuery[] = []): Promise<{ open: number; run: number }> {
  const key = await databaseKey(dataDir);
  const [db, open] = await timed(() => openDatabase(databaseFile(dataDir), { key }));
  try {
    replayer(db, before)();
    const [, run] = await timed(() => replayer(db, queries)());
    return { open, run };
  } finally {
    db.close();
  }
}

async function recorded<M extends Parameters<typeof handlerQueries>[2]>(dataDir: string, method: M, input: Parameters<typeof handlerQueries<M>>[3]) {
  const raw = await openRaw(dataDir);
  const queries = handlerQueries(raw, dataDir, method, input);
  raw.close();
  return queries;
}

/** Sign-in (auth.login, the real KDF) and the first inbox page, in a core process just started. */
export async function signInFirstInbox(dataDir: string, runs: number): Promise<Figure> {
  const login: number[] = [];
  const list: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < runs; i++) {
    const p = await startCoreProcess(dataDir, 'sign-in');
    const [, a] = await timed(() => p.signIn());
    const [, b] = await timed(() => p.call('referrals.list', INBOX_QUERY));
    login.push(a);
    list.push(b);
    total.push(a + b);
    await p.stop();
  }
  const queries = await recorded(dataDir, 'referrals.list', INBOX_QUERY);
  const floors: number[] = [];
  for (let i = 0; i < runs; i++) {
    const [, kdf] = await timed(() => deriveKey(BENCH_USER.passphrase, newKdfParams(STRONG_KDF)));
    const { open, run } = await coldFloor(dataDir, queries);
    floors.push(kdf + open + run);
  }
  return {
    ours: median(total),
    floor: median(floors),
    note: `parts: auth.login ${median(login).toFixed(0)} ms, the first referrals.list ${median(list).toFixed(0)} ms`,
  };
}

/** The first search after sign-in (after the inbox page the window opens on), a different term in each new process. */
export async function firstSearch(ds: Dataset, dataDir: string, runs: number): Promise<Figure> {
  const terms = ds.sampleSearchTerms.slice(0, runs);
  const inbox = await recorded(dataDir, 'referrals.list', INBOX_QUERY);
  const ours: number[] = [];
  const floors: number[] = [];
  for (const search of terms) {
    const p = await signedInProcess(dataDir, 'first search');
    await p.call('referrals.list', INBOX_QUERY); // what the window shows after sign-in, before the user types
    ours.push((await timed(() => p.call('referrals.list', { search })))[1]);
    await p.stop();
    floors.push((await coldFloor(dataDir, await recorded(dataDir, 'referrals.list', { search }), inbox)).run);
  }
  return { ours: median(ours), floor: median(floors), note: `terms ${terms.map((t, i) => `"${t}" ${ours[i].toFixed(1)} ms`).join(', ')}` };
}

/**
 * Preview, then commit, of a new file of `rows` mixed rows, as the first calls after sign-in. Each
 * run imports a file of its own (nothing of it is known or checked before), so the database grows by
 * one file per run; the floor writes other files of the same shape, on a fresh connection.
 */
export async function importFirstCall(ds: Dataset, dataDir: string, rows: number, runs: number, seed: number): Promise<Figure> {
  const files = Array.from({ length: runs }, (_, i) => importCsv(rows, seed + i, ds.knownPatients));
  const preview: number[] = [];
  const commit: number[] = [];
  const total: number[] = [];
  let last: { valid: number; imported: number } | null = null;
  for (const file of files) {
    const p = await signedInProcess(dataDir, 'import');
    const input = { fileName: file.fileName, base64: file.base64 };
    const [, a] = await timed(() => p.call('referrals.importPreview', input));
    const [report, b] = await timed(() => p.call('referrals.importCommit', input));
    if (report.counts.imported < rows * 0.85) throw new Error(`import: ${JSON.stringify(report.counts)}`);
    last = report.counts;
    preview.push(a);
    commit.push(b);
    total.push(a + b);
    await p.stop();
  }
  const floorFiles: ImportFile[] = Array.from({ length: runs }, (_, i) => importCsv(rows, seed + 500 + i, ds.knownPatients));
  const floors: number[] = [];
  for (const file of floorFiles) {
    const key = await databaseKey(dataDir);
    const [, ms] = await timed(() => {
      const db = openDatabase(databaseFile(dataDir), { key });
      importFloor(db, file.text);
      db.close();
    });
    floors.push(ms);
  }
  return {
    ours: median(total),
    floor: median(floors),
    note: `parts: preview ${median(preview).toFixed(0)} ms, commit ${median(commit).toFixed(0)} ms; ${last?.imported} of ${rows} rows imported in the last run (the rest name a patient with an open referral in that care area)`,
  };
}
