import { usePermission } from '../security/useCan';
import { useEffect, useState } from 'react';
import type { GenerationResult, SeriesInput } from '../../../shared/api/methods/scheduling';
import { PARTICIPANT_ROLES } from '../../../shared/domain/quorum';
import { api } from '../../lib/api';
import { useAppStore } from '../../app/store';
import { navigate } from '../../app/router';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, useFieldErrors } from '../../ui/Field';
import { Page } from '../../ui/Page';
import { useCalendarStore } from './store';
import { useApiData } from '../../lib/useApiData';
import { DAY_NAMES, todayStockholm } from './format';
import { DateInput, TimeInput } from '../../ui/DateTimeInputs';

/** The form keeps numbers as typed text; they are converted on save (empty → "required"). */
type Draft = Omit<SeriesInput, 'durationMinutes' | 'deadlineWorkingDays' | 'minutesPerCase' | 'capacityCases' | 'chairAlternationYears'> & {
  durationMinutes: string;
  deadlineWorkingDays: string;
  minutesPerCase: string;
  capacityCases: string;
  chairAlternationYears: string;
};

const num = (s: string) => (s.trim() === '' ? (null as unknown as number) : Number(s));

function emptyDraft(careAreaCode: string): Draft {
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

/** Creates or edits a conference series; saving (re)generates its meetings 13 months ahead. */
export function SeriesEditor({ seriesId }: { seriesId: number | null }) {
  const t = useT();
  const { allowed: canSave, reason: saveWhyNot } = usePermission('series.save');
  const lang = useAppStore((s) => s.lang);
  const reference = useAppStore((s) => s.reference)!;
  const { careAreaCode, changed, setCareArea } = useCalendarStore();
  const [draft, setDraft] = useState<Draft | null>(seriesId === null ? emptyDraft(careAreaCode || reference.careAreas[0]?.code || '') : null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<GenerationResult | null>(null);
  const people = useApiData(() => api.call('people.list', {}), []);
  const all = useApiData(() => (seriesId === null ? Promise.resolve([]) : api.call('series.list', {})), [seriesId]);

  useEffect(() => {
    const s = all.data?.find((x) => x.id === seriesId);
    if (s)
      setDraft({
        ...s,
        durationMinutes: String(s.durationMinutes),
        deadlineWorkingDays: String(s.deadlineWorkingDays),
        minutesPerCase: String(s.minutesPerCase),
        capacityCases: String(s.capacityCases),
        chairAlternationYears: s.chairAlternationYears === null ? '' : String(s.chairAlternationYears),
        chairName: s.chairName ?? '',
        location: s.location ?? '',
        videoLink: s.videoLink ?? '',
      });
  }, [all.data, seriesId]);

  const fe = useFieldErrors(error);
  if (!draft) return <Page title={t('series.edit')}>{all.error ? <ErrorBanner error={all.error} /> : <p className="muted">{t('common.loading')}</p>}</Page>;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });
  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  const unitOptions = reference.units.filter((u) => u.active);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    try {
      const input: SeriesInput = {
        ...draft!,
        id: seriesId ?? undefined,
        durationMinutes: num(draft!.durationMinutes),
        deadlineWorkingDays: num(draft!.deadlineWorkingDays),
        minutesPerCase: num(draft!.minutesPerCase),
        capacityCases: num(draft!.capacityCases),
        chairAlternationYears: draft!.alternateChairUnitId ? num(draft!.chairAlternationYears) : null,
        lastDate: draft!.lastDate || null,
        chairAlternationStart: draft!.alternateChairUnitId ? draft!.chairAlternationStart || null : null,
      };
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

  return (
    <Page title={seriesId === null ? t('series.new') : t('series.edit')} actions={
        <a className="button-link" href="#/calendar/series">
          {t('series.back')}
        </a>
      }>
      {result && (
        <p className="banner banner-ok" role="status">
          {t('series.generated', { created: result.created, updated: result.updated, removed: result.removed + result.cancelled, through: result.through })}
          {result.rolledCases > 0 && ' ' + t('series.rolled', { count: result.rolledCases })}
        </p>
      )}
      <form className="card form-grid" onSubmit={save} aria-label={t('series.edit')} noValidate>
        <ErrorBanner error={error} />
        <Field label={t('series.name')} error={fe('name')} wide>
          <input value={draft.name} onChange={(e) => set('name', e.target.value)} />
        </Field>
        <Field label={t('cal.careArea')} error={fe('careAreaCode')}>
          <select value={draft.careAreaCode} onChange={(e) => set('careAreaCode', e.target.value)}>
            {reference.careAreas.map((a) => (
              <option key={a.code} value={a.code}>
                {lang === 'sv' ? a.nameSv : a.nameEn}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('series.frequency')} error={fe('frequency')}>
          <select value={draft.frequency} onChange={(e) => set('frequency', e.target.value as Draft['frequency'])}>
            {(['weekly', 'biweekly', 'monthly'] as const).map((f) => (
              <option key={f} value={f}>
                {t(`series.freq.${f}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('series.weekday')} error={fe('weekday')}>
          <select value={draft.weekday} onChange={(e) => set('weekday', Number(e.target.value))}>
            {DAY_NAMES[lang].map((n, i) => (
              <option key={n} value={i + 1}>
                {n}
              </option>
            ))}
          </select>
        </Field>
        {draft.frequency === 'monthly' && (
          <Field label={t('series.monthWeek')} error={fe('monthWeek')}>
            <select value={draft.monthWeek ?? ''} onChange={(e) => set('monthWeek', e.target.value === '' ? null : (Number(e.target.value) as Draft['monthWeek']))}>
              <option value="" />
              {[1, 2, 3, 4, -1].map((n) => (
                <option key={n} value={n}>
                  {t(`series.monthWeek.${n}`)}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label={t('series.startTime')} error={fe('startTime')}>
          <TimeInput value={draft.startTime} onValue={(v) => set('startTime', v)} />
        </Field>
        <Field label={t('series.duration')} error={fe('durationMinutes')}>
          <input inputMode="numeric" value={draft.durationMinutes} onChange={(e) => set('durationMinutes', e.target.value)} />
        </Field>
        <Field label={t('series.firstDate')} error={fe('firstDate')}>
          <DateInput value={draft.firstDate} onValue={(v) => set('firstDate', v)} />
        </Field>
        <Field label={t('series.lastDate')} error={fe('lastDate')} hint={t('series.lastDateHint')}>
          <DateInput value={draft.lastDate ?? ''} onValue={(v) => set('lastDate', v || null)} />
        </Field>
        <Field label={t('series.deadlineDays')} error={fe('deadlineWorkingDays')} hint={t('series.deadlineHint')}>
          <input inputMode="numeric" value={draft.deadlineWorkingDays} onChange={(e) => set('deadlineWorkingDays', e.target.value)} />
        </Field>
        <Field label={t('series.deadlineTime')} error={fe('deadlineTime')}>
          <TimeInput value={draft.deadlineTime} onValue={(v) => set('deadlineTime', v)} />
        </Field>
        <Field label={t('series.holidayPolicy')} error={fe('holidayPolicy')}>
          <select value={draft.holidayPolicy} onChange={(e) => set('holidayPolicy', e.target.value as Draft['holidayPolicy'])}>
            <option value="skip">{t('series.policy.skip')}</option>
            <option value="next_working_day">{t('series.policy.next_working_day')}</option>
          </select>
        </Field>
        <Field label={t('series.minutesPerCase')} error={fe('minutesPerCase')}>
          <input inputMode="numeric" value={draft.minutesPerCase} onChange={(e) => set('minutesPerCase', e.target.value)} />
        </Field>
        <Field label={t('series.capacity')} error={fe('capacityCases')}>
          <input inputMode="numeric" value={draft.capacityCases} onChange={(e) => set('capacityCases', e.target.value)} />
        </Field>
        <Field label={t('series.location')} error={fe('location')}>
          <input value={draft.location ?? ''} onChange={(e) => set('location', e.target.value)} />
        </Field>
        <Field label={t('series.videoLink')} error={fe('videoLink')}>
          <input value={draft.videoLink ?? ''} onChange={(e) => set('videoLink', e.target.value)} placeholder="https://" />
        </Field>
        <Field label={t('series.chairUnit')} error={fe('chairUnitId')}>
          <select value={draft.chairUnitId ?? ''} onChange={(e) => set('chairUnitId', e.target.value ? Number(e.target.value) : null)}>
            <option value="" />
            {unitOptions.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('series.chairName')} error={fe('chairName')}>
          <input value={draft.chairName ?? ''} onChange={(e) => set('chairName', e.target.value)} />
        </Field>
        <Field label={t('series.alternateChair')} error={fe('alternateChairUnitId')} hint={t('series.alternateHint')}>
          <select value={draft.alternateChairUnitId ?? ''} onChange={(e) => set('alternateChairUnitId', e.target.value ? Number(e.target.value) : null)}>
            <option value="" />
            {unitOptions.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
        {draft.alternateChairUnitId !== null && (
          <>
            <Field label={t('series.alternationYears')} error={fe('chairAlternationYears')}>
              <input inputMode="numeric" value={draft.chairAlternationYears} onChange={(e) => set('chairAlternationYears', e.target.value)} />
            </Field>
            <Field label={t('series.alternationStart')} error={fe('chairAlternationStart')}>
              <DateInput value={draft.chairAlternationStart ?? ''} onValue={(v) => set('chairAlternationStart', v || null)} />
            </Field>
          </>
        )}
        <fieldset className="checks field-wide">
          <legend>{t('series.requiredRoles')}</legend>
          <div className="check-columns">
            {PARTICIPANT_ROLES.map((r) => (
              <label key={r} className="check">
                <input type="checkbox" checked={draft.requiredRoles.includes(r)} onChange={() => set('requiredRoles', toggle(draft.requiredRoles, r))} />
                {t(`participantRole.${r}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="checks field-wide">
          <legend>{t('series.participants')}</legend>
          {people.data?.length === 0 && <p className="muted">{t('people.noneYet')}</p>}
          <div className="check-columns">
            {people.data?.map((p) => (
              <label key={p.id} className="check">
                <input type="checkbox" checked={(draft.participantIds ?? []).includes(p.id)} onChange={() => set('participantIds', toggle(draft.participantIds ?? [], p.id))} />
                {p.name} ({t(`participantRole.${p.role}`)})
              </label>
            ))}
          </div>
        </fieldset>
        <label className="check field-wide">
          <input type="checkbox" checked={draft.active !== false} onChange={(e) => set('active', e.target.checked)} />
          {t('series.active')}
        </label>
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
