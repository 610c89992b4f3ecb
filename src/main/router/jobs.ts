import type { JobProgress } from '../../shared/api/methods/system';

/**
 * The long calls running now, per session: import, batch export, demo load, backup, rekey report
 * `ctx.progress(done, total)`, and the window asks `system.jobs` while it waits for the answer.
 */
export interface JobBoard {
  report(sessionId: string, method: string, startedAt: Date, done: number, total: number): void;
  finish(sessionId: string, method: string): void;
  of(sessionId: string): JobProgress[];
}

export function createJobBoard(): JobBoard {
  const running = new Map<string, Map<string, JobProgress>>();
  return {
    report(sessionId, method, startedAt, done, total) {
      let jobs = running.get(sessionId);
      if (!jobs) running.set(sessionId, (jobs = new Map()));
      jobs.set(method, { method, done: Math.min(done, total), total, startedAt: startedAt.toISOString() });
    },
    finish(sessionId, method) {
      const jobs = running.get(sessionId);
      jobs?.delete(method);
      if (jobs?.size === 0) running.delete(sessionId);
    },
    of: (sessionId) => [...(running.get(sessionId)?.values() ?? [])],
  };
}

/** Lets the calls waiting on the event loop run before a long job's next chunk. */
export const yieldToOtherCalls = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const queues = new WeakMap<object, Promise<unknown>>();

/**
 * Long writes on one database run one after the other (two imports of the same file must not both
 * pass the check before either writes); a job that finds none running starts at once, inside its
 * call's transaction. Short calls are never queued here.
 */
export function oneLongWriteAtATime<T>(db: object, job: () => Promise<T>): Promise<T> {
  const before = queues.get(db);
  const run = before ? before.then(job, job) : job();
  const tail = run.catch(() => undefined);
  queues.set(db, tail);
  void tail.then(() => {
    if (queues.get(db) === tail) queues.delete(db);
  });
  return run;
}
