import { useState } from 'react';
import type { ConnectCheck, ConnectionShell } from '../../../shared/api/connection';
import { useT } from '../../i18n/useT';
import { Field } from '../../ui/Field';

/**
 * The unit server's address and the fingerprint the administrator gave; "Kontrollera" connects once
 * and shows the fingerprint the server presents, "Anslut" remembers the choice (only after a passing
 * check) and opens the server. Serves the first start and the settings tab alike.
 */
export function ConnectServerForm({ shell, initial }: { shell: ConnectionShell; initial?: { address: string; fingerprint: string } }) {
  const t = useT();
  const [address, setAddress] = useState(initial?.address ?? '');
  const [fingerprint, setFingerprint] = useState(initial?.fingerprint ?? '');
  const [check, setCheck] = useState<ConnectCheck | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setFailed(false);
    try {
      await action();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }
  const checkServer = () => run(async () => setCheck(await shell.check(address, fingerprint)));
  const connect = () =>
    run(async () => {
      const result = await shell.choose({ mode: 'server', address, fingerprint });
      if (!result.ok) return setCheck(result.check);
      // Browser mode goes to the server's page; the desktop app restarts into it by itself.
      if (result.open && !window.mdkConnection) window.location.assign(result.open);
    });

  const fieldError = (reason: string) => (check && !check.ok && check.reason === reason ? t(`connection.check.${reason}`) : null);
  return (
    <form
      className="connect-server"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void (check?.ok ? connect() : checkServer());
      }}
    >
      <Field label={t('connection.address')} hint={t('connection.addressHint')} error={fieldError('invalidAddress')}>
        <input value={address} onChange={(e) => (setAddress(e.target.value), setCheck(null))} autoComplete="url" inputMode="url" />
      </Field>
      <Field label={t('connection.fingerprint')} hint={t('connection.fingerprintHint')} error={fieldError('invalidFingerprint')}>
        <input value={fingerprint} onChange={(e) => (setFingerprint(e.target.value), setCheck(null))} spellCheck={false} autoComplete="off" />
      </Field>
      {check && (check.ok || !['invalidAddress', 'invalidFingerprint'].includes(check.reason)) && (
        <div className={`banner ${check.ok ? 'banner-ok' : 'banner-error'}`} role={check.ok ? 'status' : 'alert'}>
          <p>{t(check.ok ? (fingerprint.trim() ? 'connection.check.ok' : 'connection.check.okByCa') : `connection.check.${check.reason}`)}</p>
          {'fingerprint' in check && check.fingerprint && (
            <p>
              {t('connection.serverFingerprint')} <code className="fingerprint">{check.fingerprint}</code>
            </p>
          )}
        </div>
      )}
      {failed && (
        <div className="banner banner-error" role="alert">
          {t('connection.check.unreachable')}
        </div>
      )}
      <div className="form-actions">
        <button type="button" disabled={busy} onClick={() => void checkServer()}>
          {t('connection.checkButton')}
        </button>
        <button className="primary" type="submit" disabled={busy || !check?.ok}>
          {t('connection.connect')}
        </button>
      </div>
    </form>
  );
}
