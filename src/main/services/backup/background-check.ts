/**
 * The full quick_check of the database, off the main thread. quick_check reads every page: seconds on a
 * ten-year database (2 s at 130 MB here), which sign-in used to wait for. It now runs in a worker thread
 * on its own read-only connection while the user works; damage it finds puts the core into recovery
 * mode (core.ts). Until then nothing damaged can be changed unnoticed: every page is authenticated
 * when read (the cipher's HMAC), so a change can only touch pages that read back intact.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { healthOf, type StartupHealth } from './recovery';

// Plain CommonJS so it runs the same under tsx, vitest and the bundled Electron main process.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  if (workerData.keyHex) db.pragma("key = \\"x'" + workerData.keyHex + "'\\"");
  parentPort.postMessage(db.pragma('quick_check', { simple: false }).map((row) => String(Object.values(row)[0])));
} catch (e) {
  parentPort.postMessage([String((e && e.message) || e)]);
} finally {
  if (db) db.close();
}`;

const driver = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');

export interface BackgroundCheck {
  result: Promise<StartupHealth>;
  /** Stops the check (the app closes); `result` then never settles. */
  stop(): void;
}

export function checkInBackground(file: string, key: Buffer | undefined): BackgroundCheck {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, keyHex: key?.toString('hex') ?? null } });
  worker.unref(); // never keeps a CLI run or a test process alive
  const result = new Promise<StartupHealth>((resolve) => {
    worker.once('message', (messages: string[]) => resolve(healthOf(messages)));
    worker.once('error', (e) => resolve({ ok: false, problems: [e.message] }));
  });
  return { result, stop: () => void worker.terminate() };
}
