/**
 * The core's database connection and its health: opened (checked, migrated) when a sign-in brings the
 * key, checked in full in the background, closed when the last session signs out, and swapped for a
 * restored backup. The rest of the core asks it for the open database.
 */
import { existsSync } from 'node:fs';
import { openDatabase, type Db } from './db/driver';
import { migrate } from './db/migrate';
import { migrations } from './db/migrations';
import { undoInterruptedWrites } from './db/undoable-writes';
import { ApiError, conflict } from '../shared/api/errors';
import { scheduleAccessLogIndexing } from './services/security/access-log-index';
import { inUseElsewhere, signInCheck, type StartupHealth } from './services/backup/recovery';
import { checkInBackground, type BackgroundCheck } from './services/backup/background-check';

export const HEALTHY: StartupHealth = { ok: true, problems: [] };

/**
 * Opens the encrypted database with its key, brings its schema up to date and undoes a long job that a
 * process left half-written when it died (a demo load cut off by a crash).
 */
export function openAndMigrate(file: string, key: Buffer | undefined): Db {
  const db = openDatabase(file, { key });
  try {
    migrate(db, migrations);
    undoInterruptedWrites(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export interface CoreDatabaseOptions {
  file: string;
  /** The database key while someone is signed in. */
  key(): Buffer | undefined;
  /** True once a sign-in has opened the key. */
  isOpen(): boolean;
  /** Runs each time a connection becomes the core's (sign-in, restore): the backup service registers it. */
  activated(db: Db): void;
}

export interface CoreDatabase {
  /** The open database; throws 'locked' before the first sign-in, 'database_damaged' in recovery mode. */
  get(): Db;
  /** The open database, or null (locked, damaged, closed). */
  readonly current: Db | null;
  readonly health: StartupHealth;
  readonly healthChecked: Promise<StartupHealth>;
  /** Security's `openDb`: checks, opens and migrates the database with the key a sign-in brought. */
  open(key: Buffer): void;
  /** Security's `closeDb`, and the core's close: stops the background work and closes the connection. */
  close(): void;
  /** The backup service's `replaceDatabase`: swaps the file for a restored one, or puts it back. */
  replace(swap: () => void, undo: () => void): { schemaVersion: string };
  /** Calls `listener` each time the database has been opened (sign-in, restore); returns an unsubscribe. */
  onOpen(listener: () => void): () => void;
}

/**
 * Checked on a read-only connection first (header, key, schema; the whole quick_check first when a
 * migration is due), then opened and migrated, and the whole quick_check runs in a worker thread while
 * the user works. A damaged database is not opened for writing, or is closed as soon as the background
 * check finds the damage. The open-listeners (automatic backups) run once the whole check has passed,
 * so a damaged file never pushes a good backup out of the rotation.
 */
export function coreDatabase(options: CoreDatabaseOptions): CoreDatabase {
  const { file } = options;
  let db: Db | null = null;
  let health: StartupHealth = HEALTHY;
  let healthChecked: Promise<StartupHealth> = Promise.resolve(HEALTHY);
  let background: BackgroundCheck | null = null;
  let stopIndexing: (() => void) | null = null;
  const openListeners = new Set<() => void>();

  function notifyOpen() {
    // Listeners run after the sign-in call has returned (they may take a backup); later ones are not told.
    const listeners = [...openListeners];
    setImmediate(() => {
      for (const l of listeners) l();
    });
  }

  function activate(open: Db) {
    db = open;
    options.activated(open);
    stopIndexing ??= scheduleAccessLogIndexing(() => db);
  }

  function close() {
    background?.stop();
    background = null;
    stopIndexing?.();
    stopIndexing = null;
    db?.close();
    db = null;
  }

  function open(key: Buffer) {
    // Checked before anything writes to it: the key is needed to read even the first page.
    const check = existsSync(file) ? signInCheck(file, key, migrations) : { ...HEALTHY, full: true };
    health = { ok: check.ok, problems: check.problems };
    if (health.ok) {
      try {
        db = openAndMigrate(file, key);
      } catch (e) {
        if (e instanceof ApiError) throw e; // e.g. database_too_new: refuse, as before
        health = { ok: false, problems: [(e as Error).message] };
      }
    }
    if (db) activate(db);
    if (!db || check.full) {
      healthChecked = Promise.resolve(health);
      notifyOpen();
      return;
    }
    background = checkInBackground(file, key);
    healthChecked = background.result.then((found) => {
      background = null;
      if (!found.ok && db) {
        health = found;
        stopIndexing?.();
        stopIndexing = null;
        db.close();
        db = null;
      }
      notifyOpen();
      return health;
    });
  }

  function replace(swap: () => void, undo: () => void) {
    const key = options.key();
    db?.close();
    db = null;
    if (existsSync(file) && inUseElsewhere(file, key)) {
      if (health.ok) activate(openAndMigrate(file, key));
      throw conflict('backup.databaseInUse');
    }
    swap();
    try {
      db = openAndMigrate(file, key);
    } catch (e) {
      undo();
      if (health.ok) activate(openAndMigrate(file, key));
      throw e;
    }
    health = HEALTHY;
    activate(db);
    notifyOpen();
    return { schemaVersion: migrations[migrations.length - 1].id };
  }

  return {
    get() {
      if (!options.isOpen()) throw new ApiError('locked', 'error.locked');
      if (!db) throw new ApiError('database_damaged', 'error.databaseDamaged', { detail: health.problems[0] ?? '' });
      return db;
    },
    get current() {
      return db;
    },
    get health() {
      return health;
    },
    get healthChecked() {
      return healthChecked;
    },
    open,
    close,
    replace,
    onOpen(listener) {
      openListeners.add(listener);
      return () => openListeners.delete(listener);
    },
  };
}
