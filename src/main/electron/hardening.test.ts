/**
 * The shell's hardening, with a mocked `electron` module (no binary needed): the application menu and
 * web preferences of a packaged build (no developer tools), MDK_DATA_DIR in a packaged build, and
 * sub-frame navigation (will-frame-navigate) guarded like will-navigate.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { fake, type Listener } from '../../../test/electron-fake';

vi.mock('electron', () => import('../../../test/electron-fake').then((f) => f.electronModule()));
vi.mock('../core', async (importOriginal) => (await import('../../../test/electron-fake')).coreRecorder(importOriginal));
// A core process still loading when the file ends would import after the test environment is gone.
afterAll(() => fake.coresLoaded());
// Most of what is checked here is a packaged build's.
fake.packaged = true;

const { installAppMenu } = await import('./menu');
const { appMenuTemplate, menuRoles } = await import('./menu-template');
const { secureWebPreferences, installSecurityGuards } = await import('./security');
const { startDesktopApp } = await import('./main');
const { projectRoot } = await import('../paths');
const { policyFilePath } = await import('../data-dir-policy');

const DEVELOPER_ROLES = ['toggleDevTools', 'reload', 'forceReload'];
const lastMenuRoles = () => menuRoles((fake.menus.at(-1) as { template: Parameters<typeof menuRoles>[0] }).template);

describe('application menu and developer tools', () => {
  afterEach(() => {
    fake.packaged = true;
  });

  it('a packaged build sets a menu without developer tools or reload, on every system', () => {
    fake.packaged = true;
    installAppMenu();
    expect(lastMenuRoles()).toEqual(expect.arrayContaining(['copy', 'paste', 'selectAll', 'quit']));
    for (const role of DEVELOPER_ROLES) expect(lastMenuRoles()).not.toContain(role);
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const roles = menuRoles(appMenuTemplate({ packaged: true, platform, t: (k) => k }));
      for (const role of DEVELOPER_ROLES) expect(roles, platform).not.toContain(role);
    }
  });

  it('a development build keeps the developer tools in its menu', () => {
    fake.packaged = false;
    installAppMenu();
    expect(lastMenuRoles()).toContain('toggleDevTools');
  });

  it('the menu speaks Swedish from the message files', () => {
    const labels = JSON.stringify((fake.menus.at(-1) as { template: unknown }).template);
    expect(labels).toContain('Redigera');
    expect(labels).not.toMatch(/menu\./);
  });

  it('windows of a packaged build cannot open developer tools', () => {
    fake.packaged = true;
    expect(secureWebPreferences('/app/preload.cjs').devTools).toBe(false);
    fake.packaged = false;
    expect(secureWebPreferences('/app/preload.cjs').devTools).toBe(true);
  });
});

describe('will-frame-navigate', () => {
  installSecurityGuards();
  const listeners = new Map<string, Listener>();
  const contents = { on: (event: string, fn: Listener) => listeners.set(event, fn), setWindowOpenHandler: () => {} };
  for (const created of fake.appListeners.get('web-contents-created') ?? []) created({}, contents);
  const refused = (url: string, isMainFrame: boolean) => {
    const event = { url, isMainFrame, preventDefault: vi.fn() };
    listeners.get('will-frame-navigate')!(event);
    return event.preventDefault.mock.calls.length > 0;
  };

  it('is guarded like will-navigate: frames stay inside the app', () => {
    expect(refused('https://evil.example/', true)).toBe(true);
    expect(refused('https://evil.example/', false)).toBe(true);
    expect(refused('file:///etc/passwd', false)).toBe(true);
    expect(refused('javascript:alert(1)', false)).toBe(true);
    expect(refused('app://other/index.html', false)).toBe(true);
    expect(refused('blob:https://evil.example/0b1c', false)).toBe(true);
    expect(refused('blob:app://mdk/0b1c', true)).toBe(true); // the main frame never leaves the app page
    expect(refused('app://mdk/index.html#/settings', true)).toBe(false);
    expect(refused('app://mdk/index.html', false)).toBe(false);
    expect(refused('blob:app://mdk/6f1e4c2a-4a8e-4f51-9d7e-1f0c2b3a4d5e', false)).toBe(false); // the PDF print frame
  });
});

describe('MDK_DATA_DIR in a packaged build', () => {
  const dirs: string[] = [];
  afterEach(() => {
    fake.emitApp('window-all-closed');
    fake.appListeners.delete('window-all-closed');
    while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
    delete process.env.MDK_DATA_DIR;
  });

  it('is ignored without the machine-wide policy: the app opens its own data folder', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'mdk-userdata-'));
    const elsewhere = mkdtempSync(join(tmpdir(), 'mdk-elsewhere-'));
    dirs.push(userData, elsewhere);
    fake.packaged = true;
    fake.userData = userData;
    process.env.MDK_DATA_DIR = elsewhere;
    (process as { resourcesPath?: string }).resourcesPath = projectRoot();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    startDesktopApp();
    await new Promise((r) => setTimeout(r, 100)); // whenReady
    // The core process is started on the app's own folder, not the one the variable names.
    expect(fake.forks.at(-1)!.received[0]).toMatchObject({ kind: 'start', dataDir: userData });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(policyFilePath()));
    warn.mockRestore();
    fake.emitApp('window-all-closed');
  });
});
