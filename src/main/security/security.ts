/**
 * Users, sign-in and the database key (issue 7). The core starts locked: the database file is
 * encrypted and opens only when a user's passphrase opens its key. Accounts live in the keystore
 * (read before the database is open); the key stays in memory while someone is signed in.
 *
 * This class is the one face of the security layer; the work is in files with one job each: the
 * keystore on disk (keystore.ts, keystore-access.ts), what an account holds of the keys
 * (account-keys.ts, key-pair.ts), account rules (accounts.ts), sign-in counters (sign-in-tries.ts),
 * the settings' integrity (keystore-integrity.ts), changing the database key (rekey.ts) and the
 * sessions (sessions.ts).
 */
import { existsSync } from 'node:fs';
import { ApiError, conflict, invalid } from '../../shared/api/errors';
import type { AuthStatus, SessionUser, UserSummary } from '../../shared/api/methods/security';
import type { Caller } from '../router/context';
import type { Db } from '../db/driver';
import { openDatabase } from '../db/driver';
import { databaseFile } from '../core-files';
import {
  deriveKey, deriveKeySync, macMatches, newDatabaseKey, newKdfParams, newRecoveryKey, RECOVERY_AAD, recoveryKek, STRONG_KDF, unwrapKey, wrapKey,
  type KdfParams,
} from './crypto';
import { userMacFields, type Keystore, type StoredUser } from './keystore';
import { KeystoreAccess } from './keystore-access';
import { checkSettings, needsSigning, settingsIntact, signedSettings } from './keystore-integrity';
import { hasKeyPair, openAccount, resigned, sealAccount, withKeyPair } from './account-keys';
import { applyUserChange, toSessionUser, toSummary, type NewSecret, type UserFields } from './accounts';
import { rekeyDatabase, settleInterruptedRekey, type RekeyStep } from './rekey';
import { Sessions } from './sessions';
import { SignInTries } from './sign-in-tries';
import { checkPassphrase } from './passphrase-policy';

export type { UserFields } from './accounts';

export interface SecurityOptions {
  dataDir: string;
  /**
   * Called once the database key is known (first sign-in): the core checks, opens and migrates the
   * database with it (core.ts). A damaged database still counts as unlocked: the core then answers
   * with its recovery mode.
   */
  openDb(key: Buffer): void;
  /** scrypt cost; tests lower it (test/service/helpers.ts), the app uses STRONG_KDF. */
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

export const DEFAULT_AUTO_LOCK_MINUTES = 10;
const ANONYMOUS: Caller = { userId: null, name: '', role: 'contact_nurse', unitId: null };

export class Security {
  private readonly store: KeystoreAccess;
  private dbKey: Buffer | null = null;
  readonly sessions: Sessions;
  private readonly tries: SignInTries;

