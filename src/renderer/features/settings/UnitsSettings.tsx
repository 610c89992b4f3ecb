import { useMemo, useState } from 'react';
import type { Unit } from '../../../shared/domain/reference';
import type { UnitInput } from '../../../shared/api/methods/system';
import { useAppStore } from '../../app/store';
import { api } from '../../lib/api';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, useFieldErrors } from '../../ui/Field';
import { RegionFields } from './RegionFields';
import { FormActions } from '../../ui/FormActions';
import { RecordTable } from '../../ui/RecordTable';
import { useSubmit } from '../../lib/useSubmit';

const emptyUnit = (): UnitInput => ({
  name: '',
  regionCode: '',
  healthcareRegionCode: '',
  code: '',
  city: '',
  phone: '',
  phoneHours: '',
  address: '',
  email: '',
  isUniversityHospital: false,
  active: true,
});

/** Units (hospitals and clinics) with the contact details care plans and replies print. */
export function UnitsSettings() {
  const t = useT();
  const reference = useAppStore((s) => s.reference)!;
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<UnitInput | null>(null);
  const regionName = useMemo(() => new Map(reference.regions.map((r) => [r.code, r.name])), [reference]);
  const shown = reference.units.filter((u) => `${u.name} ${u.city ?? ''} ${u.code ?? ''}`.toLowerCase().includes(filter.toLowerCase()));

  const edit = (u: Unit) =>
    setEditing({
      ...u,
      code: u.code ?? '',
      city: u.city ?? '',
      phone: u.phone ?? '',
      phoneHours: u.phoneHours ?? '',
      address: u.address ?? '',
      email: u.email ?? '',
    });

  return (
    <div className="settings-section">
      <div className="toolbar">
        <input type="search" placeholder={t('unit.filter')} aria-label={t('unit.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} />
        <button type="button" onClick={() => setEditing(emptyUnit())}>
          {t('unit.new')}
        </button>
      </div>
      {editing && <UnitForm unit={editing} onDone={() => setEditing(null)} />}
      <RecordTable
        rows={shown}
        keyOf={(u) => u.id}
        nameOf={(u) => u.name}
        onEdit={edit}
        columns={[
          {
            header: t('unit.name'),
            cell: (u) => (
              <>
                {u.name}
                {u.isUniversityHospital && <span className="tag">{t('unit.universityHospital')}</span>}
              </>
            ),
          },
          { header: t('unit.city'), cell: (u) => u.city },
          { header: t('unit.region'), cell: (u) => regionName.get(u.regionCode) },
          { header: t('unit.phone'), cell: (u) => u.phone },
        ]}
      />
    </div>
  );
}

function UnitForm({ unit, onDone }: { unit: UnitInput; onDone: () => void }) {
  const t = useT();
  const refresh = useAppStore((s) => s.refresh);
  const [draft, setDraft] = useState<UnitInput>(unit);
  const set = <K extends keyof UnitInput>(key: K, value: UnitInput[K]) => setDraft({ ...draft, [key]: value });
  const { submit, error, busy } = useSubmit(async () => {
    await api.call('reference.saveUnit', draft);
    await refresh();
  }, onDone);
  const fe = useFieldErrors(error);
  return (
    <form className="card form-grid" onSubmit={submit} aria-label={t('unit.new')}>
      <ErrorBanner error={error} />
      <Field label={t('unit.name')} error={fe('name')}>
        <input value={draft.name} onChange={(e) => set('name', e.target.value)} />
      </Field>
      <Field label={t('unit.code')} error={fe('code')}>
        <input value={draft.code ?? ''} onChange={(e) => set('code', e.target.value)} />
      </Field>
      <RegionFields value={draft} onChange={(r) => setDraft({ ...draft, ...r })} fe={fe} />
      <Field label={t('unit.city')} error={fe('city')}>
        <input value={draft.city ?? ''} onChange={(e) => set('city', e.target.value)} />
      </Field>
      <Field label={t('unit.phone')} error={fe('phone')}>
        <input value={draft.phone ?? ''} onChange={(e) => set('phone', e.target.value)} />
      </Field>
      <Field label={t('unit.phoneHours')} error={fe('phoneHours')}>
        <input value={draft.phoneHours ?? ''} onChange={(e) => set('phoneHours', e.target.value)} />
      </Field>
      <Field label={t('unit.email')} error={fe('email')}>
        <input value={draft.email ?? ''} onChange={(e) => set('email', e.target.value)} />
      </Field>
      <Field label={t('unit.address')} error={fe('address')} wide>
        <input value={draft.address ?? ''} onChange={(e) => set('address', e.target.value)} />
      </Field>
      <label className="check">
        <input type="checkbox" checked={!!draft.isUniversityHospital} onChange={(e) => set('isUniversityHospital', e.target.checked)} />
        {t('unit.universityHospital')}
      </label>
      <label className="check">
        <input type="checkbox" checked={draft.active !== false} onChange={(e) => set('active', e.target.checked)} />
        {t('unit.active')}
      </label>
      <FormActions onCancel={onDone} busy={busy} />
    </form>
  );
}
