import type { FollowUpInput } from '../../../shared/api/methods/care-plans';
import { FOLLOW_UP_PLACES, INTERVAL_UNITS, type IntervalUnit } from '../../../shared/domain/care-plan';
import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/useT';
import { Field } from '../../ui/Field';
import { DateInput } from '../../ui/DateTimeInputs';

export const emptyFollowUp = (): FollowUpInput => ({
  what: '',
  dueDate: null,
  intervalValue: 1,
  intervalUnit: 'months',
  place: 'home_region',
  unitId: null,
  responsible: '',
});

/**
 * The follow-up schedule: what, when (a date, or a time after discharge), where, who. Used by the
 * care-plan editor and by the templates in settings. `computed` shows the resulting dates.
 */
export function FollowUpEditor({
  items,
  onChange,
  readOnly,
  fieldError,
  computed,
}: {
  items: FollowUpInput[];
  onChange: (items: FollowUpInput[]) => void;
  readOnly?: boolean;
  fieldError: (path: string) => string | null;
  computed?: (string | null)[];
}) {
  const t = useT();
  const units = useAppStore((s) => s.reference?.units ?? []);
  const set = (i: number, patch: Partial<FollowUpInput>) => onChange(items.map((f, n) => (n === i ? { ...f, ...patch } : f)));
  return (
    <div className="follow-ups">
      {items.map((f, i) => {
        const byDate = f.dueDate != null;
        const label = t('carePlan.followUp.item', { n: i + 1 });
        return (
          <fieldset key={i} className="follow-up form-grid" disabled={readOnly}>
            <legend>{label}</legend>
            <Field label={t('carePlan.followUp.what')} error={fieldError(`followUps.${i}.what`)} wide>
              <input value={f.what} onChange={(e) => set(i, { what: e.target.value })} />
            </Field>
            <Field label={t('carePlan.followUp.whenKind')}>
              <select
                value={byDate ? 'date' : 'interval'}
                onChange={(e) =>
                  set(
                    i,
                    e.target.value === 'date'
                      ? { dueDate: '', intervalValue: null, intervalUnit: null }
                      : { dueDate: null, intervalValue: 1, intervalUnit: 'months' },
                  )
                }
              >
                <option value="interval">{t('carePlan.followUp.kindInterval')}</option>
                <option value="date">{t('carePlan.followUp.kindDate')}</option>
              </select>
            </Field>
            {byDate ? (
              <Field label={t('carePlan.followUp.date')} error={fieldError(`followUps.${i}.dueDate`)}>
                <DateInput value={f.dueDate ?? ''} onValue={(v) => set(i, { dueDate: v })} />
              </Field>
            ) : (
              <>
                <Field label={t('carePlan.followUp.intervalValue')} error={fieldError(`followUps.${i}.intervalValue`) ?? fieldError(`followUps.${i}.dueDate`)}>
                  <input
                    type="number"
                    min={1}
                    value={f.intervalValue ?? ''}
                    onChange={(e) => set(i, { intervalValue: e.target.value === '' ? null : Number(e.target.value) })}
                  />
                </Field>
                <Field label={t('carePlan.followUp.intervalUnit')} error={fieldError(`followUps.${i}.intervalUnit`)}>
                  <select value={f.intervalUnit ?? ''} onChange={(e) => set(i, { intervalUnit: (e.target.value || null) as IntervalUnit | null })}>
                    {INTERVAL_UNITS.map((u) => (
                      <option key={u} value={u}>
                        {t(`carePlan.unit.${u}`)}
                      </option>
                    ))}
                  </select>
                </Field>
              </>
            )}
            <Field label={t('carePlan.followUp.place')} error={fieldError(`followUps.${i}.place`)}>
              <select value={f.place} onChange={(e) => set(i, { place: e.target.value as FollowUpInput['place'] })}>
                {FOLLOW_UP_PLACES.map((p) => (
                  <option key={p} value={p}>
                    {t(`carePlan.place.${p}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('carePlan.followUp.unit')} error={fieldError(`followUps.${i}.unitId`)}>
              <select value={f.unitId ?? ''} onChange={(e) => set(i, { unitId: e.target.value ? Number(e.target.value) : null })}>
                <option value="" />
                {units
                  .filter((u) => u.active)
                  .map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
              </select>
            </Field>
            <Field label={t('carePlan.followUp.responsible')} error={fieldError(`followUps.${i}.responsible`)}>
              <input value={f.responsible} onChange={(e) => set(i, { responsible: e.target.value })} />
            </Field>
            {computed?.[i] && <p className="muted field-wide">{t('carePlan.followUp.computed', { date: computed[i]! })}</p>}
            {!readOnly && (
              <div className="form-actions">
                <button type="button" onClick={() => onChange(items.filter((_, n) => n !== i))} aria-label={t('carePlan.followUp.remove', { n: i + 1 })}>
                  {t('carePlan.followUp.remove', { n: i + 1 })}
                </button>
              </div>
            )}
          </fieldset>
        );
      })}
      {fieldError('followUps') && !items.length && (
        <p className="field-error" role="alert">
          {fieldError('followUps')}
        </p>
      )}
      {!readOnly && (
        <button type="button" onClick={() => onChange([...items, emptyFollowUp()])}>
          {t('carePlan.followUp.add')}
        </button>
      )}
    </div>
  );
}
