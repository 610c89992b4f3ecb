/**
 * The shell's start-up with a mocked `electron`: it opens the window even when the database is
 * damaged (the renderer then shows the recovery screen) and starts the automatic backups.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const m = vi.hoisted(() => {
  const state = { listeners: new Map<string, Listener[]>(), windows: 0, ipc: [] as string[], errors: [] as string[], cores: [] as unknown[] };
  const app = {
    on: (event: string, fn: Listener) => state.listeners.set(event, [...(state.listeners.get(event) ?? []), fn]),
    whenReady: () => Promise.resolve(),
    requestSingleInstanceLock: () => true,
    quit: () => {},
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
    ipcMain: { handle: (channel: string) => state.ipc.push(channel) },
    protocol: { registerSchemesAsPrivileged: () => {}, handle: () => {} },
    net: { fetch: async () => new Response('') },
    powerMonitor: { on: () => {} },
    Menu: { setApplicationMenu: () => {}, buildFromTemplate: (template: unknown) => template },
    session: { defaultSession: { setPermissionRequestHandler: () => {}, setPermissionCheckHandler: () => {} } },
  };
  return { state, module };
});
vi.mock('electron', () => ({ ...m.module, default: m.module }));
// The shell's core, kept so the test can sign in the way the window would (issue 7); cheap scrypt.
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
afterEach(() => {
  for (const l of m.state.listeners.get('window-all-closed') ?? []) l();
  m.state.listeners.clear();
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
  delete process.env.MDK_DATA_DIR;
});

async function start(dataDir: string) {
  process.env.MDK_DATA_DIR = dataDir;
  startDesktopApp();
  await new Promise((r) => setTimeout(r, 100)); // whenReady
}

/** Signs in to the shell's core as the window would; the database opens (and is checked) now. */
async function signIn() {
  signInAs(shellCore(), 'window-1', 'administrator');
  await new Promise((r) => setTimeout(r, 300)); // the first automatic backup, taken once the key is known
}

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
