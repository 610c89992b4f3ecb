/**
 * The shell's start-up with a mocked `electron`: the core starts as a utility process (run here
 * in-process by test/fake-utility-process.ts) and the window's calls are relayed to it over a
 * MessagePort; the window opens even when the database is damaged (the renderer then shows the
 * recovery screen); the core process takes the automatic backups.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const m = vi.hoisted(() => {
  const state = {
    listeners: new Map<string, Listener[]>(),
    windows: 0,
    ipc: [] as string[],
    ipcHandler: null as Listener | null,
    power: new Map<string, Listener>(),
    errors: [] as string[],
    cores: [] as unknown[],
    forks: [] as import('../../../test/fake-utility-process').ForkedCore[],
    quits: 0,
  };
  const app = {
    on: (event: string, fn: Listener) => state.listeners.set(event, [...(state.listeners.get(event) ?? []), fn]),
    whenReady: () => Promise.resolve(),
    requestSingleInstanceLock: () => true,
    quit: () => state.quits++,
    isPackaged: false,
    getPath: () => '/nonexistent',
  };
  class BrowserWindow {
    constructor() {
      state.windows++;
    }
    once() {}
    loadURL() {
      return Promise.resolve();
    }
  }
  const module = {
    app,
    BrowserWindow,
    dialog: { showErrorBox: (_t: string, text: string) => state.errors.push(text) },
    shell: { openExternal: async () => {} },
    ipcMain: {
      handle: (channel: string, fn: Listener) => {
        if (channel !== 'mdk:call') return; // the connection choice's channels are connection.test.ts's
        state.ipc.push(channel);
        state.ipcHandler = fn;
      },
    },
    protocol: { registerSchemesAsPrivileged: () => {}, handle: () => {} },
    net: { fetch: async () => new Response('') },
    powerMonitor: { on: (event: string, fn: Listener) => state.power.set(event, fn) },
    Menu: { setApplicationMenu: () => {}, buildFromTemplate: (template: unknown) => template },
    session: { defaultSession: { setPermissionRequestHandler: () => {}, setPermissionCheckHandler: () => {} } },
  };
  return { state, module };
});
vi.mock('electron', async () => {
  const { fakeUtilityProcess } = await import('../../../test/fake-utility-process');
  const fakes = fakeUtilityProcess();
  m.state.forks = fakes.forks;
  const module = { ...m.module, utilityProcess: fakes.utilityProcess, MessageChannelMain: fakes.MessageChannelMain };
  return { ...module, default: module };
});
// The shell's core, kept so the test can sign in the way the window would; cheap scrypt.
vi.mock('../core', async (importOriginal) => {
  const real = await importOriginal<typeof import('../core')>();
  const { TEST_KDF } = await import('../security/crypto');
  return {
    ...real,
    createCore: (options: Parameters<typeof real.createCore>[0]) => {
      const core = real.createCore({ kdfCost: TEST_KDF, ...options });
      m.state.cores.push(core);
      return core;
    },
  };
});

const { startDesktopApp } = await import('./main');
const { createCore } = await import('../core');
const { databaseFile } = await import('../core-files');
const { signInAs } = await import('../../../test/sign-in');
type Core = import('../core').Core;
const shellCore = () => m.state.cores.at(-1) as Core;

const dirs: string[] = [];
afterEach(async () => {
  for (const l of m.state.listeners.get('window-all-closed') ?? []) l();
  // The core closes its database before its process is ended.
  await vi.waitFor(() => expect(m.state.forks.every((f) => f.killed)).toBe(true));
  m.state.listeners.clear();
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
  delete process.env.MDK_DATA_DIR;
});

async function start(dataDir: string) {
  process.env.MDK_DATA_DIR = dataDir;
  const quits = m.state.quits;
  const ipc = m.state.ipc.length;
  startDesktopApp();
  // whenReady, then the core process reports ready (or failed, and the app quits)
  await vi.waitFor(() => expect(m.state.ipc.length > ipc || m.state.quits > quits).toBe(true));
}

/** A call from the app's own window, as the preload makes it. */
const callFromWindow = (method: string, input: unknown = {}) =>
  m.state.ipcHandler!({ senderFrame: { url: 'app://mdk/index.html', parent: null }, sender: { id: 1 } }, method, input) as Promise<{
    ok: boolean;
    result?: unknown;
    error?: { code: string };
  }>;

