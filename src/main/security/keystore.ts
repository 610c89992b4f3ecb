/**
 * The keystore: a JSON file beside the database holding what is needed before the database can be
 * opened — user accounts (login data) and the database key wrapped once per user and once for the
 * recovery key. It holds no patient data and no key in the clear.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Role } from '../../shared/api/contract';
import type { KdfParams, Wrapped } from './crypto';
import type { Sealed } from './key-pair';
import { withLock } from './file-lock';
import { ApiError } from '../../shared/api/errors';

export const keystoreFile = (dataDir: string) => join(dataDir, 'mdk-keystore.json');

export interface StoredUser {
  id: number;
  /** HSA-id or a local user name; what the user types to sign in. */
  userName: string;
  name: string;
  role: Role;
  unitId: number | null;
  active: boolean;
  createdAt: string;
  /** Null once the account is deactivated: a leaver's passphrase no longer unwraps anything. */
  kdf: KdfParams | null;
  /** An account from before key pairs: the database key wrapped under the passphrase (replaced at sign-in). */
  wrappedKey: Wrapped | null;
  /** The account's X25519 key pair (key-pair.ts), its private key wrapped under the passphrase. */
  keyPair?: UserKeyPair | null;
  /** The database key sealed to `keyPair.publicKey`. */
  sealedKey?: Sealed | null;
  /** HMAC under the database key over the fields above that grant rights (see userMacFields). */
  mac: string;
}

export interface UserKeyPair {
  publicKey: string;
  wrappedPrivateKey: Wrapped;
}

/**
 * A change of the database key has started and not been committed (rekey.ts). Found by the next
 * process to open the data folder, it means the change was interrupted: the copy of the database
 * taken first is put back, and the keystore (still the old key's) fits it again.
 */
export interface PendingRekey {
  startedAt: string;
}

/** Failed sign-ins of one user name or one client, kept across restarts (see throttle.ts). */
export interface FailureRecord {
  failures: number;
  /** Real time (ms) of the last try counted. */
  lastAt: number;
}

export interface Keystore {
  format: 'mdk-keystore-1';
  /** Grows with every write: a process holding an older copy reads the file again before it changes it. */
  version?: number;
  createdAt: string;
  /** Auto-lock after this many minutes without activity (default 10). */
  autoLockMinutes: number;
  /** HMAC under the database key over the settings (settingsMacFields), like the users' records. */
  settingsMac?: string;
  recovery: Wrapped;
  users: StoredUser[];
  /** Sign-in failures per user name (`u:name`) and per client (`c:id`). */
  throttle?: Record<string, FailureRecord>;
  /** Key of `throttleMac` (see keystore-integrity.ts); its fingerprint is in the settings' MAC. */
  throttleKey?: string;
  /** HMAC over `throttle`, written with every count (before sign-in, so not under the database key). */
  throttleMac?: string;
  pendingRekey?: PendingRekey;
}

export const settingsMacFields = (k: Pick<Keystore, 'autoLockMinutes' | 'throttleKey'>) =>
  k.throttleKey ? ['settings', k.autoLockMinutes, fingerprintOf(k.throttleKey)] : ['settings', k.autoLockMinutes];

const fingerprintOf = (key: string) => createHash('sha256').update(key).digest('base64');

/** The public key is covered too: one swapped in by hand would otherwise receive the next database key. */
export const userMacFields = (u: Pick<StoredUser, 'id' | 'userName' | 'name' | 'role' | 'unitId' | 'active' | 'keyPair'>) => {
  const fields: unknown[] = [u.id, u.userName, u.name, u.role, u.unitId, u.active];
  return u.keyPair ? [...fields, u.keyPair.publicKey] : fields;
};

export function readKeystore(dataDir: string): Keystore | null {
  const file = keystoreFile(dataDir);
  if (!existsSync(file)) return null;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Keystore;
  if (parsed.format !== 'mdk-keystore-1') throw new Error(`Unknown keystore format in ${file}`);
  return parsed;
}

/** A cheap fingerprint of the file on disk: a changed one is read again. */
export function keystoreStamp(dataDir: string): string | null {
  try {
    const st = statSync(keystoreFile(dataDir));
    return `${st.ino}:${st.size}:${st.mtimeMs}`;
  } catch {
    return null;
  }
}

export const keystoreLockFile = (dataDir: string) => join(dataDir, 'mdk-keystore.lock');
/** Held while the database key is being changed (rekey.ts). */
export const rekeyLockFile = (dataDir: string) => join(dataDir, 'mdk-rekey.lock');

/**
 * The keystore's only way to change: under an exclusive lock shared by every process on the data
 * folder, the file is read again, `change` is applied to what is on disk now (never to a copy held in
 * memory), and the result is written with the next version. Two processes changing accounts at once
 * both keep their change; neither silently undoes the other's.
 */
export function updateKeystore(dataDir: string, change: (current: Keystore | null) => Keystore): Keystore {
  return withLock(
    keystoreLockFile(dataDir),
    () => {
      const current = readKeystore(dataDir);
      const next = { ...change(current), version: (current?.version ?? 0) + 1 };
      writeKeystore(dataDir, next);
      return next;
    },
    10_000,
    () => new ApiError('busy', 'error.busy'),
  );
}

/** Write to a temporary file, fsync, rename: a crash leaves the old or the new keystore, never half. */
function writeKeystore(dataDir: string, keystore: Keystore): void {
  const file = keystoreFile(dataDir);
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(keystore, null, 2));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}
