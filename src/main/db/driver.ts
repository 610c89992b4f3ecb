/**
 * The one place that opens SQLite. better-sqlite3-multiple-ciphers is better-sqlite3 with
 * SQLite3MultipleCiphers compiled in (same API), so encryption at rest can be switched on here.
 */
import Database from 'better-sqlite3-multiple-ciphers';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /** Raw key for an encrypted database (issue 7); applied before any other statement. */
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
}

/** Runs fn in one transaction; nothing half-written is left behind if it throws. */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}
