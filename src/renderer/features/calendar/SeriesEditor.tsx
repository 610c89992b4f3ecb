import { usePermission } from '../security/useCan';
import { useEffect, useState } from 'react';
import { api } from '../../lib/api';
import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { useFieldErrors } from '../../ui/Field';
import { Page } from '../../ui/Page';
import { useCalendarStore } from './store';
import { useApiData } from '../../lib/useApiData';
import { emptySeriesDraft, seriesToDraft, type SeriesDraft, type SetSeriesField } from './seriesDraft';
import { useSeriesSave } from './useSeriesSave';
import { SeriesListFields, SeriesPeopleFields, SeriesPlaceAndChairFields, SeriesScheduleFields } from './SeriesFields';

/** Creates or edits a conference series; saving (re)generates its meetings 13 months ahead. */
export function SeriesEditor({ seriesId }: { seriesId: number | null }) {
  const t = useT();
  const { allowed: canSave, reason: saveWhyNot } = usePermission('series.save');
  const reference = useAppStore((s) => s.reference)!;
  const careAreaCode = useCalendarStore((s) => s.careAreaCode);
  const [draft, setDraft] = useState<SeriesDraft | null>(seriesId === null ? emptySeriesDraft(careAreaCode || reference.careAreas[0]?.code || '') : null);
  const { save, error, result } = useSeriesSave(seriesId);
  const people = useApiData(() => api.call('people.list', {}), []);
  const all = useApiData(() => (seriesId === null ? Promise.resolve([]) : api.call('series.list', {})), [seriesId]);

  useEffect(() => {
    const s = all.data?.find((x) => x.id === seriesId);
    if (s) setDraft(seriesToDraft(s));
  }, [all.data, seriesId]);

  const fe = useFieldErrors(error);
  if (!draft) return <Page title={t('series.edit')}>{all.error ? <ErrorBanner error={all.error} /> : <p className="muted">{t('common.loading')}</p>}</Page>;
  const set: SetSeriesField = (key, value) => setDraft({ ...draft, [key]: value });
  const sections = { draft, set, fe };

  return (
    <Page
      title={seriesId === null ? t('series.new') : t('series.edit')}
      actions={
        <a className="button-link" href="#/calendar/series">
          {t('series.back')}
        </a>
      }
    >
      {result && (
        <p className="banner banner-ok" role="status">
          {t('series.generated', { created: result.created, updated: result.updated, removed: result.removed + result.cancelled, through: result.through })}
          {result.rolledCases > 0 && ' ' + t('series.rolled', { count: result.rolledCases })}
        </p>
      )}
      <form
        className="card form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void save(draft);
        }}
        aria-label={t('series.edit')}
        noValidate
      >
        <ErrorBanner error={error} />
        <SeriesScheduleFields {...sections} />
        <SeriesListFields {...sections} />
        <SeriesPlaceAndChairFields {...sections} />
        <SeriesPeopleFields draft={draft} set={set} people={people.data} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!canSave} aria-describedby={canSave ? undefined : 'series-save-why'}>
            {t('series.saveAndGenerate')}
          </button>
          {!canSave && (
            <span id="series-save-why" className="muted">
              {saveWhyNot}
            </span>
          )}
        </div>
      </form>
    </Page>
  );
}
