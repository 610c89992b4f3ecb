/**
 * The one `electron` module of the shell's unit tests (no binary needed): every API the shell uses,
 * each recording what the shell asked of it in `fake`, so a test can play Electron's part (fire an app
 * event, answer a certificate check, call an IPC handler as a window would). Each test file gets its
 * own instance (vitest isolates modules per file). Use it as
 *
 *   vi.mock('electron', () => import('../../../test/electron-fake').then((f) => f.electronModule()));
 *   const { fake } = await import('../../../test/electron-fake');
 *
 * `utilityProcess.fork` runs the real core process in this process (test/fake-utility-process.ts).
 */
import { vi } from 'vitest';
import { fakeUtilityProcess } from './fake-utility-process';

export type Listener = (...args: unknown[]) => unknown;

export interface FakeWindow {
  options: Record<string, unknown>;
  /** The URLs the window was asked to load, in order. */
  loaded: string[];
}

const core = fakeUtilityProcess();
let resolveReady: () => void = () => {};

/** What the shell did with Electron, and the few answers a test sets. */
export const fake = {
  /** app.isPackaged. */
  packaged: false,
  /** app.getPath(any name). */
  userData: '/nonexistent',
  /** app.whenReady(): ready at once unless a test holds it (holdReady). */
  ready: Promise.resolve(),
  appListeners: new Map<string, Listener[]>(),
  quits: 0,
  relaunches: 0,
  windows: [] as FakeWindow[],
  /** ipcMain.handle: the handler of each channel, and every channel registered, in order. */
  ipc: new Map<string, Listener>(),
  ipcRegistered: [] as string[],
  /** dialog.showErrorBox's texts. */
  errors: [] as string[],
  menus: [] as unknown[],
  power: new Map<string, Listener>(),
  privileged: [] as unknown[],
  protocolHandlers: new Map<string, Listener>(),
  permissionRequest: null as Listener | null,
  permissionCheck: null as Listener | null,
  verifyProc: null as Listener | null,
  headersFilter: null as { urls: string[] } | null,
  headersListener: null as Listener | null,
  openExternal: vi.fn(async (_url: string) => {}),
  showOpenDialog: vi.fn(),
  /** BrowserWindow.fromWebContents answers this window. */
  focusedWindow: { id: 'main window' } as unknown,
  fetch: vi.fn(async (_url: string) => new Response('<html></html>', { status: 200, headers: { 'content-type': 'text/html' } })),
  /** Each core process started (utilityProcess.fork). */
  forks: core.forks,
  /** Waits for every started core process to finish loading (call it in afterAll). */
  coresLoaded: core.settled,
  /** Makes the next core processes wait before they load until the returned function is called. */
  holdCoreStart: core.holdStart,
  /** The cores the shell's core process created (when the test records them: coreRecorder). */
  cores: [] as unknown[],
  /** Makes app.whenReady() wait until the returned function is called. */
  holdReady(): () => void {
    fake.ready = new Promise<void>((r) => (resolveReady = r));
    return () => resolveReady();
  },
  /** Fires an app event as Electron would. */
  emitApp(event: string, ...args: unknown[]): void {
    for (const fn of fake.appListeners.get(event) ?? []) fn(...args);
  },
};

const app = {
  on(event: string, fn: Listener) {
    fake.appListeners.set(event, [...(fake.appListeners.get(event) ?? []), fn]);
    return app;
  },
  whenReady: () => fake.ready,
  requestSingleInstanceLock: () => true,
  quit: () => void fake.quits++,
  relaunch: () => void fake.relaunches++,
  exit: () => {},
  get isPackaged() {
    return fake.packaged;
  },
  getPath: () => fake.userData,
};

class BrowserWindow {
  static fromWebContents = vi.fn(() => fake.focusedWindow);
  record: FakeWindow;
  constructor(options: Record<string, unknown>) {
    this.record = { options, loaded: [] };
    fake.windows.push(this.record);
  }
  once() {}
  show() {}
  loadURL(url: string) {
    this.record.loaded.push(url);
    return Promise.resolve();
  }
}

const module = {
  app,
  BrowserWindow,
  Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: (menu: unknown) => void fake.menus.push(menu) },
  dialog: { showErrorBox: (_title: string, text: string) => void fake.errors.push(text), showOpenDialog: fake.showOpenDialog },
  shell: { openExternal: fake.openExternal },
  ipcMain: {
    handle(channel: string, fn: Listener) {
      fake.ipc.set(channel, fn);
      fake.ipcRegistered.push(channel);
    },
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => void fake.privileged.push(...schemes),
    handle: (scheme: string, fn: Listener) => void fake.protocolHandlers.set(scheme, fn),
  },
  net: { fetch: (url: string) => fake.fetch(url) },
  powerMonitor: { on: (event: string, fn: Listener) => void fake.power.set(event, fn) },
  utilityProcess: core.utilityProcess,
  MessageChannelMain: core.MessageChannelMain,
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn: Listener) => (fake.permissionRequest = fn),
      setPermissionCheckHandler: (fn: Listener) => (fake.permissionCheck = fn),
      setCertificateVerifyProc: (fn: Listener) => (fake.verifyProc = fn),
      webRequest: {
        onHeadersReceived(filter: { urls: string[] }, fn: Listener) {
          fake.headersFilter = filter;
          fake.headersListener = fn;
        },
      },
    },
  },
};

/** The module `vi.mock('electron', …)` answers: named exports and the default export alike. */
export function electronModule() {
  return { ...module, default: module };
}

/**
 * For `vi.mock('../core', coreRecorder)`: the real core, with the cheap test KDF, each one created kept
 * in `fake.cores` so a test can sign in the way the window would.
 */
export async function coreRecorder(importOriginal: <T>() => Promise<T>) {
  const real = await importOriginal<typeof import('../src/main/core')>();
  const { TEST_KDF } = await import('../src/main/security/crypto');
  return {
    ...real,
    createCore: (options: Parameters<typeof real.createCore>[0]) => {
      const created = real.createCore({ kdfCost: TEST_KDF, ...options });
      fake.cores.push(created);
      return created;
    },
  };
}
