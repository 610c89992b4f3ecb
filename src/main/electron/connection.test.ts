/**
 * Team mode in the desktop shell, with a mocked `electron` module (no binary needed): the connect step
 * (a choice is remembered in the desktop settings only after the server's certificate matched; the app
 * restarts into it), certificate pinning (the pinned certificate accepted, another refused), the CSP of
 * the server's responses built from its origin, and a connected start that opens the server's page
 * without starting a core (no local database).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fake } from '../../../test/electron-fake';

vi.mock('electron', () => import('../../../test/electron-fake').then((f) => f.electronModule()));

const { registerConnectionIpc, installConnectedSession } = await import('./connection');
const { startDesktopApp } = await import('./main');
const { CONNECTION_CHANNELS } = await import('../../shared/api/connection');
const { CONNECTION_FILE, connectionService } = await import('../server/connection-setting');
const { connectedCsp, electronFingerprint } = await import('../server/connect');
const { loadTlsIdentity } = await import('../server/tls');

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
  fake.ipc.clear();
  fake.windows.length = 0;
  fake.relaunches = 0;
  fake.verifyProc = null;
  fake.headersListener = null;
});

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'mdk-connection-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A TLS server with a fresh self-signed certificate, as a unit server makes at its first start. */
async function tlsServer() {
  const identity = await loadTlsIdentity(tempDir(), {});
  const server: Server = createServer(identity.options, (_req, res) => res.end('ok'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => server.close());
  return { url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, fingerprint: identity.fingerprint };
}

const fromApp = { senderFrame: { url: 'app://mdk/index.html', parent: null } };
const invoke = (channel: string, event: unknown, ...args: unknown[]) => fake.ipc.get(channel)!(event, ...args) as Promise<unknown>;

describe('the connect step (first start or settings)', () => {
  it('remembers the server in the desktop settings once its certificate matched, and restarts into it', async () => {
    const server = await tlsServer();
    const file = join(tempDir(), CONNECTION_FILE);
    const relaunch = vi.fn();
    registerConnectionIpc({ mode: 'standalone' }, connectionService(file), relaunch);

    expect(await invoke(CONNECTION_CHANNELS.check, fromApp, server.url, server.fingerprint)).toEqual({ ok: true, fingerprint: server.fingerprint });
    const result = await invoke(CONNECTION_CHANNELS.choose, fromApp, { mode: 'server', address: server.url, fingerprint: server.fingerprint.toLowerCase() });
    expect(result).toEqual({ ok: true, open: `${server.url}/` });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ mode: 'server', url: server.url, fingerprint: server.fingerprint });
    expect(await invoke(CONNECTION_CHANNELS.current, fromApp)).toEqual({ mode: 'server', url: server.url, fingerprint: server.fingerprint });
    await vi.waitFor(() => expect(relaunch).toHaveBeenCalledOnce());
  });

  it('refuses a server whose certificate is not the one the administrator gave: nothing remembered, no restart', async () => {
    const server = await tlsServer();
    const other = await loadTlsIdentity(tempDir(), {});
    const file = join(tempDir(), CONNECTION_FILE);
    const relaunch = vi.fn();
    registerConnectionIpc({ mode: 'standalone' }, connectionService(file), relaunch);
    const result = await invoke(CONNECTION_CHANNELS.choose, fromApp, { mode: 'server', address: server.url, fingerprint: other.fingerprint });
    expect(result).toEqual({ ok: false, check: { ok: false, reason: 'mismatch', fingerprint: server.fingerprint } });
    expect(existsSync(file)).toBe(false);
    await new Promise((r) => setTimeout(r, 150));
    expect(relaunch).not.toHaveBeenCalled();
  });

  it('answers only the app top frame', async () => {
    registerConnectionIpc({ mode: 'standalone' }, connectionService(join(tempDir(), CONNECTION_FILE)), vi.fn());
    await expect(invoke(CONNECTION_CHANNELS.current, { senderFrame: { url: 'https://evil.example/', parent: null } })).rejects.toThrow('forbidden');
    await expect(invoke(CONNECTION_CHANNELS.current, { senderFrame: { url: 'app://mdk/index.html', parent: {} } })).rejects.toThrow('forbidden');
  });
});

describe('a connected window', () => {
  it('pins the server certificate: the pinned one is accepted, another refused, other hosts verified as usual', async () => {
    const fp = 'AB:'.repeat(31) + 'AB';
    installConnectedSession({ mode: 'server', url: 'https://mdk.sjukhus.se:8443', fingerprint: fp });
    const verify = (hostname: string, fingerprint: string) =>
      new Promise<number>((resolve) => fake.verifyProc!({ hostname, certificate: { fingerprint } }, resolve));
    expect(await verify('mdk.sjukhus.se', electronFingerprint(fp))).toBe(0);
    expect(await verify('mdk.sjukhus.se', electronFingerprint('CD:'.repeat(31) + 'CD'))).toBe(-2);
    expect(await verify('www.1177.se', 'sha256/anything')).toBe(-3);
  });

  it("gives the server's responses a CSP built from its origin (connect-src that origin only)", async () => {
    installConnectedSession({ mode: 'server', url: 'https://mdk.sjukhus.se:8443', fingerprint: null });
    expect(fake.headersFilter).toEqual({ urls: ['https://mdk.sjukhus.se:8443/*'] });
    const answered = await new Promise<{ responseHeaders: Record<string, string[]> }>((resolve) =>
      fake.headersListener!({ responseHeaders: { 'content-type': ['text/html'], 'content-security-policy': ['connect-src *'] } }, resolve),
    );
    expect(answered.responseHeaders).toEqual({ 'content-type': ['text/html'], 'Content-Security-Policy': [connectedCsp('https://mdk.sjukhus.se:8443')] });
    expect(answered.responseHeaders['Content-Security-Policy'][0]).toContain('connect-src https://mdk.sjukhus.se:8443;');
  });

  it("starts without a core (no local database) and opens the remembered server's page with the connection-only preload", async () => {
    fake.userData = tempDir();
    const setting = { mode: 'server', url: 'https://mdk.sjukhus.se:8443', fingerprint: 'AB:'.repeat(31) + 'AB' };
    writeFileSync(join(fake.userData, CONNECTION_FILE), JSON.stringify(setting));
    startDesktopApp();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    const [win] = fake.windows;
    expect(win.loaded).toEqual(['https://mdk.sjukhus.se:8443/']);
    expect((win.options.webPreferences as { preload: string }).preload).toMatch(/connected\.cjs$/);
    expect(fake.forks).toHaveLength(0);
    expect(fake.verifyProc).not.toBeNull();
    expect(fake.ipc.has('mdk:call')).toBe(false);
    // The page of the server is the app's own: it may ask the connection shell; another origin may not.
    await expect(invoke(CONNECTION_CHANNELS.current, { senderFrame: { url: 'https://mdk.sjukhus.se:8443/', parent: null } })).resolves.toEqual(setting);
    await expect(invoke(CONNECTION_CHANNELS.current, fromApp)).rejects.toThrow('forbidden');
  });
});
