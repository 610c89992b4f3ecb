import { useState } from 'react';
import type { GenerationResult } from '../../../shared/api/methods/scheduling';
import { api } from '../../lib/api';
import { navigate } from '../../app/router';
import { useCalendarStore } from './store';
import { draftToSeriesInput, type SeriesDraft } from './seriesDraft';

/**
 * Saving a series (which regenerates its meetings): the refusal for the form, or what the generation
 * did. The calendar then shows the series' care area and reloads; a new series opens as saved.
 */
export function useSeriesSave(seriesId: number | null) {
  const { changed, setCareArea } = useCalendarStore();
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<GenerationResult | null>(null);

  async function save(draft: SeriesDraft) {
    try {
      const input = draftToSeriesInput(draft, seriesId);
      const res = await api.call('series.save', input);
      setError(null);
      setResult(res.generation);
      setCareArea(input.careAreaCode); // the calendar then shows the series just saved
      changed();
      if (seriesId === null) navigate(`/calendar/series/${res.id}`);
    } catch (err) {
      setError(err);
      setResult(null);
    }
  }

  return { save, error, result };
}
