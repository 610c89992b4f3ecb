/**
 * How fast sign-in may be guessed. Every try is counted before the passphrase is derived (so twenty
 * tries at once are not all evaluated), per user name typed (known or not: the answers cannot tell
 * names apart) and per client (a window, a browser tab, a CLI run). After FREE_TRIES failures the next
 * try waits, twice as long after each further failure, but never longer than MAX_WAIT_MS: nobody can
 * lock a real user out for good, and a guesser gets at most a few tries an hour. The counts live in
 * the keystore, so a restart does not reset them; a correct passphrase clears its name and client.
 */
import type { FailureRecord } from './keystore';

export const FREE_TRIES = 5;
export const FIRST_WAIT_MS = 30_000;
export const MAX_WAIT_MS = 15 * 60_000;
/** Records kept at most (unknown names typed at random must not grow the keystore without end). */
export const MAX_RECORDS = 500;

export const nameKey = (userName: string) => `u:${userName.normalize('NFC').trim().toLowerCase()}`;
export const clientKey = (clientId: string) => `c:${clientId}`;

/** Milliseconds still to wait before the next try is evaluated (0: try now). */
export function waitFor(record: FailureRecord | undefined, now: number): number {
  if (!record || record.failures < FREE_TRIES) return 0;
  const wait = Math.min(FIRST_WAIT_MS * 2 ** (record.failures - FREE_TRIES), MAX_WAIT_MS);
  return Math.max(0, record.lastAt + wait - now);
}

/** The records after a counted try: oldest dropped beyond MAX_RECORDS, long-quiet ones forgotten. */
export function countTry(records: Record<string, FailureRecord>, keys: string[], now: number): Record<string, FailureRecord> {
  const next: Record<string, FailureRecord> = {};
  for (const [k, r] of Object.entries(records)) if (now - r.lastAt < 24 * 3_600_000) next[k] = r;
  for (const k of keys) next[k] = { failures: (next[k]?.failures ?? 0) + 1, lastAt: now };
  const entries = Object.entries(next);
  if (entries.length <= MAX_RECORDS) return next;
  return Object.fromEntries(entries.sort((a, b) => b[1].lastAt - a[1].lastAt).slice(0, MAX_RECORDS));
}
