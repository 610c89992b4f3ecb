import type { ConnectionShell } from '../../../shared/api/connection';
import { csrfToken } from '../../lib/api';

declare global {
  interface Window {
    /** Exposed by the Electron preload (preload/connection.ts): the connection choice of this computer. */
    mdkConnection?: ConnectionShell;
  }
}

async function postJson<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await res.json()) as T;
}

/** Browser mode: the loopback bridge keeps the choice (src/main/transport/connection-endpoints.ts). */
const bridgeShell: ConnectionShell = {
  current: async () => (await fetch('/api/connection', { cache: 'no-store' })).json(),
  check: (address, fingerprint) => postJson('/api/connection/check', { address, fingerprint }),
  choose: (choice) => postJson('/api/connection/choose', choice),
};

/**
 * Where this computer's connection choice is kept: the Electron shell, or browser mode's bridge. A
 * browser on the unit server's own page has none (it is already connected; nothing to remember).
 */
export function connectionShell(): ConnectionShell | null {
  if (window.mdkConnection) return window.mdkConnection;
  if (window.mdk || csrfToken()) return null;
  return bridgeShell;
}
