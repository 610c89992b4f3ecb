import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { openDatabase, type Db } from './db/driver';
import { migrate } from './db/migrate';
import { migrations } from './db/migrations';
import { createRouter, type Router, type RouterHooks } from './router/router';
import { handlers } from './router/handlers';
import { databaseFile } from './core-files';
import { Security } from './security/security';
import { securityHandlers } from './services/security/handlers';
import { recordPatientAccess } from './services/security/access-log';
import type { Role } from '../shared/api/contract';

export interface CoreOptions {
  dataDir: string;
  /**
   * Kept for the test helpers: the role their signed-in test user gets (test/service/helpers.ts,
   * test/e2e/fixtures.ts create that user). The core itself always acts as the signed-in user.
   */
  localRole?: Role;
  now?: () => Date;
  hooks?: Partial<RouterHooks>;
  /** scrypt cost for passphrases; tests pass TEST_KDF to stay fast. Default STRONG_KDF. */
  kdfCost?: { N: number; r: number; p: number };
  /** Overrides the auto-lock setting (e2e tests lock after seconds). */
  autoLockMs?: number;
}

export interface Core {
  /** The open database; throws ApiError('locked') until a user has signed in (issue 7). */
  readonly db: Db;
  dataDir: string;
  router: Router;
  /** Users, sessions and the database key: sign-in for the CLI, the shell's lock on sleep, tests. */
  security: Security;
  /** A session id for a new window, browser tab or CLI run. */
  newSession(): string;
  close(): void;
}

/** Opens the encrypted database with its key and brings its schema up to date. */
function openAndMigrate(dataDir: string, key: Buffer): Db {
  const db = openDatabase(databaseFile(dataDir), { key });
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
 * the CLI and the tests. Starts locked: the encrypted database opens when a user signs in.
 */
export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const security = new Security({
    dataDir: options.dataDir,
    openDb: (key) => openAndMigrate(options.dataDir, key),
    kdfCost: options.kdfCost,
    autoLockMs: options.autoLockMs,
  });
  const hooks: RouterHooks = {
    resolveCaller: (sessionId, _method, spec) => security.resolveCaller(sessionId, spec.signIn === true),
    recordPatientAccess: (ctx, accesses, spec) => recordPatientAccess(ctx, accesses, spec, security.userNameOf(ctx.caller.userId)),
    ...options.hooks,
  };
  const router = createRouter({
    db: () => security.db,
    dataDir: options.dataDir,
    handlers: { ...handlers, ...securityHandlers(security) },
    hooks,
    now: options.now,
  });
  return {
    get db() {
      return security.db;
    },
    dataDir: options.dataDir,
    router,
    security,
    newSession: () => randomUUID(),
    close: () => security.close(),
  };
}
