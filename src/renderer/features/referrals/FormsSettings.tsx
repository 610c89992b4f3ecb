import { useAppStore } from '../../app/store';
import { api } from '../../lib/api';
import { downloadFile } from '../../lib/files';
import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';

/** Settings tab "Anmälningsblanketter": the fillable registration form of each care area the unit takes. */
export function FormsSettings() {
  const t = useT();
  const reference = useAppStore((s) => s.reference)!;
  const info = useAppStore((s) => s.info)!;
  const lang = useAppStore((s) => s.lang);
  const own = info.workplace?.careAreaCodes;
  const areas = reference.careAreas.filter((a) => a.active && (!own || own.includes(a.code)));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function download(careAreaCode: string) {
    setBusy(true);
    try {
      downloadFile(await api.call('referralForms.pdf', { careAreaCode }));
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="settings-section forms">
      <p className="muted">{t('forms.settings.intro')}</p>
      <ul className="plain-list">
        {areas.map((a) => (
          <li key={a.code}>
            <button type="button" disabled={busy} onClick={() => void download(a.code)}>
              {t('forms.settings.download', { careArea: lang === 'sv' ? a.nameSv : a.nameEn })}
            </button>
          </li>
        ))}
      </ul>
      {error ? <ErrorBanner error={error} /> : null}
    </div>
  );
}
