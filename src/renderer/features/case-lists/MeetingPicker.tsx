import { useDataChanged } from '../team/useDataChanged';
import type { MeetingSummary } from '../../../shared/api/methods/case-lists';
import { api } from '../../lib/api';
import { useApiData } from '../../lib/useApiData';
import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Page } from '../../ui/Page';
import { stockholmClock } from './format';
import { useSuggestion } from '../security/useCan';

/** Coming meetings of the workplace's care areas, with how full each list is. */
export function MeetingPicker() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const areas = useAppStore((s) => s.reference?.careAreas ?? []);
  const { data: meetings, error, reload } = useApiData(() => api.call('caseLists.meetings', {}), []);
  const noMeetings = useSuggestion('series.save', t('caseList.noMeetings'), t('caseList.noMeetingsYet'));
  // Again when another user's change reached the unit server (team mode), e.g. a case added to a list.
  useDataChanged(reload);
  const areaName = (code: string) => {
    const a = areas.find((x) => x.code === code);
    return a ? (lang === 'sv' ? a.nameSv : a.nameEn) : code;
  };
  const statusOf = (m: MeetingSummary) =>
    m.status === 'finalised' ? t('caseList.statusFinalised') : m.lockedAt ? t('caseList.statusLocked') : t('caseList.statusOpen');
  return (
    <Page title={t('caseList.title')}>
      <ErrorBanner error={error} />
      {meetings && meetings.length === 0 && <p className="muted">{noMeetings}</p>}
      {meetings && meetings.length > 0 && (
        <table className="table">
          <caption className="sr-only">{t('caseList.pickMeeting')}</caption>
          <thead>
            <tr>
              <th>{t('caseList.date')}</th>
              <th>{t('caseList.time')}</th>
              <th>{t('caseList.careArea')}</th>
              <th>{t('caseList.cases')}</th>
              <th>{t('caseList.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {meetings.map((m) => (
              <tr key={m.id}>
                <td>{m.localDate}</td>
                <td>{stockholmClock(m.startsAt)}</td>
                <td>{areaName(m.careAreaCode)}</td>
                <td>
                  {m.caseCount}
                  {m.capacityCases ? ` / ${m.capacityCases}` : ''}
                </td>
                <td>{statusOf(m)}</td>
                <td>
                  <a href={`#/case-lists/${m.id}`} aria-label={`${t('caseList.open')} ${m.localDate} ${areaName(m.careAreaCode)}`}>
                    {t('caseList.open')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
