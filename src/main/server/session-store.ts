/**
 * The unit server's sessions survive a restart (an update, a crash): a browser that was signed in
 * carries on, with its typed text, instead of meeting the sign-in screen. Stored beside the database,
 * readable by the service account only: the session id's hash (never the cookie's token), the CSRF
 * token (worthless without the cookie), the user, the client address and the last activity.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Security } from '../security/security';
import type { WebSession, WebSessions } from './web-sessions';

export const sessionStoreFile = (dataDir: string) => join(dataDir, 'mdk-server-sessions.json');

interface Stored {
  id: string;
  csrf: string;
  address: string;
  lastActivity: number;
  userId: number | null;
  locked: boolean;
}

export function saveSessions(dataDir: string, sessions: WebSessions, security: Security): void {
  const rows: Stored[] = sessions.all().map((s: WebSession) => {
    const signedIn = security.sessions.get(s.id);
    return { id: s.id, csrf: s.csrf, address: s.address, lastActivity: s.lastActivity, userId: signedIn?.userId ?? null, locked: signedIn?.locked ?? false };
  });
  const file = sessionStoreFile(dataDir);
  const fd = openSync(`${file}.tmp`, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(rows));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(`${file}.tmp`, file);
}

/** Reads the stored sessions back, dropping those idle longer than `maxIdleMs`. */
export function restoreSessions(dataDir: string, sessions: WebSessions, security: Security, now: number, maxIdleMs: number): void {
  const file = sessionStoreFile(dataDir);
  if (!existsSync(file)) return;
  let rows: Stored[];
  try {
    rows = JSON.parse(readFileSync(file, 'utf8')) as Stored[];
  } catch {
    return; // a damaged file costs a sign-in, nothing more
  }
  const alive = rows.filter((r) => now - r.lastActivity <= maxIdleMs);
  sessions.restore(alive.map(({ id, csrf, address, lastActivity }) => ({ id, csrf, address, lastActivity })));
  for (const r of alive) {
    if (r.userId === null) continue;
    security.sessions.signIn(r.id, r.userId);
    if (r.locked) security.sessions.lock(r.id);
  }
}
