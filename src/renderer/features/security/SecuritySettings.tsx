import { useState } from 'react';
import { api } from '../../lib/api';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, useFieldErrors } from '../../ui/Field';
import { useAuthStore } from './authStore';
import { useCan } from './useCan';
import { useSubmit } from '../../lib/useSubmit';
import { NewPassphraseFields } from './NewPassphraseFields';
import { RekeyPanel } from './RekeyPanel';

/** Every user changes their own passphrase here; administrators also set the auto-lock time and change the database key. */
export function SecuritySettings() {
  const canRekey = useCan('security.rekey');
  return (
    <div className="settings-section">
      {useCan('security.setAutoLock') && <AutoLockForm />}
      <ChangePassphraseForm />
      {canRekey && <RekeyPanel />}
    </div>
  );
}

function AutoLockForm() {
  const t = useT();
  const current = useAuthStore((s) => s.status?.autoLockMinutes ?? 10);
  const [minutes, setMinutes] = useState(String(current));
  const [saved, setSaved] = useState(false);
  const { submit, error, busy } = useSubmit(
    () => api.call('security.setAutoLock', { minutes: Number(minutes) }),
    () => {
      setSaved(true);
      void useAuthStore.getState().refresh();
    },
  );
  const fe = useFieldErrors(error);
  return (
    <form className="card" onSubmit={submit} aria-label={t('security.autoLock')}>
      <h2>{t('security.autoLock')}</h2>
      <ErrorBanner error={error} />
      <Field label={t('security.autoLockMinutes')} hint={t('security.autoLockHint')} error={fe('minutes')}>
        <input type="number" min={1} max={120} value={minutes} onChange={(e) => (setMinutes(e.target.value), setSaved(false))} />
      </Field>
      <div className="form-actions">
        <button className="primary" type="submit" disabled={busy}>
          {t('common.save')}
        </button>
      </div>
      {saved && <p className="banner banner-ok">{t('common.saved')}</p>}
    </form>
  );
}

function ChangePassphraseForm() {
  const t = useT();
  const empty = { current: '', passphrase: '', passphraseRepeat: '' };
  const [form, setForm] = useState(empty);
  const [saved, setSaved] = useState(false);
  const { submit, error, busy } = useSubmit(
    () => api.call('auth.changePassphrase', form),
    () => {
      setForm(empty);
      setSaved(true);
    },
  );
  const fe = useFieldErrors(error);
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => (setForm({ ...form, [k]: e.target.value }), setSaved(false));
  return (
    <form className="card" onSubmit={submit} aria-label={t('security.changePassphrase')}>
      <h2>{t('security.changePassphrase')}</h2>
      <ErrorBanner error={error} />
      <Field label={t('security.currentPassphrase')} error={fe('current')}>
        <input type="password" value={form.current} onChange={set('current')} autoComplete="current-password" />
      </Field>
      <NewPassphraseFields label={t('auth.newPassphrase')} value={form} set={set} fe={fe} />
      <div className="form-actions">
        <button className="primary" type="submit" disabled={busy}>
          {t('security.changePassphraseSubmit')}
        </button>
      </div>
      {saved && <p className="banner banner-ok">{t('security.passphraseChanged')}</p>}
    </form>
  );
}
