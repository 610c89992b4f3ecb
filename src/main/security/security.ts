/**
 * Users, sign-in and the database key. The core starts locked: the database file is
 * encrypted and opens only when a user's passphrase opens its key. Accounts live in the keystore
 * (read before the database is open); the key stays in memory while someone is signed in.
 *
 * This class is the one face of the security layer; the work is in files with one job each: signing
 * in (sign-in.ts), the key in memory (database-key.ts), the keystore on disk (keystore.ts,
 * keystore-access.ts), what an account holds of the keys (account-keys.ts, key-pair.ts), account
 * rules (accounts.ts), sign-in counters (sign-in-tries.ts), the settings' integrity
 * (keystore-integrity.ts), changing the database key (rekey.ts) and the sessions (sessions.ts).
 */
import { ApiError } from '../../shared/api/errors';
import type { AuthStatus, SessionUser, UserSummary } from '../../shared/api/methods/security';
import type { Caller } from '../router/context';
import type { Db } from '../db/driver';
import { openDatabase } from '../db/driver';
import { deriveKey, newKdfParams, RECOVERY_AAD, recoveryKek, STRONG_KDF, unwrapKey, type KdfParams } from './crypto';
import type { Keystore, StoredUser } from './keystore';
import { KeystoreAccess } from './keystore-access';
import { settingsIntact, signedSettings } from './keystore-integrity';
import { applyUserChange, toSessionUser, toSummary, type NewSecret, type UserFields } from './accounts';
import { rekeyDatabase, type RekeyStep } from './rekey';
import { Sessions } from './sessions';
import { SignIn, DEFAULT_AUTO_LOCK_MINUTES } from './sign-in';
import { SignInTries } from './sign-in-tries';
import { DatabaseKey } from './database-key';

export type { UserFields } from './accounts';

export interface SecurityOptions {
  dataDir: string;
  /**
   * Called once the database key is known (first sign-in): the core checks, opens and migrates the
   * database with it (core.ts). A damaged database still counts as unlocked: the core then answers
   * with its recovery mode.
   */
  openDb(key: Buffer): void;
  /** scrypt cost; tests lower it (TEST_KDF), the app uses STRONG_KDF. */
  kdfCost?: { N: number; r: number; p: number };
  /** Overrides the auto-lock setting (tests: a few seconds). */
  autoLockMs?: number;
  /** Called when the last session has signed out (and before the key changes): the core closes the database. */
  closeDb?(): void;
  /** Real time for the sign-in delays (tests move it); Date.now by default. */
  clock?: () => number;
  /** Tests: runs after each step of a key change (rekey.ts). */
  afterRekeyStep?(step: RekeyStep): void;
}

export { DEFAULT_AUTO_LOCK_MINUTES };
const ANONYMOUS: Caller = { userId: null, name: '', role: 'contact_nurse', unitId: null };

export class Security {
  private readonly store: KeystoreAccess;
  private readonly databaseKey: DatabaseKey;
  readonly sessions: Sessions;
  private readonly signIn: SignIn;

  constructor(private readonly options: SecurityOptions) {
    this.store = new KeystoreAccess(options.dataDir);
    this.databaseKey = new DatabaseKey(options.openDb);
    this.sessions = new Sessions(() => this.autoLockMs());
    const tries = new SignInTries(this.store, options.clock ?? Date.now);
    this.signIn = new SignIn({ store: this.store, tries, sessions: this.sessions, newKdf: () => this.newKdf() }, this.databaseKey);
  }

  private get dbKey(): Buffer | null {
    return this.databaseKey.current;
  }

  /** First start: creates the administrator, the database key and the recovery key (shown once). */
  setup(sessionId: string, input: { name: string; userName: string; passphrase: string }) {
    return this.signIn.setup(sessionId, input);
  }

  /** `clientId`: who is trying (a window, a tab, a CLI run); the session by default. */
  login(sessionId: string, userName: string, passphrase: string, clientId = sessionId): Promise<SessionUser> {
    return this.signIn.login(sessionId, userName, passphrase, clientId);
  }

  /** A locked window: only the same user's passphrase opens it again. */
  unlock(sessionId: string, passphrase: string): Promise<SessionUser> {
    return this.signIn.unlock(sessionId, passphrase);
  }

  /** Forgotten passphrase: the recovery key from setup sets a new one for a user and signs in. */
  recover(sessionId: string, input: { recoveryKey: string; userName: string; passphrase: string }): Promise<SessionUser> {
    return this.signIn.recover(sessionId, input);
  }

  changePassphrase(userId: number, current: string, next: string): Promise<void> {
    return this.signIn.changePassphrase(userId, current, next);
  }

  /** Unattended start of the unit server with the database key from its key file (server-key.ts). */
  openWithServerKey(key: Buffer): void {
    this.signIn.openWithServerKey(key);
  }

  /** The keystore as it is on disk now (another process may have changed an account since). */
  private get keystore(): Keystore | null {
    return this.store.current;
  }

  /**
   * The auto-lock minutes, trusted only when their MAC under the database key matches (a value edited
   * into the file by hand is refused at sign-in, and never used). A keystore from before the MAC is
   * signed at sign-in.
   */
  autoLockMinutes(): number {
    const k = this.keystore;
    if (k && this.dbKey && k.settingsMac && settingsIntact(k, this.dbKey)) return k.autoLockMinutes;
    return DEFAULT_AUTO_LOCK_MINUTES;
  }

  autoLockMs(): number {
    return this.options.autoLockMs ?? this.autoLockMinutes() * 60_000;
  }

