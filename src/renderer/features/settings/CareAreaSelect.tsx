import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/useT';
import { Field } from '../../ui/Field';

/** The active care areas, for a settings tab kept per care area; `first` is the one to start with. */
export function useActiveCareAreas() {
  const areas = useAppStore((s) => s.reference?.careAreas ?? []).filter((a) => a.active);
  return { areas, first: areas[0]?.code ?? '' };
}

/** Picks the care area a settings tab shows and saves, by its name in the user's language. */
export function CareAreaSelect({ value, onChange }: { value: string; onChange(code: string): void }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const { areas } = useActiveCareAreas();
  return (
    <Field label={t('followUp.careArea')}>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {areas.map((a) => (
          <option key={a.code} value={a.code}>
            {lang === 'sv' ? a.nameSv : a.nameEn}
          </option>
        ))}
      </select>
    </Field>
  );
}
