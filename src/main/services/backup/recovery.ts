/**
 * Start-up check and the recovery mode of a damaged database: nothing is written, every method but
 * the two recovery ones answers "database damaged", and the recovery screen offers the newest backup
 * that passes the full check.
 */
import { openDatabase, type Db } from '../../db/driver';
import type { Migration } from '../../db/migrate';
import { api } from '../../../shared/api';
import { ApiError } from '../../../shared/api/errors';
import type { RecoveryStatus } from '../../../shared/api/methods/backup';
import type { Router } from '../../router/router';
import { validationError } from '../../router/validation';
import { inspectDatabaseFile } from './snapshot';
import type { BackupService } from './service';

export interface StartupHealth {
  ok: boolean;
  problems: string[];
}

/** quick_check's answer as health: the single line "ok", or its first twenty problems. */
export function healthOf(quickCheck: string[]): StartupHealth {
  const intact = quickCheck.length === 1 && quickCheck[0] === 'ok';
  return intact ? { ok: true, problems: [] } : { ok: false, problems: quickCheck.slice(0, 20) };
}

/**
 * The check at sign-in, on a read-only connection before anything writes: the header, the key and the
 * schema must read back (a wrong key or a foreign file fails here). When a migration is about to change
 * the file, the whole quick_check runs first, as a damaged file must not be migrated; otherwise the
 * whole check runs in the background after sign-in (background-check.ts). `full` says which ran.
 */
export function signInCheck(file: string, key: Buffer | undefined, migrations: readonly Migration[]): StartupHealth & { full: boolean } {
  let db: Db | null = null;
  try {
    db = openDatabase(file, { readonly: true, key });
    // Reading the schema proves header and key; the migration list says whether the file will change.
    const hasLog = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'schema_migration'").get() !== undefined;
    const applied = hasLog ? (db.prepare('SELECT count(*) FROM schema_migration').pluck().get() as number) : 0;
    if (applied >= migrations.length) return { ok: true, problems: [], full: false };
    // Foreign-key faults are reported by `mdk verify`, but do not stop the app: the data is readable.
    const integrity = (db.pragma('quick_check', { simple: false }) as Record<string, unknown>[]).map((r) => String(Object.values(r)[0]));
    return { ...healthOf(integrity), full: true };
  } catch (e) {
    return { ok: false, problems: [(e as Error).message], full: false };
  } finally {
    db?.close();
  }
}

/** Lists the backups and finds the newest that passes the full check (integrity, keys, schema). */
export function recoveryStatus(service: BackupService, health: StartupHealth, key: Buffer | undefined): RecoveryStatus {
  const { folder, backups } = service.overview();
  let newestGood: string | null = null;
  for (const b of backups) {
    if (inspectDatabaseFile(`${folder}/${b.name}`, key, service.migrations()).ok) {
      newestGood = b.name;
      break;
    }
  }
  return { damaged: !health.ok, problems: health.problems, folder, backups, newestGood };
}

/** The router while the database is damaged: recovery.status and recovery.restore only. */
export function createRecoveryRouter(service: BackupService, health: () => StartupHealth): Router {
  return async (method, rawInput) => {
    try {
      if (method === 'recovery.status') return { ok: true, result: recoveryStatus(service, health(), service.key()) };
      if (method === 'recovery.restore') {
        const parsed = api['recovery.restore'].input.safeParse(rawInput ?? {});
        if (!parsed.success) throw validationError(parsed.error);
        return { ok: true, result: service.prepareRestoreByName(parsed.data.name).commit() };
      }
      throw new ApiError('database_damaged', 'error.databaseDamaged', { detail: health().problems[0] ?? '' });
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toJSON() };
      console.error(`[recovery] ${method}:`, error);
      return { ok: false, error: { code: 'internal', messageKey: 'error.internal' } };
    }
  };
}

/**
 * True when another process (the desktop app while the CLI restores, or the other way round) has the
 * database open: in WAL mode an exclusive-locking connection cannot take its lock while any other
 * connection exists. Replacing the file under a running app would send its writes into the old file.
 */
export function inUseElsewhere(file: string, key: Buffer | undefined): boolean {
  let probe: Db | null = null;
  try {
    probe = openDatabase(file, { key });
    probe.pragma('busy_timeout = 0');
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE; COMMIT;');
    return false;
  } catch (e) {
    return (e as { code?: string }).code?.startsWith('SQLITE_BUSY') ?? false;
  } finally {
    probe?.close();
  }
}
