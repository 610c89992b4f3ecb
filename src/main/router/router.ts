import { api, isMethodName, type MethodName } from '../../shared/api';
import { ApiError, type CallResult } from '../../shared/api/errors';
import type { MethodSpec, ParsedInputOf, OutputOf } from '../../shared/api/contract';
import type { Db } from '../db/driver';
import { afterCommit, isAfterCommit, type AfterCommit, type Caller, type PatientAccess, type RequestContext } from './context';
import { validationError } from './validation';
import { changesSoFar, checkpointSoon, commitWithoutWaiting, syncNow } from './read-durability';
import { noteDataChanged } from '../db/generation';
import { preparationOf } from './prepared';
import type { JobBoard } from './jobs';

export type Handler<M extends MethodName> = (
  input: ParsedInputOf<(typeof api)[M]>,
  ctx: RequestContext,
) => OutputOf<(typeof api)[M]> | Promise<OutputOf<(typeof api)[M]>> | AfterCommit<OutputOf<(typeof api)[M]>>;

export type Handlers = { [M in MethodName]: Handler<M> };

/** Seams for the security layer: who the caller is, and where patient access is logged. */
export interface RouterHooks {
  /** Resolves the caller of a session; throws ApiError('unauthenticated' | 'locked') to refuse. */
  resolveCaller(sessionId: string, method: MethodName, spec: MethodSpec): Caller;
  /** Called inside the method's transaction, so the log and the change land together. */
  recordPatientAccess(ctx: RequestContext, accesses: PatientAccess[], spec: MethodSpec): void;
}

export interface RouterOptions {
  /** The database, or a getter: the core opens it only at sign-in and throws 'locked' before. */
  db: Db | (() => Db);
  dataDir: string;
  handlers: Handlers;
  hooks: RouterHooks;
  now?: () => Date;
  /** Where unexpected errors are reported (never shown to the user verbatim). */
  logError?: (method: string, error: unknown) => void;
  /** Where long calls report their progress (`ctx.progress`). */
  jobs?: JobBoard;
}

/** SQLITE_BUSY (and its extended codes such as SQLITE_BUSY_SNAPSHOT) from better-sqlite3. */
export const isBusy = (error: unknown): boolean => /^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown } | null)?.code ?? ''));

export type Router = (method: string, input: unknown, sessionId: string) => Promise<CallResult<unknown>>;

/**
 * The one choke point for every call from every transport: method lookup → role check →
 * input validation → handler inside a transaction → access log. No service runs on unvalidated input.
 */
export function createRouter(options: RouterOptions): Router {
  const now = options.now ?? (() => new Date());
  const logError = options.logError ?? ((m, e) => console.error(`[router] ${m}:`, e));
  const getDb =
    typeof options.db === 'function'
      ? options.db
      : (
          (db: Db) => () =>
            db
        )(options.db);

  const call: Router = async (method, rawInput, sessionId) => {
    // File work of the call that has not run: discarded when the call fails before it runs.
    const deferred: AfterCommit<unknown>[] = [];
    try {
      if (!isMethodName(method)) throw new ApiError('unknown_method', 'error.unknownMethod', { method: String(method).slice(0, 100) });
      const spec: MethodSpec = api[method];
      const caller = options.hooks.resolveCaller(sessionId, method, spec);
      if (spec.roles !== 'any' && !spec.roles.includes(caller.role)) throw new ApiError('forbidden', 'error.forbidden');
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) throw validationError(parsed.error, rawInput ?? {});

      const accesses: PatientAccess[] = [];
      // Whether any access-log row was written: file work waits until those rows are durable.
      let loggedAny = false;
      const log = () => {
        if (accesses.length) loggedAny = true;
        if (spec.patientData !== 'none') options.hooks.recordPatientAccess(ctx, accesses, spec);
        accesses.length = 0;
      };
      const startedAt = now();
      const ctx: RequestContext = {
        get db() {
          return getDb();
        },
        caller,
        method,
        sessionId,
        now,
        dataDir: options.dataDir,
        notePatientAccess: (a) => accesses.push(a),
        progress: (done, total) => options.jobs?.report(sessionId, method, startedAt, done, total),
        writeChunk: (write) => {
          const db = getDb();
          return db
            .transaction(() => {
              const out = write();
              noteDataChanged(db);
              log();
              return out;
            })
            .immediate();
        },
        afterCommit: (run, discard) => {
          const work = afterCommit(run, discard);
          deferred.push(work as AfterCommit<unknown>);
          return work;
        },
      };
      let handler = options.handlers[method] as (input: unknown, ctx: RequestContext) => unknown;
      const preparation = preparationOf(handler);
      if (preparation) {
        const prepared = await preparation.prepare(parsed.data);
        handler = (input, c) => preparation.run(input, c, prepared);
      }
      // Signing in runs before the database is open, so without a transaction (and never with patient data).
      if (spec.signIn) return { ok: true, result: await handler(parsed.data, ctx) };
      // Synchronous work (all database writes) runs in one transaction with its access-log rows.
      const db = getDb();
      const reading = spec.patientData === 'read';
      // Reading calls write only their log rows and do not wait for the disk (read-durability.ts).
      const commit = <T>(fn: () => T): T => (reading ? commitWithoutWaiting(db, fn) : fn());
      // Whether the handler wrote (a reading one should not) and whether the call wrote at all.
      const before = changesSoFar(db);
      let wrote = false;
      // better-sqlite3 refuses a transaction function that returns a promise, so an async handler's
      // promise is boxed: its synchronous part commits here, its access rows after it settles.
      const box = commit(() =>
        db
          .transaction((): { done: unknown } | { pending: Promise<unknown> } => {
            const out = handler(parsed.data, ctx);
            const handlerWrote = changesSoFar(db) !== before;
            if (handlerWrote) noteDataChanged(db);
            wrote = reading && handlerWrote;
            if (out instanceof Promise) return { pending: out };
            log();
            return { done: out };
          })
          .immediate(),
      );
      if (wrote) syncNow(db);
      const settled = () => {
        if (changesSoFar(db) !== before) checkpointSoon(db);
      };
      let result: unknown;
      if ('done' in box) {
        settled();
        result = box.done;
      } else {
        result = await box.pending;
        // What the handler wrote after its first await ran outside the transaction: a change. A handler
        // that only read after it (an import's preview) leaves the data's generation, and what was
        // computed from it, as they were.
        if (changesSoFar(db) !== before) noteDataChanged(db);
        if (spec.patientData !== 'none') commit(() => db.transaction(log).immediate());
        settled();
      }
      if (!isAfterCommit(result)) return { ok: true, result };
      // The log rows are committed; made durable before any file exists that they account for.
      if (loggedAny) syncNow(db);
      for (const work of deferred.splice(0)) if (work !== result) work.discard();
      return { ok: true, result: await result.run() };
    } catch (error) {
      for (const work of deferred.splice(0)) work.discard();
      if (error instanceof ApiError) return { ok: false, error: error.toJSON() };
      // Another process held the database past the busy timeout: nothing was saved, a retry works.
      if (isBusy(error)) return { ok: false, error: { code: 'busy', messageKey: 'error.busy' } };
      logError(method, error);
      return { ok: false, error: { code: 'internal', messageKey: 'error.internal' } };
    }
  };
  return async (method, input, sessionId) => {
    try {
      return await call(method, input, sessionId);
    } finally {
      options.jobs?.finish(sessionId, method);
    }
  };
}
