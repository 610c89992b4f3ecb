import type { Db } from './driver';
import { ApiError } from '../../shared/api/errors';

export interface Migration {
  /** Sortable id, e.g. "0001_foundation"; never renamed once released. */
  id: string;
  up(db: Db): void;
}

/**
 * Applies the migrations not yet applied, each in its own transaction. Refuses (without writing) a
 * database whose applied list is not a prefix of the known list: it was made by a newer version.
 */
export function migrate(db: Db, migrations: readonly Migration[]): { applied: string[]; schemaVersion: string } {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    id TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const done = db.prepare('SELECT id FROM schema_migration ORDER BY id').pluck().all() as string[];
  const known = migrations.map((m) => m.id);
  done.forEach((id, i) => {
    if (known[i] !== id) {
      throw new ApiError('database_too_new', 'error.databaseTooNew', { found: done[done.length - 1] });
    }
  });
  const applied: string[] = [];
  for (const m of migrations.slice(done.length)) {
    db.transaction(() => {
      m.up(db);
      db.prepare('INSERT INTO schema_migration (id, applied_at) VALUES (?, ?)').run(m.id, new Date().toISOString());
    }).immediate();
    applied.push(m.id);
  }
  return { applied, schemaVersion: known[known.length - 1] ?? '' };
}

export interface HealthReport {
  ok: boolean;
  integrity: string[];
  foreignKeyViolations: { table: string; rowid: number; parent: string }[];
}

/** `PRAGMA integrity_check` and `foreign_key_check`, for `mdk verify` and the start-up check. */
export function checkHealth(db: Db, quick = false): HealthReport {
  const integrity = db.pragma(quick ? 'quick_check' : 'integrity_check', { simple: false }) as { integrity_check?: string; quick_check?: string }[];
  const messages = integrity.map((r) => String(Object.values(r)[0]));
  const fk = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  const ok = messages.length === 1 && messages[0] === 'ok' && fk.length === 0;
  return { ok, integrity: messages, foreignKeyViolations: fk };
}
