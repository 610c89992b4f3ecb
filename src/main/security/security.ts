/**
 * Users, sign-in and the database key (issue 7). The core starts locked: the database file is
 * encrypted and opens only when a user's passphrase unwraps its key. Accounts live in the keystore
 * (read before the database is open); the key stays in memory while the core runs.
 */
import { existsSync } from 'node:fs';
import { ApiError, conflict, invalid, notFound } from '../../shared/api/errors';
import type { Role } from '../../shared/api/contract';
import type { AuthStatus, SessionUser, UserSummary } from '../../shared/api/methods/security';
import { MIN_PASSPHRASE } from '../../shared/api/methods/security';
import type { Caller } from '../router/context';
import type { Db } from '../db/driver';
import { openDatabase } from '../db/driver';
import { databaseFile } from '../core-files';
import {
  deriveKey, deriveKeySync, macMatches, macOf, newDatabaseKey, newKdfParams, newRecoveryKey, recoveryKek, STRONG_KDF, unwrapKey, wrapKey,
  type KdfParams,
} from './crypto';
import { readKeystore, userMacFields, writeKeystore, type Keystore, type StoredUser } from './keystore';
import { Sessions } from './sessions';

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

/** After this many wrong passphrases in a row for one user name, wait before the next try. */
const MAX_FAILURES = 5;
const BACKOFF_MS = 30_000;

export class Security {
  private keystore: Keystore | null;
  private readonly failures = new Map<string, { count: number; until: number }>();
  private dbKey: Buffer | null = null;
  readonly sessions: Sessions;

  constructor(private readonly options: SecurityOptions) {
    this.keystore = readKeystore(options.dataDir);
    this.sessions = new Sessions(() => this.autoLockMs());
  }

  autoLockMs(): number {
    return this.options.autoLockMs ?? (this.keystore?.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES) * 60_000;
  }

  /** True once a sign-in has unwrapped the database key (it stays in memory while the core runs). */
  get isOpen(): boolean {
    return this.dbKey !== null;
  }

  /** The database key, or undefined while nobody has signed in yet. */
  get key(): Buffer | undefined {
    return this.dbKey ?? undefined;
  }

  close(): void {
    this.dbKey?.fill(0);
    this.dbKey = null;
  }

