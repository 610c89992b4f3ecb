import { PARTICIPANT_ROLES } from '../../../shared/domain/quorum';
import type { Person } from '../../../shared/api/methods/scheduling';
import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/useT';
import { Field } from '../../ui/Field';
import { DateInput, TimeInput } from '../../ui/DateTimeInputs';
import { DAY_NAMES } from './format';
import type { SeriesDraft, SetSeriesField } from './seriesDraft';

/** What each section of the series form is given: the draft, how to change a field, and a field's error. */
interface SectionProps {
  draft: SeriesDraft;
  set: SetSeriesField;
  fe: (path: string) => string | null;
}

const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

/** Name, care area and when the series meets: frequency, weekday, time, length, first and last date. */
export function SeriesScheduleFields({ draft, set, fe }: SectionProps) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const reference = useAppStore((s) => s.reference)!;
  return (
    <>
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
        <select value={draft.frequency} onChange={(e) => set('frequency', e.target.value as SeriesDraft['frequency'])}>
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
          <select
            value={draft.monthWeek ?? ''}
            onChange={(e) => set('monthWeek', e.target.value === '' ? null : (Number(e.target.value) as SeriesDraft['monthWeek']))}
          >
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
    </>
  );
}

/** The case deadline (working days and time), holidays, time per case and how many cases fit. */
export function SeriesListFields({ draft, set, fe }: SectionProps) {
  const t = useT();
  return (
    <>
      <Field label={t('series.deadlineDays')} error={fe('deadlineWorkingDays')} hint={t('series.deadlineHint')}>
        <input inputMode="numeric" value={draft.deadlineWorkingDays} onChange={(e) => set('deadlineWorkingDays', e.target.value)} />
      </Field>
      <Field label={t('series.deadlineTime')} error={fe('deadlineTime')}>
        <TimeInput value={draft.deadlineTime} onValue={(v) => set('deadlineTime', v)} />
      </Field>
      <Field label={t('series.holidayPolicy')} error={fe('holidayPolicy')}>
        <select value={draft.holidayPolicy} onChange={(e) => set('holidayPolicy', e.target.value as SeriesDraft['holidayPolicy'])}>
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
    </>
  );
}

/** One of the active units, or none. */
function UnitSelect({
  units,
  value,
  onChange,
}: {
  units: { id: number; name: string }[];
  value: number | null | undefined;
  onChange(id: number | null): void;
}) {
  return (
    <select value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}>
      <option value="" />
      {units.map((u) => (
        <option key={u.id} value={u.id}>
          {u.name}
        </option>
      ))}
    </select>
  );
}

/** Where the meeting is held and who chairs it (ordförande), alternating between two units if agreed. */
export function SeriesPlaceAndChairFields({ draft, set, fe }: SectionProps) {
  const t = useT();
  const unitOptions = useAppStore((s) => s.reference)!.units.filter((u) => u.active);
  return (
    <>
      <Field label={t('series.location')} error={fe('location')}>
        <input value={draft.location ?? ''} onChange={(e) => set('location', e.target.value)} />
      </Field>
      <Field label={t('series.videoLink')} error={fe('videoLink')}>
        <input value={draft.videoLink ?? ''} onChange={(e) => set('videoLink', e.target.value)} placeholder="https://" />
      </Field>
      <Field label={t('series.chairUnit')} error={fe('chairUnitId')}>
        <UnitSelect units={unitOptions} value={draft.chairUnitId} onChange={(id) => set('chairUnitId', id)} />
      </Field>
      <Field label={t('series.chairName')} error={fe('chairName')}>
        <input value={draft.chairName ?? ''} onChange={(e) => set('chairName', e.target.value)} />
      </Field>
      <Field label={t('series.alternateChair')} error={fe('alternateChairUnitId')} hint={t('series.alternateHint')}>
        <UnitSelect units={unitOptions} value={draft.alternateChairUnitId} onChange={(id) => set('alternateChairUnitId', id)} />
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
    </>
  );
}

/** The roles a quorum needs, the standing participants, and whether the series is active. */
export function SeriesPeopleFields({ draft, set, people }: Omit<SectionProps, 'fe'> & { people: Person[] | null }) {
  const t = useT();
  return (
    <>
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
        {people?.length === 0 && <p className="muted">{t('people.noneYet')}</p>}
        <div className="check-columns">
          {people?.map((p) => (
            <label key={p.id} className="check">
              <input
                type="checkbox"
                checked={(draft.participantIds ?? []).includes(p.id)}
                onChange={() => set('participantIds', toggle(draft.participantIds ?? [], p.id))}
              />
              {p.name} ({t(`participantRole.${p.role}`)})
            </label>
          ))}
        </div>
      </fieldset>
      <label className="check field-wide">
        <input type="checkbox" checked={draft.active !== false} onChange={(e) => set('active', e.target.checked)} />
        {t('series.active')}
      </label>
    </>
  );
}
