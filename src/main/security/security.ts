/**
 * Users, sign-in and the database key (issue 7). The core starts locked: the database file is
 * encrypted and opens only when a user's passphrase unwraps its key. Accounts live in the keystore
 * (read before the database is open); the key stays in memory while the core runs.
 */
import { existsSync } from 'node:fs';
import { ApiError, conflict, invalid, notFound } from '../../shared/api/errors';
import type { Role } from '../../shared/api/contract';
import type { AuthStatus, SessionUser, UserSummary } from '../../shared/api/methods/security';
import type { Caller } from '../router/context';
import type { Db } from '../db/driver';
import { openDatabase } from '../db/driver';
import { databaseFile } from '../core-files';
import {
  deriveKey, deriveKeySync, macMatches, macOf, newDatabaseKey, newKdfParams, newRecoveryKey, recoveryKek, STRONG_KDF, unwrapKey, wrapKey,
  type KdfParams,
} from './crypto';
import { keystoreStamp, readKeystore, settingsMacFields, updateKeystore, userMacFields, type Keystore, type StoredUser } from './keystore';
import { Sessions } from './sessions';
import { clientKey, countTry, nameKey, waitFor } from './throttle';
import { checkPassphrase } from './passphrase-policy';

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
  /** Called when the last session has signed out: the core closes the database. */
  closeDb?(): void;
  /** Real time for the sign-in delays (tests move it); Date.now by default. */
  clock?: () => number;
}

export const DEFAULT_AUTO_LOCK_MINUTES = 10;
const ANONYMOUS: Caller = { userId: null, name: '', role: 'contact_nurse', unitId: null };
const aadOf = (u: Pick<StoredUser, 'id'>) => `mdk user ${u.id}`;
const RECOVERY_AAD = 'mdk recovery';

export interface UserFields {
  id?: number;
  name: string;
  userName: string;
  role: Role;
  unitId: number | null;
  active: boolean;
  passphrase?: string | null;
}

const toSessionUser = (u: StoredUser): SessionUser => ({ id: u.id, name: u.name, userName: u.userName, role: u.role, unitId: u.unitId });

export class Security {
  private cached: { stamp: string | null; keystore: Keystore | null } = { stamp: null, keystore: null };
  private dbKey: Buffer | null = null;
  readonly sessions: Sessions;
  private readonly clock: () => number;

  constructor(private readonly options: SecurityOptions) {
    this.clock = options.clock ?? Date.now;
    this.sessions = new Sessions(() => this.autoLockMs());
  }

  /**
   * The keystore as it is on disk now: another process (the CLI, browser mode) may have changed an
   * account since, and a deactivated user must be refused here at once. Read again when the file changed.
   */
  private get keystore(): Keystore | null {
    const stamp = keystoreStamp(this.options.dataDir);
    if (stamp !== this.cached.stamp || stamp === null) this.cached = { stamp, keystore: readKeystore(this.options.dataDir) };
    return this.cached.keystore;
  }

  /** Every change: read-modify-write of the file under the data folder's keystore lock (keystore.ts). */
  private update(change: (current: Keystore | null) => Keystore): Keystore {
    const next = updateKeystore(this.options.dataDir, change);
    this.cached = { stamp: keystoreStamp(this.options.dataDir), keystore: next };
    return next;
  }

  /**
   * The auto-lock minutes, trusted only when their MAC under the database key matches (a value edited
   * into the file by hand falls back to the default). A keystore from before the MAC is signed at sign-in.
   */
  autoLockMinutes(): number {
    const k = this.keystore;
    if (!k) return DEFAULT_AUTO_LOCK_MINUTES;
    if (this.dbKey && k.settingsMac && macMatches(this.dbKey, settingsMacFields(k), k.settingsMac)) return k.autoLockMinutes;
    return DEFAULT_AUTO_LOCK_MINUTES;
  }

  autoLockMs(): number {
    return this.options.autoLockMs ?? this.autoLockMinutes() * 60_000;
  }

