import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { sessionStoreFile } from '../../src/main/server/session-store';
import { join } from 'node:path';
import { createCore, type Core } from '../../src/main/core';
import { TEST_KDF } from '../../src/main/security/crypto';
import { loadServerConfig } from '../../src/main/server/config';
import { startUnitServer, type UnitServer } from '../../src/main/server/https-server';
import { runUnitServer } from '../../src/main/server/run';
import { unwrapWithServerKey } from '../../src/main/server/server-key';
import { loadTlsIdentity } from '../../src/main/server/tls';
import { FREE_TRIES } from '../../src/main/security/throttle';
import { insertPatient, insertReferral } from '../factories';
import { TEST_PASSPHRASE } from '../sign-in';
import { ServerClient } from '../server/client';
import { prepareServerData } from '../server/prepare';
import { tempDir } from './helpers';

const AUTO_LOCK_MS = 60_000;
let stops: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const stop of stops.reverse()) await stop();
  stops = [];
});

interface Started {
  core: Core;
  server: UnitServer;
  clock: { now: number };
  client(): ServerClient;
  referralId: number;
}

/** A real HTTPS server on 127.0.0.1 (self-signed certificate) over a prepared data folder. */
async function start(again?: { dataDir: string; referralId: number }): Promise<Started & { dataDir: string }> {
  const dataDir = again?.dataDir ?? tempDir();
  let referralId = again?.referralId ?? 0;
  const staticDir = join(dataDir, 'renderer');
  if (!again) {
    await prepareServerData(dataDir, (core) => {
      referralId = insertReferral(core.db, { patientId: insertPatient(core.db, { personnummer: '195001019807' }) });
    });
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>MDK</title>');
  }
  const core = createCore({ dataDir, kdfCost: TEST_KDF, autoLockMs: AUTO_LOCK_MS });
  core.security.openWithServerKey(unwrapWithServerKey(dataDir, loadServerConfig(dataDir).serverKeyFile)!);
  const tls = await loadTlsIdentity(dataDir, {});
  const clock = { now: Date.parse('2026-12-02T08:00:00Z') };
  const server = await startUnitServer({ core, tls, staticDir, host: '127.0.0.1', port: 0, clock: () => clock.now });
  stops.push(
    () => core.close(),
    () => server.close(),
  );
  return {
    dataDir,
    core,
    server,
    clock,
    referralId,
    client: () => {
      const c = new ServerClient(server.url, server.fingerprint);
      stops.push(() => c.close());
      return c;
    },
  };
}

async function signedIn(s: Started, userName = 'physician'): Promise<ServerClient> {
  const c = s.client();
  await c.open();
  await c.must('auth.login', { userName, passphrase: TEST_PASSPHRASE });
  return c;
}