  status(sessionId: string): Omit<AuthStatus, 'databaseDamaged'> {
    const base = { autoLockMs: this.autoLockMs(), autoLockMinutes: this.keystore?.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES };
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

  private setupWith(sessionId: string, input: { name: string; userName: string }, kdf: KdfParams, kek: Buffer) {
    if (this.keystore) throw conflict('security.alreadySetUp');
    const dbKey = newDatabaseKey();
    const recoveryKey = newRecoveryKey();
    const fields = { id: 1, name: input.name, userName: input.userName, role: 'administrator' as const, unitId: null, active: true };
    const user = this.sealUser(dbKey, fields, kdf, kek);
    const keystore: Keystore = {
      format: 'mdk-keystore-1',
      createdAt: new Date().toISOString(),
      autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES,
      recovery: wrapKey(recoveryKek(recoveryKey), dbKey, RECOVERY_AAD),
      users: [user],
    };
    // The wrapped key is on disk before any file is encrypted with it, so a crash never strands the data.
    writeKeystore(this.options.dataDir, keystore);
    this.keystore = keystore;
    // A data folder from before encryption is encrypted in place.
    this.encryptExistingPlainDatabase(dbKey);
    this.openWith(dbKey);
    this.sessions.signIn(sessionId, user.id);
    return { user: toSessionUser(user), recoveryKey };
  }

  async login(sessionId: string, userName: string, passphrase: string): Promise<SessionUser> {
    this.checkThrottle(userName);
    const user = this.findActive(userName);
    const kek = await deriveKey(passphrase, user?.kdf ?? this.newKdf());
    return this.loginWith(sessionId, user, kek);
  }

  /** login without yielding: for the synchronous test helpers only. */
  loginSync(sessionId: string, userName: string, passphrase: string): SessionUser {
    this.checkThrottle(userName);
    const user = this.findActive(userName);
    return this.loginWith(sessionId, user, deriveKeySync(passphrase, user?.kdf ?? this.newKdf()));
  }

  /** Slows guessing at a shared computer: after MAX_FAILURES wrong tries, one try per BACKOFF_MS. */
  private checkThrottle(userName: string): void {
    const f = this.failures.get(userName.trim().toLowerCase());
    if (f && f.count >= MAX_FAILURES && Date.now() < f.until) {
      throw invalid('passphrase', 'security.tooManyAttempts', { seconds: Math.ceil((f.until - Date.now()) / 1000) });
    }
  }

  private noteFailure(userName: string): void {
    if (!userName) return;
    const key = userName.toLowerCase();
    const count = (this.failures.get(key)?.count ?? 0) + 1;
    this.failures.set(key, { count, until: Date.now() + BACKOFF_MS });
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
  private loginWith(sessionId: string, user: StoredUser | undefined, kek: Buffer): SessionUser {
    const key = user && this.unwrapWith(user, kek);
    if (!user || !key) {
      this.noteFailure(user?.userName ?? '');
      throw invalid('passphrase', 'security.wrongCredentials');
    }
    this.failures.delete(user.userName.toLowerCase());
    this.openWith(key);
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

  /** A locked window: only the same user's passphrase opens it again. */
  async unlock(sessionId: string, passphrase: string): Promise<SessionUser> {
    const s = this.sessions.get(sessionId);
    const user = s && this.requireKeystore().users.find((u) => u.id === s.userId && u.active);
    if (!s || !user) throw new ApiError('unauthenticated', 'error.unauthenticated');
    this.checkThrottle(user.userName);
    if (!this.unwrapWith(user, await deriveKey(passphrase, user.kdf))) {
      this.noteFailure(user.userName);
      throw invalid('passphrase', 'security.wrongPassphrase');
    }
    this.failures.delete(user.userName.toLowerCase());
    this.sessions.signIn(sessionId, user.id);
    return toSessionUser(user);
  }

  /** Forgotten passphrase: the recovery key from setup sets a new one for a user and signs in. */
  async recover(sessionId: string, input: { recoveryKey: string; userName: string; passphrase: string }): Promise<SessionUser> {
    const keystore = this.requireKeystore();
    const dbKey = unwrapKey(recoveryKek(input.recoveryKey), keystore.recovery, RECOVERY_AAD);
    if (!dbKey) throw invalid('recoveryKey', 'security.wrongRecoveryKey');
    const index = keystore.users.findIndex((u) => u.userName.toLowerCase() === input.userName.toLowerCase());
    if (index < 0) throw invalid('userName', 'security.unknownUser');
    const updated = await this.rewrapUser(dbKey, keystore.users[index], input.passphrase);
    this.openWith(dbKey);
    this.saveUsers(keystore.users.map((u, i) => (i === index ? updated : u)));
    this.sessions.signIn(sessionId, updated.id);
    return toSessionUser(updated);
  }

  async changePassphrase(userId: number, current: string, next: string): Promise<void> {
    const user = this.requireKeystore().users.find((u) => u.id === userId);
    const key = user && this.unwrapWith(user, await deriveKey(current, user.kdf));
    if (!user || !key) throw invalid('current', 'security.wrongPassphrase');
    const updated = await this.rewrapUser(key, user, next);
    this.saveUsers(this.requireKeystore().users.map((u) => (u.id === userId ? updated : u)));
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
    const keystore = this.requireKeystore();
    const dbKey = this.requireKey();
    if (input.passphrase && input.passphrase.length < MIN_PASSPHRASE) throw invalid('passphrase', 'security.passphraseTooShort');
    const clash = keystore.users.find((u) => u.userName.toLowerCase() === input.userName.toLowerCase() && u.id !== input.id);
    if (clash) throw invalid('userName', 'security.userNameTaken');
    const existing = input.id === undefined ? undefined : keystore.users.find((u) => u.id === input.id);
    if (input.id !== undefined && !existing) throw notFound('user', input.id);
    if (!existing && !input.passphrase) throw invalid('passphrase', 'validation.required');
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
    const user = secret
      ? this.sealUser(dbKey, { ...existing, ...fields }, secret.kdf, secret.kek)
      : { ...existing!, ...fields, mac: macOf(dbKey, userMacFields(fields)) };
    this.saveUsers(existing ? keystore.users.map((u) => (u.id === user.id ? user : u)) : [...keystore.users, user]);
    if (!user.active) this.sessions.signOutUser(user.id);
    return { id: user.id };
  }

  setAutoLock(minutes: number): number {
    const keystore = this.requireKeystore();
    this.keystore = { ...keystore, autoLockMinutes: minutes };
    writeKeystore(this.options.dataDir, this.keystore);
    return minutes;
  }

  private requireKeystore(): Keystore {
    if (!this.keystore) throw new ApiError('unauthenticated', 'error.unauthenticated');
    return this.keystore;
  }

  private requireKey(): Buffer {
    if (!this.dbKey) throw new ApiError('locked', 'error.locked');
    return this.dbKey;
  }

  private saveUsers(users: StoredUser[]): void {
    const next = { ...this.requireKeystore(), users };
    writeKeystore(this.options.dataDir, next);
    this.keystore = next;
  }

  private newKdf(): KdfParams {
    return newKdfParams(this.options.kdfCost ?? STRONG_KDF);
  }

  /** Unwraps the database key with a passphrase-derived key and checks the account record was not edited. */
  private unwrapWith(user: StoredUser, kek: Buffer): Buffer | null {
    const key = unwrapKey(kek, user.wrappedKey, aadOf(user));
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
    this.options.openDb(copy); // throws e.g. database_too_new: then nothing counts as open
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
