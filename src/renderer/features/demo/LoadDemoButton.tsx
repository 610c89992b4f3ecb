import { useState } from 'react';
import { useAppStore } from '../../app/store';
import { api } from '../../lib/api';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { JobsIndicator } from '../jobs/JobsIndicator';

/**
 * First run: loads the fictional demo unit; the app then shows the DEMO badge. The load takes a while,
 * so its progress shows beside the button as the header shows other long jobs' (the first-run screen
 * has no header).
 */
export function LoadDemoButton() {
  const t = useT();
  const refresh = useAppStore((s) => s.refresh);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function load() {
    setBusy(true);
    setError(null);
    try {
      await api.call('demo.load', {});
      await refresh();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="first-run-demo" aria-label={t('demo.load')}>
      <p>{t('demo.intro')}</p>
      <ErrorBanner error={error} />
      <button type="button" className="secondary" onClick={load} disabled={busy} aria-busy={busy}>
        {busy ? t('demo.loading') : t('demo.load')}
      </button>
      {busy && <JobsIndicator />}
    </section>
  );
}
