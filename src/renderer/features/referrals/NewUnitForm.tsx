import { useState } from 'react';
import { useAppStore } from '../../app/store';
import { api } from '../../lib/api';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, useFieldErrors } from '../../ui/Field';
import { RegionFields } from '../settings/RegionFields';

/** A referring unit added on the spot (reference.addReferringUnit: new units only), then picked in the form. */
export function NewUnitForm({ onSaved, onCancel }: { onSaved(id: number): void; onCancel(): void }) {
  const t = useT();
  const refresh = useAppStore((s) => s.refresh);
  const [draft, setDraft] = useState({ name: '', regionCode: '', healthcareRegionCode: '', city: '', phone: '' });
  const [error, setError] = useState<unknown>(null);
  const fe = useFieldErrors(error);

  async function save() {
    try {
      const { id } = await api.call('reference.addReferringUnit', { ...draft, isUniversityHospital: false, active: true });
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
      <RegionFields value={draft} onChange={(r) => setDraft({ ...draft, ...r })} fe={fe} />
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
