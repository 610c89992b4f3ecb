/**
 * The keystore: a JSON file beside the database holding what is needed before the database can be
 * opened — user accounts (login data) and the database key wrapped once per user and once for the
 * recovery key. It holds no patient data and no key in the clear.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '../../shared/api/contract';
import type { KdfParams, Wrapped } from './crypto';

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
  kdf: KdfParams;
  wrappedKey: Wrapped;
  /** HMAC under the database key over the fields above that grant rights (see userMacFields). */
  mac: string;
}

export interface Keystore {
  format: 'mdk-keystore-1';
  createdAt: string;
  /** Auto-lock after this many minutes without activity (issue 7: default 10). */
  autoLockMinutes: number;
  recovery: Wrapped;
  users: StoredUser[];
}

export const userMacFields = (u: Pick<StoredUser, 'id' | 'userName' | 'name' | 'role' | 'unitId' | 'active'>) => [
  u.id,
  u.userName,
  u.name,
  u.role,
  u.unitId,
  u.active,
];

export function readKeystore(dataDir: string): Keystore | null {
  const file = keystoreFile(dataDir);
  if (!existsSync(file)) return null;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Keystore;
  if (parsed.format !== 'mdk-keystore-1') throw new Error(`Unknown keystore format in ${file}`);
  return parsed;
}

/** Write to a temporary file, fsync, rename: a crash leaves the old or the new keystore, never half. */
export function writeKeystore(dataDir: string, keystore: Keystore): void {
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
