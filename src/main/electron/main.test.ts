/**
 * The shell's start-up with a mocked `electron`: it opens the window even when the database is
 * damaged (the renderer then shows the recovery screen) and starts the automatic backups.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const m = vi.hoisted(() => {
  const state = { listeners: new Map<string, Listener[]>(), windows: 0, ipc: [] as string[], errors: [] as string[] };
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
    session: { defaultSession: { setPermissionRequestHandler: () => {}, setPermissionCheckHandler: () => {} } },
  };
  return { state, module };
});
vi.mock('electron', () => ({ ...m.module, default: m.module }));

const { startDesktopApp } = await import('./main');
const { createCore } = await import('../core');
const { databaseFile } = await import('../core-files');

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
  await new Promise((r) => setTimeout(r, 300)); // whenReady, then the first automatic backup
}

describe('desktop start-up', () => {
  it('serves the API, opens the window and takes the start-up backup', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mdk-shell-'));
    dirs.push(dataDir);
    const windows = m.state.windows;
    await start(dataDir);
    expect(m.state.windows).toBe(windows + 1);
    expect(m.state.ipc).toContain('mdk:call');
    expect(readdirSync(join(dataDir, 'backups')).some((f) => f.endsWith('-auto.sqlite'))).toBe(true);
  });

  it('still opens the window on a damaged database, without writing to it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mdk-shell-'));
    dirs.push(dataDir);
    createCore({ dataDir }).close();
    const file = databaseFile(dataDir);
    const bytes = readFileSync(file);
    for (let p = 2; p * 4096 < bytes.length - 4096; p += 3) randomBytes(4096).copy(bytes, p * 4096);
    writeFileSync(file, bytes);
    const windows = m.state.windows;
    await start(dataDir);
    expect(m.state.errors).toEqual([]);
    expect(m.state.windows).toBe(windows + 1);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});
