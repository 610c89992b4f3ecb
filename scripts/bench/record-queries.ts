/**
 * The statements a service runs, recorded once through a connection that watches them, so a floor
 * can run exactly the same SQL with the same parameters on a bare connection: the same queries
 * without our layers (router, validation, access log, the service's own JavaScript).
 */
import type { Db } from '../../src/main/db/driver';

type Method = 'all' | 'get' | 'run' | 'iterate';
export interface RecordedQuery {
  sql: string;
  method: Method;
  args: unknown[];
  pluck: boolean;
  raw: boolean;
}

/** Runs `work` on a watching view of `db` and returns the statements it ran, in order. */
export function recordQueries(db: Db, work: (db: Db) => unknown): RecordedQuery[] {
  const queries: RecordedQuery[] = [];
  const watched = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'prepare') {
        const value = Reflect.get(target, prop, receiver) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (sql: string) => {
        const stmt = target.prepare(sql);
        const mode = { pluck: false, raw: false };
        const view: object = new Proxy(stmt, {
          get(s, p) {
            if (p === 'pluck' || p === 'raw') {
              return (on = true) => {
                (s[p] as (on: boolean) => unknown)(on);
                mode[p] = on;
                return view;
              };
            }
            if (p === 'all' || p === 'get' || p === 'run' || p === 'iterate') {
              return (...args: unknown[]) => {
                queries.push({ sql, method: p, args, ...mode });
                return (s[p] as (...a: unknown[]) => unknown)(...args);
              };
            }
            const value = Reflect.get(s, p) as unknown;
            return typeof value === 'function' ? value.bind(s) : value;
          },
        });
        return view;
      };
    },
  });
  work(watched);
  return queries;
}

/** Prepares the recorded statements on `db` once; the returned function runs them all and returns their rows. */
export function replayer(db: Db, queries: RecordedQuery[]): () => unknown[] {
  const prepared = queries.map((q) => {
    const stmt = db.prepare(q.sql);
    if (q.pluck) stmt.pluck(true);
    if (q.raw) stmt.raw(true);
    return { stmt, q };
  });
  return () =>
    prepared.map(({ stmt, q }) => {
      if (q.method === 'iterate') return [...(stmt.iterate(...q.args) as Iterable<unknown>)];
      return stmt[q.method](...q.args);
    });
}
