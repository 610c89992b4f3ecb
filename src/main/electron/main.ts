/**
 * The Electron shell: windows, app:// protocol, guards and IPC. The only code (with preload) that
 * imports `electron`. The core (SQLite, PDF, imports) runs in a utility process (core-process.ts);
 * this process creates windows and relays their calls to it.
 */
import { app, BrowserWindow, dialog, powerMonitor } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CoreClient } from '../host/core-client';
import { installSecurityGuards } from './security';
import { registerAppScheme, serveRenderer } from './protocol';
import { registerIpc } from './ipc';
import { registerFolderDialog } from './folder-dialog';
import { createMainWindow } from './window';
import { startCoreProcess } from './core-process';
import { desktopDataDir, policyFilePath } from '../data-dir-policy';
import { installAppMenu } from './menu';
import { chosenConnection, createConnectedWindow, ownPageRule, registerConnectionIpc } from './connection';

const here = dirname(fileURLToPath(import.meta.url));

export function startDesktopApp(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme();
  // Standalone (the default) or connected to the unit's server: chosen at first start, kept in the desktop settings.
  const connection = chosenConnection();
  installSecurityGuards(ownPageRule(connection));
  let core: CoreClient | null = null;
  let win: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  app.whenReady().then(async () => {
    installAppMenu();
    registerConnectionIpc(connection);
    if (connection.mode === 'server') {
      // No core: the local database is neither created nor read; the server's page is the app.
      win = createConnectedWindow(connection, join(here, '../preload/connected.cjs'));
      return;
    }
    const { dataDir, ignoredOverride } = desktopDataDir({ packaged: app.isPackaged, userData: app.getPath('userData') });
    if (ignoredOverride) console.warn(`MDK_DATA_DIR (${ignoredOverride}) används inte / is ignored: ${policyFilePath()} allows no override.`);
    const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : undefined;
    const started = startCoreProcess({ entry: join(here, 'core.js'), dataDir, resourcesDir });
    core = started;
    try {
      await started.ready;
    } catch (e) {
      dialog.showErrorBox('MDK Coordinator', (e as Error).message);
      app.quit();
      return;
    }
    // The app was closed while the core started: it is being stopped, so no window opens.
    if (core !== started) return;
    // A damaged database still opens the window: the renderer shows the recovery screen.
    registerFolderDialog();
    registerIpc(started.call);
    // A locked or sleeping computer locks every window; each asks for its passphrase again.
    const lockAll = () => core?.lockAll();
    for (const event of ['lock-screen', 'suspend', 'user-did-resign-active'] as const) powerMonitor.on(event as 'lock-screen', lockAll);
    serveRenderer(join(here, '../renderer'));
    win = createMainWindow(join(here, '../preload/index.cjs'));
  });

  app.on('window-all-closed', () => {
    const stopping = core?.stop() ?? Promise.resolve();
    core = null;
    void stopping.finally(() => app.quit());
  });
}
