import { useState, type ReactNode } from 'react';
import { RecoveryKeyActions } from './RecoveryKeyActions';
import { api } from '../../lib/api';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, useFieldErrors } from '../../ui/Field';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useAuthStore } from './authStore';
import { useSubmit } from '../../lib/useSubmit';
import { NewPassphraseFields } from './NewPassphraseFields';

export function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="first-run">
      <div className="card first-run-card" role="region" aria-labelledby="auth-title">
        <div className="first-run-top">
          <h1 id="auth-title">{title}</h1>
          <LanguageSwitch />
        </div>
        {children}
      </div>
    </main>
  );
}

/** First start: the administrator's account; the database is created encrypted with a new key. */
export function SetupScreen({ before }: { before?: ReactNode }) {
  const t = useT();
  const [form, setForm] = useState({ name: '', userName: '', passphrase: '', passphraseRepeat: '' });
  const { submit, error, busy } = useSubmit(
    () => api.call('auth.setup', form),
    (res) => {
      useAuthStore.getState().setRecoveryKey(res.recoveryKey);
      void useAuthStore.getState().refresh();
    },
  );
  const fe = useFieldErrors(error);
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [k]: e.target.value });
  return (
    <Card title={t('auth.setupTitle')}>
      {before}
      <p>{t('auth.setupIntro')}</p>
      <form onSubmit={submit}>
        <ErrorBanner error={error} />
        <Field label={t('user.name')} error={fe('name')}>
          <input value={form.name} onChange={set('name')} autoComplete="name" />
        </Field>
        <Field label={t('user.userName')} hint={t('user.userNameHint')} error={fe('userName')}>
          <input value={form.userName} onChange={set('userName')} autoComplete="username" />
        </Field>
        <NewPassphraseFields label={t('auth.passphrase')} value={form} set={set} fe={fe} userName={form.userName} name={form.name} />
        <div className="form-actions">
          <button className="primary" type="submit" disabled={busy}>
            {busy ? t('auth.working') : t('auth.createAdmin')}
          </button>
        </div>
      </form>
    </Card>
  );
}

/** The recovery key, shown exactly once; the only way back in if every passphrase is forgotten. */
export function RecoveryKeyNotice({ recoveryKey }: { recoveryKey: string }) {
  const t = useT();
  const [stored, setStored] = useState(false);
  return (
    <Card title={t('auth.recoveryTitle')}>
      <p>{t('auth.recoveryIntro')}</p>
      <p className="recovery-key" aria-label={t('auth.recoveryKey')}>
        <code>{recoveryKey}</code>
      </p>
      <RecoveryKeyActions recoveryKey={recoveryKey} />
      <p className="banner banner-warn">{t('auth.recoveryWarning')}</p>
      <label className="check">
        <input type="checkbox" checked={stored} onChange={(e) => setStored(e.target.checked)} />
        {t('auth.recoveryStored')}
      </label>
      <div className="form-actions">
        <button className="primary" type="button" disabled={!stored} onClick={() => useAuthStore.getState().setRecoveryKey(null)}>
          {t('auth.continue')}
        </button>
      </div>
    </Card>
  );
}

export function SignInScreen() {
  const t = useT();
  const [recovering, setRecovering] = useState(false);
  const [form, setForm] = useState({ userName: '', passphrase: '' });
  const { submit, error, busy } = useSubmit(
    () => api.call('auth.login', form),
    () => void useAuthStore.getState().refresh(),
  );
  const fe = useFieldErrors(error);
  if (recovering) return <RecoverScreen onCancel={() => setRecovering(false)} />;
  return (
    <Card title={t('auth.signInTitle')}>
      <form onSubmit={submit}>
        <ErrorBanner error={error} />
        <Field label={t('user.userName')} error={fe('userName')}>
          <input value={form.userName} onChange={(e) => setForm({ ...form, userName: e.target.value })} autoComplete="username" autoFocus />
        </Field>
        <Field label={t('auth.passphrase')} error={fe('passphrase')}>
          <input type="password" value={form.passphrase} onChange={(e) => setForm({ ...form, passphrase: e.target.value })} autoComplete="current-password" />
        </Field>
        <div className="form-actions">
          <button className="primary" type="submit" disabled={busy}>
            {busy ? t('auth.working') : t('auth.signIn')}
          </button>
          <button className="link" type="button" onClick={() => setRecovering(true)}>
            {t('auth.forgot')}
          </button>
        </div>
      </form>
    </Card>
  );
}

function RecoverScreen({ onCancel }: { onCancel(): void }) {
  const t = useT();
  const [form, setForm] = useState({ recoveryKey: '', userName: '', passphrase: '', passphraseRepeat: '' });
  const { submit, error, busy } = useSubmit(
    () => api.call('auth.recover', form),
    () => void useAuthStore.getState().refresh(),
  );
  const fe = useFieldErrors(error);
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [k]: e.target.value });
  return (
    <Card title={t('auth.recoverTitle')}>
      <p>{t('auth.recoverIntro')}</p>
      <form onSubmit={submit}>
        <ErrorBanner error={error} />
        <Field label={t('auth.recoveryKey')} error={fe('recoveryKey')}>
          <input value={form.recoveryKey} onChange={set('recoveryKey')} autoComplete="off" spellCheck={false} />
        </Field>
        <Field label={t('user.userName')} error={fe('userName')}>
          <input value={form.userName} onChange={set('userName')} autoComplete="username" />
        </Field>
        <NewPassphraseFields label={t('auth.newPassphrase')} value={form} set={set} fe={fe} userName={form.userName} />
        <div className="form-actions">
          <button className="primary" type="submit" disabled={busy}>
            {t('auth.recoverSubmit')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Card>
  );
}
