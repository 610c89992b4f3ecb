import { useState } from 'react';
import { api } from '../../lib/api';
import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { holidayOn } from '../../../shared/domain/holidays';
import { addMonths, isoWeek } from '../../../shared/domain/stockholm-time';
import { useCalendarStore } from './store';
import { useApiData } from '../../lib/useApiData';
import { DayEntries } from './MeetingChip';
import { addDays, DAY_NAMES, MONTH_NAMES, mondayOfWeek, todayStockholm } from './format';

/** A month as ISO weeks (Monday first), each row led by its week number. */
export function MonthView() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const { careAreaCode, version } = useCalendarStore();
  const today = todayStockholm();
  const [first, setFirst] = useState(`${today.slice(0, 7)}-01`);
  const gridStart = mondayOfWeek(first);
  const last = addDays(addMonths(first, 1), -1);
  const gridEnd = addDays(mondayOfWeek(last), 6);
  const { data, error } = useApiData(
    () => api.call('meetings.list', { careAreaCode: careAreaCode || undefined, from: gridStart, to: gridEnd }),
    [careAreaCode, gridStart, version],
  );
  const weeks: string[][] = [];
  for (let d = gridStart; d <= gridEnd; d = addDays(d, 7)) weeks.push(Array.from({ length: 7 }, (_, i) => addDays(d, i)));
  const title = `${MONTH_NAMES[lang][Number(first.slice(5, 7)) - 1]} ${first.slice(0, 4)}`;
  return (
    <section aria-label={title}>
      <div className="toolbar">
        <button type="button" onClick={() => setFirst(addMonths(first, -1))} aria-label={t('cal.prevMonth')}>
          ←
        </button>
        <h2 className="view-title month-title">{title}</h2>
        <button type="button" onClick={() => setFirst(addMonths(first, 1))} aria-label={t('cal.nextMonth')}>
          →
        </button>
        <button type="button" onClick={() => setFirst(`${today.slice(0, 7)}-01`)}>
          {t('cal.today')}
        </button>
      </div>
      <ErrorBanner error={error} />
      <table className="month-grid">
        <thead>
          <tr>
            <th scope="col" className="week-number">
              {t('cal.weekShort')}
            </th>
            {DAY_NAMES[lang].map((n) => (
              <th key={n} scope="col">
                {n}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((days) => (
            <tr key={days[0]}>
              <th scope="row" className="week-number">
                {isoWeek(days[0]).week}
              </th>
              {days.map((d) => {
                const holiday = holidayOn(d);
                return (
                  <td key={d} className={`${d.slice(0, 7) !== first.slice(0, 7) ? 'other-month' : ''}${d === today ? ' today' : ''}${holiday ? ' off' : ''}`}>
                    <div className="day-date">{Number(d.slice(8))}</div>
                    {holiday && <div className="holiday-name">{lang === 'sv' ? holiday.nameSv : holiday.nameEn}</div>}
                    <DayEntries date={d} data={data} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
