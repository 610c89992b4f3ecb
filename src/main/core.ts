import { existsSync, mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { openDatabase, type Db } from './db/driver';
import { migrate } from './db/migrate';
import { migrations } from './db/migrations';
import { createRouter, type Router, type RouterHooks } from './router/router';
import { handlers } from './router/handlers';
import { databaseFile } from './core-files';
import type { Caller } from './router/context';
import type { Role } from '../shared/api/contract';
import { ApiError, conflict } from '../shared/api/errors';
import { BackupService } from './services/backup/service';
import { registerBackupService, takeParked } from './services/backup/registry';
import { createRecoveryRouter, inUseElsewhere, startupCheck, type StartupHealth } from './services/backup/recovery';

export interface CoreOptions {
  dataDir: string;
  /** Role of the one local user until accounts exist (issue 7); tests use it to act as a physician etc. */
  localRole?: Role;
  now?: () => Date;
  hooks?: Partial<RouterHooks>;
  /** Raw key of an encrypted database (issue 7, encryption at rest); backups keep it. */
  databaseKey?: Buffer;
}

export interface Core {
  /** The open database; throws ApiError('database_damaged') while the start-up check found damage. */
  readonly db: Db;
  dataDir: string;
  router: Router;
  /** Result of the start-up integrity check; while not ok, only the recovery methods answer. */
  readonly health: StartupHealth;
  backups: BackupService;
  /** A session id for a new window, browser tab or CLI run. */
  newSession(): string;
  close(): void;
}

/** Until local accounts exist (issue 7), everyone at this computer acts as one local user. */
const localCaller = (role: Role): Caller => ({ userId: null, name: 'local', role, unitId: null });

function openAndMigrate(file: string, key: Buffer | undefined): Db {
  const db = openDatabase(file, { key });
  try {
    migrate(db, migrations);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * The main-process core: plain Node + SQLite, shared by the Electron shell, the browser-mode bridge,
 * the CLI and the tests. Checks the database in the data folder (quick_check, read-only), then opens
 * and migrates it. A damaged database is not opened for writing: the core then answers only the
 * recovery methods, which offer the newest good backup.
 */
export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const file = databaseFile(options.dataDir);
  const key = options.databaseKey;
  const now = options.now ?? (() => new Date());
  const hooks: RouterHooks = {
    resolveCaller: () => localCaller(options.localRole ?? 'administrator'),
    recordPatientAccess: () => {},
    ...options.hooks,
  };

  let db: Db | null = null;
  let health: StartupHealth = existsSync(file) ? startupCheck(file, key) : { ok: true, problems: [] };
  if (health.ok) {
    try {
      db = openAndMigrate(file, key);
    } catch (e) {
      if (e instanceof ApiError) throw e; // e.g. database_too_new: refuse, as before
      health = { ok: false, problems: [(e as Error).message] };
    }
  }

  const backups: BackupService = new BackupService({
    dataDir: options.dataDir,
    databaseFile: file,
    migrations,
    key: () => key,
    db: () => db,
    now,
    replaceDatabase(swap, undo) {
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
      health = { ok: true, problems: [] };
      activate(db);
      return { schemaVersion: migrations[migrations.length - 1].id };
    },
  });

  const recovery = createRecoveryRouter(backups, () => health);
  let inner: Router = recovery;
  function activate(open: Db) {
    db = open;
    registerBackupService(open, backups);
    inner = createRouter({ db: open, dataDir: options.dataDir, handlers, hooks, now });
  }
  if (db) activate(db);

  // Backups and restores park their file work until the call's transaction is over (registry.ts).
  const router: Router = async (method, input, sessionId) => {
    const out = await (health.ok ? inner : recovery)(method, input, sessionId);
    const parked = takeParked(backups);
    if (!parked) return out;
    if (!out.ok) {
      parked.discard();
      return out;
    }
    try {
      return { ok: true, result: await parked.run() };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toJSON() };
      console.error(`[core] ${method}:`, error);
      return { ok: false, error: { code: 'internal', messageKey: 'error.internal' } };
    }
  };

  return {
    get db() {
      if (!db) throw new ApiError('database_damaged', 'error.databaseDamaged', { detail: health.problems[0] ?? '' });
      return db;
    },
    dataDir: options.dataDir,
    router,
    get health() {
      return health;
    },
    backups,
    newSession: () => randomUUID(),
    close: () => {
      db?.close();
      db = null;
    },
  };
}
