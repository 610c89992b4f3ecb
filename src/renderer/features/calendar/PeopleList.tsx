import { useCan } from '../security/useCan';
import { RoleLimited } from '../security/RoleLimited';
import { useState } from 'react';
import type { Person, PersonInput } from '../../../shared/api/methods/scheduling';
import { PARTICIPANT_ROLES } from '../../../shared/domain/quorum';
import { api } from '../../lib/api';
import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, useFieldErrors } from '../../ui/Field';
import { useApiData } from '../../lib/useApiData';
import { FormActions } from '../../ui/FormActions';
import { RecordTable } from '../../ui/RecordTable';
import { useSubmit } from '../../lib/useSubmit';

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
        <RoleLimited method="people.save" label={t('people.new')}>
          <button type="button" onClick={() => setEditing(empty())}>
            {t('people.new')}
          </button>
        </RoleLimited>
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
      <RecordTable
        label={t('cal.tab.people')}
        rows={data ?? []}
        keyOf={(p) => p.id}
        nameOf={(p) => p.name}
        onEdit={canSave ? edit : undefined}
        columns={[
          {
            header: t('people.name'),
            cell: (p) => (
              <>
                {p.name}
                {!p.active && <span className="tag">{t('series.inactive')}</span>}
              </>
            ),
          },
          { header: t('people.role'), cell: (p) => t(`participantRole.${p.role}`) },
          { header: t('people.unit'), cell: (p) => p.unitName },
          { header: t('people.email'), cell: (p) => p.email },
        ]}
      />
    </>
  );
}

function PersonForm({ person, onDone }: { person: PersonInput; onDone: () => void }) {
  const t = useT();
  const reference = useAppStore((s) => s.reference)!;
  const [draft, setDraft] = useState<PersonInput>(person);
  const { submit, error, busy } = useSubmit(() => api.call('people.save', draft), onDone);
  const fe = useFieldErrors(error);
  const set = <K extends keyof PersonInput>(k: K, v: PersonInput[K]) => setDraft({ ...draft, [k]: v });
  return (
    <form className="card form-grid" onSubmit={submit} aria-label={t('people.form')} noValidate>
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
      <FormActions onCancel={onDone} busy={busy} />
    </form>
  );
}
