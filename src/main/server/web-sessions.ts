/**
 * Browser sessions of the unit server: an HttpOnly session cookie (never readable by scripts) plus a
 * CSRF token that the page sends back in a header. The token is also in a readable cookie (same site
 * only), and the server checks it against the one it keeps for that session, so a cross-site form or
 * fetch that carries the cookie still lacks the header. The session id is renewed at every sign-in.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = '__Host-mdk-session';
export const CSRF_COOKIE = '__Host-mdk-csrf';
export const CSRF_HEADER = 'x-mdk-csrf';

export interface WebSession {
  id: string;
  csrf: string;
  address: string;
  /** Last call that counts as activity (not the change poll), for the idle timeout. */
  lastActivity: number;
}

const newId = () => randomBytes(32).toString('base64url');

export class WebSessions {
  private readonly map = new Map<string, WebSession>();

  constructor(private readonly clock: () => number = Date.now) {}

  create(address: string): WebSession {
    const s: WebSession = { id: newId(), csrf: newId(), address, lastActivity: this.clock() };
    this.map.set(s.id, s);
    return s;
  }

  get(id: string | undefined): WebSession | undefined {
    return id ? this.map.get(id) : undefined;
  }

  /** A fresh id and token for the same browser (after sign-in): an id known before it is worthless. */
  renew(old: WebSession): WebSession {
    this.map.delete(old.id);
    const s: WebSession = { ...old, id: newId(), csrf: newId(), lastActivity: this.clock() };
    this.map.set(s.id, s);
    return s;
  }

  end(id: string): void {
    this.map.delete(id);
  }

  idleFor(s: WebSession): number {
    return this.clock() - s.lastActivity;
  }

  touch(s: WebSession): void {
    s.lastActivity = this.clock();
  }

  get size(): number {
    return this.map.size;
  }
}

export function csrfMatches(s: WebSession, given: string | undefined): boolean {
  const a = Buffer.from(s.csrf);
  const b = Buffer.from(given ?? '');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

/** The two cookies of a session: Secure, SameSite=Strict, Path=/ (the __Host- prefix demands it). */
export function sessionCookies(s: WebSession): string[] {
  return [
    `${SESSION_COOKIE}=${s.id}; Path=/; Secure; HttpOnly; SameSite=Strict`,
    `${CSRF_COOKIE}=${s.csrf}; Path=/; Secure; SameSite=Strict`,
  ];
}
