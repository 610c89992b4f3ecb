import type { Db } from '../db/driver';
import type { Role } from '../../shared/api/contract';

/** Who is calling: the signed-in local user account of the session. */
export interface Caller {
  userId: number | null;
  name: string;
  role: Role;
  unitId: number | null;
}

/** One touch of a patient's data, noted by a handler; the router hands these to the access log. */
export interface PatientAccess {
  patientId: number;
  objectType: string; // e.g. "referral", "care_plan", "agenda"
  objectId: string | number;
  /** Defaults to the method's patientData use ("read" / "change"); exports say "export"/"print". */
  action?: string;
}

const AFTER_COMMIT = Symbol('afterCommit');

/**
 * Work a handler hands back to run once its transaction (with the call's access-log rows) has
 * committed and is durable: files written to disk, a backup, swapping the database file. Its result
 * is the call's result. Made by `ctx.afterCommit`; `discard` runs instead when the call fails first.
 */
export interface AfterCommit<T> {
  readonly [AFTER_COMMIT]: true;
  run(): T | Promise<T>;
  discard(): void;
}

export function afterCommit<T>(run: () => T | Promise<T>, discard: () => void = () => {}): AfterCommit<T> {
  return { [AFTER_COMMIT]: true, run, discard };
}

export const isAfterCommit = (value: unknown): value is AfterCommit<unknown> =>
  typeof value === 'object' && value !== null && (value as Partial<AfterCommit<unknown>>)[AFTER_COMMIT] === true;

export interface RequestContext {
  db: Db;
  caller: Caller;
  method: string;
  /** The window, tab or CLI run calling (sign-in state is kept per session). */
  sessionId: string;
  now(): Date;
  /** Handlers call this for every patient whose data they return or change. */
  notePatientAccess(access: PatientAccess): void;
  /** Data folder of this database. */
  dataDir: string;
  /** A long job's progress (rows, files), shown to its session through `system.jobs`. */
  progress(done: number, total: number): void;
  /**
   * A long job writes in chunks after its first await: each chunk commits in its own transaction
   * together with the access-log rows noted so far, and the calls that arrive between chunks are
   * answered meanwhile (see yieldToOtherCalls in jobs.ts).
   */
  writeChunk<T>(write: () => T): T;
  /**
   * For file work: the handler notes its accesses, returns `ctx.afterCommit(run)`, and `run` starts
   * only once the log rows are committed and synced, so no file exists without its log row.
   */
  afterCommit<T>(run: () => T | Promise<T>, discard?: () => void): AfterCommit<T>;
}
