import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Db } from './db/driver';
import { migrations } from './db/migrations';
import type { Router, RouterHooks } from './router/router';
import { databaseFile } from './core-files';
import { Security, type SecurityOptions } from './security/security';
import { holdDataFolder } from './security/data-folder-lock';
import { BackupService } from './services/backup/service';
import { registerBackupService } from './services/backup/registry';
import type { StartupHealth } from './services/backup/recovery';
import { coreDatabase } from './core-database';
import { coreRouter } from './core-router';
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

/**
 * The main-process core: plain Node + SQLite, shared by the Electron shell, the browser-mode bridge,
 * the CLI and the tests. Starts locked: the database is encrypted and its key is known only once a
 * user has signed in; then it is checked, opened and migrated (core-database.ts). A damaged database
 * is not opened for writing: the core then answers only the recovery methods (to a signed-in user),
 * which offer the newest good backup (core-router.ts).
 *
 * Four parts, each with one job: the security layer (users, sessions, the key), the database
 * connection and its health, the backups, and the router; this function wires them and closes them.
 */
export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const releaseDataFolder = options.holdDataFolder ? holdDataFolder(options.dataDir) : () => {};
  // The PDF worker starts with the first document and ends when the last open core closes.
  const releasePdfWorkers = options.pdfWorkers === false ? () => {} : holdPdfWorkers();
  const file = databaseFile(options.dataDir);
  const now = options.now ?? (() => new Date());

  const database = coreDatabase({
    file,
    key: () => security.key,
    isOpen: () => security.isOpen,
    activated: (db) => registerBackupService(db, backups),
  });
  const security: Security = new Security({
    dataDir: options.dataDir,
    openDb: database.open,
    kdfCost: options.kdfCost,
    autoLockMs: options.autoLockMs,
    clock: options.signInClock,
    afterRekeyStep: options.afterRekeyStep,
    // The last session signed out: the database closes, so the key is needed again to read anything.
    closeDb: database.close,
  });
  const backups: BackupService = new BackupService({
    dataDir: options.dataDir,
    databaseFile: file,
    migrations,
    key: () => security.key,
    db: () => database.current,
    now,
    replaceDatabase: database.replace,
  });
  const router = coreRouter({ dataDir: options.dataDir, now, security, database, backups, hooks: options.hooks, logError: options.logError });

  return {
    get db() {
      return database.get();
    },
    dataDir: options.dataDir,
    router,
    security,
    get health() {
      return database.health;
    },
    get healthChecked() {
      return database.healthChecked;
    },
    backups,
    onDatabaseOpen: database.onOpen,
    newSession: () => randomUUID(),
    close: () => {
      database.close();
      security.close();
      releaseDataFolder();
      releasePdfWorkers();
    },
  };
}
