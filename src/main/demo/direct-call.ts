/**
 * Calls API handlers synchronously inside the caller's transaction, with a clock the demo generator
 * moves forward: the same zod validation and the same services as the router, so timelines, statuses
 * and rules are real, but a year of history can be replayed in one call.
 */
import { api, type Input, type MethodName, type Output } from '../../shared/api';
import type { Role } from '../../shared/api/contract';
import type { Db } from '../db/driver';
import type { Handlers } from '../router/router';
import type { CoreMethod } from '../router/handlers';
import type { PatientAccess, RequestContext } from '../router/context';

export interface DirectCaller {
  call<M extends MethodName>(method: M, input: Input<M>): Output<M>;
  setClock(at: Date): void;
  readonly accesses: PatientAccess[];
}

/** The role a person doing this step would have: a coordinator where allowed, else the first allowed. */
function roleFor(method: MethodName): Role {
  const roles = api[method].roles;
  if (roles === 'any' || roles.includes('coordinator')) return 'coordinator';
  return roles[0];
}

export function directCaller(db: Db, dataDir: string, handlers: Omit<Handlers, CoreMethod>, userName: string): DirectCaller {
  let clock = new Date();
  const accesses: PatientAccess[] = [];
  return {
    accesses,
    setClock(at) {
      clock = at;
    },
    call(method, input) {
      const parsed = api[method].input.parse(input);
      const ctx: RequestContext = {
        db,
        dataDir,
        method,
        sessionId: 'demo-data',
        caller: { userId: null, name: userName, role: roleFor(method), unitId: null },
        now: () => clock,
        notePatientAccess: (a) => accesses.push(a),
        progress: () => {},
        // Already inside the load's transaction.
        writeChunk: (write) => write(),
        afterCommit: () => {
          throw new Error(`demo: ${method} writes files and cannot run inside the load`);
        },
      };
      const handler = (handlers as Record<string, unknown>)[method] as ((i: unknown, c: RequestContext) => unknown) | undefined;
      if (!handler) throw new Error(`demo: ${method} is not callable during the load`);
      const out = handler(parsed, ctx);
      if (out instanceof Promise) throw new Error(`demo: ${method} is asynchronous and cannot run inside the load`);
      return out as Output<typeof method>;
    },
  };
}