/** Signs in to the shell's core as the window would; the database opens (and is checked) now. */
async function signIn() {
  signInAs(shellCore(), 'window-1', 'administrator');
  await new Promise((r) => setTimeout(r, 300)); // the first automatic backup, taken once the key is known
}

describe('the core process', () => {
  it('starts as a utility process given the data folder and a port, and the window\'s calls are relayed to it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mdk-shell-'));
    dirs.push(dataDir);
    await start(dataDir);
    const fork = m.state.forks.at(-1)!;
    expect(fork.entry).toMatch(/[/\\]core\.js$/);
    expect(fork.options).toMatchObject({ serviceName: 'MDK Coordinator core' });
    expect(fork.received).toEqual([{ kind: 'start', dataDir }]);
    // The core answers, not this process: signed out at first, then the core's own data folder (shown to an administrator).
    expect(await callFromWindow('system.info')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    signInAs(shellCore(), 'window-1', 'administrator');
    expect(await callFromWindow('system.info')).toMatchObject({ ok: true, result: { dataDir } });
    expect(await callFromWindow('no.such.method')).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('a locked computer locks the sessions in the core', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mdk-shell-'));
    dirs.push(dataDir);
    await start(dataDir);
    signInAs(shellCore(), 'window-1', 'coordinator');
    expect(await callFromWindow('system.info')).toMatchObject({ ok: true });
    m.state.power.get('lock-screen')!();
    await vi.waitFor(async () => expect(await callFromWindow('system.info')).toMatchObject({ ok: false, error: { code: 'locked' } }));
  });

  it('when the core process ends, calls are answered with an internal error instead of hanging', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mdk-shell-'));
    dirs.push(dataDir);
    await start(dataDir);
    m.state.forks.at(-1)!.exit();
    expect(await callFromWindow('system.info')).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('a core that cannot start shows why and quits without a window', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mdk-shell-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'a-file'), '');
    const windows = m.state.windows;
    const quits = m.state.quits;
    await start(join(dir, 'a-file', 'data')); // a data folder inside a file cannot be made
    expect(m.state.quits).toBe(quits + 1);
    expect(m.state.windows).toBe(windows);
    expect(m.state.errors.at(-1)).toMatch(/ENOTDIR|not a directory/i);
    m.state.errors.length = 0;
  });
});

describe('desktop start-up', () => {
  it('serves the API, opens the window and takes the start-up backup', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mdk-shell-'));
    dirs.push(dataDir);
    const windows = m.state.windows;
    await start(dataDir);
    expect(m.state.windows).toBe(windows + 1);
    expect(m.state.ipc).toContain('mdk:call');
    expect(existsSync(join(dataDir, 'backups'))).toBe(false); // locked: no key, no backup yet
    await signIn();
    expect(readdirSync(join(dataDir, 'backups')).some((f) => f.endsWith('-auto.sqlite'))).toBe(true);
  });

  it('still opens the window on a damaged database, without writing to it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mdk-shell-'));
    dirs.push(dataDir);
    const first = createCore({ dataDir });
    signInAs(first, first.newSession());
    first.close();
    const file = databaseFile(dataDir);
    const bytes = readFileSync(file);
    for (let p = 2; p * 4096 < bytes.length - 4096; p += 3) randomBytes(4096).copy(bytes, p * 4096);
    writeFileSync(file, bytes);
    const windows = m.state.windows;
    await start(dataDir);
    expect(m.state.errors).toEqual([]);
    expect(m.state.windows).toBe(windows + 1);
    await signIn();
    expect(shellCore().health.ok).toBe(false); // the renderer now shows the recovery screen
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});
