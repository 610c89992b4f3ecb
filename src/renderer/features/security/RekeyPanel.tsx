import { useState } from 'react';
import type { RekeyResult } from '../../../shared/api/methods/security';
import { api } from '../../lib/api';
import { useT } from '../../i18n/useT';
import { useSubmit } from '../../lib/useSubmit';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { RecoveryKeyActions } from './RecoveryKeyActions';

/**
 * Byt databasnyckel: asks first and says what it means (older backups keep the old key; a leaver's
 * copy no longer opens the database), then shows the new recovery key once. Offered in the security
 * settings and right after a user is deactivated (`leaver`).
 */
export function RekeyPanel({ leaver }: { leaver?: string }) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const [result, setResult] = useState<RekeyResult | null>(null);
  const { submit, error, busy } = useSubmit(() => api.call('security.rekey', {}), setResult);
  return (
    <section className="card" aria-label={t('security.rekey.title')}>
      <h2>{t('security.rekey.title')}</h2>
      <p className={leaver ? 'banner banner-ok' : undefined} role={leaver ? 'status' : undefined}>
        {leaver ? t('user.deactivatedOfferRekey', { name: leaver }) : t('security.rekey.intro')}
      </p>
      <ErrorBanner error={error} />
      {busy && <p role="status">{t('auth.working')}</p>}
      {result ? (
        <div role="status">
          <p className="banner banner-ok">{t('security.rekey.done')}</p>
          <p className="recovery-key" aria-label={t('auth.recoveryKey')}>
            <code>{result.recoveryKey}</code>
          </p>
          <RecoveryKeyActions recoveryKey={result.recoveryKey} />
          {result.serverKeyRemoved && <p className="banner banner-warn">{t('security.rekey.serverKeyRemoved')}</p>}
        </div>
      ) : (
        <div className="form-actions">
          <button type="button" onClick={() => setAsking(true)} disabled={busy}>
            {t('security.rekey.button')}
          </button>
        </div>
      )}
      {asking && (
        <ConfirmDialog
          title={t('security.rekey.confirmTitle')}
          onCancel={() => setAsking(false)}
          actions={[
            {
              label: t('security.rekey.confirm'),
              primary: true,
              onConfirm: () => {
                setAsking(false);
                void submit();
              },
            },
          ]}
        >
          <p>{t('security.rekey.confirmText')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