  constructor(private readonly options: SecurityOptions) {
    this.store = new KeystoreAccess(options.dataDir);
    this.tries = new SignInTries(this.store, options.clock ?? Date.now);
    this.sessions = new Sessions(() => this.autoLockMs());
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
    this.dbKey?.fill(0);
    this.dbKey = null;
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

  /** First start: creates the administrator, the database key and the recovery key (shown once). */
  async setup(sessionId: string, input: { name: string; userName: string; passphrase: string }) {
    const kdf = this.newKdf();
    return this.setupWith(sessionId, input, kdf, await deriveKey(input.passphrase, kdf));
  }

  /** setup without yielding: for the synchronous test helpers only. */
  setupSync(sessionId: string, input: { name: string; userName: string; passphrase: string }) {
    const kdf = this.newKdf();
    return this.setupWith(sessionId, input, kdf, deriveKeySync(input.passphrase, kdf));
  }

  private setupWith(sessionId: string, input: { name: string; userName: string; passphrase: string }, kdf: KdfParams, kek: Buffer) {
    checkPassphrase(input.passphrase, input.userName, 'passphrase', input.name);
    const dbKey = newDatabaseKey();
    const recoveryKey = newRecoveryKey();
    const fields = { id: 1, name: input.name, userName: input.userName, role: 'administrator' as const, unitId: null, active: true };
    const user = sealAccount(dbKey, fields, kdf, kek);
    kek.fill(0);
    // The sealed key is on disk before any file is encrypted with it, so a crash never strands the data.
    this.store.update((current) => {
      if (current) throw conflict('security.alreadySetUp');
      const created: Keystore = {
        format: 'mdk-keystore-1',
        createdAt: new Date().toISOString(),
        autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES,
        recovery: wrapKey(recoveryKek(recoveryKey), dbKey, RECOVERY_AAD),
        users: [user],
      };
      return signedSettings(created, dbKey);
    });
    // A data folder from before encryption is encrypted in place.
    this.encryptExistingPlainDatabase(dbKey);
    this.openWith(dbKey);
    this.sessions.signIn(sessionId, user.id);
    return { user: toSessionUser(user), recoveryKey };
  }

  /** `clientId`: who is trying (a window, a tab, a CLI run); the session by default. */
  async login(sessionId: string, userName: string, passphrase: string, clientId = sessionId): Promise<SessionUser> {
    const user = this.beforeTry(userName, clientId);
    const kek = await deriveKey(passphrase, user?.kdf ?? this.newKdf());
    return this.loginWith(sessionId, user, kek, userName, clientId);
  }

  /** login without yielding: for the synchronous test helpers only. */
  loginSync(sessionId: string, userName: string, passphrase: string, clientId = sessionId): SessionUser {
    const user = this.beforeTry(userName, clientId);
    return this.loginWith(sessionId, user, deriveKeySync(passphrase, user?.kdf ?? this.newKdf()), userName, clientId);
  }

  /**
   * Before the passphrase is derived: an interrupted key change is undone (rekey.ts), and the try is
   * counted (sign-in-tries.ts). Returns the active account of that name, if any.
   */
  private beforeTry(userName: string, clientId: string): StoredUser | undefined {
    settleInterruptedRekey(this.store);
    this.tries.count(userName, clientId);
    return this.findActive(userName);
  }

  /**
   * Opens another database file (a backup to check or restore) with this database's key, which only
   * exists in memory while someone is signed in. Backups of the encrypted database stay encrypted.
   */
  openWithDatabaseKey(file: string, options: { readonly?: boolean } = {}): Db {
    return openDatabase(file, { key: this.requireKey(), readonly: options.readonly });
  }

  private findActive(userName: string): StoredUser | undefined {
    return this.store.existing.users.find((u) => u.active && u.userName.toLowerCase() === userName.trim().toLowerCase());
  }

  // An unknown user name costs the same KDF as a known one (above), so timing does not tell names apart.
  private loginWith(sessionId: string, user: StoredUser | undefined, kek: Buffer, typed: string, clientId: string): SessionUser {
    try {
      const key = user && openAccount(user, kek);
      if (!user || !key) throw invalid('passphrase', 'security.wrongCredentials');
      try {
        checkSettings(this.store.existing, key);
        this.tries.clear(typed, clientId);
        this.openWith(key);
        // An account from before key pairs gets one now, while its passphrase is at hand.
        if (!hasKeyPair(user)) this.store.change((k) => ({ ...k, users: k.users.map((u) => (u.id === user.id ? withKeyPair(key, u, kek) : u)) }));
      } finally {
        key.fill(0);
      }
      this.signSettingsIfNew();
      this.sessions.signIn(sessionId, user.id);
      return toSessionUser(user);
    } finally {
      kek.fill(0);
    }
  }

  /**
   * Unattended start of the unit server: opens the database with a key unwrapped by the server key
   * file (src/main/server/server-key.ts). The key must match the accounts' MACs; no session signs in.
   */
  openWithServerKey(key: Buffer): void {
    settleInterruptedRekey(this.store);
    const keystore = this.store.existing;
    if (!keystore.users.some((u) => macMatches(key, userMacFields(u), u.mac))) throw new ApiError('forbidden', 'security.accountTampered');
    checkSettings(keystore, key);
    this.openWith(key);
  }

  /** A keystore from before the settings' (or counters') MAC gets one at the first sign-in that knows the key. */
  private signSettingsIfNew(): void {
    const dbKey = this.dbKey;
    if (!dbKey || !this.keystore || !needsSigning(this.keystore)) return;
    this.store.change((k) => (needsSigning(k) ? signedSettings(k, dbKey) : k));
  }

  /** A locked window: only the same user's passphrase opens it again. */
  async unlock(sessionId: string, passphrase: string): Promise<SessionUser> {
    const s = this.sessions.get(sessionId);
    const user = s && this.store.existing.users.find((u) => u.id === s.userId && u.active);
    if (!s || !user || !user.kdf) throw new ApiError('unauthenticated', 'error.unauthenticated');
    this.tries.count(user.userName, sessionId);
    const kek = await deriveKey(passphrase, user.kdf);
    const key = openAccount(user, kek);
    kek.fill(0);
    if (!key) throw invalid('passphrase', 'security.wrongPassphrase');
    key.fill(0);
    this.tries.clear(user.userName, sessionId);
    this.sessions.signIn(sessionId, user.id);
    return toSessionUser(user);
  }

  /**
   * Forgotten passphrase: the recovery key from setup sets a new one for a user and signs in. It also
   * proves the right to sign the settings again (defaults for any edited by hand) and to clear the
   * sign-in counters.
   */
  async recover(sessionId: string, input: { recoveryKey: string; userName: string; passphrase: string }): Promise<SessionUser> {
    settleInterruptedRekey(this.store);
    const keystore = this.store.existing;
    const dbKey = unwrapKey(recoveryKek(input.recoveryKey), keystore.recovery, RECOVERY_AAD);
    if (!dbKey) throw invalid('recoveryKey', 'security.wrongRecoveryKey');
    const found = keystore.users.find((u) => u.userName.toLowerCase() === input.userName.toLowerCase());
    if (!found) throw invalid('userName', 'security.unknownUser');
    checkPassphrase(input.passphrase, found.userName, 'passphrase', found.name);
    const kdf = this.newKdf();
    const kek = await deriveKey(input.passphrase, kdf);
    const updated = sealAccount(dbKey, found, kdf, kek);
    kek.fill(0);
    this.openWith(dbKey);
    this.store.change((k) => {
      const settings = settingsIntact(k, dbKey) ? k : { ...k, autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES, throttleKey: undefined };
      return signedSettings({ ...settings, throttle: {}, users: k.users.map((u) => (u.id === updated.id ? updated : u)) }, dbKey);
    });
    dbKey.fill(0);
    this.sessions.signIn(sessionId, updated.id);
    return toSessionUser(updated);
  }

  /** True when `recoveryKey` unwraps the database key (the key itself is dropped at once). */
  recoveryKeyMatches(recoveryKey: string): boolean {
    const keystore = this.keystore;
    const key = keystore && unwrapKey(recoveryKek(recoveryKey), keystore.recovery, RECOVERY_AAD);
    key?.fill(0);
    return !!key;
  }

  async changePassphrase(userId: number, current: string, next: string): Promise<void> {
    const user = this.store.existing.users.find((u) => u.id === userId);
    const currentKek = user?.kdf ? await deriveKey(current, user.kdf) : null;
    const key = user && currentKek ? openAccount(user, currentKek) : null;
    currentKek?.fill(0);
    if (!user || !key) throw invalid('current', 'security.wrongPassphrase');
    try {
      checkPassphrase(next, user.userName, 'passphrase', user.name);
      const kdf = this.newKdf();
      const kek = await deriveKey(next, kdf);
      const updated = sealAccount(key, user, kdf, kek);
      kek.fill(0);
      // Only this account's keys change; the rest of the keystore is kept as it is on disk now.
      this.store.change((k) => ({ ...k, users: k.users.map((u) => (u.id === updated.id ? resigned(key, { ...u, ...keysOf(updated) }) : u)) }));
    } finally {
      key.fill(0);
    }
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

  /**
   * Active accounts a new database key cannot be sealed to yet: they have not signed in since key
   * pairs came (a passphrase reset gives them one too).
   */
  usersWithoutKeyPair(): UserSummary[] {
    return this.store.existing.users.filter((u) => u.active && !hasKeyPair(u)).map(toSummary);
  }

  /** Administrators add and change accounts; the new passphrase is wrapped with the key in memory. */
  async saveUser(actingUserId: number | null, input: UserFields): Promise<{ id: number }> {
    const kdf = this.newKdf();
    return this.saveUserWith(actingUserId, input, input.passphrase ? { kdf, kek: await deriveKey(input.passphrase, kdf) } : null);
  }

  /** saveUser without yielding: for the synchronous test helpers only. */
  saveUserSync(actingUserId: number | null, input: UserFields): { id: number } {
    const kdf = this.newKdf();
    return this.saveUserWith(actingUserId, input, input.passphrase ? { kdf, kek: deriveKeySync(input.passphrase, kdf) } : null);
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
      this.openWith(result.key);
      result.key.fill(0);
      return { recoveryKey: result.recoveryKey, serverKeyRemoved: result.serverKeyRemoved };
    } catch (e) {
      // Nothing changed (rekey.ts put it back): the database opens again with the key it had.
      if (!this.dbKey) this.openWith(oldKey);
      throw e;
    } finally {
      oldKey.fill(0);
    }
  }

  private newKdf(): KdfParams {
    return newKdfParams(this.options.kdfCost ?? STRONG_KDF);
  }

  private requireKey(): Buffer {
    if (!this.dbKey) throw new ApiError('locked', 'error.locked');
    return this.dbKey;
  }

  private openWith(key: Buffer): void {
    if (this.dbKey) return;
    const copy = Buffer.from(key);
    try {
      this.options.openDb(copy); // throws e.g. database_too_new: then nothing counts as open
    } catch (e) {
      copy.fill(0);
      throw e;
    }
    this.dbKey = copy;
  }

  private encryptExistingPlainDatabase(key: Buffer): void {
    const file = databaseFile(this.options.dataDir);
    if (!existsSync(file)) return;
    const plain = openDatabase(file);
    try {
      plain.pragma('journal_mode = DELETE');
      plain.pragma(`rekey = "x'${key.toString('hex')}'"`);
    } finally {
      plain.close();
    }
  }
}

/** The fields a new passphrase changes in an account record. */
const keysOf = (u: StoredUser): Partial<StoredUser> => ({ kdf: u.kdf, wrappedKey: u.wrappedKey, keyPair: u.keyPair, sealedKey: u.sealedKey });
