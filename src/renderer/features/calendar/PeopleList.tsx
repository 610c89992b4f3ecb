import { useCan } from '../security/useCan';
import { useState } from 'react';
import type { Person, PersonInput } from '../../../shared/api/methods/scheduling';
import { PARTICIPANT_ROLES } from '../../../shared/domain/quorum';
import { api } from '../../lib/api';
import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, useFieldErrors } from '../../ui/Field';
import { useApiData } from './useApiData';
import { FormActions } from '../../ui/FormActions';

const empty = (): PersonInput => ({ name: '', role: 'surgeon', unitId: null, email: '', hsaId: '', active: true });

/** Conference participants: name, role, unit, e-mail (for invitations), optional HSA-id. */
export function PeopleList() {
  const t = useT();
  const canSave = useCan('people.save');
  const [showInactive, setShowInactive] = useState(false);
  const { data, error, reload } = useApiData(() => api.call('people.list', { includeInactive: showInactive }), [showInactive]);
  const [editing, setEditing] = useState<PersonInput | null>(null);
  const edit = (p: Person) => setEditing({ ...p, email: p.email ?? '', hsaId: p.hsaId ?? '', role: p.role as PersonInput['role'] });
  return (
    <>
      <div className="toolbar">
        {canSave && (
          <button type="button" onClick={() => setEditing(empty())}>
            {t('people.new')}
          </button>
        )}
        <label className="check">
          <input type="checkbox" checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} />
          {t('people.showInactive')}
        </label>
      </div>
      {editing && (
        <PersonForm
          key={editing.id ?? 'new'}
          person={editing}
          onDone={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
      <ErrorBanner error={error} />
      <table className="table" aria-label={t('cal.tab.people')}>
        <thead>
          <tr>
            <th>{t('people.name')}</th>
            <th>{t('people.role')}</th>
            <th>{t('people.unit')}</th>
            <th>{t('people.email')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {data?.map((p) => (
            <tr key={p.id}>
              <td>
                {p.name}
                {!p.active && <span className="tag">{t('series.inactive')}</span>}
              </td>
              <td>{t(`participantRole.${p.role}`)}</td>
              <td>{p.unitName}</td>
              <td>{p.email}</td>
              <td>
                {canSave && (
                  <button type="button" className="link" onClick={() => edit(p)} aria-label={`${t('common.edit')} ${p.name}`}>
                    {t('common.edit')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function PersonForm({ person, onDone }: { person: PersonInput; onDone: () => void }) {
  const t = useT();
  const reference = useAppStore((s) => s.reference)!;
  const [draft, setDraft] = useState<PersonInput>(person);
  const [error, setError] = useState<unknown>(null);
  const fe = useFieldErrors(error);
  const set = <K extends keyof PersonInput>(k: K, v: PersonInput[K]) => setDraft({ ...draft, [k]: v });
  async function save(e: React.FormEvent) {
    e.preventDefault();
    try {
      await api.call('people.save', draft);
      onDone();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form className="card form-grid" onSubmit={save} aria-label={t('people.form')} noValidate>
      <ErrorBanner error={error} />
      <Field label={t('people.name')} error={fe('name')}>
        <input value={draft.name} onChange={(e) => set('name', e.target.value)} />
      </Field>
      <Field label={t('people.role')} error={fe('role')}>
        <select value={draft.role} onChange={(e) => set('role', e.target.value as PersonInput['role'])}>
          {PARTICIPANT_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`participantRole.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('people.unit')} error={fe('unitId')}>
        <select value={draft.unitId ?? ''} onChange={(e) => set('unitId', e.target.value ? Number(e.target.value) : null)}>
          <option value="" />
          {reference.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('people.email')} error={fe('email')}>
        <input type="email" value={draft.email ?? ''} onChange={(e) => set('email', e.target.value)} />
      </Field>
      <Field label={t('people.hsaId')} error={fe('hsaId')} hint={t('people.hsaIdHint')}>
        <input value={draft.hsaId ?? ''} onChange={(e) => set('hsaId', e.target.value)} />
      </Field>
      <label className="check">
        <input type="checkbox" checked={draft.active !== false} onChange={(e) => set('active', e.target.checked)} />
        {t('people.active')}
      </label>
      <FormActions onCancel={onDone} />
    </form>
  );
}
