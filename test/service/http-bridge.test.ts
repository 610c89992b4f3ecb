import { describe, expect, it, afterEach } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { startHttpBridge, type HttpBridge } from '../../src/main/transport/http-bridge';
import { signInAs, tempDir, testCore } from './helpers';

let bridge: HttpBridge | null = null;
afterEach(async () => {
  await bridge?.close();
  bridge = null;
});

async function start() {
  const { core } = testCore();
  // Calls below send no x-mdk-session header, so the bridge uses the session "browser" (issue 7: signed in here).
  signInAs(core, 'browser');
  const staticDir = join(tempDir(), 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>MDK</title>');
  bridge = await startHttpBridge({ router: core.router, staticDir });
  return bridge;
}

/** Raw HTTP so the test controls Host and Origin headers, as a hostile page could. */
function post(b: HttpBridge, headers: Record<string, string>, body: unknown): Promise<{ status: number; body: string }> {
  const url = new URL(b.origin);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: '/api/call', method: 'POST', headers: { 'content-type': 'application/json', host: url.host, ...headers } },
      (res) => {
        let data = '';
        res.on('data', (c) => (data += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('loopback HTTP bridge', () => {
  it('binds 127.0.0.1 only and prints a URL with the per-launch token in the fragment', async () => {
    const b = await start();
    expect(b.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(b.url).toBe(`${b.origin}/#token=${b.token}`);
    expect(b.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers a call with the right token', async () => {
    const b = await start();
    const res = await post(b, { 'x-mdk-token': b.token, origin: b.origin }, { method: 'reference.get', input: {} });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).result.regions).toHaveLength(21);
  });

  it('refuses a call from a session that has not signed in', async () => {
    const b = await start();
    const res = await post(b, { 'x-mdk-token': b.token, 'x-mdk-session': 'another-tab' }, { method: 'reference.get', input: {} });
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('refuses a missing or wrong token, a foreign origin and a foreign Host (DNS rebinding)', async () => {
    const b = await start();
    const call = { method: 'reference.get', input: {} };
    expect((await post(b, {}, call)).status).toBe(401);
    expect((await post(b, { 'x-mdk-token': b.token.replace(/./, 'x') }, call)).status).toBe(401);
    expect((await post(b, { 'x-mdk-token': b.token, origin: 'https://evil.example' }, call)).status).toBe(403);
    expect((await post(b, { 'x-mdk-token': b.token, host: 'evil.example:80' }, call)).status).toBe(421);
  });

  it('returns a translatable validation error for bad input and malformed JSON', async () => {
    const b = await start();
    const bad = await post(b, { 'x-mdk-token': b.token }, { method: 'workplace.set', input: { unitId: 'x' } });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'validation' } });
    const url = new URL(b.origin);
    const raw = await new Promise<number>((resolve) => {
      const req = request({ host: url.hostname, port: url.port, path: '/api/call', method: 'POST', headers: { 'x-mdk-token': b.token } }, (res) => resolve(res.statusCode ?? 0));
      req.end('{not json');
    });
    expect(raw).toBe(400);
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
