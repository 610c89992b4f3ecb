import { createStore } from '../../lib/stores';
import type { AuthStatus, SessionUser } from '../../../shared/api/methods/security';
import { api, DAMAGED_EVENT } from '../../lib/api';
import { afterUserChange } from './userChange';

interface AuthState {
  status: AuthStatus | null;
  /** Shown once after setup, until the administrator confirms it is stored safely. */
  recoveryKey: string | null;
  loadError: unknown;
  refresh(): Promise<void>;
  signedIn(user: SessionUser): Promise<void>;
  lock(): Promise<void>;
  logout(): Promise<void>;
  setRecoveryKey(key: string | null): void;
}

/** Who is signed in on this window and whether it is locked. */
export const useAuthStore = createStore<AuthState>((set, get) => ({
  status: null,
  recoveryKey: null,
  loadError: null,
  async refresh() {
    try {
      const status = await api.call('auth.status', {});
      if (status.databaseDamaged) window.dispatchEvent(new Event(DAMAGED_EVENT));
      const before = get().status;
      // Polling returns a new object each time; keep the old one when nothing changed, so nothing re-renders.
      if (!before || before.state !== status.state || before.user?.id !== status.user?.id || before.autoLockMs !== status.autoLockMs) {
        afterUserChange(before, status);
        set({ status });
      }
      set({ loadError: null });
    } catch (e) {
      set({ loadError: e });
    }
  },
  async signedIn() {
    await get().refresh();
  },
  async lock() {
    await api.call('auth.lock', {});
    await get().refresh();
  },
  async logout() {
    await api.call('auth.logout', {});
    await get().refresh();
  },
  setRecoveryKey(recoveryKey) {
    set({ recoveryKey });
  },
}));