describe('unit server: sessions and CSRF', () => {
  it('answers no API call without the session cookie, nor without the CSRF header', async () => {
    const s = await start();
    const c = await signedIn(s);
    const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const noCsrf = await c.raw(
      'POST',
      '/api/call',
      { method: 'referrals.get', input: { id: s.referralId } },
      {
        origin: s.server.url.slice(0, -1),
        'content-type': 'application/json',
        cookie,
      },
    );
    expect(noCsrf.status).toBe(403);
    const wrongCsrf = await c.raw(
      'POST',
      '/api/call',
      { method: 'referrals.get', input: { id: s.referralId } },
      {
        origin: s.server.url.slice(0, -1),
        'content-type': 'application/json',
        cookie,
        'x-mdk-csrf': 'x'.repeat(c.csrf.length),
      },
    );
    expect(wrongCsrf.status).toBe(403);
    const changesWithoutCsrf = await c.raw('GET', '/api/changes', undefined, { cookie });
    expect(changesWithoutCsrf.status).toBe(403);
    // With both, the same call answers.
    const ok = await c.call('referrals.get', { id: s.referralId });
    expect(ok.ok).toBe(true);
    const noCookie = await c.raw(
      'POST',
      '/api/call',
      { method: 'referrals.get', input: { id: s.referralId } },
      {
        origin: s.server.url.slice(0, -1),
        'x-mdk-csrf': c.csrf,
        'content-type': 'application/json',
        cookie: '',
      },
    );
    expect(noCookie.status).toBe(401);
    expect(JSON.parse(noCookie.body)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('refuses a foreign Origin and a cross-site fetch even with a valid cookie and token', async () => {
    const s = await start();
    const c = await signedIn(s);
    const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const base = { 'content-type': 'application/json', cookie, 'x-mdk-csrf': c.csrf };
    const foreign = await c.raw('POST', '/api/call', { method: 'referrals.get', input: { id: s.referralId } }, { ...base, origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const crossSite = await c.raw('POST', '/api/call', { method: 'referrals.get', input: { id: s.referralId } }, { ...base, 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
  });

  it('sets the session cookie HttpOnly, Secure, SameSite=Strict with the __Host- prefix; the CSRF cookie is readable by the page only', async () => {
    const s = await start();
    const c = s.client();
    const page = await c.open();
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['strict-transport-security']).toContain('max-age=');
    const [session, csrf] = c.lastSetCookie;
    expect(session).toMatch(/^__Host-mdk-session=[\w-]{40,};/);
    for (const flag of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/']) expect(session.split('; ')).toContain(flag);
    expect(session).not.toMatch(/Domain=/i);
    expect(csrf).toMatch(/^__Host-mdk-csrf=[\w-]{40,};/);
    expect(csrf.split('; ')).toEqual(expect.arrayContaining(['Secure', 'SameSite=Strict', 'Path=/']));
    expect(csrf).not.toContain('HttpOnly');
    const api = await c.raw('POST', '/api/call', { method: 'auth.status', input: {} });
    expect(api.headers['cache-control']).toBe('no-store');
  });

  it('gives a new session id at sign-in: the id from before sign-in is worthless afterwards, and does not replace the new cookie', async () => {
    const s = await start();
    const c = s.client();
    await c.open();
    const before = c.cookies.get('__Host-mdk-session')!;
    const csrfBefore = c.csrf;
    await c.must('auth.login', { userName: 'physician', passphrase: TEST_PASSPHRASE });
    expect(c.cookies.get('__Host-mdk-session')).not.toBe(before);
    const old = await c.raw(
      'POST',
      '/api/call',
      { method: 'referrals.get', input: { id: s.referralId } },
      {
        'content-type': 'application/json',
        cookie: `__Host-mdk-session=${before}`,
        'x-mdk-csrf': csrfBefore,
      },
    );
    expect(old.status).toBe(401);
    // A call sent while the sign-in was answered (the change poll): refused without a new cookie, so
    // the signed-in one the browser has just been given is kept.
    const inFlight = await c.raw('GET', '/api/changes', undefined, { cookie: `__Host-mdk-session=${before}`, 'x-mdk-csrf': csrfBefore });
    expect(inFlight.status).toBe(401);
    expect(inFlight.headers['set-cookie']).toBeUndefined();
    expect((await c.must<{ state: string }>('auth.status')).state).toBe('signedIn');
  });

  it('ends the session at sign-out: the old cookie is refused', async () => {
    const s = await start();
    const c = await signedIn(s);
    const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = c.csrf;
    await c.must('auth.logout');
    const after = await c.raw(
      'POST',
      '/api/call',
      { method: 'referrals.get', input: { id: s.referralId } },
      { 'content-type': 'application/json', cookie, 'x-mdk-csrf': csrf },
    );
    expect(after.status).toBe(401);
    // The browser carries on signed out, with a new session to sign in with.
    expect((await c.must<{ state: string }>('auth.status')).state).toBe('signedOut');
  });

  it('ends the session after the auto-lock idle time; the change poll does not keep it alive', async () => {
    const s = await start();
    const c = await signedIn(s);
    s.clock.now += AUTO_LOCK_MS - 1_000;
    expect((await c.changes()).status).toBe(200);
    expect((await c.call('referrals.get', { id: s.referralId })).ok).toBe(true); // activity: the clock restarts
    s.clock.now += AUTO_LOCK_MS - 1_000;
    expect((await c.changes()).status).toBe(200);
    s.clock.now += 2_000;
    const res = await c.raw('POST', '/api/call', { method: 'referrals.get', input: { id: s.referralId } });
    expect(res.status).toBe(401);
    expect(s.core.security.status(c.cookies.get('__Host-mdk-session')!).state).toBe('signedOut');
  });

  it('never lets a network caller create the first administrator', async () => {
    const s = await start();
    const c = s.client();
    await c.open();
    const res = await c.raw('POST', '/api/call', { method: 'auth.setup', input: { name: 'X', userName: 'x', passphrase: 'en lång lösenfras här' } });
    expect(res.status).toBe(403);
  });
});

describe('unit server: sign-in limits and the access log', () => {
  it('pauses sign-in from one client address after wrong tries over several user names, whatever the page', async () => {
    const s = await start();
    const c = s.client();
    // The core counts tries per client, and the server names the client by its address: a fresh page
    // (a new session) does not start the count again.
    for (let i = 0; i < FREE_TRIES; i++) {
      await c.open();
      const r = await c.call('auth.login', { userName: `gissning${i}`, passphrase: 'fel lösenfras, fel lösenfras' });
      expect(r).toMatchObject({ ok: false, error: { issues: [{ messageKey: 'security.wrongCredentials' }] } });
    }
    await c.open();
    const refused = await c.call('auth.login', { userName: 'physician', passphrase: TEST_PASSPHRASE });
    expect(refused).toMatchObject({ ok: false, error: { issues: [{ messageKey: 'security.tooManyAttempts' }] } });
  });

  it('records the client address beside the user in the access log', async () => {
    const s = await start();
    const c = await signedIn(s);
    await c.must('referrals.get', { id: s.referralId });
    const row = s.core.db.prepare("SELECT user_name, client_address FROM access_log WHERE method = 'referrals.get' ORDER BY id DESC LIMIT 1").get() as {
      user_name: string;
      client_address: string;
    };
    expect(row).toEqual({ user_name: 'physician', client_address: '127.0.0.1' });
  });

  it('tells the change counter moved after another user saved', async () => {
    const s = await start();
    const chair = await signedIn(s, 'physician');
    const nurse = await signedIn(s, 'contact_nurse');
    const before = JSON.parse((await chair.changes()).body).generation as string;
    await nurse.must('referrals.withdraw', { id: s.referralId, reason: 'Remissen skickades till fel enhet.' });
    const after = JSON.parse((await chair.changes()).body).generation as string;
    expect(after).not.toBe(before);
  });
});

describe('unit server: restart', () => {
  it('keeps a signed-in session across a restart of the server process (a new core on the same data folder)', async () => {
    const first = await start();
    const c = await signedIn(first);
    await first.server.close();
    first.core.close();
    const second = await start(first);
    const again = new ServerClient(second.server.url, second.server.fingerprint);
    stops.push(() => again.close());
    for (const [k, v] of c.cookies) again.cookies.set(k, v);
    expect(await again.call('referrals.get', { id: first.referralId })).toMatchObject({ ok: true });
    expect(readFileSync(sessionStoreFile(first.dataDir), 'utf8')).not.toContain(c.cookies.get('__Host-mdk-session')!);
  });
});

describe('unit server: unattended start', () => {
  it('opens the database with the server key file before anyone signs in', async () => {
    const dataDir = tempDir();
    await prepareServerData(dataDir);
    const core = createCore({ dataDir, kdfCost: TEST_KDF });
    stops.push(() => core.close());
    const lines: string[] = [];
    const running = await runUnitServer({ core, host: '127.0.0.1', port: 0, staticDir: dataDir, log: (l) => lines.push(l) });
    stops.push(() => running.stop());
    expect(core.security.isOpen).toBe(true);
    expect(lines.join('\n')).toContain(`https://127.0.0.1:${running.server.port}/`);
    expect(lines.join('\n')).toMatch(/fingeravtryck.*([0-9A-F]{2}:){31}[0-9A-F]{2}/);
  });

  it.skipIf(process.platform === 'win32')('refuses a server key file that others can read', async () => {
    const dataDir = tempDir();
    await prepareServerData(dataDir);
    const keyFile = loadServerConfig(dataDir).serverKeyFile;
    chmodSync(keyFile, 0o644);
    expect(() => unwrapWithServerKey(dataDir, keyFile)).toThrow(/chmod 600/);
  });
});
