import { useEffect, useState } from 'react';
import { useT } from '../../i18n/useT';
import { isMessageKey } from '../../../shared/i18n';

/** Loaded on first use: the estimator's word lists are large and only these forms need them. */
const policy = () => import('../../../shared/domain/passphrase');

/**
 * The strength of a new passphrase as the user types (zxcvbn-ts, the core's own policy), with the
 * reason it would be refused. The core checks again when the form is sent.
 */
export function PassphraseStrength({ passphrase, userName = '', name = '' }: { passphrase: string; userName?: string; name?: string }) {
  const t = useT();
  const [verdict, setVerdict] = useState<{ score: number; messageKey: string | null; minimum: number } | null>(null);
  useEffect(() => {
    if (!passphrase) {
      setVerdict(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      void policy().then((p) => {
        const v = p.judgePassphrase(passphrase, userName, name);
        if (current) setVerdict({ score: v.score, messageKey: v.problem && p.PASSPHRASE_MESSAGE[v.problem], minimum: p.MIN_PASSPHRASE });
      });
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [passphrase, userName, name]);
  if (!verdict) return null;
  const label = t(`security.strength.${verdict.score}`);
  return (
    <div className={`passphrase-strength strength-${verdict.score}`} role="status" aria-live="polite">
      <meter min={0} max={4} low={2} high={3} optimum={4} value={verdict.score} aria-label={t('security.strength', { label })} />{' '}
      <span>{t('security.strength', { label })}</span>
      {verdict.messageKey && isMessageKey(verdict.messageKey) && <span className="field-hint"> · {t(verdict.messageKey, { minimum: verdict.minimum })}</span>}
    </div>
  );
}