  /** True once a sign-in has unwrapped the database key (it stays in memory while the core runs). */
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
    const user = this.sealUser(dbKey, fields, kdf, kek);
    // The wrapped key is on disk before any file is encrypted with it, so a crash never strands the data.
    this.update((current) => {
      if (current) throw conflict('security.alreadySetUp');
      return {
        format: 'mdk-keystore-1',
        createdAt: new Date().toISOString(),
        autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES,
        settingsMac: macOf(dbKey, settingsMacFields({ autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES })),
        recovery: wrapKey(recoveryKek(recoveryKey), dbKey, RECOVERY_AAD),
        users: [user],
      };
    });
    // A data folder from before encryption is encrypted in place.
    this.encryptExistingPlainDatabase(dbKey);
    this.openWith(dbKey);
    this.sessions.signIn(sessionId, user.id);
    return { user: toSessionUser(user), recoveryKey };
  }

  /** `clientId`: who is trying (a window, a tab, a CLI run); the session by default. */
  async login(sessionId: string, userName: string, passphrase: string, clientId = sessionId): Promise<SessionUser> {
    this.countTry(userName, clientId);
    const user = this.findActive(userName);
    const kek = await deriveKey(passphrase, user?.kdf ?? this.newKdf());
    return this.loginWith(sessionId, user, kek, userName, clientId);
  }

  /** login without yielding: for the synchronous test helpers only. */
  loginSync(sessionId: string, userName: string, passphrase: string, clientId = sessionId): SessionUser {
    this.countTry(userName, clientId);
    const user = this.findActive(userName);
    return this.loginWith(sessionId, user, deriveKeySync(passphrase, user?.kdf ?? this.newKdf()), userName, clientId);
  }

  /**
   * Counts a try before the passphrase is derived (throttle.ts), or refuses it while the user name or
   * the client must wait. Known and unknown names are counted alike, so the answers are the same.
   */
  private countTry(userName: string, clientId: string): void {
    const now = this.clock();
    const keys = [nameKey(userName), clientKey(clientId)];
    this.update((current) => {
      const k = this.required(current);
      const records = k.throttle ?? {};
      const wait = Math.max(...keys.map((key) => waitFor(records[key], now)));
      if (wait > 0) throw invalid('passphrase', 'security.tooManyAttempts', { seconds: Math.ceil(wait / 1000) });
      return { ...k, throttle: countTry(records, keys, now) };
    });
  }

  /** A correct passphrase: the name's and the client's counts start again. */
  private clearTries(userName: string, clientId: string): void {
    const keys = [nameKey(userName), clientKey(clientId)];
    if (!keys.some((key) => this.keystore?.throttle?.[key])) return;
    this.update((current) => {
      const k = this.required(current);
      const throttle = { ...(k.throttle ?? {}) };
      for (const key of keys) delete throttle[key];
      return { ...k, throttle };
    });
  }

  /**
   * Opens another database file (a backup to check or restore) with this database's key, which only
   * exists in memory while someone is signed in. Backups of the encrypted database stay encrypted.
   */
  openWithDatabaseKey(file: string, options: { readonly?: boolean } = {}): Db {
    return openDatabase(file, { key: this.requireKey(), readonly: options.readonly });
  }

  private findActive(userName: string): StoredUser | undefined {
    return this.requireKeystore().users.find((u) => u.active && u.userName.toLowerCase() === userName.trim().toLowerCase());
  }

  // An unknown user name costs the same KDF as a known one (above), so timing does not tell names apart.
  private loginWith(sessionId: string, user: StoredUser | undefined, kek: Buffer, typed: string, clientId: string): SessionUser {
    const key = user && this.unwrapWith(user, kek);
    if (!user || !key) throw invalid('passphrase', 'security.wrongCredentials');
    this.clearTries(typed, clientId);
    this.openWith(key);
    key.fill(0);
    this.signSettingsIfNew();
    this.sessions.signIn(sessionId, user.id);
    return toSessionUser(user);
  }

  /**
   * Unattended start of the unit server: opens the database with a key unwrapped by the server key
   * file (src/main/server/server-key.ts). The key must match the accounts' MACs; no session signs in.
   */
  openWithServerKey(key: Buffer): void {
    const users = this.requireKeystore().users;
    if (!users.some((u) => macMatches(key, userMacFields(u), u.mac))) throw new ApiError('forbidden', 'security.accountTampered');
    this.openWith(key);
  }

  /** A keystore from before the settings' MAC gets one at the first sign-in that knows the key. */
  private signSettingsIfNew(): void {
    const dbKey = this.dbKey;
    if (!dbKey || this.keystore?.settingsMac) return;
    this.update((current) => {
      const k = this.required(current);
      return k.settingsMac ? k : { ...k, settingsMac: macOf(dbKey, settingsMacFields(k)) };
    });
  }

  /** A locked window: only the same user's passphrase opens it again. */
  async unlock(sessionId: string, passphrase: string): Promise<SessionUser> {
    const s = this.sessions.get(sessionId);
    const user = s && this.requireKeystore().users.find((u) => u.id === s.userId && u.active);
    if (!s || !user || !user.kdf) throw new ApiError('unauthenticated', 'error.unauthenticated');
    this.countTry(user.userName, sessionId);
    const key = this.unwrapWith(user, await deriveKey(passphrase, user.kdf));
    if (!key) throw invalid('passphrase', 'security.wrongPassphrase');
    key.fill(0);
    this.clearTries(user.userName, sessionId);
    this.sessions.signIn(sessionId, user.id);
    return toSessionUser(user);
  }

  /** Forgotten passphrase: the recovery key from setup sets a new one for a user and signs in. */
  async recover(sessionId: string, input: { recoveryKey: string; userName: string; passphrase: string }): Promise<SessionUser> {
    const keystore = this.requireKeystore();
    const dbKey = unwrapKey(recoveryKek(input.recoveryKey), keystore.recovery, RECOVERY_AAD);
    if (!dbKey) throw invalid('recoveryKey', 'security.wrongRecoveryKey');
    const found = keystore.users.find((u) => u.userName.toLowerCase() === input.userName.toLowerCase());
    if (!found) throw invalid('userName', 'security.unknownUser');
    checkPassphrase(input.passphrase, found.userName, 'passphrase', found.name);
    const updated = await this.rewrapUser(dbKey, found, input.passphrase);
    this.openWith(dbKey);
    this.replaceUser(updated);
    dbKey.fill(0);
    this.signSettingsIfNew();
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
    const user = this.requireKeystore().users.find((u) => u.id === userId);
    const key = user?.kdf ? this.unwrapWith(user, await deriveKey(current, user.kdf)) : null;
    if (!user || !key) throw invalid('current', 'security.wrongPassphrase');
    checkPassphrase(next, user.userName, 'passphrase', user.name);
    const updated = await this.rewrapUser(key, user, next);
    key.fill(0);
    this.replaceUser(updated);
  }

  /** Puts one re-wrapped account into the keystore as it is on disk now (other accounts untouched). */
  private replaceUser(updated: StoredUser): void {
    this.update((current) => {
      const k = this.required(current);
      return { ...k, users: k.users.map((u) => (u.id === updated.id ? { ...u, kdf: updated.kdf, wrappedKey: updated.wrappedKey } : u)) };
    });
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
    return this.requireKeystore().users.map((u) => ({ ...toSessionUser(u), active: u.active, createdAt: u.createdAt }));
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

  private saveUserWith(actingUserId: number | null, input: UserFields, secret: { kdf: KdfParams; kek: Buffer } | null): { id: number } {
    const dbKey = this.requireKey();
    if (input.passphrase) checkPassphrase(input.passphrase, input.userName, 'passphrase', input.name);
    let saved: StoredUser | null = null;
    // Checked and applied against the keystore on disk now, under its lock: a change made meanwhile by
    // another process (a deactivation, a reset passphrase) is kept, never overwritten by an older copy.
    this.update((current) => {
      const keystore = this.required(current);
      const clash = keystore.users.find((u) => u.userName.toLowerCase() === input.userName.toLowerCase() && u.id !== input.id);
      if (clash) throw invalid('userName', 'security.userNameTaken');
      const existing = input.id === undefined ? undefined : keystore.users.find((u) => u.id === input.id);
      if (input.id !== undefined && !existing) throw notFound('user', input.id);
      if (!existing && !input.passphrase) throw invalid('passphrase', 'validation.required');
      // A deactivated account has no wrapped key left: coming back needs a new passphrase.
      if (existing && !existing.wrappedKey && input.active && !secret) throw invalid('passphrase', 'security.reactivateNeedsPassphrase');
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
      let user: StoredUser = secret
        ? this.sealUser(dbKey, { ...existing, ...fields }, secret.kdf, secret.kek)
        : { ...existing!, ...fields, mac: macOf(dbKey, userMacFields(fields)) };
      // A leaver's passphrase must no longer unwrap the database key: the wrap is removed.
      if (!user.active) user = { ...user, kdf: null, wrappedKey: null };
      saved = user;
      return { ...keystore, users: existing ? keystore.users.map((u) => (u.id === user.id ? user : u)) : [...keystore.users, user] };
    });
    const user = saved as unknown as StoredUser;
    if (!user.active) this.sessions.signOutUser(user.id);
    return { id: user.id };
  }

  setAutoLock(minutes: number): number {
    const dbKey = this.requireKey();
    this.update((current) => ({ ...this.required(current), autoLockMinutes: minutes, settingsMac: macOf(dbKey, settingsMacFields({ autoLockMinutes: minutes })) }));
    return minutes;
  }

  private required(current: Keystore | null): Keystore {
    if (!current) throw new ApiError('unauthenticated', 'error.unauthenticated');
    return current;
  }

  private requireKeystore(): Keystore {
    if (!this.keystore) throw new ApiError('unauthenticated', 'error.unauthenticated');
    return this.keystore;
  }

  private requireKey(): Buffer {
    if (!this.dbKey) throw new ApiError('locked', 'error.locked');
    return this.dbKey;
  }

  private newKdf(): KdfParams {
    return newKdfParams(this.options.kdfCost ?? STRONG_KDF);
  }

  /** Unwraps the database key with a passphrase-derived key and checks the account record was not edited. */
  private unwrapWith(user: StoredUser, kek: Buffer): Buffer | null {
    if (!user.wrappedKey) return null;
    const key = unwrapKey(kek, user.wrappedKey, aadOf(user));
    kek.fill(0);
    if (!key) return null;
    if (!macMatches(key, userMacFields(user), user.mac)) throw new ApiError('forbidden', 'security.accountTampered');
    return key;
  }

  private async rewrapUser(dbKey: Buffer, user: StoredUser, passphrase: string): Promise<StoredUser> {
    const kdf = this.newKdf();
    return this.sealUser(dbKey, user, kdf, await deriveKey(passphrase, kdf));
  }

  /** An account record with the database key wrapped under its passphrase, and its MAC. */
  private sealUser(
    dbKey: Buffer,
    fields: Pick<StoredUser, 'id' | 'name' | 'userName' | 'role' | 'unitId' | 'active'> & { createdAt?: string },
    kdf: KdfParams,
    kek: Buffer,
  ): StoredUser {
    return {
      id: fields.id,
      userName: fields.userName,
      name: fields.name,
      role: fields.role,
      unitId: fields.unitId,
      active: fields.active,
      createdAt: fields.createdAt ?? new Date().toISOString(),
      kdf,
      wrappedKey: wrapKey(kek, dbKey, aadOf(fields)),
      mac: macOf(dbKey, userMacFields(fields)),
    };
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
