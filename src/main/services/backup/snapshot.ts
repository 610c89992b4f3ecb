/**
 * Writing and checking backup files. A backup is one self-contained SQLite file (no -wal beside it),
 * written next to its final name and renamed into place only when complete and checked, so a half
 * written file on a network share is never mistaken for a backup.
 */
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { openDatabase, type Db } from '../../db/driver';
import { checkHealth, type HealthReport, type Migration } from '../../db/migrate';
import { snapshotInWorker } from './snapshot-worker';

const SQLITE_HEADER = 'SQLite format 3\0';

/** A plaintext SQLite file starts with its magic header; an encrypted one (SQLite3MultipleCiphers) does not. */
export function isPlaintextSqlite(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return n === 16 && buf.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

/**
 * Copies the live database (`source`, the file the app has open) into `dest` while the app keeps
 * working: `VACUUM INTO` on a connection of its own in a worker thread (snapshot-worker.ts), which
 * keeps an encrypted database's cipher and key in the copy (test/service/backup-encryption) and leaves
 * the core's thread free for calls. The copy is checked before it takes its final name.
 */
export async function writeSnapshot(source: string, dest: string, key: Buffer | undefined): Promise<void> {
  const partial = `${dest}.partial`;
  rmSync(partial, { force: true });
  try {
    const health = await snapshotInWorker(source, partial, key);
    const problems = healthProblems(health);
    if (problems.length) throw new Error(`backup check failed: ${problems.join('; ')}`);
    renameSync(partial, dest);
  } finally {
    rmSync(partial, { force: true });
  }
}

/** Short findings of a health report: integrity lines other than "ok", foreign-key faults. */
function healthProblems(health: HealthReport): string[] {
  return [
    ...(health.integrity.length === 1 && health.integrity[0] === 'ok' ? [] : health.integrity.slice(0, 20)),
    ...health.foreignKeyViolations.slice(0, 20).map((v) => `foreign key ${v.table}#${v.rowid} → ${v.parent}`),
  ];
}

export interface FileReport {
  ok: boolean;
  /** Short technical findings (integrity_check lines, foreign-key faults, schema mismatch). */
  problems: string[];
  /** Last applied migration in the file, '' when none. */
  schemaVersion: string;
  /** The file was made by a newer version of the app (its migrations are not a prefix of ours). */
  tooNew: boolean;
}

/**
 * Full check of a database file before it may replace anything: opens it read-only (with the key
 * when encrypted), runs integrity_check and foreign_key_check, and, given the known migrations,
 * checks that its schema is one this version can open (equal or older; older ones are migrated).
 */
export function inspectDatabaseFile(file: string, key: Buffer | undefined, migrations: readonly Migration[] | null): FileReport {
  if (!existsSync(file)) return { ok: false, problems: ['file missing'], schemaVersion: '', tooNew: false };
  let db: Db | null = null;
  try {
    db = openDatabase(file, { readonly: true, key });
    const problems = healthProblems(checkHealth(db));
    const hasMigrations = !!db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migration'").get();
    const applied = hasMigrations ? (db.prepare('SELECT id FROM schema_migration ORDER BY id').pluck().all() as string[]) : [];
    let tooNew = false;
    if (migrations) {
      if (!hasMigrations || applied.length === 0) problems.push('not an MDK Coordinator database (no schema_migration)');
      const known = migrations.map((m) => m.id);
      tooNew = applied.some((id, i) => known[i] !== id);
      if (tooNew) problems.push(`schema ${applied[applied.length - 1]} is newer than this version`);
    }
    return { ok: problems.length === 0, problems, schemaVersion: applied[applied.length - 1] ?? '', tooNew };
  } catch (e) {
    // Wrong key, not a database, truncated file: all mean "cannot be used".
    return { ok: false, problems: [(e as Error).message], schemaVersion: '', tooNew: false };
  } finally {
    db?.close();
  }
}
