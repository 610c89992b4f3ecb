import { useMemo, useState } from 'react';
import { useAppStore } from '../../app/store';
import { api } from '../../lib/api';
import { useSubmit } from '../../lib/useSubmit';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, useFieldErrors } from '../../ui/Field';

/** The national unit the user works at and the care areas it serves (first run and Settings). */
export function WorkplaceForm({ submitLabel, onSaved }: { submitLabel: string; onSaved?: () => void }) {
  const t = useT();
  const reference = useAppStore((s) => s.reference)!;
  const lang = useAppStore((s) => s.lang);
  const refresh = useAppStore((s) => s.refresh);
  const current = useAppStore((s) => s.info?.workplace);
  const [unitId, setUnitId] = useState<number | ''>(current?.unitId ?? '');
  const [areas, setAreas] = useState<string[]>(current?.careAreaCodes ?? []);

  // National units first: the hospitals holding a national assignment for some care area.
  const nationalIds = useMemo(() => new Set(reference.careAreas.flatMap((a) => a.nationalUnitIds)), [reference]);
  const units = useMemo(
    () =>
      [...reference.units]
        .filter((u) => u.active)
        .sort((a, b) => Number(nationalIds.has(b.id)) - Number(nationalIds.has(a.id)) || a.name.localeCompare(b.name, 'sv')),
    [reference, nationalIds],
  );

  function pickUnit(id: number | '') {
    setUnitId(id);
    if (id !== '') setAreas(reference.careAreas.filter((a) => a.nationalUnitIds.includes(id)).map((a) => a.code));
  }

  const { submit, error, busy } = useSubmit(
    async () => {
      await api.call('workplace.set', { unitId: unitId === '' ? 0 : unitId, careAreaCodes: areas });
      await refresh();
    },
    () => onSaved?.(),
  );

  const fe = useFieldErrors(error);
  const unitError = fe('unitId');
  const areaError = fe('careAreaCodes');

  return (
    <form className="workplace-form" onSubmit={submit}>
      <ErrorBanner error={error} />
      <Field label={t('firstRun.unit')} error={unitError}>
        <select value={unitId} onChange={(e) => pickUnit(e.target.value ? Number(e.target.value) : '')}>
          <option value="">{t('firstRun.pickUnit')}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
              {u.city ? ` (${u.city})` : ''}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="checks">
        <legend>{t('firstRun.careAreas')}</legend>
        {reference.careAreas.map((a) => (
          <label key={a.code} className="check">
            <input
              type="checkbox"
              checked={areas.includes(a.code)}
              onChange={(e) => setAreas(e.target.checked ? [...areas, a.code] : areas.filter((c) => c !== a.code))}
            />
            {lang === 'sv' ? a.nameSv : a.nameEn}
          </label>
        ))}
        {areaError && (
          <span className="field-error" role="alert">
            {areaError}
          </span>
        )}
      </fieldset>
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
