/**
 * Signing in: the first administrator (setup), a user's passphrase (login, unlocking a locked
 * window), the recovery key, a changed passphrase, and the unit server's unattended start. Each opens
 * the database key from the keystore (account-keys.ts) and hands it to the key holder.
 */
import { existsSync } from 'node:fs';
import { ApiError, conflict, invalid } from '../../shared/api/errors';
import type { SessionUser } from '../../shared/api/methods/security';
import { openDatabase } from '../db/driver';
import { databaseFile } from '../core-files';
import { deriveKey, macMatches, newDatabaseKey, newRecoveryKey, RECOVERY_AAD, recoveryKek, unwrapKey, wrapKey, type KdfParams } from './crypto';
import { userMacFields, type Keystore, type StoredUser } from './keystore';
import type { KeystoreAccess } from './keystore-access';
import { checkSettings, needsSigning, settingsIntact, signedSettings } from './keystore-integrity';
import { hasKeyPair, openAccount, resigned, sealAccount, withKeyPair } from './account-keys';
import { toSessionUser } from './accounts';
import { settleInterruptedRekey } from './rekey';
import type { Sessions } from './sessions';
import type { SignInTries } from './sign-in-tries';
import type { DatabaseKey } from './database-key';
import { checkPassphrase } from './passphrase-policy';

export const DEFAULT_AUTO_LOCK_MINUTES = 10;

export interface SignInParts {
  store: KeystoreAccess;
  tries: SignInTries;
  sessions: Sessions;
  newKdf(): KdfParams;
}

export class SignIn {
  constructor(
    private readonly d: SignInParts,
    private readonly key: DatabaseKey,
  ) {}

  /** First start: creates the administrator, the database key and the recovery key (shown once). */
  async setup(sessionId: string, input: { name: string; userName: string; passphrase: string }) {
    const kdf = this.d.newKdf();
    return this.setupWith(sessionId, input, kdf, await deriveKey(input.passphrase, kdf));
  }

