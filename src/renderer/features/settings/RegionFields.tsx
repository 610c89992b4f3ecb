import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/useT';
import { Field } from '../../ui/Field';

interface RegionValue {
  regionCode: string;
  healthcareRegionCode: string;
}

/**
 * Region and healthcare region of a unit. Picking a region proposes its healthcare region; Halland
 * has none by default (its units belong to Västra or Södra), so the user chooses.
 */
export function RegionFields({ value, onChange, fe }: { value: RegionValue; onChange(next: RegionValue): void; fe(path: string): string | null }) {
  const t = useT();
  const reference = useAppStore((s) => s.reference)!;
  const lang = useAppStore((s) => s.lang);
  return (
    <>
      <Field label={t('unit.region')} error={fe('regionCode')}>
        <select
          value={value.regionCode}
          onChange={(e) => {
            const region = reference.regions.find((r) => r.code === e.target.value);
            onChange({ regionCode: e.target.value, healthcareRegionCode: region?.defaultHealthcareRegionCode ?? value.healthcareRegionCode });
          }}
        >
          <option value="" />
          {reference.regions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('unit.healthcareRegion')} error={fe('healthcareRegionCode')}>
        <select value={value.healthcareRegionCode} onChange={(e) => onChange({ ...value, healthcareRegionCode: e.target.value })}>
          <option value="" />
          {reference.healthcareRegions.map((h) => (
            <option key={h.code} value={h.code}>
              {lang === 'sv' ? h.nameSv : h.nameEn}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
