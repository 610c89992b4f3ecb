/**
 * Team mode in the desktop shell. The first-start choice and the settings tab reach the main process
 * through `window.mdkConnection` (preload/connection.ts); the choice is kept in the desktop settings
 * (userData/connection.json) and takes effect at a restart. Connected, the shell starts no core (the
 * local database is neither created nor read) and opens the unit server's own page: its certificate
 * is pinned (`setCertificateVerifyProc`), its responses carry a CSP whose connect-src is that origin
 * only, and the page's preload offers nothing but the connection choice.
 */
import { app, ipcMain, session, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import { CONNECTION_CHANNELS, type ConnectionSetting, type ConnectionShell } from '../../shared/api/connection';
import { connectedCsp, pinnedVerifyProc } from '../server/connect';
import { CONNECTION_FILE, connectionService, readConnectionSetting } from '../server/connection-setting';
import { createMainWindow } from './window';
import { isAppUrl } from './url-allowlist';

export const connectionFilePath = () => join(app.getPath('userData'), CONNECTION_FILE);

/** The remembered choice (standalone when none was made). */
export const chosenConnection = (): ConnectionSetting => readConnectionSetting(connectionFilePath());

/** A page of the app itself, or of the connected server: where the window may be. */
export function ownPageRule(setting: ConnectionSetting): (url: string) => boolean {
  if (setting.mode !== 'server') return isAppUrl;
  return (raw) => {
    try {
      return new URL(raw).origin === setting.url;
    } catch {
      return false;
    }
  };
}

/**
 * The connection shell over IPC, for the app's top frame only. A choice that changes the mode or the
 * server restarts the app into it (`relaunch`).
 */
export function registerConnectionIpc(
  running: ConnectionSetting,
  service: ConnectionShell = connectionService(connectionFilePath()),
  relaunch = restartApp,
): void {
  const isOwnPage = ownPageRule(running);
  const trusted = (event: Pick<IpcMainInvokeEvent, 'senderFrame'>) =>
    !!event.senderFrame && event.senderFrame.parent === null && isOwnPage(event.senderFrame.url);
  const refused = () => Promise.reject(new Error('forbidden'));
  ipcMain.handle(CONNECTION_CHANNELS.current, (event) => (trusted(event) ? service.current() : refused()));
  ipcMain.handle(CONNECTION_CHANNELS.check, (event, address: unknown, fingerprint: unknown) =>
    trusted(event) ? service.check(String(address ?? ''), String(fingerprint ?? '')) : refused(),
  );
  ipcMain.handle(CONNECTION_CHANNELS.choose, async (event, choice: Parameters<ConnectionShell['choose']>[0]) => {
    if (!trusted(event)) return refused();
    const result = await service.choose(choice);
    if (result.ok) {
      const now = await service.current();
      const changed =
        now.mode !== running.mode ||
        (now.mode === 'server' && running.mode === 'server' && (now.url !== running.url || now.fingerprint !== running.fingerprint));
      if (changed) setTimeout(relaunch, 100); // after the answer reached the page
    }
    return result;
  });
}

function restartApp(): void {
  app.relaunch();
  app.exit(0);
}

/** Pins the server's certificate and sets the CSP of its responses (connect-src: that origin only). */
export function installConnectedSession(setting: Extract<ConnectionSetting, { mode: 'server' }>): void {
  const s = session.defaultSession;
  s.setCertificateVerifyProc(pinnedVerifyProc(setting.url, setting.fingerprint));
  const csp = connectedCsp(setting.url);
  s.webRequest.onHeadersReceived({ urls: [`${setting.url}/*`] }, (details, callback) => {
    const headers = Object.fromEntries(Object.entries(details.responseHeaders ?? {}).filter(([k]) => k.toLowerCase() !== 'content-security-policy'));
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [csp] } });
  });
}

/** The window of a connected app: the unit server's page, with the connection-only preload. */
export function createConnectedWindow(setting: Extract<ConnectionSetting, { mode: 'server' }>, preload: string): BrowserWindow {
  installConnectedSession(setting);
  return createMainWindow(preload, `${setting.url}/`);
}
