/**
 * One process's view of the keystore file: read again whenever the file changed (another process, the
 * CLI or browser mode, may have changed an account since), and changed only by read-modify-write under
 * the data folder's keystore lock (keystore.ts).
 */
import { ApiError } from '../../shared/api/errors';
import { keystoreStamp, readKeystore, updateKeystore, type Keystore } from './keystore';

export class KeystoreAccess {
  private cached: { stamp: string | null; keystore: Keystore | null } = { stamp: null, keystore: null };

  constructor(readonly dataDir: string) {}

  /** The keystore as it is on disk now, or null before setup. */
  get current(): Keystore | null {
    const stamp = keystoreStamp(this.dataDir);
    if (stamp !== this.cached.stamp || stamp === null) this.cached = { stamp, keystore: readKeystore(this.dataDir) };
    return this.cached.keystore;
  }

  /** The keystore on disk now; refuses before setup. */
  get existing(): Keystore {
    return required(this.current);
  }

  /** Applies `change` to the file as it is now, under its lock; `current` is null before setup. */
  update(change: (current: Keystore | null) => Keystore): Keystore {
    const next = updateKeystore(this.dataDir, change);
    this.cached = { stamp: keystoreStamp(this.dataDir), keystore: next };
    return next;
  }

  /** update() of a keystore that must exist. */
  change(change: (current: Keystore) => Keystore): Keystore {
    return this.update((current) => change(required(current)));
  }
}

function required(current: Keystore | null): Keystore {
  if (!current) throw new ApiError('unauthenticated', 'error.unauthenticated');
  return current;
}
