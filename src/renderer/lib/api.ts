import { createApiClient, type ApiClient, type Transport } from '../../shared/api/client';
import type { CallResult } from '../../shared/api/errors';
import { countCallsInFlight } from './calls-in-flight';

declare global {
  interface Window {
    /** Exposed by the Electron preload: the only bridge to the main process. */
    mdk?: { call(method: string, input: unknown): Promise<CallResult<unknown>> };
  }
}

/**
 * Browser mode: the launch token comes once in the address (#token=…). It leaves the address at once
 * and is traded for an HttpOnly cookie; the bridge refuses a second trade, so the copy the browser
 * keeps in its history is spent. A failed trade (the address opened again) keeps the cookie this
 * browser already has.
 */
async function exchangeLaunchToken(): Promise<void> {
  sessionStorage.removeItem('mdk.token'); // where older versions kept it
  const match = /token=([\w-]+)/.exec(window.location.hash);
  if (!match) return;
  history.replaceState(null, '', window.location.pathname + '#/');
  try {
    await fetch('/api/session', { method: 'POST', headers: { 'x-mdk-token': match[1] } });
  } catch {
    // Unreachable service: the first call reports it.
  }
}

const SESSION_KEY = 'mdk.session';

/** One session per tab, kept across a reload (sessionStorage), so a reload does not sign the user out. */
function tabSession(): string {
  const kept = sessionStorage.getItem(SESSION_KEY);
  if (kept && /^[\w-]{8,100}$/.test(kept)) return kept;
  const fresh = crypto.randomUUID();
  sessionStorage.setItem(SESSION_KEY, fresh);
  return fresh;
}

const sessionId = window.mdk ? '' : tabSession();

/** The unit server's CSRF token, from its same-site cookie; empty in browser mode and Electron. */
export function csrfToken(): string {
  return /(?:^|;\s*)__Host-mdk-csrf=([\w-]+)/.exec(document.cookie)?.[1] ?? '';
}

function httpTransport(): Transport {
  const connected = exchangeLaunchToken();
  return async (method, input) => {
    await connected;
    try {
      const res = await fetch('/api/call', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-mdk-session': sessionId, 'x-mdk-csrf': csrfToken() },
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

/** Fired when a call is refused because the session is locked or signed out (the lock screen listens). */
export const AUTH_EVENT = 'mdk:auth-refused';

/** Fired when the database turns out to be damaged after the window opened (App shows the recovery screen). */
export const DAMAGED_EVENT = 'mdk:database-damaged';

function watchAuth(transport: Transport): Transport {
  return async (method, input) => {
    const res = await transport(method, input);
    if (!res.ok && (res.error.code === 'locked' || res.error.code === 'unauthenticated')) window.dispatchEvent(new Event(AUTH_EVENT));
    if (!res.ok && res.error.code === 'database_damaged') window.dispatchEvent(new Event(DAMAGED_EVENT));
    return res;
  };
}

/** The renderer's one API client; the same bundle runs in Electron (IPC) and in Chromium (HTTP). */
export const api: ApiClient = createApiClient(countCallsInFlight(watchAuth(window.mdk ? ipcTransport() : httpTransport())));
