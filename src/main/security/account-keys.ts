/**
 * What an account record holds of the keys: its X25519 key pair, the private key wrapped under the
 * user's passphrase-derived key, the database key sealed to the public key, and a MAC under the
 * database key over the fields that grant rights. An account from before key pairs holds the
 * database key wrapped under the passphrase instead, and gets a key pair at its next sign-in.
 */
import { ApiError } from '../../shared/api/errors';
import { macMatches, macOf, unwrapKey, wrapKey, type KdfParams } from './crypto';
import { newKeyPair, openSealed, sealTo } from './key-pair';
import { userMacFields, type StoredUser } from './keystore';

/** Binds a wrapped or sealed key to its owner, so keys cannot be swapped between accounts. */
export const aadOf = (u: Pick<StoredUser, 'id'>) => `mdk user ${u.id}`;
const privateAadOf = (u: Pick<StoredUser, 'id'>) => `mdk user ${u.id} private key`;

export type AccountFields = Pick<StoredUser, 'id' | 'name' | 'userName' | 'role' | 'unitId' | 'active'> & { createdAt?: string };

/** True when the account's passphrase opens the database key (active accounts; a leaver has none). */
export const holdsKey = (u: StoredUser) => !!(u.keyPair && u.sealedKey) || !!u.wrappedKey;

/** True when a new database key can be sealed to the account without its passphrase. */
export const hasKeyPair = (u: StoredUser) => !!(u.keyPair && u.sealedKey);

/** An account record with a new key pair under `kek`, the database key sealed to it, and its MAC. */
export function sealAccount(dbKey: Buffer, fields: AccountFields, kdf: KdfParams, kek: Buffer): StoredUser {
  const pair = newKeyPair();
  const keyPair = { publicKey: pair.publicKey, wrappedPrivateKey: wrapKey(kek, pair.privateKey, privateAadOf(fields)) };
  pair.privateKey.fill(0);
  const user: StoredUser = {
    id: fields.id,
    userName: fields.userName,
    name: fields.name,
    role: fields.role,
    unitId: fields.unitId,
    active: fields.active,
    createdAt: fields.createdAt ?? new Date().toISOString(),
    kdf,
    wrappedKey: null,
    keyPair,
    sealedKey: sealTo(keyPair.publicKey, dbKey, aadOf(fields)),
    mac: '',
  };
  return { ...user, mac: macOf(dbKey, userMacFields(user)) };
}

/** The record of a deactivated account: nothing its passphrase opens is left. */
export function withoutKeys(dbKey: Buffer, user: StoredUser): StoredUser {
  const stripped = { ...user, kdf: null, wrappedKey: null, keyPair: null, sealedKey: null };
  return { ...stripped, mac: macOf(dbKey, userMacFields(stripped)) };
}

/** The record's MAC again after fields that grant rights changed. */
export const resigned = (dbKey: Buffer, user: StoredUser): StoredUser => ({ ...user, mac: macOf(dbKey, userMacFields(user)) });

/**
 * The database key, opened with the passphrase-derived key `kek` (not zeroed here); null for a wrong
 * passphrase. A record whose MAC does not match (a role or public key edited by hand) is refused.
 */
export function openAccount(user: StoredUser, kek: Buffer): Buffer | null {
  let key: Buffer | null = null;
  if (user.keyPair && user.sealedKey) {
    const privateKey = unwrapKey(kek, user.keyPair.wrappedPrivateKey, privateAadOf(user));
    if (!privateKey) return null;
    key = openSealed(privateKey, user.keyPair.publicKey, user.sealedKey, aadOf(user));
    privateKey.fill(0);
    // The passphrase was right, yet the seal does not open: it was swapped in by hand.
    if (!key) throw new ApiError('forbidden', 'security.accountTampered');
  } else if (user.wrappedKey) {
    key = unwrapKey(kek, user.wrappedKey, aadOf(user));
  }
  if (!key) return null;
  if (!macMatches(key, userMacFields(user), user.mac)) {
    key.fill(0);
    throw new ApiError('forbidden', 'security.accountTampered');
  }
  return key;
}

/** An account from before key pairs, given one with the passphrase just typed (same KDF parameters). */
export function withKeyPair(dbKey: Buffer, user: StoredUser, kek: Buffer): StoredUser {
  return sealAccount(dbKey, user, user.kdf!, kek);
}
