/**
 * The Electron shell: windows, app:// protocol, guards and IPC. The only code (with preload) that
 * imports `electron`; everything it serves comes from the plain-Node core.
 */
import { app, BrowserWindow, dialog, powerMonitor } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, type Core } from '../core';
import { setResourcesDir } from '../paths';
import { installSecurityGuards } from './security';
import { registerAppScheme, serveRenderer } from './protocol';
import { registerIpc } from './ipc';
import { createMainWindow } from './window';
import { ApiError } from '../../shared/api/errors';
import { describeError } from '../../shared/i18n/describe-error';
import { startBackupScheduler } from '../services/backup/scheduler';

const here = dirname(fileURLToPath(import.meta.url));

export function startDesktopApp(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme();
  installSecurityGuards();
  let core: Core | null = null;
  let win: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  app.whenReady().then(() => {
    if (app.isPackaged) setResourcesDir(join(process.resourcesPath, 'resources'));
    const dataDir = process.env.MDK_DATA_DIR ?? app.getPath('userData');
    try {
      core = createCore({ dataDir, holdDataFolder: true });
    } catch (e) {
      dialog.showErrorBox('MDK Coordinator', e instanceof ApiError ? describeError('sv', e) : String(e));
      app.quit();
      return;
    }
    // A damaged database still opens the window: the renderer shows the recovery screen.
    const backups = startBackupScheduler(core);
    app.on('will-quit', () => backups.stop());
    registerIpc(core.router);
    // Issue 7: a locked or sleeping computer locks every window; each asks for its passphrase again.
    const lockAll = () => core?.security.sessions.lockAll();
    for (const event of ['lock-screen', 'suspend', 'user-did-resign-active'] as const) powerMonitor.on(event as 'lock-screen', lockAll);
    serveRenderer(join(here, '../renderer'));
    win = createMainWindow(join(here, '../preload/index.cjs'));
  });

  app.on('window-all-closed', () => {
    core?.close();
    app.quit();
  });
}
