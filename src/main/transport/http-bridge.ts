import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Router } from '../router/router';
import { CONTENT_SECURITY_POLICY } from './csp';
import { readBody, readStatic } from './http-parts';
import type { ConnectionShell } from '../../shared/api/connection';
import { CONNECTION_PATH, handleConnectionRequest } from './connection-endpoints';

export const TOKEN_HEADER = 'x-mdk-token';
export const SESSION_HEADER = 'x-mdk-session';
/** Where the page trades the launch token for the cookie (once). */
export const EXCHANGE_PATH = '/api/session';
const MAX_BODY_BYTES = 32 * 1024 * 1024; // a 10,000-row CSV import travels as text

export interface HttpBridgeOptions {
  router: Router;
  /** Built renderer (vite build output). */
  staticDir: string;
  port?: number;
  token?: string;
  /** The connection choice (standalone or the unit's server) under /api/connection. */
  connection?: ConnectionShell;
}

export interface HttpBridge {
  url: string; // with the token in the fragment, for the user to open
  origin: string;
  /** The launch token: good for one exchange for the cookie, then spent. */
  token: string;
  /** The cookie's name (one per port, so two launches side by side do not overwrite each other). */
  cookieName: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * Browser mode's transport: the same router as Electron IPC, over HTTP bound to 127.0.0.1 only.
 * The page trades the per-launch token once for an HttpOnly, SameSite=Strict cookie, so the token it
 * leaves in the browser's history is spent; calls need that cookie. Foreign origins and foreign Host
 * headers (DNS rebinding) are refused.
 */
export async function startHttpBridge(options: HttpBridgeOptions): Promise<HttpBridge> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let tokenSpent = false;
  const cookieValue = randomBytes(32).toString('base64url');
  let origin = '';
  let cookieName = '';

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      console.error('[bridge]', e);
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'internal', messageKey: 'error.internal' } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const host = req.headers.host ?? '';
    if (host !== new URL(origin).host && host !== `localhost:${new URL(origin).port}`) return send(res, 421, 'Misdirected request');
    if (req.url?.startsWith('/api/')) return handleApi(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    return serveStatic(req, res);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse) {
    const requestOrigin = req.headers.origin;
    if (requestOrigin !== undefined && requestOrigin !== origin && requestOrigin !== origin.replace('127.0.0.1', 'localhost'))
      return send(res, 403, { ok: false, error: { code: 'forbidden', messageKey: 'error.forbidden' } });
    if (req.method === 'POST' && req.url === EXCHANGE_PATH) return exchangeToken(req, res);
    if (!sameSecret(readCookie(req.headers.cookie, cookieName), cookieValue))
      return send(res, 401, { ok: false, error: { code: 'unauthenticated', messageKey: 'bridge.notConnected' } });
    if (options.connection && req.url?.startsWith(CONNECTION_PATH) && (await handleConnectionRequest(options.connection, req, res, send))) return;
    if (req.method !== 'POST' || req.url !== '/api/call') return send(res, 404, 'Not found');
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === null)
      return send(res, 413, { ok: false, error: { code: 'validation', messageKey: 'validation.tooLong', params: { maximum: MAX_BODY_BYTES } } });
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
    // Anything but an object ({ method, input }) is a malformed request, never a call.
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      return send(res, 400, { ok: false, error: { code: 'validation', messageKey: 'validation.invalidValue' } });
    const { method, input } = parsed as { method?: unknown; input?: unknown };
    const session = String(req.headers[SESSION_HEADER] ?? 'browser').slice(0, 100);
    const result = await options.router(typeof method === 'string' ? method : '', input, session);
    send(res, 200, result);
  }

  /** The launch token buys the cookie once; a second try with the same token is refused. */
  function exchangeToken(req: IncomingMessage, res: ServerResponse) {
    req.resume();
    if (tokenSpent || !sameSecret(String(req.headers[TOKEN_HEADER] ?? ''), token))
      return send(res, 401, { ok: false, error: { code: 'unauthenticated', messageKey: tokenSpent ? 'bridge.tokenSpent' : 'bridge.notConnected' } });
    tokenSpent = true;
    res.setHeader('set-cookie', `${cookieName}=${cookieValue}; HttpOnly; SameSite=Strict; Path=/`);
    send(res, 200, { ok: true, result: null });
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse) {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', origin).pathname);
    } catch {
      return send(res, 400, 'Bad request'); // a malformed escape such as /%zz
    }
    const file = await readStatic(options.staticDir, path);
    if (file === 'forbidden') return send(res, 403, 'Forbidden');
    if (!file) return send(res, 404, 'Not found');
    res.writeHead(200, {
      'content-type': file.contentType,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : file.data);
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  cookieName = `mdk_auth_${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    cookieName,
    server,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function sameSecret(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** Every answer but the renderer's files: never cached (patient data must not land in a disk cache). */
function send(res: ServerResponse, status: number, body: unknown) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json', 'cache-control': 'no-store' });
  res.end(text);
}
