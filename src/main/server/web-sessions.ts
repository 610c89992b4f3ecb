/**
 * Browser sessions of the unit server: an HttpOnly session cookie (never readable by scripts) plus a
 * CSRF token that the page sends back in a header. The token is also in a readable cookie (same site
 * only), and the server checks it against the one it keeps for that session, so a cross-site form or
 * fetch that carries the cookie still lacks the header. The session id is renewed at every sign-in.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = '__Host-mdk-session';
export const CSRF_COOKIE = '__Host-mdk-csrf';
export const CSRF_HEADER = 'x-mdk-csrf';

export interface WebSession {
  /** The cookie's value: known to the browser only; the server keeps its hash. */
  token: string;
  /** SHA-256 of the token: the session id the router and the sign-in state use, and what is stored. */
  id: string;
  csrf: string;
  address: string;
  /** Last call that counts as activity (not the change poll), for the idle timeout. */
  lastActivity: number;
}

/** How long a renewed id is recognised as one (calls in flight at the sign-in). */
const RENEWED_GRACE_MS = 30_000;

const newId = () => randomBytes(32).toString('base64url');
export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('base64url');

export class WebSessions {
  private readonly map = new Map<string, WebSession>();

  constructor(private readonly clock: () => number = Date.now) {}

  create(address: string): WebSession {
    const token = newId();
    const s: WebSession = { token, id: sessionIdOf(token), csrf: newId(), address, lastActivity: this.clock() };
    this.map.set(s.id, s);
    this.changed?.();
    return s;
  }

  /** The session of a cookie's token. */
  get(token: string | undefined): WebSession | undefined {
    return token ? this.map.get(sessionIdOf(token)) : undefined;
  }

  /** Ids renewed a moment ago (id → when): calls already on their way still carry them. */
  private readonly renewed = new Map<string, number>();

  /** A fresh id and token for the same browser (after sign-in): an id known before it is worthless. */
  renew(old: WebSession): WebSession {
    this.map.delete(old.id);
    const now = this.clock();
    for (const [id, at] of this.renewed) if (now - at > RENEWED_GRACE_MS) this.renewed.delete(id);
    this.renewed.set(old.id, now);
    const token = newId();
    const s: WebSession = { ...old, token, id: sessionIdOf(token), csrf: newId(), lastActivity: this.clock() };
    this.map.set(s.id, s);
    this.changed?.();
    return s;
  }

  /**
   * The cookie's token was renewed within the last seconds: a call sent before the browser stored the
   * new cookie. It is refused (the old id has no rights) but must not be answered with yet another
   * session cookie, which would replace the signed-in one the browser has just been given.
   */
  renewedRecently(token: string | undefined): boolean {
    const at = token ? this.renewed.get(sessionIdOf(token)) : undefined;
    return at !== undefined && this.clock() - at <= RENEWED_GRACE_MS;
  }

  end(id: string): void {
    this.map.delete(id);
    this.changed?.();
  }

  /** Called after a session was created, renewed or ended (the server persists them). */
  changed?: () => void;

  all(): WebSession[] {
    return [...this.map.values()];
  }

  /** Sessions read back after a restart (tokens are not stored: the browsers still hold them). */
  restore(sessions: Omit<WebSession, 'token'>[]): void {
    for (const s of sessions) this.map.set(s.id, { ...s, token: '' });
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
  return [`${SESSION_COOKIE}=${s.token}; Path=/; Secure; HttpOnly; SameSite=Strict`, `${CSRF_COOKIE}=${s.csrf}; Path=/; Secure; SameSite=Strict`];
}
