import { useEffect, type ReactNode } from 'react';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { useAuthStore } from './authStore';
import { LockScreen } from './LockScreen';
import { RecoveryKeyNotice, SignInScreen } from './SignInScreens';
import { FirstStart } from '../first-run/FirstStart';
import { useIdleLock } from './useIdleLock';

/**
 * Nothing of the app renders before sign-in. Once signed in the app stays mounted; a lock
 * hides it (visibility, inert, aria-hidden) behind the lock screen instead of unmounting it.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const t = useT();
  const status = useAuthStore((s) => s.status);
  const loadError = useAuthStore((s) => s.loadError);
  const recoveryKey = useAuthStore((s) => s.recoveryKey);
  const refresh = useAuthStore((s) => s.refresh);
  const state = status?.state;
  useIdleLock(state === 'signedIn');

  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (!status) {
    if (loadError)
      return (
        <main className="first-run">
          <ErrorBanner error={loadError} />
        </main>
      );
    return (
      <main className="first-run" aria-busy="true">
        {t('common.loading')}
      </main>
    );
  }
  if (state === 'setup') return <FirstStart />;
  if (state === 'signedOut' || !status.user) return <SignInScreen />;
  if (recoveryKey) return <RecoveryKeyNotice recoveryKey={recoveryKey} />;
  const locked = state === 'locked';
  return (
    <>
      {/* Keyed by user: another user signing in on this window never sees the previous user's screens. */}
      <div key={status.user.id} className={locked ? 'app-hidden' : undefined} inert={locked} aria-hidden={locked || undefined}>
        {children}
      </div>
      {locked && <LockScreen user={status.user} />}
    </>
  );
}
