/**
 * Changing the database key (byt databasnyckel): after a leaver's account is deactivated, a copy of
 * the keystore they kept (or their memory of the old recovery key) must no longer open the database.
 * A new random key replaces the old one in the database file (SQLite3MultipleCiphers' rekey), is sealed
 * to every active account's public key (key-pair.ts) without anyone's passphrase, and gets a new
 * recovery key. Backups taken before remain readable with the old key only.
 *
 * Crash-safe order: (1) the database is copied beside itself, (2) the keystore notes the change as
 * pending, (3) the file is rekeyed, (4) read back with the new key, (5) the keystore is committed
 * with the new sealed keys in one atomic write, (6) the copy is removed. Whoever opens the data folder
 * next and finds a pending change (a crash between 2 and 5) puts the copy back: the old keystore and
 * the old database fit each other again; a copy without a pending change (a crash before 2 or after 5)
 * is only removed. At no point is there a database that no keystore opens.
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { ApiError, conflict, invalid } from '../../shared/api/errors';
import { openDatabase } from '../db/driver';
import { databaseFile } from '../core-files';
import { inUseElsewhere } from '../services/backup/recovery';
import { serverUnlockFile } from '../server/server-key';
import { macMatches, newDatabaseKey, newRecoveryKey, RECOVERY_AAD, recoveryKek, wrapKey } from './crypto';
import { aadOf, hasKeyPair, resigned } from './account-keys';
import { rekeyLockFile, userMacFields, type Keystore } from './keystore';
import type { KeystoreAccess } from './keystore-access';
import { checkSettings, signedSettings } from './keystore-integrity';
import { sealTo } from './key-pair';
import { tryLock } from './file-lock';

export const REKEY_STEPS = ['copied', 'pending', 'rekeyed', 'verified', 'committed'] as const;
export type RekeyStep = (typeof REKEY_STEPS)[number];

/** The database as it was before the change, kept until the change is committed. */
export const databaseBeforeRekey = (dataDir: string) => `${databaseFile(dataDir)}.before-rekey`;

export interface RekeyOptions {
  store: KeystoreAccess;
  oldKey: Buffer;
  progress?(done: number, total: number): void;
  /** Tests: runs after each step; a snapshot of the folder there is a crash, a throw a failure. */
  afterStep?(step: RekeyStep): void;
}

export interface RekeyResult {
  key: Buffer;
  recoveryKey: string;
  /** The unit server's unlock file held the old key: `mdk server-init` must be run again. */
  serverKeyRemoved: boolean;
}

/**
 * Every active account must have a key pair (a user who has not signed in since key pairs came, or
 * whose passphrase has not been reset since, has none), and no account or setting may have been
 * edited by hand (a public key swapped in would receive the new key).
 */
export function checkSealable(k: Keystore, key: Buffer): void {
  for (const u of k.users) if (!macMatches(key, userMacFields(u), u.mac)) throw new ApiError('forbidden', 'security.accountTampered');
  checkSettings(k, key);
  const missing = k.users.filter((u) => u.active && !hasKeyPair(u));
  if (missing.length)
    throw invalid('users', 'security.rekeyNeedsSignIn', { count: missing.length, names: missing.map((u) => `${u.name} (${u.userName})`).join(', ') });
}

/** The keystore under the new key: sealed to each active account, a new recovery wrap, settings re-signed. */
function committed(k: Keystore, oldKey: Buffer, key: Buffer, recoveryKey: string): Keystore {
  if (!k.pendingRekey) throw conflict('security.rekeyInterrupted');
  checkSealable(k, oldKey);
  const users = k.users.map((u) =>
    resigned(key, { ...u, wrappedKey: null, sealedKey: u.active && hasKeyPair(u) ? sealTo(u.keyPair!.publicKey, key, aadOf(u)) : null }),
  );
  const { pendingRekey: _started, ...rest } = k;
  return signedSettings({ ...rest, users, recovery: wrapKey(recoveryKek(recoveryKey), key, RECOVERY_AAD) }, key);
}

