import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { openDatabase, type Db } from './db/driver';
import { migrate } from './db/migrate';
import { migrations } from './db/migrations';
import { createRouter, type Router, type RouterHooks } from './router/router';
import { handlers } from './router/handlers';
import { databaseFile } from './core-files';
import type { Caller } from './router/context';
import type { Role } from '../shared/api/contract';

export interface CoreOptions {
  dataDir: string;
  /** Role of the one local user until accounts exist (issue 7); tests use it to act as a physician etc. */
  localRole?: Role;
  now?: () => Date;
  hooks?: Partial<RouterHooks>;
}

export interface Core {
  db: Db;
  dataDir: string;
  router: Router;
  /** A session id for a new window, browser tab or CLI run. */
  newSession(): string;
  close(): void;
}

/** Until local accounts exist (issue 7), everyone at this computer acts as one local user. */
const localCaller = (role: Role): Caller => ({ userId: null, name: 'local', role, unitId: null });

/**
 * The main-process core: plain Node + SQLite, shared by the Electron shell, the browser-mode bridge,
 * the CLI and the tests. Opens (and migrates) the database in the data folder.
 */
export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(databaseFile(options.dataDir));
  try {
    migrate(db, migrations);
  } catch (e) {
    db.close();
    throw e;
  }
  const hooks: RouterHooks = {
    resolveCaller: () => localCaller(options.localRole ?? 'administrator'),
    recordPatientAccess: () => {},
    ...options.hooks,
  };
  const router = createRouter({ db, dataDir: options.dataDir, handlers, hooks, now: options.now });
  return {
    db,
    dataDir: options.dataDir,
    router,
    newSession: () => randomUUID(),
    close: () => db.close(),
  };
}
