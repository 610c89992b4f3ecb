/**
 * User administration: the rules an account change must keep (unique user names, one active
 * administrator at least, nobody deactivates themselves), applied to the keystore as it is on disk.
 */
import { invalid, notFound } from '../../shared/api/errors';
import type { Role } from '../../shared/api/contract';
import type { SessionUser, UserSummary } from '../../shared/api/methods/security';
import type { KdfParams } from './crypto';
import type { Keystore, StoredUser } from './keystore';
import { checkPassphrase } from './passphrase-policy';
import { holdsKey, resigned, sealAccount, withoutKeys } from './account-keys';

export interface UserFields {
  id?: number;
  name: string;
  userName: string;
  role: Role;
  unitId: number | null;
  active: boolean;
  passphrase?: string | null;
}

export const toSessionUser = (u: StoredUser): SessionUser => ({ id: u.id, name: u.name, userName: u.userName, role: u.role, unitId: u.unitId });

export const toSummary = (u: StoredUser): UserSummary => ({ ...toSessionUser(u), active: u.active, createdAt: u.createdAt });

/** A new passphrase's derived key, ready before the keystore's lock is taken. */
export interface NewSecret {
  kdf: KdfParams;
  kek: Buffer;
}

/**
 * The keystore after adding or changing one account. A new passphrase (a new user, a reset) gives
 * the account a new key pair; a deactivated account keeps no key at all.
 */
export function applyUserChange(
  keystore: Keystore,
  input: UserFields,
  actingUserId: number | null,
  dbKey: Buffer,
  secret: NewSecret | null,
): { keystore: Keystore; user: StoredUser } {
  if (input.passphrase) checkPassphrase(input.passphrase, input.userName, 'passphrase', input.name);
  const clash = keystore.users.find((u) => u.userName.toLowerCase() === input.userName.toLowerCase() && u.id !== input.id);
  if (clash) throw invalid('userName', 'security.userNameTaken');
  const existing = input.id === undefined ? undefined : keystore.users.find((u) => u.id === input.id);
  if (input.id !== undefined && !existing) throw notFound('user', input.id);
  if (!existing && !input.passphrase) throw invalid('passphrase', 'validation.required');
  // A deactivated account has no key left: coming back needs a new passphrase.
  if (existing && !holdsKey(existing) && input.active && !secret) throw invalid('passphrase', 'security.reactivateNeedsPassphrase');
  const admins = keystore.users.filter((u) => u.active && u.role === 'administrator' && u.id !== input.id);
  if (existing?.role === 'administrator' && existing.active && (input.role !== 'administrator' || !input.active) && admins.length === 0)
    throw invalid('role', 'security.lastAdministrator');
  if (existing && existing.id === actingUserId && !input.active) throw invalid('active', 'security.cannotDeactivateSelf');
  const fields = {
    id: existing?.id ?? Math.max(0, ...keystore.users.map((u) => u.id)) + 1,
    name: input.name,
    userName: input.userName,
    role: input.role,
    unitId: input.unitId,
    active: input.active,
  };
  let user: StoredUser = secret ? sealAccount(dbKey, { ...existing, ...fields }, secret.kdf, secret.kek) : resigned(dbKey, { ...existing!, ...fields });
  // A leaver's passphrase must no longer open the database key.
  if (!user.active) user = withoutKeys(dbKey, user);
  const users = existing ? keystore.users.map((u) => (u.id === user.id ? user : u)) : [...keystore.users, user];
  return { keystore: { ...keystore, users }, user };
}
