import type { Db } from './driver';

/**
 * Which version of the data a result was computed from. The router counts the calls whose handler
 * changed something on this connection (every change of patient data passes through it);
 * `data_version` moves when another connection commits (the command line beside the open app).
 * Equal generations: nothing a handler could read has changed in between.
 */
const changedCalls = new WeakMap<Db, number>();

export const dataGeneration = (db: Db): string => `${changedCalls.get(db) ?? 0}:${db.pragma('data_version', { simple: true })}`;

/** The router's note that a call changed data on this connection. */
export function noteDataChanged(db: Db): void {
  changedCalls.set(db, (changedCalls.get(db) ?? 0) + 1);
}
