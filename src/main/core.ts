import { existsSync, mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { openDatabase, type Db } from './db/driver';
import { migrate } from './db/migrate';
import { migrations } from './db/migrations';
import { createRouter, type Router, type RouterHooks } from './router/router';
import { handlers } from './router/handlers';
import { databaseFile } from './core-files';
import { Security, type SecurityOptions } from './security/security';
import { holdDataFolder } from './security/data-folder-lock';
import { securityHandlers } from './services/security/handlers';
import { recordPatientAccess } from './services/security/access-log';
import { scheduleAccessLogIndexing } from './services/security/access-log-index';
import { api } from '../shared/api';
import { ApiError, conflict } from '../shared/api/errors';
import { BackupService } from './services/backup/service';
import { registerBackupService } from './services/backup/registry';
import { createRecoveryRouter, inUseElsewhere, signInCheck, type StartupHealth } from './services/backup/recovery';
import { checkInBackground, type BackgroundCheck } from './services/backup/background-check';
import { createJobBoard } from './router/jobs';
import { demoHandlers } from './services/demo/handlers';
import { holdPdfWorkers } from './documents/pdf-pool';

export interface CoreOptions {
  dataDir: string;
  now?: () => Date;
  hooks?: Partial<RouterHooks>;
  /** scrypt cost for passphrases; tests pass TEST_KDF to stay fast. Default STRONG_KDF. */
  kdfCost?: { N: number; r: number; p: number };
  /** Overrides the auto-lock setting (e2e tests lock after seconds). */
  autoLockMs?: number;
  /**
   * The desktop app and browser mode hold the data folder (data-folder-lock.ts): a second one is
   * refused with `error.dataInUse`. The CLI and tests share it.
   */
  holdDataFolder?: boolean;
  /** Real time for the sign-in delays (tests move it past a wait). */
  signInClock?: () => number;
  /** Where unexpected errors go (the router's default: the console); the CLI keeps traces from its user. */
  logError?: (method: string, error: unknown) => void;
  /** Tests: runs after each step of a change of the database key (security/rekey.ts). */
  afterRekeyStep?: SecurityOptions['afterRekeyStep'];
  /**
   * PDFs render in worker threads while this core is open (default), so other calls are answered
   * meanwhile; a one-shot CLI command, with no other caller, renders on its own thread.
   */
  pdfWorkers?: boolean;
}

export interface Core {
  /** The open database; throws 'locked' before the first sign-in, 'database_damaged' in recovery mode. */
  readonly db: Db;
  dataDir: string;
  router: Router;
  /** Users, sessions and the database key: sign-in for the CLI, the shell's lock on sleep, tests. */
  security: Security;
  /** Result of the integrity checks since sign-in; while not ok, only the recovery methods answer. */
  readonly health: StartupHealth;
  /** Settles when the full check after sign-in is done (at once when none is running). */
  readonly healthChecked: Promise<StartupHealth>;
  backups: BackupService;
  /** Calls `listener` each time the database has been opened (sign-in, restore); returns an unsubscribe. */
  onDatabaseOpen(listener: () => void): () => void;
  /** A session id for a new window, browser tab or CLI run. */
  newSession(): string;
  close(): void;
}

/** Opens the encrypted database with its key and brings its schema up to date. */
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

const HEALTHY: StartupHealth = { ok: true, problems: [] };

/**
 * The main-process core: plain Node + SQLite, shared by the Electron shell, the browser-mode bridge,
 * the CLI and the tests. Starts locked: the database is encrypted and its key is known only once a
 * user has signed in. Then it is checked on a read-only connection (header, key, schema; the whole
 * quick_check first when a migration is due), opened and migrated, and the whole quick_check runs in
 * a worker thread while the user works. A damaged database is not opened for writing, or is closed as
 * soon as the background check finds the damage: the core then answers only the recovery methods (to a
 * signed-in user), which offer the newest good backup. The open-listeners (automatic backups) run once
 * the whole check has passed, so a damaged file never pushes a good backup out of the rotation.
 */
export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const releaseDataFolder = options.holdDataFolder ? holdDataFolder(options.dataDir) : () => {};
  // The PDF worker starts with the first document and ends when the last open core closes.
  const releasePdfWorkers = options.pdfWorkers === false ? () => {} : holdPdfWorkers();
  const file = databaseFile(options.dataDir);
  const now = options.now ?? (() => new Date());
  let db: Db | null = null;
  let health: StartupHealth = HEALTHY;
  let healthChecked: Promise<StartupHealth> = Promise.resolve(HEALTHY);
  let background: BackgroundCheck | null = null;
  const openListeners = new Set<() => void>();

  const security: Security = new Security({
    dataDir: options.dataDir,
    openDb: (key) => {
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
    },
    kdfCost: options.kdfCost,
    autoLockMs: options.autoLockMs,
    clock: options.signInClock,
    afterRekeyStep: options.afterRekeyStep,
    // The last session signed out: the database closes, so the key is needed again to read anything.
    closeDb: () => {
      background?.stop();
      background = null;
      stopIndexing?.();
      stopIndexing = null;
      db?.close();
      db = null;
    },
  });
  const key = () => security.key;

  function notifyOpen() {
    // Listeners run after the sign-in call has returned (they may take a backup); later ones are not told.
    const listeners = [...openListeners];
    setImmediate(() => {
      for (const l of listeners) l();
    });
  }

  const backups: BackupService = new BackupService({
    dataDir: options.dataDir,
    databaseFile: file,
    migrations,
    key,
    db: () => db,
    now,
    replaceDatabase(swap, undo) {
      db?.close();
      db = null;
      if (existsSync(file) && inUseElsewhere(file, key())) {
        if (health.ok) activate(openAndMigrate(file, key()));
        throw conflict('backup.databaseInUse');
      }
      swap();
      try {
        db = openAndMigrate(file, key());
      } catch (e) {
        undo();
        if (health.ok) activate(openAndMigrate(file, key()));
        throw e;
      }
      health = HEALTHY;
      activate(db);
      notifyOpen();
      return { schemaVersion: migrations[migrations.length - 1].id };
    },
  });

  let stopIndexing: (() => void) | null = null;
  function activate(open: Db) {
    db = open;
    registerBackupService(open, backups);
    stopIndexing ??= scheduleAccessLogIndexing(() => db);
  }

  const hooks: RouterHooks = {
    resolveCaller: (sessionId, _method, spec) => security.resolveCaller(sessionId, spec.signIn === true),
    recordPatientAccess: (ctx, accesses, spec) => recordPatientAccess(ctx, accesses, spec, security.userNameOf(ctx.caller.userId)),
    ...options.hooks,
  };
  const getDb = (): Db => {
    if (!security.isOpen) throw new ApiError('locked', 'error.locked');
    if (!db) throw new ApiError('database_damaged', 'error.databaseDamaged', { detail: health.problems[0] ?? '' });
    return db;
  };
  const jobs = createJobBoard();
  const inner = createRouter({
    db: getDb,
    dataDir: options.dataDir,
    handlers: {
      ...handlers,
      ...securityHandlers(security, () => security.isOpen && !health.ok),
      ...demoHandlers(handlers),
      'system.jobs': (_input, ctx) => jobs.of(ctx.sessionId),
    },
    hooks,
    now,
    jobs,
    logError: options.logError,
  });
  const recovery = createRecoveryRouter(backups, () => health);

  const router: Router = async (method, input, sessionId) => {
    // In recovery mode the two recovery methods answer without the database, to a signed-in user.
    if (!health.ok && security.isOpen && (method === 'recovery.status' || method === 'recovery.restore')) {
      try {
        const caller = hooks.resolveCaller(sessionId, method, api[method]);
        // Rolling back the database (and its access log) is the administrator's, or needs the recovery key.
        const recoveryKey = (input as { recoveryKey?: unknown } | null)?.recoveryKey;
        if (method === 'recovery.restore' && caller.role !== 'administrator' && !(typeof recoveryKey === 'string' && security.recoveryKeyMatches(recoveryKey))) {
          throw new ApiError('forbidden', 'recovery.needsAdministrator');
        }
      } catch (error) {
        if (error instanceof ApiError) return { ok: false, error: error.toJSON() };
        throw error;
      }
      return recovery(method, input, sessionId);
    }
    return inner(method, input, sessionId);
  };

  return {
    get db() {
      return getDb();
    },
    dataDir: options.dataDir,
    router,
    security,
    get health() {
      return health;
    },
    get healthChecked() {
      return healthChecked;
    },
    backups,
    onDatabaseOpen(listener) {
      openListeners.add(listener);
      return () => openListeners.delete(listener);
    },
    newSession: () => randomUUID(),
    close: () => {
      background?.stop();
      stopIndexing?.();
      db?.close();
      db = null;
      security.close();
      releaseDataFolder();
      releasePdfWorkers();
    },
  };
}
