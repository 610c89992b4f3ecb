import type { SeriesInput, SeriesView } from '../../../shared/api/methods/scheduling';
import { todayStockholm } from './format';

/** The series form keeps numbers as typed text; they are converted on save (empty → "required"). */
export type SeriesDraft = Omit<SeriesInput, 'durationMinutes' | 'deadlineWorkingDays' | 'minutesPerCase' | 'capacityCases' | 'chairAlternationYears'> & {
  durationMinutes: string;
  deadlineWorkingDays: string;
  minutesPerCase: string;
  capacityCases: string;
  chairAlternationYears: string;
};

/** Sets one field of the draft (what each section of the form is given). */
export type SetSeriesField = <K extends keyof SeriesDraft>(key: K, value: SeriesDraft[K]) => void;

const num = (s: string) => (s.trim() === '' ? (null as unknown as number) : Number(s));

/** A new series: Thursdays 14:00, an hour, weekly from today, cases due two working days before. */
export function emptySeriesDraft(careAreaCode: string): SeriesDraft {
  return {
    careAreaCode,
    name: '',
    weekday: 4,
    startTime: '14:00',
    durationMinutes: '60',
    frequency: 'weekly',
    monthWeek: null,
    firstDate: todayStockholm(),
    lastDate: null,
    deadlineWorkingDays: '2',
    deadlineTime: '12:00',
    holidayPolicy: 'skip',
    chairUnitId: null,
    alternateChairUnitId: null,
    chairAlternationYears: '',
    chairAlternationStart: null,
    chairName: '',
    location: '',
    videoLink: '',
    minutesPerCase: '6',
    capacityCases: '10',
    requiredRoles: [],
    participantIds: [],
    active: true,
  };
}

/** A saved series as the form edits it. */
export function seriesToDraft(s: SeriesView): SeriesDraft {
  return {
    ...s,
    durationMinutes: String(s.durationMinutes),
    deadlineWorkingDays: String(s.deadlineWorkingDays),
    minutesPerCase: String(s.minutesPerCase),
    capacityCases: String(s.capacityCases),
    chairAlternationYears: s.chairAlternationYears === null ? '' : String(s.chairAlternationYears),
    chairName: s.chairName ?? '',
    location: s.location ?? '',
    videoLink: s.videoLink ?? '',
  };
}

/** What is saved: numbers from the typed text; the alternation only with an alternate chair unit. */
export function draftToSeriesInput(draft: SeriesDraft, seriesId: number | null): SeriesInput {
  return {
    ...draft,
    id: seriesId ?? undefined,
    durationMinutes: num(draft.durationMinutes),
    deadlineWorkingDays: num(draft.deadlineWorkingDays),
    minutesPerCase: num(draft.minutesPerCase),
    capacityCases: num(draft.capacityCases),
    chairAlternationYears: draft.alternateChairUnitId ? num(draft.chairAlternationYears) : null,
    lastDate: draft.lastDate || null,
    chairAlternationStart: draft.alternateChairUnitId ? draft.chairAlternationStart || null : null,
  };
}
