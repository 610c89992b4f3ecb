import { useState } from 'react';
import { ROLES, type Role } from '../../../shared/api/contract';
import type { UserInput } from '../../../shared/api/methods/security';
import { useAppStore } from '../../app/store';
import { api } from '../../lib/api';
import { useApiData } from '../../lib/useApiData';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, useFieldErrors } from '../../ui/Field';
import { useSubmit } from '../../lib/useSubmit';
import { FormActions } from '../../ui/FormActions';
import { RecordTable } from '../../ui/RecordTable';
import { PassphraseStrength } from './PassphraseStrength';
import { RekeyPanel } from './RekeyPanel';

const emptyUser = (): UserInput => ({ name: '', userName: '', role: 'contact_nurse', unitId: null, active: true, passphrase: '' });

/** Administrators add staff accounts, change roles, deactivate, and set a new passphrase for one who forgot it. */
export function UsersSettings() {
  const t = useT();
  const reference = useAppStore((s) => s.reference);
  const list = useApiData(() => api.call('users.list', {}), []);
  const users = list.data ?? [];
  const [editing, setEditing] = useState<UserInput | null>(null);
  // Who was just deactivated: the database key change is offered at once.
  const [leaver, setLeaver] = useState<string | null>(null);
  const { error, reload: load } = list;
  const unitName = (id: number | null) => reference?.units.find((u) => u.id === id)?.name ?? '';

  return (
    <div className="settings-section">
      <ErrorBanner error={error} />
      <div className="toolbar">
        <button type="button" onClick={() => (setEditing(emptyUser()), setLeaver(null))}>
          {t('user.new')}
        </button>
      </div>
      {editing && (
        <UserForm
          key={editing.id ?? 'new'}
          user={editing}
          onDone={(saved) => {
            if (saved && editing.active !== false && saved.active === false) setLeaver(saved.name);
            setEditing(null);
            load();
          }}
        />
      )}
      {leaver && <RekeyPanel key={leaver} leaver={leaver} />}
      <RecordTable
        rows={users}
        keyOf={(u) => u.id}
        nameOf={(u) => u.name}
        onEdit={(u) => (setEditing({ ...u, passphrase: '' }), setLeaver(null))}
        columns={[
          { header: t('user.name'), cell: (u) => u.name },
          { header: t('user.userName'), cell: (u) => u.userName },
          { header: t('user.role'), cell: (u) => t(`role.${u.role}`) },
          { header: t('user.unit'), cell: (u) => unitName(u.unitId) },
          { header: t('user.status'), cell: (u) => (u.active ? t('user.active') : t('user.inactive')) },
        ]}
      />
    </div>
  );
}

/** `onDone` gets the saved account (or nothing when cancelled). */
function UserForm({ user, onDone }: { user: UserInput; onDone(saved?: UserInput): void }) {
  const t = useT();
  const reference = useAppStore((s) => s.reference);
  const [form, setForm] = useState<UserInput>(user);
  const { submit, error, busy } = useSubmit(
    () => api.call('users.save', { ...form, passphrase: form.passphrase || null }),
    () => onDone(form),
  );
  const fe = useFieldErrors(error);
  const isNew = form.id === undefined;
  return (
    <form className="card form-grid" onSubmit={submit} aria-label={isNew ? t('user.new') : t('user.edit')}>
      <ErrorBanner error={error} />
      <Field label={t('user.name')} error={fe('name')}>
        <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      </Field>
      <Field label={t('user.userName')} hint={t('user.userNameHint')} error={fe('userName')}>
        <input value={form.userName} onChange={(e) => setForm({ ...form, userName: e.target.value })} autoComplete="off" />
      </Field>
      <Field label={t('user.role')} error={fe('role')}>
        <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('user.unit')} error={fe('unitId')}>
        <select value={form.unitId ?? ''} onChange={(e) => setForm({ ...form, unitId: e.target.value ? Number(e.target.value) : null })}>
          <option value="">{t('user.noUnit')}</option>
          {reference?.units
            .filter((u) => u.active)
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
        </select>
      </Field>
      <Field
        label={isNew ? t('auth.passphrase') : t('user.newPassphrase')}
        hint={isNew ? t('auth.passphraseHint') : t('user.newPassphraseHint')}
        error={fe('passphrase')}
      >
        <input type="password" value={form.passphrase ?? ''} onChange={(e) => setForm({ ...form, passphrase: e.target.value })} autoComplete="new-password" />
      </Field>
      <PassphraseStrength passphrase={form.passphrase ?? ''} userName={form.userName} name={form.name} />
      <div className="field">
        <label className="check">
          <input type="checkbox" checked={form.active ?? true} onChange={(e) => setForm({ ...form, active: e.target.checked })} />
          {t('user.active')}
        </label>
        {fe('active') && (
          <span className="field-error" role="alert">
            {fe('active')}
          </span>
        )}
      </div>
      <FormActions onCancel={() => onDone()} busy={busy} />
    </form>
  );
}
