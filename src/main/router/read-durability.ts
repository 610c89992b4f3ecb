/**
 * How a reading call's access-log rows reach the disk. Every change of data commits with
 * synchronous=FULL (the WAL is fsynced before the call answers). A call that only reads patient data
 * still writes its access-log rows; waiting for an fsync there (1–4 ms on these machines) would be most
 * of a search's time. So reading calls commit with synchronous=NORMAL: the rows are in the WAL at
 * once (a crash of the app loses nothing), and are fsynced by the next durable commit or by a
 * checkpoint at most `SYNC_WITHIN_MS` later — the window a power cut could lose is that second of
 * read accesses, never a change. A reading handler that did write something (it should not) is made
 * durable before its call answers.
 */
import type { Db } from '../db/driver';
import { cached } from '../db/statements';

export const SYNC_WITHIN_MS = 1_000;

const pending = new WeakMap<Db, ReturnType<typeof setTimeout>>();

/** Runs `fn` (which commits a transaction) without waiting for the disk; the sync follows (checkpointSoon). */
export function commitWithoutWaiting<T>(db: Db, fn: () => T): T {
  db.pragma('synchronous = NORMAL');
  try {
    return fn();
  } finally {
    db.pragma('synchronous = FULL');
  }
}

/** The number of rows changed on this connection so far: tells whether a call (or its handler) wrote. */
export const changesSoFar = (db: Db) => cached(db, 'SELECT total_changes()').pluck().get() as number;

/** A passive checkpoint fsyncs the WAL before it copies pages home: every commit so far is durable. */
function checkpoint(db: Db): void {
  const timer = pending.get(db);
  if (timer) clearTimeout(timer);
  pending.delete(db);
  if (db.open) db.pragma('wal_checkpoint(PASSIVE)');
}

/** Makes every commit so far durable now. */
export const syncNow = checkpoint;

/**
 * A passive checkpoint `SYNC_WITHIN_MS` after a call's commit, when the user is not waiting: it makes
 * reading calls' log rows durable, and moves the WAL's pages into the database file outside the calls
 * (the connection's automatic checkpoint is set high, driver.ts, so a large import does not pay for it).
 */
export function checkpointSoon(db: Db): void {
  if (pending.has(db)) return;
  const timer = setTimeout(() => {
    try {
      checkpoint(db);
    } catch (e) {
      console.error('[checkpoint]', e);
    }
  }, SYNC_WITHIN_MS);
  // Never keeps a CLI run alive: closing the database checkpoints the WAL anyway.
  timer.unref();
  pending.set(db, timer);
}
