/**
 * The one place that opens SQLite. better-sqlite3-multiple-ciphers is better-sqlite3 with
 * SQLite3MultipleCiphers compiled in (same API), so encryption at rest can be switched on here.
 */
import Database from 'better-sqlite3-multiple-ciphers';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /** Raw key for an encrypted database; applied before any other statement. */
  key?: Buffer;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, { readonly: options.readonly ?? false });
  try {
    if (options.key) db.pragma(`key = "x'${options.key.toString('hex')}'"`);
    applyConnectionPragmas(db, options.readonly ?? false);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Durability and integrity settings every connection gets (architecture.md, "SQLite"). */
export function applyConnectionPragmas(db: Db, readonly: boolean): void {
  db.pragma('busy_timeout = 5000');
  if (!readonly) db.pragma('journal_mode = WAL');
  // With NORMAL a committed transaction can vanish on power loss in WAL mode.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Temporary tables, sorts and statement journals stay in memory: no page copies in temp files on
  // disk, and an INSERT into a table with a UNIQUE column and several indexes (each row may need its
  // own rollback) no longer writes a temp file per row — half of a 10,000-row import's insert time.
  db.pragma('temp_store = MEMORY');
  if (readonly) return;
  // Pages are decrypted into this cache: the default 16 MB would decrypt a ten-year database's hot
  // pages (search index, list indexes) again on almost every call. 64 MB holds them.
  db.pragma('cache_size = -65536');
  // The router checkpoints a second after each call (router/read-durability.ts); this is only the cap
  // (64 MB of WAL), so one large commit (a 10,000-row import) does not also copy its pages back in the call.
  db.pragma('wal_autocheckpoint = 16384');
}

/** Runs fn in one transaction; nothing half-written is left behind if it throws. */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}
