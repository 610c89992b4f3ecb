import { describe, expect, it } from 'vitest';
import { copyFileSync, cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createCore } from '../../../src/main/core';
import { databaseFile } from '../../../src/main/core-files';
import { openDatabase } from '../../../src/main/db/driver';
import { deriveKey, macOf, newKdfParams, TEST_KDF, wrapKey } from '../../../src/main/security/crypto';
import { keystoreFile, rekeyLockFile, userMacFields, type Keystore, type StoredUser } from '../../../src/main/security/keystore';
import { openAccount } from '../../../src/main/security/account-keys';
import { databaseBeforeRekey, REKEY_STEPS, type RekeyStep } from '../../../src/main/security/rekey';
import { createApiClient } from '../../../src/shared/api/client';
import { insertPatient } from '../../factories';
import { tempDir, testCore, TEST_PASSPHRASE } from '../helpers';

const readStore = (dataDir: string) => JSON.parse(readFileSync(keystoreFile(dataDir), 'utf8')) as Keystore;
const LENA = 'lena lämnar kvar nyckeln';
const KARIN = 'karin stannar på kliniken';

/** A data folder with an administrator, a coordinator who stays, a physician who leaves, and three patients. */
async function clinic(options: { afterRekeyStep?: (step: RekeyStep) => void; logError?: () => void } = {}) {
  const { core, api, dataDir } = await testCore(options);
  await api.call('users.save', { name: 'Karin Koordinator', userName: 'karin', role: 'coordinator', unitId: null, active: true, passphrase: KARIN });
  await api.call('users.save', { name: 'Lena Lämnar', userName: 'lena', role: 'physician', unitId: null, active: true, passphrase: LENA });
  for (const familyName of ['Ek', 'Björk', 'Lind']) insertPatient(core.db, { familyName });
  return { core, api, dataDir };
}

/** The database key that the account in `keystore` opens with `passphrase` (what a leaver could do with a copy). */
async function keyFromCopy(keystore: Keystore, userName: string, passphrase: string): Promise<Buffer> {
  const user = keystore.users.find((u) => u.userName === userName)!;
  const key = openAccount(user, await deriveKey(passphrase, user.kdf!));
  if (!key) throw new Error(`no key for ${userName}`);
  return key;
}

