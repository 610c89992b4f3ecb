import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Router } from '../router/router';
import { isAppUrl } from './url-allowlist';

export const IPC_CHANNEL = 'mdk:call';

/** Only the app's own top frame may call the API. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

export function registerIpc(router: Router): void {
  ipcMain.handle(IPC_CHANNEL, async (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event)) {
      return { ok: false, error: { code: 'forbidden', messageKey: 'error.forbidden' } };
    }
    return router(String(method), input, `window-${event.sender.id}`);
  });
}
