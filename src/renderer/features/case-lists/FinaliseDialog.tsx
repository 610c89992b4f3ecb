import { useState } from 'react';
import { ApiError } from '../../../shared/api/errors';
import type { NotQuorate } from '../../../shared/api/methods/case-lists';
import { api } from '../../lib/api';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, useFieldErrors } from '../../ui/Field';
import { useCaseListStore } from './store';

/**
 * The chair's confirmation. The server decides quorum from the recorded attendance: when it refuses for
 * lack of quorum, the dialog names the missing roles and finalises only with the chair's reason.
 */
export function FinaliseDialog({ meetingId, onClose }: { meetingId: number; onClose(): void }) {
  const t = useT();
  const { load } = useCaseListStore();
  const [missing, setMissing] = useState<string[] | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fe = useFieldErrors(error);

  async function finalise(withoutQuorum?: { reason: string }) {
    setBusy(true);
    setError(null);
    try {
      await api.call('caseLists.finalise', { meetingId, withoutQuorum });
    } catch (e) {
      setBusy(false);
      // A refusal for lack of quorum opens the second step (the missing roles, a reason) instead of an error.
      if (e instanceof ApiError && e.messageKey === 'meeting.notQuorate') setMissing((e.issues ?? []).map((i) => String(i.params?.role ?? '')));
      else setError(e);
      return;
    }
    await load(meetingId);
    setBusy(false);
    onClose();
  }

  if (missing) {
    const roles = missing.map((r) => t(`participantRole.${r}`)).join(', ');
    return (
      <div className="banner banner-warn" role="alertdialog" aria-label={t('meeting.notQuorateTitle')}>
        <p>
          <strong>{t('meeting.notQuorateTitle')}</strong>
        </p>
        <p>{t('meeting.notQuorateMissing', { roles })}</p>
        <ErrorBanner error={error} />
        <Field label={t('meeting.notQuorateReason')} error={fe('withoutQuorum.reason')} wide>
          <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <div className="form-actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void finalise({ reason })}>
            {t('meeting.finaliseWithoutQuorum')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="banner banner-warn" role="alertdialog" aria-label={t('meeting.finalise')}>
      <p>{t('meeting.finaliseConfirm')}</p>
      <ErrorBanner error={error} />
      <div className="form-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void finalise()}>
          {t('meeting.finaliseYes')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

/** On the meeting's record: finalised without quorum, the roles that were missing and the chair's reason. */
export function NotQuorateRecord({ notQuorate }: { notQuorate: NotQuorate | null }) {
  const t = useT();
  if (!notQuorate) return null;
  const roles = notQuorate.missingRoles.map((r) => t(`participantRole.${r}`)).join(', ');
  return (
    <p className="banner banner-warn" role="note">
      {t('meeting.notQuorateRecord', { roles, reason: notQuorate.reason })}
    </p>
  );
}
