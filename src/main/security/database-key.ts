/**
 * The database key in memory: set when a sign-in (or the recovery key, or the unit server's key file)
 * has opened it and the core has opened the database with it; zeroed when the last session signs out.
 */
import { ApiError } from '../../shared/api/errors';

export class DatabaseKey {
  private key: Buffer | null = null;

  constructor(
    /** The core checks, opens and migrates the database with the key (core.ts). */
    private readonly openDb: (key: Buffer) => void,
  ) {}

  get current(): Buffer | null {
    return this.key;
  }

  /** The key, or 'locked' while nobody has signed in. */
  required(): Buffer {
    if (!this.key) throw new ApiError('locked', 'error.locked');
    return this.key;
  }

  /** Opens the database with a copy of `key`, unless it is open already. */
  open(key: Buffer): void {
    if (this.key) return;
    const copy = Buffer.from(key);
    try {
      this.openDb(copy); // throws e.g. database_too_new: then nothing counts as open
    } catch (e) {
      copy.fill(0);
      throw e;
    }
    this.key = copy;
  }

  /** Forgets the key: its buffer is zeroed (the core has closed the database first). */
  forget(): void {
    this.key?.fill(0);
    this.key = null;
  }
}