  /** True once a sign-in has opened the database key (it stays in memory while the core runs). */
  get isOpen(): boolean {
    return this.dbKey !== null;
  }

  /** The database key, or undefined while nobody has signed in yet. */
  get key(): Buffer | undefined {
    return this.dbKey ?? undefined;
  }

  /** Forgets the database key: its buffer is zeroed (the core has closed the database first). */
  close(): void {
    this.databaseKey.forget();
  }

  /** A session signs out; when none is left, the database is closed and the key forgotten. */
  signOut(sessionId: string): void {
    const signedIn = this.sessions.get(sessionId) !== undefined;
    this.sessions.signOut(sessionId);
    if (signedIn && this.sessions.isEmpty() && this.dbKey) {
      this.options.closeDb?.();
      this.close();
    }
  }

  status(sessionId: string): Omit<AuthStatus, 'databaseDamaged'> {
    const base = { autoLockMs: this.autoLockMs(), autoLockMinutes: this.autoLockMinutes() };
    if (!this.keystore) return { state: 'setup', user: null, ...base };
    const s = this.sessions.get(sessionId);
    const user = s && this.keystore.users.find((u) => u.id === s.userId);
    if (!s || !user) return { state: 'signedOut', user: null, ...base };
    return { state: s.locked ? 'locked' : 'signedIn', user: toSessionUser(user), ...base };
  }

  /** The router's seam: who this session is, or a refusal ('unauthenticated', 'locked'). */
  resolveCaller(sessionId: string, signIn: boolean): Caller {
    const s = this.sessions.get(sessionId);
    const user = s && this.keystore?.users.find((u) => u.id === s.userId && u.active);
    if (!s || !user) {
      if (signIn) return ANONYMOUS;
      throw new ApiError('unauthenticated', 'error.unauthenticated');
    }
    if (s.locked && !signIn) throw new ApiError('locked', 'error.locked');
    if (!signIn) this.sessions.touch(sessionId);
    return { userId: user.id, name: user.name, role: user.role, unitId: user.unitId };
  }

  /**
   * Opens another database file (a backup to check or restore) with this database's key, which only
   * exists in memory while someone is signed in. Backups of the encrypted database stay encrypted.
   */
  openWithDatabaseKey(file: string, options: { readonly?: boolean } = {}): Db {
    return openDatabase(file, { key: this.requireKey(), readonly: options.readonly });
  }

  /** True when `recoveryKey` unwraps the database key (the key itself is dropped at once). */
  recoveryKeyMatches(recoveryKey: string): boolean {
    const keystore = this.keystore;
    const key = keystore && unwrapKey(recoveryKek(recoveryKey), keystore.recovery, RECOVERY_AAD);
    key?.fill(0);
    return !!key;
  }

  /** The sign-in name the access log records beside the full name. */
  userNameOf(userId: number | null): string {
    return this.keystore?.users.find((u) => u.id === userId)?.userName ?? '';
  }

  /** The accounts (no secrets); empty before setup. */
  listUsersUnchecked(): UserSummary[] {
    return this.keystore ? this.listUsers() : [];
  }

  listUsers(): UserSummary[] {
    return this.store.existing.users.map(toSummary);
  }

  /** Administrators add and change accounts; the new passphrase is wrapped with the key in memory. */
  async saveUser(actingUserId: number | null, input: UserFields): Promise<{ id: number }> {
    const kdf = this.newKdf();
    return this.saveUserWith(actingUserId, input, input.passphrase ? { kdf, kek: await deriveKey(input.passphrase, kdf) } : null);
  }

  private saveUserWith(actingUserId: number | null, input: UserFields, secret: NewSecret | null): { id: number } {
    const dbKey = this.requireKey();
    let saved: StoredUser | null = null;
    try {
      // Checked and applied against the keystore on disk now, under its lock: a change made meanwhile by
      // another process (a deactivation, a reset passphrase) is kept, never overwritten by an older copy.
      this.store.change((keystore) => {
        const change = applyUserChange(keystore, input, actingUserId, dbKey, secret);
        saved = change.user;
        return change.keystore;
      });
    } finally {
      secret?.kek.fill(0);
    }
    const user = saved as unknown as StoredUser;
    if (!user.active) this.sessions.signOutUser(user.id);
    return { id: user.id };
  }

  setAutoLock(minutes: number): number {
    const dbKey = this.requireKey();
    this.store.change((k) => signedSettings(k, dbKey, minutes));
    return minutes;
  }

  /**
   * Byt databasnyckel: a new database key for the database file and every active account (rekey.ts);
   * returns the new recovery key, shown once like the first one. The sessions stay signed in.
   */
  rekey(progress?: (done: number, total: number) => void): { recoveryKey: string; serverKeyRemoved: boolean } {
    const oldKey = Buffer.from(this.requireKey());
    this.options.closeDb?.();
    this.close();
    try {
      const result = rekeyDatabase({ store: this.store, oldKey, progress, afterStep: this.options.afterRekeyStep });
      this.databaseKey.open(result.key);
      result.key.fill(0);
      return { recoveryKey: result.recoveryKey, serverKeyRemoved: result.serverKeyRemoved };
    } catch (e) {
      // Nothing changed (rekey.ts put it back): the database opens again with the key it had.
      if (!this.dbKey) this.databaseKey.open(oldKey);
      throw e;
    } finally {
      oldKey.fill(0);
    }
  }

  private newKdf(): KdfParams {
    return newKdfParams(this.options.kdfCost ?? STRONG_KDF);
  }

  private requireKey(): Buffer {
    return this.databaseKey.required();
  }
}