function syncFile(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Copies the database (now one self-contained file) beside itself, whole or not at all. */
function copyBeside(file: string, copy: string): void {
  const part = `${copy}.part`;
  copyFileSync(file, part);
  syncFile(part);
  renameSync(part, copy);
  syncFile(dirname(copy));
}

/**
 * The database in rollback-journal mode, so the file alone holds it (no WAL beside it to copy) and it
 * can be rekeyed (SQLite3MultipleCiphers does not rekey in WAL mode); then `newKey`, if given.
 */
function inOneFile(file: string, oldKey: Buffer, newKey?: Buffer): void {
  const db = openDatabase(file, { key: oldKey });
  try {
    db.pragma('journal_mode = DELETE');
    if (newKey) db.pragma(`rekey = "x'${newKey.toString('hex')}'"`);
  } finally {
    db.close();
  }
}

/** Every page must read back under the new key before the keystore is committed to it. */
function verify(file: string, key: Buffer): void {
  const db = openDatabase(file, { key, readonly: true });
  try {
    const rows = db.pragma('quick_check', { simple: false }) as Record<string, unknown>[];
    const result = rows.map((r) => String(Object.values(r)[0]));
    if (result.length !== 1 || result[0] !== 'ok') throw new Error(`rekey check failed: ${result.slice(0, 3).join('; ')}`);
  } finally {
    db.close();
  }
}

/**
 * Changes the key of the closed database (the caller has closed this process's connection).
 * Holds the rekey lock throughout; a failure before the commit puts everything back as it was.
 */
export function rekeyDatabase(o: RekeyOptions): RekeyResult {
  const { dataDir } = o.store;
  const file = databaseFile(dataDir);
  const lock = rekeyLockFile(dataDir);
  if (!tryLock(lock)) throw new ApiError('busy', 'security.rekeyRunning');
  try {
    checkSealable(o.store.existing, o.oldKey);
    if (inUseElsewhere(file, o.oldKey)) throw conflict('security.rekeyDatabaseInUse');
    const key = newDatabaseKey();
    const recoveryKey = newRecoveryKey();
    let step = 0;
    const done = (name: RekeyStep) => {
      o.progress?.(++step, REKEY_STEPS.length);
      o.afterStep?.(name);
    };
    try {
      inOneFile(file, o.oldKey);
      copyBeside(file, databaseBeforeRekey(dataDir));
      done('copied');
      o.store.change((k) => ({ ...k, pendingRekey: { startedAt: new Date().toISOString() } }));
      done('pending');
      inOneFile(file, o.oldKey, key);
      done('rekeyed');
      verify(file, key);
      done('verified');
      o.store.change((k) => committed(k, o.oldKey, key, recoveryKey));
    } catch (e) {
      key.fill(0);
      putBackUncommitted(o.store);
      throw e;
    }
    // Committed: from here the new key is the database's, whatever happens next.
    o.afterStep?.('committed');
    o.progress?.(REKEY_STEPS.length, REKEY_STEPS.length);
    rmSync(databaseBeforeRekey(dataDir), { force: true });
    const serverKeyRemoved = existsSync(serverUnlockFile(dataDir));
    rmSync(serverUnlockFile(dataDir), { force: true });
    return { key, recoveryKey, serverKeyRemoved };
  } finally {
    rmSync(lock, { force: true });
  }
}

/**
 * A change that was not committed is undone: the copy goes back in place of a database that may be
 * half rekeyed (its journal goes too: it belongs to the half-rekeyed file), and the pending mark is
 * dropped. A copy left after a commit is only removed. Runs holding the rekey lock.
 */
function putBackUncommitted(store: KeystoreAccess): void {
  const file = databaseFile(store.dataDir);
  const copy = databaseBeforeRekey(store.dataDir);
  if (store.current?.pendingRekey) {
    if (existsSync(copy)) {
      for (const suffix of ['-journal', '-wal', '-shm']) rmSync(file + suffix, { force: true });
      renameSync(copy, file);
      syncFile(dirname(file));
    }
    store.change((k) => {
      const { pendingRekey: _started, ...rest } = k;
      return rest;
    });
  }
  rmSync(copy, { force: true });
  rmSync(`${copy}.part`, { force: true });
}

/**
 * Before a sign-in opens the database: a change interrupted by a crash is undone first; one that
 * another process is making now makes the sign-in wait.
 */
export function settleInterruptedRekey(store: KeystoreAccess): void {
  const copy = databaseBeforeRekey(store.dataDir);
  if (!store.current?.pendingRekey && !existsSync(copy) && !existsSync(`${copy}.part`)) return;
  const lock = rekeyLockFile(store.dataDir);
  if (!tryLock(lock)) throw new ApiError('busy', 'security.rekeyRunning');
  try {
    putBackUncommitted(store);
  } finally {
    rmSync(lock, { force: true });
  }
}
