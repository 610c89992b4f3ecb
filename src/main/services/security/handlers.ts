import type { Handlers } from '../../router/router';
import type { Security } from '../../security/security';
import type { Language } from '../../../shared/api/methods/system';
import { ApiError, invalid } from '../../../shared/api/errors';
import { getSetting } from '../settings';
import { listAccessLog } from './access-log';
import { recordSecurityEvent } from './security-events';
import { findPatientByIdentifier, patientLogExtract } from './extract';

export type SecurityMethod =
  | 'auth.status'
  | 'auth.setup'
  | 'auth.login'
  | 'auth.unlock'
  | 'auth.lock'
  | 'auth.logout'
  | 'auth.touch'
  | 'auth.recover'
  | 'auth.changePassphrase'
  | 'users.list'
  | 'users.save'
  | 'security.setAutoLock'
  | 'security.rekey'
  | 'accessLog.list'
  | 'accessLog.exportPatient';

const requireUser = (userId: number | null) => {
  if (userId === null) throw new ApiError('unauthenticated', 'error.unauthenticated');
  return userId;
};

/**
 * Security handlers close over the core's one Security instance (sessions and the key in memory).
 * `databaseDamaged` tells the windows, through the status they poll, when the check that runs after
 * sign-in has found damage.
 */
export function securityHandlers(security: Security, databaseDamaged: () => boolean): Pick<Handlers, SecurityMethod> {
  return {
    'auth.status': (_i, ctx) => ({ ...security.status(ctx.sessionId), databaseDamaged: databaseDamaged() }),
    'auth.setup': (input, ctx) => security.setup(ctx.sessionId, input),
    'auth.login': (input, ctx) => security.login(ctx.sessionId, input.userName, input.passphrase),
    'auth.unlock': (input, ctx) => security.unlock(ctx.sessionId, input.passphrase),
    'auth.recover': (input, ctx) => security.recover(ctx.sessionId, input),
    'auth.lock': (_i, ctx) => {
      security.sessions.lock(ctx.sessionId);
      return { state: security.status(ctx.sessionId).state };
    },
    'auth.logout': (_i, ctx) => {
      security.signOut(ctx.sessionId);
      return { state: security.status(ctx.sessionId).state };
    },
    'auth.touch': (_i, ctx) => {
      security.sessions.touch(ctx.sessionId);
      return { state: security.status(ctx.sessionId).state };
    },
    'auth.changePassphrase': async (input, ctx) => {
      await security.changePassphrase(requireUser(ctx.caller.userId), input.current, input.passphrase);
      return { changed: true as const };
    },
    'users.list': () => security.listUsers(),
    'users.save': (input, ctx) => {
      if (input.unitId !== null && !ctx.db.prepare('SELECT 1 FROM unit WHERE id = ?').get(input.unitId)) throw invalid('unitId', 'workplace.unknownUnit');
      return security.saveUser(ctx.caller.userId, input);
    },
    'security.setAutoLock': ({ minutes }) => ({ autoLockMinutes: security.setAutoLock(minutes) }),
    // Logged (and committed) first; the key changes once the log row is on disk.
    'security.rekey': (_i, ctx) => {
      recordSecurityEvent(ctx, security.userNameOf(ctx.caller.userId), 'database_rekey');
      return ctx.afterCommit(() => security.rekey(ctx.progress));
    },
    'accessLog.list': (input, ctx) => listAccessLog(ctx.db, input),
    'accessLog.exportPatient': ({ patientIdentifier: identifier }, ctx) => {
      const patientId = findPatientByIdentifier(ctx.db, identifier);
      ctx.notePatientAccess({ patientId, objectType: 'access_log', objectId: patientId, action: 'export' });
      return patientLogExtract(ctx.db, patientId, identifier, getSetting<Language>(ctx.db, 'ui.language', 'sv'));
    },
  };
}
