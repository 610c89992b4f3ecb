/**
 * The core's router: every feature's handlers plus those that hold this core's sessions, key and
 * running jobs, the security layer's hooks (who calls, where patient access is logged), and the
 * recovery methods that answer while the database is damaged.
 */
import { createRouter, type Router, type RouterHooks } from './router/router';
import { handlers } from './router/handlers';
import { createJobBoard } from './router/jobs';
import type { Security } from './security/security';
import { securityHandlers } from './services/security/handlers';
import { recordPatientAccess } from './services/security/access-log';
import { createRecoveryRouter } from './services/backup/recovery';
import type { BackupService } from './services/backup/service';
import { demoHandlers } from './services/demo/handlers';
import type { CoreDatabase } from './core-database';
import { api } from '../shared/api';
import { ApiError } from '../shared/api/errors';

export interface CoreRouterOptions {
  dataDir: string;
  now: () => Date;
  security: Security;
  database: CoreDatabase;
  backups: BackupService;
  hooks?: Partial<RouterHooks>;
  logError?: (method: string, error: unknown) => void;
}

export function coreRouter(options: CoreRouterOptions): Router {
  const { security, database } = options;
  const hooks: RouterHooks = {
    resolveCaller: (sessionId, _method, spec) => security.resolveCaller(sessionId, spec.signIn === true),
    recordPatientAccess: (ctx, accesses, spec) => recordPatientAccess(ctx, accesses, spec, security.userNameOf(ctx.caller.userId)),
    ...options.hooks,
  };
  const jobs = createJobBoard();
  const inner = createRouter({
    db: () => database.get(),
    dataDir: options.dataDir,
    handlers: {
      ...handlers,
      ...securityHandlers(security, () => security.isOpen && !database.health.ok),
      ...demoHandlers(handlers),
      'system.jobs': (_input, ctx) => jobs.of(ctx.sessionId),
    },
    hooks,
    now: options.now,
    jobs,
    logError: options.logError,
  });
  const recovery = createRecoveryRouter(options.backups, () => database.health);

  return async (method, input, sessionId) => {
    // In recovery mode the two recovery methods answer without the database, to a signed-in user.
    if (!database.health.ok && security.isOpen && (method === 'recovery.status' || method === 'recovery.restore')) {
      try {
        const caller = hooks.resolveCaller(sessionId, method, api[method]);
        // Rolling back the database (and its access log) is the administrator's, or needs the recovery key.
        const recoveryKey = (input as { recoveryKey?: unknown } | null)?.recoveryKey;
        if (
          method === 'recovery.restore' &&
          caller.role !== 'administrator' &&
          !(typeof recoveryKey === 'string' && security.recoveryKeyMatches(recoveryKey))
        ) {
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
}
