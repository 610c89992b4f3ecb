import { useEffect } from 'react';
import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/useT';
import { Page } from '../../ui/Page';
import { useCalendarStore } from './store';
import { UpcomingList } from './UpcomingList';
import { WeekView } from './WeekView';
import { MonthView } from './MonthView';
import { SeriesList } from './SeriesList';
import { SeriesEditor } from './SeriesEditor';
import { PeopleList } from './PeopleList';
import { MeetingDetail } from './MeetingDetail';
import './calendar.css';

const TABS = [
  { id: 'upcoming', key: 'cal.tab.upcoming' },
  { id: 'week', key: 'cal.tab.week' },
  { id: 'month', key: 'cal.tab.month' },
  { id: 'series', key: 'cal.tab.series' },
  { id: 'people', key: 'cal.tab.people' },
] as const;

/** #/calendar[/week|/month|/series[/id|/new]|/people|/meeting/id]: the MDK calendar. */
export function CalendarPage({ segments }: { segments: string[] }) {
  const t = useT();
  const tab = segments[1] ?? 'upcoming';
  if (tab === 'meeting' && segments[2]) return <MeetingDetail meetingId={Number(segments[2])} />;
  if (tab === 'series' && segments[2]) return <SeriesEditor seriesId={segments[2] === 'new' ? null : Number(segments[2])} />;
  return (
    <Page title={t('nav.calendar')} actions={<CareAreaPicker />}>
      <nav className="tabs" aria-label={t('nav.calendar')}>
        {TABS.map((x) => (
          <a key={x.id} href={`#/calendar/${x.id}`} aria-current={x.id === tab ? 'page' : undefined}>
            {t(x.key)}
          </a>
        ))}
      </nav>
      {tab === 'week' ? (
        <WeekView />
      ) : tab === 'month' ? (
        <MonthView />
      ) : tab === 'series' ? (
        <SeriesList />
      ) : tab === 'people' ? (
        <PeopleList />
      ) : (
        <UpcomingList />
      )}
    </Page>
  );
}

/** The care area shown; defaults to the workplace's first one. Empty = all. */
export function CareAreaPicker() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const reference = useAppStore((s) => s.reference);
  const workplace = useAppStore((s) => s.info?.workplace);
  const { careAreaCode, setCareArea } = useCalendarStore();
  useEffect(() => {
    if (!careAreaCode && workplace?.careAreaCodes[0]) setCareArea(workplace.careAreaCodes[0]);
  }, [careAreaCode, workplace, setCareArea]);
  const areas = (reference?.careAreas ?? []).filter((a) => !workplace || workplace.careAreaCodes.includes(a.code));
  return (
    <label className="inline-field">
      <span>{t('cal.careArea')}</span>
      <select value={careAreaCode} onChange={(e) => setCareArea(e.target.value)}>
        {areas.map((a) => (
          <option key={a.code} value={a.code}>
            {lang === 'sv' ? a.nameSv : a.nameEn}
          </option>
        ))}
      </select>
    </label>
  );
}
