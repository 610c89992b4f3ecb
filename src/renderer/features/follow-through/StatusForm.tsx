import { useState } from 'react';
import {
  CLINICAL_DEVIATION_REASONS,
  DEVIATION_REASONS,
  IMPLEMENTATION_STATUSES,
  type DeviationReason,
  type ImplementationStatus,
} from '../../../shared/domain/follow-through';
import { api } from '../../lib/api';
import { useSubmit } from '../../lib/useSubmit';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, useFieldErrors } from '../../ui/Field';
import { DateInput } from '../../ui/DateTimeInputs';

/** Records the next implementation status of one case; a clinical deviation may send it back to the MDK. */
export function StatusForm({
  meetingId,
  referralId,
  today,
  onSaved,
}: {
  meetingId: number;
  referralId: number;
  today: string;
  onSaved(message: string): void;
}) {
  const t = useT();
  const [status, setStatus] = useState<ImplementationStatus | ''>('');
  const [reason, setReason] = useState<DeviationReason | ''>('');
  const [eventDate, setEventDate] = useState(today);
  const [nextCheckDate, setNextCheckDate] = useState('');
  const [note, setNote] = useState('');
  const [rediscuss, setRediscuss] = useState(false);
  const clinical = status === 'deviated' && reason !== '' && CLINICAL_DEVIATION_REASONS.includes(reason);
  const open = status === 'awaiting' || status === 'started';
  const { submit, error, busy } = useSubmit(
    () =>
      api.call('followThrough.record', {
        meetingId,
        referralId,
        status: status as ImplementationStatus,
        deviationReason: status === 'deviated' ? reason || null : null,
        eventDate,
        nextCheckDate: open ? nextCheckDate || null : null,
        note,
        rediscuss: clinical && rediscuss,
      }),
    (r) => onSaved(r.rediscussed ? t('followThrough.savedRediscuss') : t('followThrough.saved')),
  );
  const fe = useFieldErrors(error);
  return (
    <form className="status-form" onSubmit={submit} aria-label={t('followThrough.record')}>
      <ErrorBanner error={error} />
      <Field label={t('followThrough.status')} error={fe('status')}>
        <select value={status} onChange={(e) => setStatus(e.target.value as ImplementationStatus)}>
          <option value="">–</option>
          {IMPLEMENTATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`followThrough.status.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      {status === 'deviated' && (
        <Field label={t('followThrough.deviationReason')} error={fe('deviationReason')}>
          <select value={reason} onChange={(e) => setReason(e.target.value as DeviationReason)}>
            <option value="">–</option>
            {DEVIATION_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`followThrough.reason.${r}`)}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label={t('followThrough.eventDate')} error={fe('eventDate')}>
        <DateInput value={eventDate} onValue={(v) => setEventDate(v)} />
      </Field>
      {open && (
        <Field label={t('followThrough.nextCheckDate')} error={fe('nextCheckDate')}>
          <DateInput value={nextCheckDate} onValue={(v) => setNextCheckDate(v)} />
        </Field>
      )}
      <Field label={t('followThrough.note')} error={fe('note')}>
        <input value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      </Field>
      {clinical && (
        <label className="check">
          <input type="checkbox" checked={rediscuss} onChange={(e) => setRediscuss(e.target.checked)} />
          {t('followThrough.rediscuss')}
        </label>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('followThrough.record')}
        </button>
      </div>
    </form>
  );
}
