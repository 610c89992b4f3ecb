import { useEffect } from 'react';
import { useT } from '../../i18n/useT';
import { startChangeWatch, useConnectionStore } from './changeWatch';

/** Says when the unit server cannot be reached and when it is back; the page beneath keeps its state. */
export function ConnectionBanner() {
  const t = useT();
  const connection = useConnectionStore((s) => s.connection);
  useEffect(() => startChangeWatch(), []);
  if (connection === 'online') return null;
  return (
    <div className={`banner ${connection === 'offline' ? 'banner-error' : 'banner-ok'} connection-banner`} role="status" aria-live="polite">
      {t(connection === 'offline' ? 'team.offline' : 'team.backOnline')}
    </div>
  );
}
