import { useEffect, useState } from 'react';
import { useT } from '../../i18n/useT';
import { Card, SetupScreen } from '../security/SignInScreens';
import { ConnectServerForm } from './ConnectServerForm';
import { connectionShell } from './connectionShell';

type Mode = 'standalone' | 'server';

/**
 * The very first start of this computer: work on its own (today's default: the administrator's
 * account and a new encrypted database) or connect to the unit's server, in which case no local
 * database is made. A browser on the server's own page has nothing to choose.
 */
export function FirstStart() {
  const t = useT();
  const shell = connectionShell();
  const [mode, setMode] = useState<Mode>('standalone');
  const [saved, setSaved] = useState<{ address: string; fingerprint: string } | undefined>();
  useEffect(() => {
    void shell?.current().then(
      (c) => {
        if (c.mode !== 'server') return;
        setSaved({ address: c.url, fingerprint: c.fingerprint ?? '' });
        setMode('server');
      },
      () => {},
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- asked once, at the first start
  }, []);
  if (!shell) return <SetupScreen />;
  const choice = (
    <fieldset className="connection-choice">
      <legend>{t('connection.choiceLegend')}</legend>
      {(['standalone', 'server'] as const).map((m) => (
        <label key={m} className="check">
          <input type="radio" name="connection-mode" checked={mode === m} onChange={() => setMode(m)} />
          {t(`connection.mode.${m}`)}
        </label>
      ))}
    </fieldset>
  );
  if (mode === 'standalone') return <SetupScreen before={choice} />;
  return (
    <Card title={t('connection.title')}>
      {choice}
      <p>{t('connection.intro')}</p>
      <ConnectServerForm key={saved?.address} shell={shell} initial={saved} />
    </Card>
  );
}
