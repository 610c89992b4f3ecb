import { createStore } from '../../lib/stores';
import { csrfToken } from '../../lib/api';

/** Fired when another user's change reached the server (team mode); open lists reload quietly. */
export const DATA_CHANGED_EVENT = 'mdk:data-changed';

/** How often the change counter is asked for: others' changes show within 2 s. */
export const POLL_MS = 1_000;
/** A poll that has not answered by then counts as the server being unreachable (said within 5 s). */
const TIMEOUT_MS = 3_000;

export type Connection = 'online' | 'offline' | 'back';

export const useConnectionStore = createStore<{ connection: Connection }>(() => ({ connection: 'online' }));

/**
 * Team mode only (the unit server sets the CSRF cookie; Electron and browser mode have none): polls
 * the server's change counter, announces changes, and tracks whether the server can be reached.
 * Returns a stop function.
 */
export function startChangeWatch(): () => void {
  if (!csrfToken()) return () => {};
  let last: string | null = null;
  let stopped = false;
  let timer = 0;
  let backTimer = 0;
  const setConnection = (connection: Connection) => {
    if (useConnectionStore.getState().connection !== connection) useConnectionStore.setState({ connection });
  };
  async function poll() {
    try {
      const res = await fetch('/api/changes', { headers: { 'x-mdk-csrf': csrfToken() }, signal: AbortSignal.timeout(TIMEOUT_MS), cache: 'no-store' });
      if (useConnectionStore.getState().connection === 'offline') {
        setConnection('back');
        window.clearTimeout(backTimer);
        backTimer = window.setTimeout(() => setConnection('online'), 5_000);
      }
      if (res.ok) {
        const { generation } = (await res.json()) as { generation: string };
        if (last !== null && generation !== last) window.dispatchEvent(new Event(DATA_CHANGED_EVENT));
        last = generation;
      }
    } catch {
      window.clearTimeout(backTimer);
      setConnection('offline');
    } finally {
      if (!stopped) timer = window.setTimeout(() => void poll(), POLL_MS);
    }
  }
  void poll();
  return () => {
    stopped = true;
    window.clearTimeout(timer);
    window.clearTimeout(backTimer);
  };
}
