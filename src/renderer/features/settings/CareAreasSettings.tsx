import { useState } from 'react';
import type { CareAreaInput } from '../../../shared/api/methods/system';
import { useAppStore } from '../../app/store';
import { api } from '../../lib/api';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, useFieldErrors } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import { RecordTable } from '../../ui/RecordTable';
import { useSubmit } from '../../lib/useSubmit';

/** Care areas with their ICD-10 codes and national units; the list must stay editable (domain.md). */
export function CareAreasSettings() {
  const t = useT();
  const reference = useAppStore((s) => s.reference)!;
  const lang = useAppStore((s) => s.lang);
  const [editing, setEditing] = useState<CareAreaInput | null>(null);
  const unitName = (id: number) => reference.units.find((u) => u.id === id)?.name ?? String(id);
  return (
    <div className="settings-section">
      <div className="toolbar">
        <button type="button" onClick={() => setEditing({ code: '', nameSv: '', nameEn: '', icd10: [], nationalUnitIds: [], active: true })}>
          {t('careArea.new')}
        </button>
      </div>
      {editing && <CareAreaForm area={editing} onDone={() => setEditing(null)} />}
      <RecordTable
        rows={reference.careAreas}
        keyOf={(a) => a.code}
        nameOf={(a) => (lang === 'sv' ? a.nameSv : a.nameEn)}
        onEdit={(a) => setEditing(a)}
        columns={[
          { header: t('careArea.code'), cell: (a) => a.code },
          { header: lang === 'sv' ? t('careArea.nameSv') : t('careArea.nameEn'), cell: (a) => (lang === 'sv' ? a.nameSv : a.nameEn) },
          { header: 'ICD-10', cell: (a) => a.icd10.join(', ') },
          { header: t('careArea.nationalUnits'), cell: (a) => a.nationalUnitIds.map(unitName).join(', ') },
        ]}
      />
    </div>
  );
}

function CareAreaForm({ area, onDone }: { area: CareAreaInput; onDone: () => void }) {
  const t = useT();
  const reference = useAppStore((s) => s.reference)!;
  const refresh = useAppStore((s) => s.refresh);
  const [draft, setDraft] = useState(area);
  const [icd, setIcd] = useState(area.icd10.join(', '));
  const universityUnits = reference.units.filter((u) => u.isUniversityHospital || draft.nationalUnitIds.includes(u.id));
  const { submit, error, busy } = useSubmit(async () => {
    const icd10 = icd
      .split(/[,;\s]+/)
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean);
    await api.call('reference.saveCareArea', { ...draft, icd10 });
    await refresh();
  }, onDone);
  const fe = useFieldErrors(error);
  return (
    <form className="card form-grid" onSubmit={submit}>
      <ErrorBanner error={error} />
      <Field label={t('careArea.code')} error={fe('code')}>
        <input value={draft.code} onChange={(e) => setDraft({ ...draft, code: e.target.value.toUpperCase() })} readOnly={area.code !== ''} />
      </Field>
      <Field label={t('careArea.nameSv')} error={fe('nameSv')}>
        <input value={draft.nameSv} onChange={(e) => setDraft({ ...draft, nameSv: e.target.value })} />
      </Field>
      <Field label={t('careArea.nameEn')} error={fe('nameEn')}>
        <input value={draft.nameEn} onChange={(e) => setDraft({ ...draft, nameEn: e.target.value })} />
      </Field>
      <Field label={t('careArea.icd10')} error={fe('icd10')}>
        <input value={icd} onChange={(e) => setIcd(e.target.value)} />
      </Field>
      <fieldset className="checks field-wide">
        <legend>{t('careArea.nationalUnits')}</legend>
        {universityUnits.map((u) => (
          <label key={u.id} className="check">
            <input
              type="checkbox"
              checked={draft.nationalUnitIds.includes(u.id)}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  nationalUnitIds: e.target.checked ? [...draft.nationalUnitIds, u.id] : draft.nationalUnitIds.filter((id) => id !== u.id),
                })
              }
            />
            {u.name}
          </label>
        ))}
      </fieldset>
      <FormActions onCancel={onDone} busy={busy} />
    </form>
  );
}
