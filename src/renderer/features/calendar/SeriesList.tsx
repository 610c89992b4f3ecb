import { RoleLimited } from '../security/RoleLimited';
import { api } from '../../lib/api';
import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { useCalendarStore } from './store';
import { useApiData } from '../../lib/useApiData';
import { DAY_NAMES, longDate } from './format';
import { downloadAll } from './ics';
import { useState } from 'react';

/** The care area's conference series, with their rhythm and next meeting. */
export function SeriesList() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const { careAreaCode, version } = useCalendarStore();
  const { data, error } = useApiData(() => api.call('series.list', { careAreaCode: careAreaCode || undefined }), [careAreaCode, version]);
  const [exportError, setExportError] = useState<unknown>(null);
  async function exportSeries(seriesId: number) {
    try {
      setExportError(null);
      downloadAll((await api.call('meetings.exportIcs', { seriesId })).files);
    } catch (e) {
      setExportError(e);
    }
  }
  return (
    <>
      <div className="toolbar">
        <RoleLimited method="series.save" label={t('series.new')} className="primary">
          <a className="button-link primary" href="#/calendar/series/new">
            {t('series.new')}
          </a>
        </RoleLimited>
      </div>
      <ErrorBanner error={error ?? exportError} />
      {data && data.length === 0 && <p className="card muted">{t('series.none')}</p>}
      {data && data.length > 0 && (
        <table className="table" aria-label={t('cal.tab.series')}>
          <thead>
            <tr>
              <th>{t('series.name')}</th>
              <th>{t('series.rhythm')}</th>
              <th>{t('series.nextMeeting')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data.map((s) => (
              <tr key={s.id}>
                <td>
                  <a href={`#/calendar/series/${s.id}`}>{s.name}</a>
                  {!s.active && <span className="tag">{t('series.inactive')}</span>}
                </td>
                <td>
                  {t(`series.freq.${s.frequency}`)}, {DAY_NAMES[lang][s.weekday - 1]} {s.startTime} ({s.durationMinutes} min)
                </td>
                <td>{s.nextMeetingDate ? longDate(lang, s.nextMeetingDate) : '–'}</td>
                <td>
                  <button type="button" className="link" onClick={() => exportSeries(s.id)}>
                    {t('ics.exportSeries')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
