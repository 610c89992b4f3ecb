/**
 * The heavy part of a backup, off the core's thread: `VACUUM INTO` on a connection of its own (a
 * consistent snapshot; in WAL mode the app's connection keeps reading and writing meanwhile), the copy
 * turned into one self-contained file, then its integrity_check and foreign_key_check. A backup of a
 * ten-year database takes seconds; on the core's thread every call waited for it.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import type { HealthReport } from '../../db/migrate';

// Plain CommonJS so it runs the same under tsx, vitest and the bundled Electron main process.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const open = (file, readonly) => {
  const db = new Database(file, { readonly, fileMustExist: true });
  if (workerData.keyHex) db.pragma("key = \\"x'" + workerData.keyHex + "'\\"");
  db.pragma('busy_timeout = 5000');
  return db;
};
let db;
try {
  db = open(workerData.source, true);
  db.prepare('VACUUM INTO ?').run(workerData.target);
  db.close();
  db = open(workerData.target, false);
  db.pragma('journal_mode = DELETE');
  const integrity = db.pragma('integrity_check', { simple: false }).map((row) => String(Object.values(row)[0]));
  const foreignKeyViolations = db.pragma('foreign_key_check');
  parentPort.postMessage({ integrity, foreignKeyViolations });
} catch (e) {
  parentPort.postMessage({ error: String((e && e.message) || e) });
} finally {
  if (db && db.open) db.close();
}`;

const driver = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');

/** Copies `source` into `target` (one file, rollback journal) in a worker thread and checks the copy. */
export function snapshotInWorker(source: string, target: string, key: Buffer | undefined): Promise<HealthReport> {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { source, target, driver, keyHex: key?.toString('hex') ?? null } });
  return new Promise<HealthReport>((resolve, reject) => {
    worker.once('message', (m: { error: string } | Omit<HealthReport, 'ok'>) => {
      if ('error' in m) reject(new Error(m.error));
      else resolve({ ...m, ok: m.integrity.length === 1 && m.integrity[0] === 'ok' && m.foreignKeyViolations.length === 0 });
    });
    worker.once('error', reject);
  }).finally(() => void worker.terminate());
}