  private setupWith(sessionId: string, input: { name: string; userName: string; passphrase: string }, kdf: KdfParams, kek: Buffer) {
    checkPassphrase(input.passphrase, input.userName, 'passphrase', input.name);
    const dbKey = newDatabaseKey();
    const recoveryKey = newRecoveryKey();
    const fields = { id: 1, name: input.name, userName: input.userName, role: 'administrator' as const, unitId: null, active: true };
    const user = sealAccount(dbKey, fields, kdf, kek);
    kek.fill(0);
    // The sealed key is on disk before any file is encrypted with it, so a crash never strands the data.
    this.d.store.update((current) => {
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
    this.key.open(dbKey);
    this.d.sessions.signIn(sessionId, user.id);
    return { user: toSessionUser(user), recoveryKey };
  }

  /** `clientId`: who is trying (a window, a tab, a CLI run); the session by default. */
  async login(sessionId: string, userName: string, passphrase: string, clientId = sessionId): Promise<SessionUser> {
    const user = this.beforeTry(userName, clientId);
    const kek = await deriveKey(passphrase, user?.kdf ?? this.d.newKdf());
    return this.loginWith(sessionId, user, kek, userName, clientId);
  }

  /**
   * Before the passphrase is derived: an interrupted key change is undone (rekey.ts), and the try is
   * counted (sign-in-tries.ts). Returns the active account of that name, if any.
   */
  private beforeTry(userName: string, clientId: string): StoredUser | undefined {
    settleInterruptedRekey(this.d.store);
    this.d.tries.count(userName, clientId);
    return this.findActive(userName);
  }

  private findActive(userName: string): StoredUser | undefined {
    return this.d.store.existing.users.find((u) => u.active && u.userName.toLowerCase() === userName.trim().toLowerCase());
  }

  // An unknown user name costs the same KDF as a known one (above), so timing does not tell names apart.
  private loginWith(sessionId: string, user: StoredUser | undefined, kek: Buffer, typed: string, clientId: string): SessionUser {
    try {
      const key = user && openAccount(user, kek);
      if (!user || !key) throw invalid('passphrase', 'security.wrongCredentials');
      try {
        checkSettings(this.d.store.existing, key);
        this.d.tries.clear(typed, clientId);
        this.key.open(key);
        // An account from before key pairs gets one now, while its passphrase is at hand.
        if (!hasKeyPair(user)) this.d.store.change((k) => ({ ...k, users: k.users.map((u) => (u.id === user.id ? withKeyPair(key, u, kek) : u)) }));
      } finally {
        key.fill(0);
      }
      this.signSettingsIfNew();
      this.d.sessions.signIn(sessionId, user.id);
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
    settleInterruptedRekey(this.d.store);
    const keystore = this.d.store.existing;
    if (!keystore.users.some((u) => macMatches(key, userMacFields(u), u.mac))) throw new ApiError('forbidden', 'security.accountTampered');
    checkSettings(keystore, key);
    this.key.open(key);
  }

  /** A keystore from before the settings' (or counters') MAC gets one at the first sign-in that knows the key. */
  private signSettingsIfNew(): void {
    const dbKey = this.key.current;
    if (!dbKey || !this.d.store.current || !needsSigning(this.d.store.current)) return;
    this.d.store.change((k) => (needsSigning(k) ? signedSettings(k, dbKey) : k));
  }

  /** A locked window: only the same user's passphrase opens it again. */
  async unlock(sessionId: string, passphrase: string): Promise<SessionUser> {
    const s = this.d.sessions.get(sessionId);
    const user = s && this.d.store.existing.users.find((u) => u.id === s.userId && u.active);
    if (!s || !user || !user.kdf) throw new ApiError('unauthenticated', 'error.unauthenticated');
    this.d.tries.count(user.userName, sessionId);
    const kek = await deriveKey(passphrase, user.kdf);
    const key = openAccount(user, kek);
    kek.fill(0);
    if (!key) throw invalid('passphrase', 'security.wrongPassphrase');
    key.fill(0);
    this.d.tries.clear(user.userName, sessionId);
    this.d.sessions.signIn(sessionId, user.id);
    return toSessionUser(user);
  }

  /**
   * Forgotten passphrase: the recovery key from setup sets a new one for a user and signs in. It also
   * proves the right to sign the settings again (defaults for any edited by hand) and to clear the
   * sign-in counters.
   */
  async recover(sessionId: string, input: { recoveryKey: string; userName: string; passphrase: string }): Promise<SessionUser> {
    settleInterruptedRekey(this.d.store);
    const keystore = this.d.store.existing;
    const dbKey = unwrapKey(recoveryKek(input.recoveryKey), keystore.recovery, RECOVERY_AAD);
    if (!dbKey) throw invalid('recoveryKey', 'security.wrongRecoveryKey');
    const found = keystore.users.find((u) => u.userName.toLowerCase() === input.userName.toLowerCase());
    if (!found) throw invalid('userName', 'security.unknownUser');
    checkPassphrase(input.passphrase, found.userName, 'passphrase', found.name);
    const kdf = this.d.newKdf();
    const kek = await deriveKey(input.passphrase, kdf);
    const updated = sealAccount(dbKey, found, kdf, kek);
    kek.fill(0);
    this.key.open(dbKey);
    this.d.store.change((k) => {
      const settings = settingsIntact(k, dbKey) ? k : { ...k, autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES, throttleKey: undefined };
      return signedSettings({ ...settings, throttle: {}, users: k.users.map((u) => (u.id === updated.id ? updated : u)) }, dbKey);
    });
    dbKey.fill(0);
    this.d.sessions.signIn(sessionId, updated.id);
    return toSessionUser(updated);
  }

  async changePassphrase(userId: number, current: string, next: string): Promise<void> {
    const user = this.d.store.existing.users.find((u) => u.id === userId);
    const currentKek = user?.kdf ? await deriveKey(current, user.kdf) : null;
    const key = user && currentKek ? openAccount(user, currentKek) : null;
    currentKek?.fill(0);
    if (!user || !key) throw invalid('current', 'security.wrongPassphrase');
    try {
      checkPassphrase(next, user.userName, 'passphrase', user.name);
      const kdf = this.d.newKdf();
      const kek = await deriveKey(next, kdf);
      const updated = sealAccount(key, user, kdf, kek);
      kek.fill(0);
      // Only this account's keys change; the rest of the keystore is kept as it is on disk now.
      this.d.store.change((k) => ({ ...k, users: k.users.map((u) => (u.id === updated.id ? resigned(key, { ...u, ...keysOf(updated) }) : u)) }));
    } finally {
      key.fill(0);
    }
  }

  private encryptExistingPlainDatabase(key: Buffer): void {
    const file = databaseFile(this.d.store.dataDir);
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
