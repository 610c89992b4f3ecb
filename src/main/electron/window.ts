import { BrowserWindow } from 'electron';
import { secureWebPreferences } from './security';
import { APP_ORIGIN } from './url-allowlist';

/** The app's window; `url` is the unit server's page when connected (team mode). */
export function createMainWindow(preload: string, url = `${APP_ORIGIN}/index.html`): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 1000,
    minHeight: 640,
    title: 'MDK Coordinator',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preload),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(url);
  return win;
}
