/**
 * The access log's per-patient index (migration 0009), kept behind the log in batches: sorted inserts
 * of a few thousand rows touch each index page once, where an insert per access touched one random
 * page per patient inside the user's call. Readers combine the index with the unindexed tail.
 */
import type { Db } from '../../db/driver';

/** Rows indexed per batch: a few milliseconds of work, so it never stalls a user's call for long. */
export const INDEX_BATCH_ROWS = 5_000;

/** Indexes up to `maxRows` of the log's newest unindexed rows, in one transaction; returns how many. */
export function indexAccessLog(db: Db, maxRows = INDEX_BATCH_ROWS): number {
  return db
    .transaction(() => {
      const upto = db.prepare('SELECT indexed_upto FROM access_log_index_state').pluck().get() as number;
      const last = db.prepare('SELECT ifnull(max(id), 0) FROM access_log').pluck().get() as number;
      const until = Math.min(last, upto + maxRows);
      if (until <= upto) return 0;
      db.prepare(
        'INSERT INTO access_log_patient_index (patient_id, log_id) SELECT patient_id, id FROM access_log WHERE id > ? AND id <= ? ORDER BY patient_id, id',
      ).run(upto, until);
      db.prepare('UPDATE access_log_index_state SET indexed_upto = ?').run(until);
      return until - upto;
    })
    .immediate();
}

/**
 * SQL for the ids of a patient's log rows, given as a JSON array of patient ids in one parameter:
 * indexed rows from the index, the tail by scanning it (it is short: the indexer keeps up).
 */
export const LOG_IDS_OF_PATIENTS = `
  SELECT log_id FROM access_log_patient_index WHERE patient_id IN (SELECT value FROM json_each(@patients))
  UNION ALL
  SELECT id FROM access_log WHERE id > (SELECT indexed_upto FROM access_log_index_state)
    AND patient_id IN (SELECT value FROM json_each(@patients))`;

/**
 * Keeps the index up with the log while the database is open: a tick soon after sign-in, then every
 * `everyMs`; each tick indexes batches for at most ~25 ms, so a long tail (a big CLI import) is caught
 * up over a few ticks without ever holding the user's calls up. Returns a stop function.
 */
export function scheduleAccessLogIndexing(db: () => Db | null, everyMs = 30_000): () => void {
  const tick = () => {
    const open = db();
    if (!open) return;
    const started = performance.now();
    try {
      while (indexAccessLog(open) > 0 && performance.now() - started < 25);
    } catch (e) {
      // Busy (another process writing) or closed meanwhile: the next tick tries again.
      if (!['SQLITE_BUSY', 'SQLITE_MISUSE'].includes((e as { code?: string }).code ?? '') && open.open) console.error('[access-log-index]', e);
    }
  };
  const first = setTimeout(tick, 1_000);
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
