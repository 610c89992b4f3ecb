import { useState } from 'react';
import type { RestoreResult } from '../../../shared/api/methods/backup';
import { api } from '../../lib/api';
import { useApiData } from '../../lib/useApiData';
import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { formatTakenAt } from './format';
import { useAuthStore } from '../security/authStore';

/**
 * Shown instead of the app when the start-up check found the database damaged: says so plainly,
 * offers the newest backup that passes the full check, and restores it. Nothing else can be saved.
 */
export function RecoveryScreen() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const refresh = useAppStore((s) => s.refresh);
  const { data: status, error: loadError } = useApiData(() => api.call('recovery.status', {}), []);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [restored, setRestored] = useState<RestoreResult | null>(null);
  const [recoveryKey, setRecoveryKey] = useState('');
  const isAdministrator = useAuthStore((s) => s.status?.user?.role === 'administrator');

  const newest = status?.backups.find((b) => b.name === status.newestGood) ?? null;

  async function restore() {
    if (!newest) return;
    setBusy(true);
    setError(null);
    try {
      setRestored(await api.call('recovery.restore', { name: newest.name, recoveryKey: recoveryKey || null }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  // The language cannot be saved while the database is damaged; it changes on this screen only.
  const setLang = (l: 'sv' | 'en') => {
    useAppStore.setState({ lang: l });
    document.documentElement.lang = l;
  };

  return (
    <main className="first-run">
      <div className="card first-run-card">
        <div className="first-run-top">
          <h1>{t('recovery.title')}</h1>
          <div className="lang-switch" role="group" aria-label="Språk / Language">
            <button type="button" aria-pressed={lang === 'sv'} onClick={() => setLang('sv')}>
              Svenska
            </button>
            <button type="button" aria-pressed={lang === 'en'} onClick={() => setLang('en')}>
              English
            </button>
          </div>
        </div>
        <p>{t('recovery.explain')}</p>
        <ErrorBanner error={error ?? loadError} />
        {restored ? (
          <>
            <p className="banner banner-ok" role="status">
              {t('backup.restored', { name: newest ? formatTakenAt(newest.takenAt) : restored.restored, aside: restored.setAsideAs })}
            </p>
            <button type="button" className="primary" onClick={() => void refresh()}>
              {t('recovery.restart')}
            </button>
          </>
        ) : (
          status &&
          (newest ? (
            <>
              <p>{t('recovery.offer', { takenAt: formatTakenAt(newest.takenAt) })}</p>
              {!isAdministrator && (
                <label className="field">
                  <span>{t('recovery.recoveryKey')}</span>
                  <input value={recoveryKey} onChange={(e) => setRecoveryKey(e.target.value)} autoComplete="off" spellCheck={false} />
                </label>
              )}
              <button type="button" className="primary" onClick={() => void restore()} disabled={busy}>
                {t('recovery.restoreNewest')}
              </button>
            </>
          ) : (
            <p className="banner banner-warn">{t('recovery.noGood', { folder: status.folder })}</p>
          ))
        )}
        {status && status.problems.length > 0 && (
          <details>
            <summary>{t('recovery.details')}</summary>
            <pre className="recovery-details">{status.problems.join('\n')}</pre>
          </details>
        )}
      </div>
    </main>
  );
}
