/**
 * The unit server (enhetsserver): the same core and router as the desktop app, over HTTPS on the
 * hospital network. Each browser (or connected desktop app) has a server-side session in an HttpOnly,
 * Secure, SameSite=Strict cookie; every API call also carries the session's CSRF token in a header and,
 * from a browser, its own Origin. Sessions end at sign-out and after the auto-lock setting's idle time.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core';
import { invalid, type CallResult } from '../../shared/api/errors';
import { CONTENT_SECURITY_POLICY } from '../transport/csp';
import { dataGeneration } from '../db/generation';
import { forgetClientAddress, noteClientAddress } from '../security/client-address';
import { AddressLimits } from './address-limits';
import { header, readBody, readStatic } from '../transport/http-parts';
import { restoreSessions, saveSessions } from './session-store';
import type { TlsIdentity } from './tls';
import { CSRF_HEADER, csrfMatches, parseCookies, SESSION_COOKIE, sessionCookies, WebSessions, type WebSession } from './web-sessions';

export const MAX_BODY_BYTES = 32 * 1024 * 1024; // a 10,000-row CSV import travels as text

/** Calls that sign a browser in: the session id is renewed when they succeed. */
const SIGN_IN_METHODS = new Set(['auth.login', 'auth.unlock', 'auth.recover']);
/** Refusals that count against the client address's sign-in limit. */
const WRONG_SECRET = new Set(['security.wrongCredentials', 'security.wrongPassphrase', 'security.wrongRecoveryKey']);
/** Calls that are not the user's activity (the renderer polls them), so they do not hold a session open. */
const NOT_ACTIVITY = new Set(['auth.status']);

export interface UnitServerOptions {
  core: Core;
  tls: TlsIdentity;
  /** Built renderer (vite build output). */
  staticDir: string;
  host: string;
  port: number;
  /** Elapsed real time for idle timeouts and limits; tests pass a fake clock. */
  clock?: () => number;
}

export interface UnitServer {
  /** https://host:port/ (127.0.0.1 when the server listens on every interface). */
  url: string;
  port: number;
  fingerprint: string;
  server: Server;
  sessions: WebSessions;
  close(): Promise<void>;
}

const refusal = (code: string, messageKey: string, params?: Record<string, unknown>): CallResult<unknown> => ({
  ok: false,
  error: { code, messageKey, ...(params ? { params } : {}) } as never,
});

