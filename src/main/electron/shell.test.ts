/**
 * The Electron shell's security settings, tested with a mocked `electron` module (no binary needed):
 * window web preferences, navigation / new-window / webview denial, permission denial, the IPC sender
 * check, and the CSP on the app:// protocol.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const m = vi.hoisted(() => {
  const appListeners = new Map<string, Listener[]>();
  let readyResolve: () => void = () => {};
  const ready = new Promise<void>((r) => (readyResolve = r));
  const state = {
    appListeners,
    readyResolve: () => readyResolve(),
    windows: [] as { options: Record<string, unknown>; loaded: string[] }[],
    ipcHandlers: new Map<string, Listener>(),
    protocolHandlers: new Map<string, Listener>(),
    privileged: [] as unknown[],
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    openExternal: vi.fn(async () => {}),
    fetch: vi.fn(async () => new Response('<html></html>', { status: 200, headers: { 'content-type': 'text/html' } })),
  };
  const app = {
    on: (event: string, fn: Listener) => {
      appListeners.set(event, [...(appListeners.get(event) ?? []), fn]);
      return app;
    },
    whenReady: () => ready,
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    isPackaged: false,
    getPath: vi.fn(() => '/nonexistent'),
  };
  class BrowserWindow {
    record: { options: Record<string, unknown>; loaded: string[] };
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [] };
      state.windows.push(this.record);
    }
    once() {}
    show() {}
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
  }
  return {
    state,
    module: {
      app,
      BrowserWindow,
      dialog: { showErrorBox: vi.fn() },
      shell: { openExternal: state.openExternal },
      ipcMain: { handle: (channel: string, fn: Listener) => state.ipcHandlers.set(channel, fn) },
      protocol: {
        registerSchemesAsPrivileged: (s: unknown[]) => state.privileged.push(...s),
        handle: (scheme: string, fn: Listener) => state.protocolHandlers.set(scheme, fn),
      },
      net: { fetch: state.fetch },
      session: {
        defaultSession: {
          setPermissionRequestHandler: (fn: Listener) => (state.permissionRequest = fn),
          setPermissionCheckHandler: (fn: Listener) => (state.permissionCheck = fn),
        },
      },
    },
  };
});

vi.mock('electron', () => ({ ...m.module, default: m.module }));

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
    const win = m.state.windows.at(-1)!;
    expect(win.options.webPreferences).toEqual(secureWebPreferences('/app/preload.cjs'));
    expect(win.loaded).toEqual(['app://mdk/index.html']);
  });
});

describe('navigation, new windows, webviews and permissions', () => {
  installSecurityGuards();
  const created = m.state.appListeners.get('web-contents-created')![0];
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

  beforeEach(() => m.state.openExternal.mockClear());

  it('deny every window.open; listed https health sites open in the system browser instead', () => {
    expect(contents.open('https://www.1177.se/sjukdomar')).toEqual({ action: 'deny' });
    expect(m.state.openExternal).toHaveBeenCalledWith('https://www.1177.se/sjukdomar');
    for (const url of ['app://mdk/index.html', 'https://evil.example/', 'javascript:alert(1)', 'file:///C:/Windows', 'http://www.1177.se/']) {
      expect(contents.open(url)).toEqual({ action: 'deny' });
    }
    expect(m.state.openExternal).toHaveBeenCalledTimes(1);
  });

  it('deny every permission request and check (camera, microphone, notifications …)', async () => {
    m.state.readyResolve();
    await new Promise((r) => setTimeout(r, 0));
    const callback = vi.fn();
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      m.state.permissionRequest!({}, permission, callback);
      expect(m.state.permissionCheck!({}, permission)).toBe(false);
    }
    expect(callback.mock.calls.every(([granted]) => granted === false)).toBe(true);
    expect(callback).toHaveBeenCalledTimes(5);
  });
});

describe('IPC sender check', () => {
  const router = vi.fn(async () => ({ ok: true as const, result: 'answer' }));
  registerIpc(router);
  const handler = m.state.ipcHandlers.get(IPC_CHANNEL)!;
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
  const handle = m.state.protocolHandlers.get('app')!;

  it('is a standard, secure scheme', () => {
    expect(m.state.privileged).toContainEqual({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) });
  });

  it('serves files from the renderer folder with the strict CSP and nosniff', async () => {
    const res = (await handle({ url: 'app://mdk/index.html' })) as Response;
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(m.state.fetch).toHaveBeenLastCalledWith('file:///app/renderer/index.html');
  });

  it('refuses other hosts and traversal', async () => {
    m.state.fetch.mockClear();
    expect(((await handle({ url: 'app://other/index.html' })) as Response).status).toBe(404);
    expect(((await handle({ url: 'app://mdk/..%5c..%5csecret' })) as Response).status).toBe(404);
    expect(m.state.fetch).not.toHaveBeenCalled();
  });

  it('the CSP allows only the app itself: no inline or eval scripts, no plugins, no framing, no remote connections', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});
