/**
 * The Electron shell's security settings, tested with a mocked `electron` module (no binary needed):
 * window web preferences, navigation / new-window / webview denial, permission denial, the IPC sender
 * check, and the CSP on the app:// protocol.
 */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, type Listener } from '../../../test/electron-fake';

vi.mock('electron', () => import('../../../test/electron-fake').then((f) => f.electronModule()));
// A core process still loading when the file ends would import after the test environment is gone.
afterAll(() => fake.coresLoaded());
// Permission handlers are installed once the app is ready: the test says when.
const releaseReady = fake.holdReady();

const { secureWebPreferences, installSecurityGuards } = await import('./security');
const { createMainWindow } = await import('./window');
const { registerIpc, IPC_CHANNEL } = await import('./ipc');
const { registerAppScheme, serveRenderer } = await import('./protocol');
const { CONTENT_SECURITY_POLICY } = await import('../transport/csp');

/** A fake webContents that records the listeners the guards install. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: Listener | null = null;
  return {
    on: (event: string, fn: Listener) => listeners.set(event, fn),
    setWindowOpenHandler: (fn: Listener) => (openHandler = fn),
    fire(event: string, ...args: unknown[]) {
      const e = { preventDefault: vi.fn() };
      listeners.get(event)!(e, ...args);
      return e.preventDefault.mock.calls.length > 0;
    },
    open: (url: string) => openHandler!({ url }),
  };
}

describe('window web preferences', () => {
  it('isolate the page: context isolation, sandbox, no Node, no webview, web security on', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });

  it('the main window uses them and loads only the app origin', () => {
    createMainWindow('/app/preload.cjs');
    const win = fake.windows.at(-1)!;
    expect(win.options.webPreferences).toEqual(secureWebPreferences('/app/preload.cjs'));
    expect(win.loaded).toEqual(['app://mdk/index.html']);
  });
});

describe('navigation, new windows, webviews and permissions', () => {
  installSecurityGuards();
  const created = fake.appListeners.get('web-contents-created')![0];
  const contents = fakeContents();
  created({}, contents);

  it('deny navigation and redirects away from the app', () => {
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.fire('will-navigate', 'app://other/index.html')).toBe(true);
    expect(contents.fire('will-navigate', 'app://mdk/index.html#/settings')).toBe(false);
    expect(contents.fire('will-redirect', 'http://127.0.0.1:1/')).toBe(true);
    expect(contents.fire('will-redirect', 'app://mdk/index.html')).toBe(false);
  });

  it('deny webviews', () => {
    expect(contents.fire('will-attach-webview', {}, {})).toBe(true);
  });

  beforeEach(() => fake.openExternal.mockClear());

  it('deny every window.open; listed https health sites open in the system browser instead', () => {
    expect(contents.open('https://www.1177.se/sjukdomar')).toEqual({ action: 'deny' });
    expect(fake.openExternal).toHaveBeenCalledWith('https://www.1177.se/sjukdomar');
    for (const url of ['app://mdk/index.html', 'https://evil.example/', 'javascript:alert(1)', 'file:///C:/Windows', 'http://www.1177.se/']) {
      expect(contents.open(url)).toEqual({ action: 'deny' });
    }
    expect(fake.openExternal).toHaveBeenCalledTimes(1);
  });

  it('deny every permission request and check (camera, microphone, notifications …)', async () => {
    releaseReady();
    await new Promise((r) => setTimeout(r, 0));
    const callback = vi.fn();
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      fake.permissionRequest!({}, permission, callback);
      expect(fake.permissionCheck!({}, permission)).toBe(false);
    }
    expect(callback.mock.calls.every(([granted]) => granted === false)).toBe(true);
    expect(callback).toHaveBeenCalledTimes(5);
  });
});

describe('IPC sender check', () => {
  const router = vi.fn(async () => ({ ok: true as const, result: 'answer' }));
  registerIpc(router);
  const handler = fake.ipc.get(IPC_CHANNEL)!;
  const event = (frame: unknown) => ({ senderFrame: frame, sender: { id: 7 } });
  const forbidden = { ok: false, error: { code: 'forbidden', messageKey: 'error.forbidden' } };

  beforeEach(() => router.mockClear());

  it('serves the app top frame', async () => {
    expect(await handler(event({ url: 'app://mdk/index.html', parent: null }), 'system.info', {})).toEqual({ ok: true, result: 'answer' });
    expect(router).toHaveBeenCalledWith('system.info', {}, 'window-7');
  });

  it('refuses other origins, sub-frames and missing frames without calling the router', async () => {
    expect(await handler(event({ url: 'https://evil.example/', parent: null }), 'system.info', {})).toEqual(forbidden);
    expect(await handler(event({ url: 'app://mdk/index.html', parent: { url: 'app://mdk/' } }), 'system.info', {})).toEqual(forbidden);
    expect(await handler(event({ url: 'file:///index.html', parent: null }), 'system.info', {})).toEqual(forbidden);
    expect(await handler(event(null), 'system.info', {})).toEqual(forbidden);
    expect(router).not.toHaveBeenCalled();
  });
});

describe('app:// protocol', () => {
  registerAppScheme();
  serveRenderer('/app/renderer');
  const handle = fake.protocolHandlers.get('app')!;

  it('is a standard, secure scheme', () => {
    expect(fake.privileged).toContainEqual({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) });
  });

  it('serves files from the renderer folder with the strict CSP and nosniff', async () => {
    const res = (await handle({ url: 'app://mdk/index.html' })) as Response;
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(fake.fetch).toHaveBeenLastCalledWith('file:///app/renderer/index.html');
  });

  it('refuses other hosts and traversal', async () => {
    fake.fetch.mockClear();
    expect(((await handle({ url: 'app://other/index.html' })) as Response).status).toBe(404);
    expect(((await handle({ url: 'app://mdk/..%5c..%5csecret' })) as Response).status).toBe(404);
    expect(fake.fetch).not.toHaveBeenCalled();
  });

  it('the CSP allows only the app itself: no inline or eval scripts, no plugins, no framing, no remote connections', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});
