import type { CareArea } from '../../../shared/domain/reference';
import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/useT';
import { Field } from '../../ui/Field';

/** The active care areas, for a settings tab kept per care area; `first` is the one to start with. */
export function useActiveCareAreas() {
  const areas = useAppStore((s) => s.reference?.careAreas ?? []).filter((a) => a.active);
  return { areas, first: areas[0]?.code ?? '' };
}

/**
 * Picks the care area a settings tab shows and saves, by its name in the user's language; `areas` when
 * the tab offers other than the active ones (the workplace's, say).
 */
export function CareAreaSelect({
  value,
  onChange,
  areas: offered,
  error,
}: {
  value: string;
  onChange(code: string): void;
  areas?: CareArea[];
  error?: string | null;
}) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const { areas: active } = useActiveCareAreas();
  const areas = offered ?? active;
  return (
    <Field label={t('followUp.careArea')} error={error}>
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
