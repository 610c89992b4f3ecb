/**
 * A client of the unit server as a browser is one: a cookie jar, the CSRF header from the readable
 * cookie, the page's own Origin, and TLS pinned to the server's certificate fingerprint.
 */
import { Agent, request } from 'node:https';
import type { Socket } from 'node:net';
import type { PeerCertificate } from 'node:tls';
import type { CallResult } from '../../src/shared/api/errors';

/** Connections whose certificate matched the pinned fingerprint at their handshake. */
const pinned = new WeakSet<Socket>();

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export class ServerClient {
  readonly cookies = new Map<string, string>();
  readonly agent: Agent;
  /** Set-Cookie lines of the last response (the security tests read the flags). */
  lastSetCookie: string[] = [];

  constructor(
    readonly url: string,
    fingerprint: string,
    private readonly origin = url.replace(/\/$/, ''),
  ) {
    // The self-signed certificate is not trusted by any CA: the pinned fingerprint is the trust.
    this.agent = new Agent({
      keepAlive: true,
      maxSockets: 4,
      rejectUnauthorized: false,
      // Every connection makes a full handshake, so the certificate is there to check (see pinned).
      maxCachedSessions: 0,
    });
    this.fingerprint = fingerprint;
  }

  private readonly fingerprint: string;

  /** Loads the page: that is where a browser gets its first session cookies. */
  async open(): Promise<RawResponse> {
    return this.raw('GET', '/', undefined, {});
  }

  get csrf(): string {
    return this.cookies.get('__Host-mdk-csrf') ?? '';
  }

  async call<T = unknown>(method: string, input: unknown = {}): Promise<CallResult<T>> {
    const res = await this.raw('POST', '/api/call', { method, input });
    return JSON.parse(res.body) as CallResult<T>;
  }

  /** Like call, but the result or a thrown Error (for arranging data). */
  async must<T = unknown>(method: string, input: unknown = {}): Promise<T> {
    const res = await this.call<T>(method, input);
    if (!res.ok) throw new Error(`${method}: ${res.error.code} ${res.error.messageKey}`);
    return res.result;
  }

  async changes(): Promise<RawResponse> {
    return this.raw('GET', '/api/changes');
  }

  raw(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<RawResponse> {
    const url = new URL(path, this.url);
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const sent: Record<string, string> = headers ?? {
      origin: this.origin,
      'x-mdk-csrf': this.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    };
    if (cookie && !('cookie' in sent)) sent.cookie = cookie;
    return new Promise((resolve, reject) => {
      const req = request(url, { method, agent: this.agent, headers: sent }, (res) => {
        if (!pinned.has(res.socket)) {
          res.destroy();
          reject(new Error(`the connection's certificate was not checked against the pinned ${this.fingerprint}`));
          return;
        }
        const setCookie = res.headers['set-cookie'] ?? [];
        this.lastSetCookie = setCookie;
        for (const line of setCookie) {
          const [pair] = line.split(';');
          const i = pair.indexOf('=');
          const value = pair.slice(i + 1);
          if (/max-age=0/i.test(line) || value === '') this.cookies.delete(pair.slice(0, i));
          else this.cookies.set(pair.slice(0, i), value);
        }
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (data += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
      });
      // The certificate is checked once per connection, at its handshake: a kept-alive socket reused for
      // a later call no longer reliably shows its peer's certificate.
      req.on('socket', (socket) => {
        if (pinned.has(socket)) return;
        socket.once('secureConnect', () => {
          const cert = (socket as unknown as { getPeerCertificate(): PeerCertificate }).getPeerCertificate();
          if (cert.fingerprint256 === this.fingerprint) pinned.add(socket);
          else socket.destroy(new Error(`certificate fingerprint ${cert.fingerprint256} is not the pinned ${this.fingerprint}`));
        });
      });
      req.on('error', reject);
      req.end(body === undefined ? undefined : JSON.stringify(body));
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
