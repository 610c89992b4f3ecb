import { useState } from 'react';
import { api } from '../../lib/api';
import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { useCalendarStore } from './store';
import { useSuggestion } from '../security/useCan';
import { useApiData } from '../../lib/useApiData';
import { addDays, longDate, todayStockholm } from './format';

/** Coming meetings with their deadline, cases listed against capacity, expected quorum, and skipped holidays. */
export function UpcomingList() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const { careAreaCode, version } = useCalendarStore();
  const noMeetings = useSuggestion('series.save', t('cal.noMeetings'), t('cal.noMeetingsInPeriod'));
  const [days, setDays] = useState(92);
  const from = todayStockholm();
  const to = addDays(from, days);
  const { data, error } = useApiData(() => api.call('meetings.list', { careAreaCode: careAreaCode || undefined, from, to }), [careAreaCode, from, to, version]);
  if (error) return <ErrorBanner error={error} />;
  if (!data) return <p className="muted">{t('common.loading')}</p>;
  const rows = [
    ...data.meetings.map((m) => ({ date: m.localDate, key: `m${m.id}`, m, s: null })),
    ...data.skipped.map((s) => ({ date: s.date, key: `s${s.seriesId}-${s.date}`, m: null, s })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <>
      {rows.length === 0 ? (
        <p className="card muted">{noMeetings}</p>
      ) : (
        <table className="table" aria-label={t('cal.tab.upcoming')}>
          <thead>
            <tr>
              <th>{t('cal.week')}</th>
              <th>{t('cal.date')}</th>
              <th>{t('cal.time')}</th>
              <th>{t('cal.series')}</th>
              <th>{t('cal.deadline')}</th>
              <th>{t('cal.casesListed')}</th>
              <th>{t('cal.quorum')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ key, m, s }) =>
              m ? (
                <tr key={key} className={`status-${m.status}`}>
                  <td>{m.week}</td>
                  <td>
                    <a href={`#/calendar/meeting/${m.id}`}>{longDate(lang, m.localDate)}</a>
                    {m.status === 'cancelled' && <span className="tag tag-danger">{t('cal.status.cancelled')}</span>}
                    {m.movedFromHoliday && <span className="tag">{t('cal.movedFrom', { holiday: m.movedFromHoliday })}</span>}
                    {m.movedReason && !m.movedFromHoliday && <span className="tag">{t('cal.moved')}</span>}
                  </td>
                  <td>
                    {m.startTime}–{m.endTime}
                  </td>
                  <td>{m.seriesName}</td>
                  <td>{m.deadlineLocal ? `${m.deadlineLocal.date} ${m.deadlineLocal.time}` : '–'}</td>
                  <td>
                    {m.caseCount} / {m.capacityCases ?? '–'}
                  </td>
                  <td>
                    {m.status === 'cancelled'
                      ? ''
                      : m.quorum.expectedMet
                        ? t('cal.quorumExpected')
                        : t('cal.quorumMissing', { roles: m.quorum.expectedMissingRoles.map((r) => t(`participantRole.${r}`)).join(', ') })}
                  </td>
                </tr>
              ) : (
                <tr key={key} className="skipped-row">
                  <td />
                  <td colSpan={6}>
                    {longDate(lang, s!.date)} – {t('cal.skippedHoliday', { holiday: lang === 'sv' ? s!.holidaySv : s!.holidayEn })} ({s!.seriesName})
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      <div className="toolbar">
        <button type="button" onClick={() => setDays(days + 92)}>
          {t('cal.showMore')}
        </button>
      </div>
    </>
  );
}
