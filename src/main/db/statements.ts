import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from './driver';

type Statement = Database.Statement<unknown[]>;
const caches = new WeakMap<Db, Map<string, Statement>>();
const MAX = 300;

/**
 * A prepared statement kept per connection. Preparing a full-text query costs more than running it
 * (FTS5 reads its configuration on every prepare), and a dozen prepares were a third of the follow-up
 * dashboard: hot paths (inbox, import, dashboard) reuse theirs.
 */
export function cached(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let st = cache.get(sql);
  if (!st) {
    if (cache.size >= MAX) cache.clear();
    st = db.prepare(sql);
    cache.set(sql, st);
  }
  return st;
}

/**
 * Many rows as one parameter: `FROM ${eachRow('@rows')} j`, a column as `j.value ->> N`, the rows
 * bound as `JSON.stringify` of an array of arrays (one statement for 10,000 rows instead of 10,000
 * calls). Read as JSONB: each row's columns are picked from the binary form, where `json_each` would
 * turn every row back into text and parse it again for each column (a quarter of an import's insert).
 * Rows come in array order; an `ORDER BY j.key` would only add a sort of every row (SQLite does not
 * know the scan is ordered), so ids are given in the rows where order matters.
 */
export const eachRow = (param: string) => `jsonb_each(jsonb(${param}))`;
