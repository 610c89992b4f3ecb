import type { Db } from '../../db/driver';

/**
 * Bulk indexing for the import: triggers (migration 0003) keep `patient_search` in step row by row,
 * which costs an index delete and insert per new patient. During an import they stand aside
 * (`search_deferral`) and the new patients are indexed in one statement, in the same transaction.
 * The text is the same as the triggers': names, then every identifier value.
 */
export function withDeferredSearchIndex<T>(db: Db, work: (created: number[]) => T): T {
  const created: number[] = [];
  db.prepare('INSERT INTO search_deferral (id) VALUES (1)').run();
  let result: T;
  try {
    result = work(created);
  } finally {
    db.prepare('DELETE FROM search_deferral').run();
  }
  db.prepare(
    `INSERT INTO patient_search (rowid, text)
     SELECT p.id, p.given_name || ' ' || p.family_name ||
       coalesce(' ' || (SELECT group_concat(i.value, ' ') FROM patient_identifier i WHERE i.patient_id = p.id), '')
     FROM patient p WHERE p.id IN (SELECT value FROM json_each(?))`,
  ).run(JSON.stringify(created));
  return result;
}
