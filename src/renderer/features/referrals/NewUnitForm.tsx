import { useState } from 'react';
import { useAppStore } from '../../app/store';
import { api } from '../../lib/api';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, useFieldErrors } from '../../ui/Field';

/** A referring unit added on the spot (reference.saveUnit), then picked in the form. */
export function NewUnitForm({ onSaved, onCancel }: { onSaved(id: number): void; onCancel(): void }) {
  const t = useT();
  const reference = useAppStore((s) => s.reference)!;
  const lang = useAppStore((s) => s.lang);
  const refresh = useAppStore((s) => s.refresh);
  const [draft, setDraft] = useState({ name: '', regionCode: '', healthcareRegionCode: '', city: '', phone: '' });
  const [error, setError] = useState<unknown>(null);
  const fe = useFieldErrors(error);

  async function save() {
    try {
      const { id } = await api.call('reference.saveUnit', { ...draft, isUniversityHospital: false, active: true });
      await refresh();
      onSaved(id);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <fieldset className="card form-grid field-wide" aria-label={t('referralForm.addUnit')}>
      <legend>{t('referralForm.addUnit')}</legend>
      <ErrorBanner error={error} />
      <Field label={t('unit.name')} error={fe('name')}>
        <input value={draft.name} maxLength={200} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
      </Field>
      <Field label={t('unit.region')} error={fe('regionCode')}>
        <select
          value={draft.regionCode}
          onChange={(e) => {
            const region = reference.regions.find((r) => r.code === e.target.value);
            setDraft({ ...draft, regionCode: e.target.value, healthcareRegionCode: region?.defaultHealthcareRegionCode ?? draft.healthcareRegionCode });
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
        <select value={draft.healthcareRegionCode} onChange={(e) => setDraft({ ...draft, healthcareRegionCode: e.target.value })}>
          <option value="" />
          {reference.healthcareRegions.map((h) => (
            <option key={h.code} value={h.code}>
              {lang === 'sv' ? h.nameSv : h.nameEn}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('unit.city')} error={fe('city')}>
        <input value={draft.city} maxLength={200} onChange={(e) => setDraft({ ...draft, city: e.target.value })} />
      </Field>
      <Field label={t('unit.phone')} error={fe('phone')}>
        <input value={draft.phone} maxLength={40} onChange={(e) => setDraft({ ...draft, phone: e.target.value })} />
      </Field>
      <div className="form-actions">
        <button type="button" className="primary" onClick={save}>
          {t('common.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </fieldset>
  );
}