export async function startUnitServer(options: UnitServerOptions): Promise<UnitServer> {
  const { core } = options;
  const clock = options.clock ?? Date.now;
  const sessions = new WebSessions(clock);
  const limits = new AddressLimits(clock);
  restoreSessions(core.dataDir, sessions, core.security, clock(), core.security.autoLockMs());
  // Written at every new, renewed or ended session and, for the idle clock, every few seconds.
  let dirty = false;
  const persist = () => {
    dirty = false;
    saveSessions(core.dataDir, sessions, core.security);
  };
  sessions.changed = () => {
    dirty = true;
    queueMicrotask(() => dirty && persist());
  };
  const persistTimer = setInterval(() => persist(), 5_000);
  persistTimer.unref();

  const server = createServer({ ...options.tls.options, minVersion: 'TLSv1.2' }, (req, res) => {
    handle(req, res).catch((e) => {
      console.error('[server]', e);
      if (!res.headersSent) sendJson(res, 500, refusal('internal', 'error.internal'));
    });
  });
  server.keepAliveTimeout = 30_000;

  const addressOf = (req: IncomingMessage) => (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');

  /** The session of this request's cookie, ended first when it has been idle too long. */
  function sessionOf(req: IncomingMessage): WebSession | undefined {
    const s = sessions.get(parseCookies(req.headers.cookie)[SESSION_COOKIE]);
    if (s && sessions.idleFor(s) > core.security.autoLockMs()) {
      end(s);
      return undefined;
    }
    return s;
  }

  function end(s: WebSession) {
    sessions.end(s.id);
    core.security.sessions.signOut(s.id);
    forgetClientAddress(s.id);
  }

  /** A browser's own page may call; another site (a foreign Origin, or a cross-site fetch) may not. */
  function foreignOrigin(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `https://${req.headers.host ?? ''}`) return true;
    const site = req.headers['sec-fetch-site'];
    return site !== undefined && site !== 'same-origin' && site !== 'none';
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    res.setHeader('strict-transport-security', 'max-age=31536000');
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    const path = new URL(req.url ?? '/', 'https://server').pathname;
    if (path.startsWith('/api/')) {
      res.setHeader('cache-control', 'no-store');
      if (foreignOrigin(req)) return sendJson(res, 403, refusal('forbidden', 'error.forbidden'));
      const s = sessionOf(req);
      if (!s) {
        // The page gets a new (signed-out) session to sign in with; this call is refused. A call sent
        // just before a sign-in renewed its session keeps the browser's new cookie.
        if (!sessions.renewedRecently(parseCookies(req.headers.cookie)[SESSION_COOKIE]))
          res.setHeader('set-cookie', sessionCookies(sessions.create(addressOf(req))));
        return sendJson(res, 401, refusal('unauthenticated', 'error.unauthenticated'));
      }
      if (!csrfMatches(s, header(req, CSRF_HEADER))) return sendJson(res, 403, refusal('forbidden', 'error.forbidden'));
      if (path === '/api/call' && req.method === 'POST') return handleCall(req, res, s);
      if (path === '/api/changes' && req.method === 'GET') return handleChanges(res, s);
      return sendJson(res, 404, refusal('unknown_method', 'error.unknownMethod', { method: path }));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed');
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(path);
    } catch {
      return sendText(res, 400, 'Bad request');
    }
    const file = await readStatic(options.staticDir, urlPath);
    if (file === 'forbidden') return sendText(res, 403, 'Forbidden');
    if (!file) return sendText(res, 404, 'Not found');
    if (file.isPage && !sessionOf(req)) res.setHeader('set-cookie', sessionCookies(sessions.create(addressOf(req))));
    res.writeHead(200, {
      'content-type': file.contentType,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'cache-control': file.isPage ? 'no-store' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : file.data);
  }

  async function handleCall(req: IncomingMessage, res: ServerResponse, s: WebSession) {
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === null) return sendJson(res, 413, refusal('validation', 'validation.tooLong', { maximum: MAX_BODY_BYTES }));
    let parsed: { method?: unknown; input?: unknown };
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      return sendJson(res, 400, refusal('validation', 'validation.invalidValue'));
    }
    const method = String(parsed.method ?? '');
    // The first administrator is made on the server itself (`mdk server-init`), never by whoever calls first.
    if (method === 'auth.setup') return sendJson(res, 403, refusal('forbidden', 'error.forbidden'));
    const address = addressOf(req);
    if (SIGN_IN_METHODS.has(method)) {
      const wait = limits.waitSeconds(address);
      if (wait > 0) return sendJson(res, 200, { ok: false, error: invalid('passphrase', 'security.tooManyAttempts', { seconds: wait }).toJSON() });
    }
    s.address = address;
    noteClientAddress(s.id, address);
    if (!NOT_ACTIVITY.has(method)) sessions.touch(s);
    const result = await core.router(method, parsed.input, s.id);
    if (SIGN_IN_METHODS.has(method)) {
      if (result.ok) {
        limits.noteSuccess(address);
        const renewed = sessions.renew(s);
        const user = core.security.sessions.get(s.id);
        if (user) core.security.sessions.signIn(renewed.id, user.userId);
        core.security.sessions.signOut(s.id);
        forgetClientAddress(s.id);
        noteClientAddress(renewed.id, address);
        res.setHeader('set-cookie', sessionCookies(renewed));
      } else if (result.error.issues?.some((i) => WRONG_SECRET.has(i.messageKey))) limits.noteFailure(address);
    }
    if (method === 'auth.logout' && result.ok) {
      end(s);
      // The old session is over; the page continues signed out with a new one.
      res.setHeader('set-cookie', sessionCookies(sessions.create(address)));
    }
    sendJson(res, 200, result);
  }

  function handleChanges(res: ServerResponse, s: WebSession) {
    const state = core.security.status(s.id).state;
    if (state !== 'signedIn')
      return sendJson(res, 401, refusal(state === 'locked' ? 'locked' : 'unauthenticated', `error.${state === 'locked' ? 'locked' : 'unauthenticated'}`));
    let generation = 'closed';
    try {
      generation = dataGeneration(core.db);
    } catch {
      // locked or damaged: the calls themselves say so
    }
    sendJson(res, 200, { generation });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  return {
    url: `https://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}/`,
    port,
    fingerprint: options.tls.fingerprint,
    server,
    sessions,
    close: () =>
      new Promise((resolve) => {
        clearInterval(persistTimer);
        persist();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}
