import { app, session, shell, type WebContents } from 'electron';
import { isAllowedExternalUrl, isAllowedFrameNavigation, isAppUrl } from './url-allowlist';

/** Web preferences for every window (Electron's security checklist). */
export function secureWebPreferences(preload: string): Electron.WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    // No developer tools in a packaged build (the menu offers none either: menu-template.ts).
    devTools: !app.isPackaged,
  };
}

/**
 * Denies navigation away from the app, window.open, webviews and permission requests, once, globally.
 * `isOwnPage` is the app's own pages: app:// or, connected (team mode), the unit server's origin.
 */
export function installSecurityGuards(isOwnPage: (url: string) => boolean = isAppUrl): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isOwnPage(url)) event.preventDefault();
    });
    // Sub-frames too (will-navigate sees the main frame only).
    contents.on('will-frame-navigate', (event) => {
      if (!isAllowedFrameNavigation(event.url, event.isMainFrame, isOwnPage)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isOwnPage(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
  });
}
