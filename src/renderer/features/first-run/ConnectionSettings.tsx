import { useEffect, useState } from 'react';
import type { ConnectionSetting } from '../../../shared/api/connection';
import { useT } from '../../i18n/useT';
import { ConnectServerForm } from './ConnectServerForm';
import { connectionShell } from './connectionShell';

/** Settings for administrators: which server this computer uses, another one, or back to standalone. */
export function ConnectionSettings() {
  const t = useT();
  const shell = connectionShell();
  const [current, setCurrent] = useState<ConnectionSetting | 'unavailable' | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    void shell?.current().then(setCurrent, () => setCurrent('unavailable'));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the shell does not change while the page lives
  }, []);
  if (!shell) return <p className="card">{t('connection.noShell')}</p>;
  if (current === 'unavailable') return <p className="card">{t('connection.unavailable')}</p>;
  if (!current) return null;
  async function standalone() {
    const result = await shell!.choose({ mode: 'standalone' });
    if (result.ok) {
      setCurrent({ mode: 'standalone' });
      setNote(t('connection.restarting'));
    }
  }
  return (
    <section className="card" aria-labelledby="connection-settings-title">
      <h2 id="connection-settings-title">{t('connection.settingsTitle')}</h2>
      <p>
        {current.mode === 'server'
          ? t('connection.currentServer', { url: current.url, fingerprint: current.fingerprint ?? t('connection.byCa') })
          : t('connection.currentStandalone')}
      </p>
      {note && (
        <div className="banner banner-ok" role="status">
          {note}
        </div>
      )}
      <h3>{t(current.mode === 'server' ? 'connection.changeServer' : 'connection.mode.server')}</h3>
      <ConnectServerForm shell={shell} />
      {current.mode === 'server' && (
        <div className="form-actions">
          <button type="button" onClick={() => void standalone()}>
            {t('connection.backToStandalone')}
          </button>
        </div>
      )}
    </section>
  );
}
