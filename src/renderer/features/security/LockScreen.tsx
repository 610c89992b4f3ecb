import { useState } from 'react';
import { api } from '../../lib/api';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, useFieldErrors } from '../../ui/Field';
import type { SessionUser } from '../../../shared/api/methods/security';
import { useAuthStore } from './authStore';
import { useSubmit } from '../../lib/useSubmit';

/**
 * Covers the whole window while the session is locked. The app stays mounted underneath (hidden and
 * inert), so a half-written form is still there after unlocking.
 */
export function LockScreen({ user }: { user: SessionUser }) {
  const t = useT();
  const [passphrase, setPassphrase] = useState('');
  const { submit, error, busy } = useSubmit(
    () => api.call('auth.unlock', { passphrase }),
    () => {
      setPassphrase('');
      void useAuthStore.getState().refresh();
    },
  );
  const fe = useFieldErrors(error);
  return (
    <div className="lock-screen" role="dialog" aria-modal="true" aria-labelledby="lock-title">
      <form className="card lock-card" onSubmit={submit}>
        <h1 id="lock-title">{t('auth.lockedTitle')}</h1>
        <p>{t('auth.lockedIntro', { name: user.name })}</p>
        <ErrorBanner error={error} />
        <Field label={t('auth.passphrase')} error={fe('passphrase')}>
          <input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="current-password" autoFocus />
        </Field>
        <div className="form-actions">
          <button className="primary" type="submit" disabled={busy}>
            {busy ? t('auth.working') : t('auth.unlock')}
          </button>
          <button className="link" type="button" onClick={() => void useAuthStore.getState().logout()}>
            {t('auth.signOutInstead')}
          </button>
        </div>
      </form>
    </div>
  );
}
