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
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { fake } from '../../../test/electron-fake';

vi.mock('electron', () => import('../../../test/electron-fake').then((f) => f.electronModule()));
// The shell's core, kept so the test can sign in the way the window would; cheap scrypt.
vi.mock('../core', async (importOriginal) => (await import('../../../test/electron-fake')).coreRecorder(importOriginal));
// A core process still loading when the file ends would import after the test environment is gone.
afterAll(() => fake.coresLoaded());

const { startDesktopApp } = await import('./main');
const { createCore } = await import('../core');
const { databaseFile } = await import('../core-files');
const { signInAs } = await import('../../../test/sign-in');
type Core = import('../core').Core;
const shellCore = () => fake.cores.at(-1) as Core;

const dirs: string[] = [];
afterEach(async () => {
  fake.emitApp('window-all-closed');
  // The core closes its database before its process is ended.
  await vi.waitFor(() => expect(fake.forks.every((f) => f.killed)).toBe(true));
  fake.appListeners.clear();
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
  delete process.env.MDK_DATA_DIR;
});

/** How often the window's call channel was registered: once per start that got its core. */
const relayRegistrations = () => fake.ipcRegistered.filter((c) => c === 'mdk:call').length;

async function start(dataDir: string) {
  process.env.MDK_DATA_DIR = dataDir;
  const quits = fake.quits;
  const ipc = relayRegistrations();
  startDesktopApp();
  // whenReady, then the core process reports ready (or failed, and the app quits)
  await vi.waitFor(() => expect(relayRegistrations() > ipc || fake.quits > quits).toBe(true));
}

/** A call from the app's own window, as the preload makes it. */
const callFromWindow = (method: string, input: unknown = {}) =>
  fake.ipc.get('mdk:call')!({ senderFrame: { url: 'app://mdk/index.html', parent: null }, sender: { id: 1 } }, method, input) as Promise<{
    ok: boolean;
    result?: unknown;
    error?: { code: string };
  }>;

/** Signs in to the shell's core as the window would; the database opens (and is checked) now. */
async function signIn() {
  await signInAs(shellCore(), 'window-1', 'administrator');
  await new Promise((r) => setTimeout(r, 300)); // the first automatic backup, taken once the key is known
}

describe('the core process', () => {
  it("starts as a utility process given the data folder and a port, and the window's calls are relayed to it", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mdk-shell-'));
    dirs.push(dataDir);
    await start(dataDir);
    const fork = fake.forks.at(-1)!;
    expect(fork.entry).toMatch(/[/\\]core\.js$/);
    expect(fork.options).toMatchObject({ serviceName: 'MDK Coordinator core' });
    expect(fork.received).toEqual([{ kind: 'start', dataDir }]);
    // The core answers, not this process: signed out at first, then the core's own data folder (shown to an administrator).
    expect(await callFromWindow('system.info')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    await signInAs(shellCore(), 'window-1', 'administrator');
    expect(await callFromWindow('system.info')).toMatchObject({ ok: true, result: { dataDir } });
    expect(await callFromWindow('no.such.method')).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('closing the app while its core starts opens no window and relays nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mdk-shell-'));
    dirs.push(dataDir);
    process.env.MDK_DATA_DIR = dataDir;
    const [forks, windows, ipc] = [fake.forks.length, fake.windows.length, relayRegistrations()];
    const release = fake.holdCoreStart();
    startDesktopApp();
    await vi.waitFor(() => expect(fake.forks.length).toBe(forks + 1));
    // The core is still loading when the app is closed; it becomes ready only afterwards.
    fake.emitApp('window-all-closed');
    release();
    await vi.waitFor(() => expect(fake.forks.at(-1)!.killed).toBe(true));
    await fake.coresLoaded();
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.windows.length).toBe(windows);
    expect(relayRegistrations()).toBe(ipc);
  });

  it('a locked computer locks the sessions in the core', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mdk-shell-'));
    dirs.push(dataDir);
    await start(dataDir);
    await signInAs(shellCore(), 'window-1', 'coordinator');
    expect(await callFromWindow('system.info')).toMatchObject({ ok: true });
    fake.power.get('lock-screen')!();
    await vi.waitFor(async () => expect(await callFromWindow('system.info')).toMatchObject({ ok: false, error: { code: 'locked' } }));
  });

  it('when the core process ends, calls are answered with an internal error instead of hanging', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mdk-shell-'));
    dirs.push(dataDir);
    await start(dataDir);
    fake.forks.at(-1)!.exit();
    expect(await callFromWindow('system.info')).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('a core that cannot start shows why and quits without a window', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mdk-shell-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'a-file'), '');
    const windows = fake.windows.length;
    const quits = fake.quits;
    await start(join(dir, 'a-file', 'data')); // a data folder inside a file cannot be made
    expect(fake.quits).toBe(quits + 1);
    expect(fake.windows).toHaveLength(windows);
    expect(fake.errors.at(-1)).toMatch(/ENOTDIR|not a directory/i);
    fake.errors.length = 0;
  });
});

describe('desktop start-up', () => {
  it('serves the API, opens the window and takes the start-up backup', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mdk-shell-'));
    dirs.push(dataDir);
    const windows = fake.windows.length;
    await start(dataDir);
    expect(fake.windows).toHaveLength(windows + 1);
    expect(fake.ipc.has('mdk:call')).toBe(true);
    expect(existsSync(join(dataDir, 'backups'))).toBe(false); // locked: no key, no backup yet
    await signIn();
    await vi.waitFor(() => expect(readdirSync(join(dataDir, 'backups')).some((f) => f.endsWith('-auto.sqlite'))).toBe(true), { timeout: 10_000 });
  });

  it('still opens the window on a damaged database, without writing to it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mdk-shell-'));
    dirs.push(dataDir);
    const first = createCore({ dataDir });
    await signInAs(first, first.newSession());
    first.close();
    const file = databaseFile(dataDir);
    const bytes = readFileSync(file);
    for (let p = 2; p * 4096 < bytes.length - 4096; p += 3) randomBytes(4096).copy(bytes, p * 4096);
    writeFileSync(file, bytes);
    const windows = fake.windows.length;
    await start(dataDir);
    expect(fake.errors).toEqual([]);
    expect(fake.windows).toHaveLength(windows + 1);
    await signIn();
    expect(shellCore().health.ok).toBe(false); // the renderer now shows the recovery screen
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});
