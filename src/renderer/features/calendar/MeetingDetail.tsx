import { useState } from 'react';
import { api } from '../../lib/api';
import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Page } from '../../ui/Page';
import { AttendancePanel } from './AttendancePanel';
import { CancelMeetingForm, MoveMeetingForm } from './MeetingChanges';
import { MeetingParticipants } from './MeetingParticipants';
import { RoleLimited } from '../security/RoleLimited';
import { useCalendarStore } from './store';
import { useApiData } from '../../lib/useApiData';
import { longDate } from './format';
import { downloadAll } from './ics';

/** One meeting: when, where, deadline, chair, capacity; cancel or move it; participants and attendance. */
export function MeetingDetail({ meetingId }: { meetingId: number }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const { version, changed } = useCalendarStore();
  const { data: m, error } = useApiData(() => api.call('meetings.get', { id: meetingId }), [meetingId, version]);
  const [mode, setMode] = useState<'none' | 'cancel' | 'move'>('none');
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);

  if (error)
    return (
      <Page title={t('mdkMeeting.title')}>
        <ErrorBanner error={error} />
      </Page>
    );
  if (!m)
    return (
      <Page title={t('mdkMeeting.title')}>
        <p className="muted">{t('common.loading')}</p>
      </Page>
    );

  const done = (text: string) => {
    setMode('none');
    setNotice(text);
    changed();
  };
  async function exportIcs() {
    try {
      setActionError(null);
      downloadAll((await api.call('meetings.exportIcs', { meetingId })).files);
    } catch (e) {
      setActionError(e);
    }
  }

  const open = m.status === 'planned';
  return (
    <Page
      title={`${m.seriesName ?? t('mdkMeeting.title')}: ${longDate(lang, m.localDate)}`}
      actions={
        <>
          <a className="button-link" href="#/calendar">
            {t('mdkMeeting.back')}
          </a>
          <button type="button" onClick={exportIcs}>
            {t('ics.exportMeeting')}
          </button>
          {open && (
            <>
              <RoleLimited method="meetings.move" label={t('mdkMeeting.move')}>
                <button type="button" onClick={() => setMode('move')}>
                  {t('mdkMeeting.move')}
                </button>
              </RoleLimited>
              <RoleLimited method="meetings.cancel" label={t('mdkMeeting.cancel')} className="danger">
                <button type="button" className="danger" onClick={() => setMode('cancel')}>
                  {t('mdkMeeting.cancel')}
                </button>
              </RoleLimited>
            </>
          )}
        </>
      }
    >
      {notice && (
        <p className="banner banner-ok" role="status">
          {notice}
        </p>
      )}
      <ErrorBanner error={actionError} />
      {m.status === 'cancelled' && (
        <p className="banner banner-error" role="status">
          {t('mdkMeeting.cancelledBecause', { reason: m.cancelReason ?? '' })}
        </p>
      )}
      {mode === 'cancel' && <CancelMeetingForm meeting={m} onDone={done} onClose={() => setMode('none')} />}
      {mode === 'move' && <MoveMeetingForm meeting={m} onDone={done} onClose={() => setMode('none')} />}
      <dl className="card facts">
        <dt>{t('cal.week')}</dt>
        <dd>{m.week}</dd>
        <dt>{t('cal.time')}</dt>
        <dd>
          {m.startTime}–{m.endTime} ({t('mdkMeeting.stockholmTime')})
        </dd>
        <dt>{t('cal.series')}</dt>
        <dd>{m.seriesName ?? '–'}</dd>
        <dt>{t('cal.deadline')}</dt>
        <dd>{m.deadlineLocal ? `${longDate(lang, m.deadlineLocal.date)} ${m.deadlineLocal.time}` : '–'}</dd>
        <dt>{t('cal.casesListed')}</dt>
        <dd>
          {m.caseCount} / {m.capacityCases ?? '–'} ({t('mdkMeeting.minutesPerCase', { minutes: m.minutesPerCase ?? '–' })})
        </dd>
        <dt>{t('series.chairUnit')}</dt>
        <dd>
          {m.chairUnitName ?? '–'}
          {m.chairName && ` (${m.chairName})`}
        </dd>
        <dt>{t('series.location')}</dt>
        <dd>{m.location ?? '–'}</dd>
        <dt>{t('series.videoLink')}</dt>
        <dd>
          {m.videoLink ? (
            <a href={m.videoLink} target="_blank" rel="noreferrer">
              {m.videoLink}
            </a>
          ) : (
            '–'
          )}
        </dd>
        {m.movedFromHoliday && (
          <>
            <dt>{t('mdkMeeting.moved')}</dt>
            <dd>{t('cal.movedFrom', { holiday: m.movedFromHoliday })}</dd>
          </>
        )}
        {m.movedReason && (
          <>
            <dt>{t('mdkMeeting.moved')}</dt>
            <dd>{m.movedReason}</dd>
          </>
        )}
      </dl>
      <AttendancePanel key={`${meetingId}-${version}`} meetingId={meetingId} />
      {open && <MeetingParticipants meeting={m} onChanged={changed} />}
    </Page>
  );
}