const patientsWith = (dataDir: string, key: Buffer) => {
  const db = openDatabase(databaseFile(dataDir), { key, readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM patient').pluck().get() as number;
  } finally {
    db.close();
  }
};

/** Signs in with a passphrase in a fresh process on `dataDir` and counts the patients it can read. */
async function signInAndCount(dataDir: string, userName: string, passphrase: string): Promise<number> {
  const core = createCore({ dataDir, kdfCost: TEST_KDF });
  try {
    await core.security.login(core.newSession(), userName, passphrase);
    return core.db.prepare('SELECT count(*) FROM patient').pluck().get() as number;
  } finally {
    core.close();
  }
}

describe('byt databasnyckel (rekey)', () => {
  it("a leaver's old keystore copy no longer opens the database; every active user still signs in with their own passphrase", async () => {
    const { core, api, dataDir } = await clinic();
    const leaversCopy = readStore(dataDir);
    const oldKey = await keyFromCopy(leaversCopy, 'lena', LENA);
    expect(patientsWith(dataDir, oldKey)).toBe(3); // the copy works before the change: the test means something
    const lena = leaversCopy.users.find((u) => u.userName === 'lena')!;
    await api.call('users.save', { id: lena.id, name: lena.name, userName: 'lena', role: 'physician', unitId: null, active: false });
    expect(patientsWith(dataDir, oldKey)).toBe(3); // deactivation alone: her copy still opens it

    const result = await api.call('security.rekey', {});
    expect(result.recoveryKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
    // The same window goes on working with the new key.
    expect(core.db.prepare('SELECT count(*) FROM patient').pluck().get()).toBe(3);
    const logged = core.db.prepare("SELECT user_name, role, event FROM security_event WHERE event = 'database_rekey'").all();
    expect(logged).toEqual([{ user_name: 'admin', role: 'administrator', event: 'database_rekey' }]);
    core.close();

    expect(() => patientsWith(dataDir, oldKey)).toThrow(/not a database/);
    expect(existsSync(databaseBeforeRekey(dataDir))).toBe(false);
    expect(readStore(dataDir).pendingRekey).toBeUndefined();
    expect(await signInAndCount(dataDir, 'admin', TEST_PASSPHRASE)).toBe(3);
    expect(await signInAndCount(dataDir, 'karin', KARIN)).toBe(3);
    // The old recovery wrap is gone with the old key; the new recovery key opens the database.
    const again = createCore({ dataDir, kdfCost: TEST_KDF });
    expect(again.security.recoveryKeyMatches(result.recoveryKey)).toBe(true);
    again.close();
  });

  it('names the active users without a key pair and refuses; their next sign-in gives them one', async () => {
    const { core, api, dataDir } = await clinic();
    // Karin's account as written before key pairs: the database key wrapped under her passphrase.
    const key = core.security.key!;
    const store = readStore(dataDir);
    const karin = store.users.find((u) => u.userName === 'karin')!;
    const kdf = newKdfParams(TEST_KDF);
    const legacy: StoredUser = { ...karin, kdf, keyPair: null, sealedKey: null, wrappedKey: wrapKey(await deriveKey(KARIN, kdf), key, `mdk user ${karin.id}`) };
    legacy.mac = macOf(key, userMacFields(legacy));
    writeFileSync(keystoreFile(dataDir), JSON.stringify({ ...store, users: store.users.map((u) => (u.id === karin.id ? legacy : u)) }));

    await expect(api.call('security.rekey', {})).rejects.toMatchObject({
      issues: [{ messageKey: 'security.rekeyNeedsSignIn', params: { count: 1, names: 'Karin Koordinator (karin)' } }],
    });
    expect(core.db.prepare('SELECT count(*) FROM patient').pluck().get()).toBe(3); // refused before anything changed
    expect(await signInAndCount(dataDir, 'karin', KARIN)).toBe(3);
    expect(readStore(dataDir).users.find((u) => u.userName === 'karin')).toMatchObject({
      wrappedKey: null,
      keyPair: expect.anything(),
      sealedKey: expect.anything(),
    });
    await api.call('security.rekey', {});
    core.close();
    expect(await signInAndCount(dataDir, 'karin', KARIN)).toBe(3);
  });

  it('a public key swapped into the keystore by hand is refused: it would receive the new key', async () => {
    const { api, dataDir } = await clinic();
    const store = readStore(dataDir);
    const admin = store.users.find((u) => u.userName === 'admin')!;
    const users = store.users.map((u) => (u.userName === 'karin' ? { ...u, keyPair: { ...u.keyPair!, publicKey: admin.keyPair!.publicKey } } : u));
    writeFileSync(keystoreFile(dataDir), JSON.stringify({ ...store, users }));
    await expect(api.call('security.rekey', {})).rejects.toMatchObject({ messageKey: 'security.accountTampered' });
  });

  it('a crash at any step leaves a database that the keystore on disk opens; the next start puts an unfinished change back', async () => {
    const snapshots = new Map<RekeyStep, string>();
    const { core, api, dataDir } = await clinic({
      afterRekeyStep: (step) => {
        // The folder as a power cut at this point would leave it (the rekey lock's owner died with it).
        const copy = tempDir('mdk-crash-');
        cpSync(dataDir, copy, { recursive: true });
        rmSync(rekeyLockFile(copy), { force: true });
        snapshots.set(step, copy);
      },
    });
    await api.call('security.rekey', {});
    core.close();
    expect([...snapshots.keys()]).toEqual([...REKEY_STEPS]);
    // Mid-rekey: a file partly under the new key with its rollback journal beside it.
    const half = snapshots.get('pending')!;
    const bytes = readFileSync(databaseFile(half));
    bytes.fill(0x5a, 8192, 16384);
    writeFileSync(databaseFile(half), bytes);
    copyFileSync(databaseFile(half), `${databaseFile(half)}-journal`);

    for (const [step, dir] of snapshots) {
      expect({ step, admin: await signInAndCount(dir, 'admin', TEST_PASSPHRASE) }).toEqual({ step, admin: 3 });
      expect({ step, karin: await signInAndCount(dir, 'karin', KARIN) }).toEqual({ step, karin: 3 });
      expect({ step, copyLeft: existsSync(databaseBeforeRekey(dir)), pending: readStore(dir).pendingRekey }).toEqual({
        step,
        copyLeft: false,
        pending: undefined,
      });
    }
  });

  it('a failure between steps puts everything back at once, and the window goes on with the old key', async () => {
    const { core, api, dataDir } = await clinic({
      afterRekeyStep: (step) => {
        if (step === 'rekeyed') throw new Error('disk full');
      },
      logError: () => {}, // the failure is the test's own
    });
    const before = readStore(dataDir);
    const oldKey = await keyFromCopy(before, 'karin', KARIN);
    await expect(api.call('security.rekey', {})).rejects.toMatchObject({ code: 'internal' });
    expect(core.db.prepare('SELECT count(*) FROM patient').pluck().get()).toBe(3);
    expect(patientsWith(dataDir, oldKey)).toBe(3);
    expect(existsSync(databaseBeforeRekey(dataDir))).toBe(false);
    expect(readStore(dataDir).pendingRekey).toBeUndefined();
    const other = createApiClient((m, i) => core.router(m, i, core.newSession()));
    await expect(other.call('auth.login', { userName: 'karin', passphrase: KARIN })).resolves.toMatchObject({ userName: 'karin' });
    core.close();
    expect(await signInAndCount(dataDir, 'admin', TEST_PASSPHRASE)).toBe(3);
  });

  it('only an administrator changes the key', async () => {
    const { api } = await testCore({ localRole: 'coordinator' });
    await expect(api.call('security.rekey', {})).rejects.toMatchObject({ code: 'forbidden' });
  });
});
