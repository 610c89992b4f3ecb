import { createApiClient, type ApiClient, type Transport } from '../../shared/api/client';
import type { CallResult } from '../../shared/api/errors';

declare global {
  interface Window {
    /** Exposed by the Electron preload: the only bridge to the main process. */
    mdk?: { call(method: string, input: unknown): Promise<CallResult<unknown>> };
  }
}

const TOKEN_KEY = 'mdk.token';

/** Browser mode: the token comes once in the URL fragment (#token=…) and is kept for this tab. */
function browserToken(): string {
  const match = /token=([\w-]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + '#/');
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const sessionId = crypto.randomUUID();

function httpTransport(): Transport {
  const token = browserToken();
  return async (method, input) => {
    try {
      const res = await fetch('/api/call', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-mdk-token': token, 'x-mdk-session': sessionId },
        body: JSON.stringify({ method, input }),
      });
      return (await res.json()) as CallResult<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', messageKey: 'error.network' } };
    }
  };
}

function ipcTransport(): Transport {
  return (method, input) => window.mdk!.call(method, input);
}

/** The renderer's one API client; the same bundle runs in Electron (IPC) and in Chromium (HTTP). */
export const api: ApiClient = createApiClient(window.mdk ? ipcTransport() : httpTransport());
