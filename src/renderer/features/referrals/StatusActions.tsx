import { useState } from 'react';
import type { ReferralDetail } from '../../../shared/api/methods/referrals';
import { canTransition } from '../../../shared/domain/referral-status';
import { api } from '../../lib/api';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, useFieldErrors } from '../../ui/Field';

/** The status steps this feature owns: request completion, mark complete, withdraw (with reason), close. */
export function StatusActions({ referral, onChanged, onRequestText }: { referral: ReferralDetail; onChanged(): void; onRequestText(text: string): void }) {
  const t = useT();
  const [error, setError] = useState<unknown>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const fe = useFieldErrors(error);
  const can = (to: Parameters<typeof canTransition>[1]) => canTransition(referral.status, to);

  async function run(action: () => Promise<unknown>) {
    try {
      await action();
      setError(null);
      setWithdrawing(false);
      onChanged();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <div className="status-actions">
      <ErrorBanner error={error} />
      <div className="toolbar">
        {referral.missing.length > 0 && (can('awaiting_completion') || referral.status === 'awaiting_completion') && (
          <button
            type="button"
            className={referral.status === 'awaiting_completion' ? '' : 'primary'}
            onClick={() => run(async () => onRequestText((await api.call('referrals.requestCompletion', { id: referral.id })).text))}
          >
            {t('referral.requestCompletion')}
          </button>
        )}
        {can('complete') && (
          <button
            type="button"
            className="primary"
            disabled={referral.missing.length > 0}
            onClick={() => run(() => api.call('referrals.markComplete', { id: referral.id }))}
          >
            {t('referral.markComplete')}
          </button>
        )}
        {can('closed') && (
          <button type="button" onClick={() => run(() => api.call('referrals.close', { id: referral.id }))}>
            {t('referral.close')}
          </button>
        )}
        {can('withdrawn') && !withdrawing && (
          <button type="button" className="danger" onClick={() => setWithdrawing(true)}>
            {t('referral.withdraw')}
          </button>
        )}
      </div>
      {withdrawing && (
        <div className="card">
          <Field label={t('referral.withdrawReason')} error={fe('reason')} wide>
            <textarea value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <div className="form-actions">
            <button type="button" className="danger" onClick={() => run(() => api.call('referrals.withdraw', { id: referral.id, reason }))}>
              {t('referral.confirmWithdraw')}
            </button>
            <button type="button" onClick={() => setWithdrawing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
