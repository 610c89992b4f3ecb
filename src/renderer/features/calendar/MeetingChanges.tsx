import { useState } from 'react';
import type { MeetingDetail } from '../../../shared/api/methods/scheduling';
import { api } from '../../lib/api';
import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, useFieldErrors } from '../../ui/Field';
import { longDate } from './format';
import { FormActions } from '../../ui/FormActions';
import { DateInput, TimeInput } from '../../ui/DateTimeInputs';

interface Props {
  meeting: MeetingDetail;
  onDone(message: string): void;
  onClose(): void;
}

/** Cancel with a reason; says beforehand where the listed cases go (the next meeting) and afterwards what moved. */
export function CancelMeetingForm({ meeting, onDone, onClose }: Props) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const fe = useFieldErrors(error);
  const next = meeting.nextMeeting;
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    try {
      const res = await api.call('meetings.cancel', { id: meeting.id, reason });
      onDone(
        res.movedCases > 0 && res.toMeeting
          ? t('mdkMeeting.cancelledMoved', { count: res.movedCases, date: longDate(lang, res.toMeeting.localDate), time: res.toMeeting.startTime })
          : t('mdkMeeting.cancelledNoCases'),
      );
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form className="card" onSubmit={submit} aria-label={t('mdkMeeting.cancel')} noValidate>
      <h2>{t('mdkMeeting.cancel')}</h2>
      <p className={`banner ${meeting.caseCount > 0 ? 'banner-warn' : 'banner-ok'}`}>
        {meeting.caseCount === 0
          ? t('mdkMeeting.impactNone')
          : next
            ? t('mdkMeeting.impactRoll', { count: meeting.caseCount, date: longDate(lang, next.localDate), time: next.startTime })
            : t('mdkMeeting.impactNoNext', { count: meeting.caseCount })}
      </p>
      <ErrorBanner error={error} />
      <Field label={t('mdkMeeting.reason')} error={fe('reason')}>
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="danger">
          {t('mdkMeeting.confirmCancel')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Move to another day and time with a reason; listed cases follow the meeting. */
export function MoveMeetingForm({ meeting, onDone, onClose }: Props) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const [localDate, setDate] = useState(meeting.localDate);
  const [startTime, setTime] = useState(meeting.startTime);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const fe = useFieldErrors(error);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    try {
      const res = await api.call('meetings.move', { id: meeting.id, localDate, startTime, reason });
      const holiday = lang === 'sv' ? res.holidaySv : res.holidayEn;
      onDone(
        [
          t('mdkMeeting.movedTo', { date: longDate(lang, localDate), time: startTime }),
          res.caseCount > 0 ? t('mdkMeeting.casesFollow', { count: res.caseCount }) : '',
          holiday ? t('mdkMeeting.movedOntoHoliday', { holiday }) : '',
        ]
          .filter(Boolean)
          .join(' '),
      );
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form className="card form-grid" onSubmit={submit} aria-label={t('mdkMeeting.move')} noValidate>
      <h2 className="field-wide">{t('mdkMeeting.move')}</h2>
      {meeting.caseCount > 0 && <p className="banner banner-warn">{t('mdkMeeting.casesFollow', { count: meeting.caseCount })}</p>}
      <ErrorBanner error={error} />
      <Field label={t('mdkMeeting.newDate')} error={fe('localDate')}>
        <DateInput value={localDate} onValue={(v) => setDate(v)} />
      </Field>
      <Field label={t('mdkMeeting.newTime')} error={fe('startTime')}>
        <TimeInput value={startTime} onValue={(v) => setTime(v)} />
      </Field>
      <Field label={t('mdkMeeting.reason')} error={fe('reason')} wide>
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <FormActions submitLabel={t('mdkMeeting.confirmMove')} onCancel={onClose} />
    </form>
  );
}
