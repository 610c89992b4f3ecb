import { useEffect, useRef } from 'react';
import { api, AUTH_EVENT } from '../../lib/api';
import { useAuthStore } from './authStore';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
/** How often the window asks whether the main process locked it (computer locked or asleep). */
const POLL_MS = 5_000;

/**
 * Auto-lock: locks this window after `autoLockMs` without keyboard or mouse activity, tells
 * the main process about activity (so a long typing session does not lock the session there), and
 * notices a lock decided elsewhere (sleep, screen lock, idle in the main process).
 */
export function useIdleLock(active: boolean): void {
  const autoLockMs = useAuthStore((s) => s.status?.autoLockMs ?? 600_000);
  const lastActivity = useRef(0);
  const lastTouch = useRef(0);

  useEffect(() => {
    const refresh = () => void useAuthStore.getState().refresh();
    window.addEventListener(AUTH_EVENT, refresh);
    const poll = window.setInterval(refresh, POLL_MS);
    return () => {
      window.removeEventListener(AUTH_EVENT, refresh);
      window.clearInterval(poll);
    };
  }, []);

  useEffect(() => {
    if (!active) return;
    lastActivity.current = Date.now();
    lastTouch.current = Date.now();
    const touchEvery = Math.max(1_000, Math.min(30_000, autoLockMs / 4));
    const onActivity = () => {
      const now = Date.now();
      lastActivity.current = now;
      if (now - lastTouch.current > touchEvery) {
        lastTouch.current = now;
        void api.call('auth.touch', {}).catch(() => {});
      }
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity.current >= autoLockMs)
        void useAuthStore
          .getState()
          .lock()
          .catch(() => {});
    }, 1_000);
    return () => {
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity);
      window.clearInterval(timer);
    };
  }, [active, autoLockMs]);
}
