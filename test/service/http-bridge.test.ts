import { describe, expect, it, afterEach } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { startHttpBridge, type HttpBridge } from '../../src/main/transport/http-bridge';
import { signInAs, tempDir, testCore } from './helpers';
import type { Role } from '../../src/shared/api/contract';

let bridge: HttpBridge | null = null;
afterEach(async () => {
  await bridge?.close();
  bridge = null;
});

async function start(role: Role = 'administrator') {
  const { core } = await testCore();
  // Calls below send no x-mdk-session header, so the bridge uses the session "browser" (signed in here).
  await signInAs(core, 'browser', role);
  const staticDir = join(tempDir(), 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>MDK</title>');
  bridge = await startHttpBridge({ router: core.router, staticDir });
  return bridge;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP so the test controls Host, Origin and Cookie headers, as a hostile page could. */
function raw(b: HttpBridge, options: { path?: string; method?: string; headers?: Record<string, string> }, body?: string | Buffer): Promise<Answer> {
  const url = new URL(b.origin);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: options.path ?? '/api/call',
        method: options.method ?? 'POST',
        headers: { host: url.host, ...options.headers },
      },
      (res) => {
        let data = '';
        res.on('data', (c) => (data += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function post(b: HttpBridge, headers: Record<string, string>, body: unknown): Promise<Answer> {
  return raw(b, { headers: { 'content-type': 'application/json', ...headers } }, JSON.stringify(body));
}

/** Trades the launch token for the cookie, as the page does once; returns the Cookie header to send. */
async function connect(b: HttpBridge): Promise<string> {
  const res = await raw(b, { path: '/api/session', headers: { 'x-mdk-token': b.token, origin: b.origin } });
  expect(res.status).toBe(200);
  const cookie = String(res.headers['set-cookie']);
  return cookie.split(';')[0];
}

describe('loopback HTTP bridge', () => {
  it('binds 127.0.0.1 only and prints a URL with the per-launch token in the fragment', async () => {
    const b = await start();
    expect(b.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(b.url).toBe(`${b.origin}/#token=${b.token}`);
    expect(b.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers a call with the cookie the launch token bought', async () => {
    const b = await start();
    const cookie = await connect(b);
    const res = await post(b, { cookie, origin: b.origin }, { method: 'reference.get', input: {} });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).result.regions).toHaveLength(21);
  });

  it('trades the launch token once for an HttpOnly SameSite=Strict cookie; the spent token buys nothing and calls nothing', async () => {
    const b = await start();
    const first = await raw(b, { path: '/api/session', headers: { 'x-mdk-token': b.token, origin: b.origin } });
    expect(first.status).toBe(200);
    const setCookie = String(first.headers['set-cookie']);
    expect(setCookie).toMatch(new RegExp(`^${b.cookieName}=[\\w-]{40,};`));
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    const again = await raw(b, { path: '/api/session', headers: { 'x-mdk-token': b.token, origin: b.origin } });
    expect(again.status).toBe(401);
    expect(JSON.parse(again.body)).toMatchObject({ ok: false, error: { code: 'unauthenticated', messageKey: 'bridge.tokenSpent' } });
    expect(again.headers['set-cookie']).toBeUndefined();
    // The token is no key to the API either (it stays in the browser's history, spent).
    expect((await post(b, { 'x-mdk-token': b.token }, { method: 'reference.get', input: {} })).status).toBe(401);
  });

  it('refuses a call from a session that has not signed in', async () => {
    const b = await start();
    const cookie = await connect(b);
    const res = await post(b, { cookie, 'x-mdk-session': 'another-tab' }, { method: 'reference.get', input: {} });
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('refuses a missing or wrong token or cookie, a foreign origin and a foreign Host (DNS rebinding)', async () => {
    const b = await start();
    const call = { method: 'reference.get', input: {} };
    expect((await raw(b, { path: '/api/session', headers: { 'x-mdk-token': b.token.replace(/./, 'x') } })).status).toBe(401);
    expect((await raw(b, { path: '/api/session', headers: { 'x-mdk-token': b.token, origin: 'https://evil.example' } })).status).toBe(403);
    const cookie = await connect(b);
    expect((await post(b, {}, call)).status).toBe(401);
    expect((await post(b, { cookie: cookie.replace(/=./, '=x') }, call)).status).toBe(401);
    expect((await post(b, { cookie: cookie.replace(b.cookieName, 'mdk_auth_1') }, call)).status).toBe(401);
    expect((await post(b, { cookie, origin: 'https://evil.example' }, call)).status).toBe(403);
    expect((await post(b, { cookie, host: 'evil.example:80' }, call)).status).toBe(421);
  });

  it('returns a translatable validation error for bad input and malformed JSON', async () => {
    const b = await start();
    const cookie = await connect(b);
    const bad = await post(b, { cookie }, { method: 'workplace.set', input: { unitId: 'x' } });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect((await raw(b, { headers: { cookie } }, '{not json')).status).toBe(400);
  });

  it('answers a body of null, a list or a number with 400 and a malformed path with 400, never 500', async () => {
    const b = await start();
    const cookie = await connect(b);
    for (const body of ['null', '[]', '42', '"system.info"']) {
      const res = await raw(b, { headers: { cookie, 'content-type': 'application/json' } }, body);
      expect(res.status, body).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'validation', messageKey: 'validation.invalidValue' } });
    }
    const call = await post(b, { cookie }, { method: 42, input: null });
    expect(JSON.parse(call.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    for (const path of ['/%zz', '/%E0%A4%A', '/referrals/%']) expect((await raw(b, { path, method: 'GET' })).status, path).toBe(400);
    expect((await raw(b, { path: '/api/%zz', method: 'POST', headers: { cookie } })).status).toBe(404);
  });

  it('answers a 50 MB body with 413, not a reset connection', async () => {
    const b = await start();
    const cookie = await connect(b);
    const huge = Buffer.alloc(50 * 1024 * 1024, 'a');
    const res = await raw(b, { headers: { cookie, 'content-type': 'application/json' } }, huge);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'validation', messageKey: 'validation.tooLong' } });
    // The connection is still good for the next call.
    expect((await post(b, { cookie }, { method: 'reference.get', input: {} })).status).toBe(200);
  });

  it('says "invalid", not "required", for a value of the wrong kind; "required" only for a missing one', async () => {
    const b = await start();
    const cookie = await connect(b);
    const issues = async (input: unknown) => JSON.parse((await post(b, { cookie }, { method: 'reference.saveUnit', input })).body).error.issues;
    expect(await issues({ name: 42, regionCode: ['01'], healthcareRegionCode: 'NORRA', isUniversityHospital: 'ja' })).toEqual(
      expect.arrayContaining([
        { path: 'name', messageKey: 'validation.invalidType' },
        { path: 'regionCode', messageKey: 'validation.invalidType' },
        { path: 'isUniversityHospital', messageKey: 'validation.invalidType' },
      ]),
    );
    expect(await issues({ healthcareRegionCode: 'NORRA' })).toEqual(
      expect.arrayContaining([
        { path: 'name', messageKey: 'validation.required' },
        { path: 'regionCode', messageKey: 'validation.required' },
      ]),
    );
    // A schema whose type message is "required" (weekday) and an enum (participant role) say "invalid" for a wrong value.
    const series = JSON.parse((await post(b, { cookie }, { method: 'series.save', input: { weekday: 'måndag' } })).body).error.issues;
    expect(series).toContainEqual({ path: 'weekday', messageKey: 'validation.invalidType' });
  });

  it('marks every API answer Cache-Control: no-store, refusals included', async () => {
    const b = await start();
    const exchange = await raw(b, { path: '/api/session', headers: { 'x-mdk-token': b.token } });
    expect(exchange.headers['cache-control']).toBe('no-store');
    const cookie = String(exchange.headers['set-cookie']).split(';')[0];
    const answers = [
      await post(b, { cookie }, { method: 'reference.get', input: {} }),
      await post(b, { cookie }, { method: 'workplace.set', input: {} }),
      await post(b, {}, { method: 'reference.get', input: {} }),
      await raw(b, { headers: { cookie } }, 'null'),
      await raw(b, { path: '/api/session', headers: { 'x-mdk-token': b.token } }),
    ];
    for (const a of answers) expect(a.headers['cache-control'], a.body).toBe('no-store');
  });

  it('shows absolute paths in system.info to the administrator only', async () => {
    const admin = await start('administrator');
    const adminInfo = JSON.parse((await post(admin, { cookie: await connect(admin) }, { method: 'system.info', input: {} })).body).result;
    expect(adminInfo.dataDir).toMatch(/^\//);
    expect(adminInfo.databaseFile).toContain(adminInfo.dataDir);
    await admin.close();
    for (const role of ['coordinator', 'contact_nurse', 'physician'] as const) {
      const b = await start(role);
      const info = JSON.parse((await post(b, { cookie: await connect(b) }, { method: 'system.info', input: {} })).body).result;
      expect(info.appVersion, role).toBeTruthy();
      expect(info.dataDir, role).toBeNull();
      expect(info.databaseFile, role).toBeNull();
      expect(JSON.stringify(info), role).not.toContain(tempRoot());
      await b.close();
    }
    bridge = null;
  });

  it('serves the renderer with the strict CSP and never files outside its folder', async () => {
    const b = await start();
    const res = await fetch(`${b.origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const traversal = await fetch(`${b.origin}/..%2f..%2fpackage.json`);
    expect([403, 404]).toContain(traversal.status);
  });
});

function tempRoot(): string {
  return join(tempDir(), '..');
}
