import { useState } from 'react';
import { api } from '../../lib/api';
import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { holidayOn } from '../../../shared/domain/holidays';
import { isoWeek } from '../../../shared/domain/stockholm-time';
import { useCalendarStore } from './store';
import { useApiData } from '../../lib/useApiData';
import { DayEntries } from './MeetingChip';
import { addDays, dayName, mondayOfWeek, todayStockholm } from './format';

/** One ISO week, Monday first, with the week number as Swedes plan ("vecka 48"). */
export function WeekView() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const { careAreaCode, version } = useCalendarStore();
  const today = todayStockholm();
  const [monday, setMonday] = useState(mondayOfWeek(today));
  const sunday = addDays(monday, 6);
  const { data, error } = useApiData(
    () => api.call('meetings.list', { careAreaCode: careAreaCode || undefined, from: monday, to: sunday }),
    [careAreaCode, monday, version],
  );
  const { week, weekYear } = isoWeek(monday);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  return (
    <section aria-label={t('cal.weekTitle', { week, year: weekYear })}>
      <div className="toolbar">
        <button type="button" onClick={() => setMonday(addDays(monday, -7))} aria-label={t('cal.prevWeek')}>
          ←
        </button>
        <h2 className="view-title">{t('cal.weekTitle', { week, year: weekYear })}</h2>
        <button type="button" onClick={() => setMonday(addDays(monday, 7))} aria-label={t('cal.nextWeek')}>
          →
        </button>
        <button type="button" onClick={() => setMonday(mondayOfWeek(today))}>
          {t('cal.today')}
        </button>
      </div>
      <ErrorBanner error={error} />
      <div className="week-grid">
        {days.map((d) => {
          const holiday = holidayOn(d);
          return (
            <div
              key={d}
              className={`week-day${d === today ? ' today' : ''}${holiday || d >= addDays(monday, 5) ? ' off' : ''}`}
              role="group"
              aria-label={`${dayName(lang, d)} ${d}`}
            >
              <div className="day-head">
                <span className="day-name">{dayName(lang, d)}</span>{' '}
                <span className="day-date">
                  {Number(d.slice(8))}/{Number(d.slice(5, 7))}
                </span>
                {holiday && <div className="holiday-name">{lang === 'sv' ? holiday.nameSv : holiday.nameEn}</div>}
              </div>
              <DayEntries date={d} data={data} />
            </div>
          );
        })}
      </div>
    </section>
  );
}
