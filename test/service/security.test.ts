import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { createCore, type Core } from '../../src/main/core';
import { TEST_KDF } from '../../src/main/security/crypto';
import { keystoreFile } from '../../src/main/security/keystore';
import { createApiClient } from '../../src/shared/api/client';
import { insertPatient, insertReferral } from '../factories';
import { signInAs, tempDir, testCore, TEST_PASSPHRASE, withWorkplace } from './helpers';

const fileHash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

/** A second, signed-out window on the same core. */
function freshSession(core: Core) {
  const session = core.newSession();
  return { session, api: createApiClient((m, i) => core.router(m, i, session)) };
}

describe('encryption at rest', () => {
  it('the database file cannot be read without the key, and the keystore holds no key in the clear', async () => {
    const { core, dataDir } = await testCore();
    insertPatient(core.db, { familyName: 'Hemligsson', personnummer: '191212121212' });
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    const file = join(dataDir, 'mdk.sqlite');
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from('Hemligsson'))).toBe(false);
    expect(bytes.subarray(0, 15).toString()).not.toBe('SQLite format 3');
    const plain = new Database(file, { readonly: true });
    expect(() => plain.prepare('SELECT * FROM patient').all()).toThrow(/not a database/);
    plain.close();
    const keystore = readFileSync(keystoreFile(dataDir), 'utf8');
    expect(keystore).not.toMatch(/Hemligsson|191212121212/);
  });

  it('starts locked: nothing but sign-in works until a passphrase unwraps the key', async () => {
    const { core, dataDir } = await testCore();
    core.close();
    const again = createCore({ dataDir, kdfCost: TEST_KDF });
    const { api } = freshSession(again);
    expect(() => again.db).toThrow(/locked/);
    await expect(api.call('system.info', {})).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(await api.call('auth.status', {})).toMatchObject({ state: 'signedOut', user: null });
    await expect(api.call('auth.login', { userName: 'admin', passphrase: 'fel lösenfras här' })).rejects.toMatchObject({
      issues: [{ path: 'passphrase', messageKey: 'security.wrongCredentials' }],
    });
    await expect(api.call('auth.login', { userName: 'nobody', passphrase: TEST_PASSPHRASE })).rejects.toMatchObject({
      issues: [{ path: 'passphrase', messageKey: 'security.wrongCredentials' }],
    });
    expect(await api.call('auth.login', { userName: 'ADMIN', passphrase: TEST_PASSPHRASE })).toMatchObject({ role: 'administrator' });
    expect((await api.call('system.info', {})).schemaVersion).toBeTruthy();
    again.close();
  });

  it('a passphrase change re-wraps the key and rewrites nothing in the database file', async () => {
    const { core, api, dataDir } = await testCore();
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = fileHash(join(dataDir, 'mdk.sqlite'));
    await expect(
      api.call('auth.changePassphrase', { current: 'inte rätt fras', passphrase: 'en helt ny fras', passphraseRepeat: 'en helt ny fras' }),
    ).rejects.toMatchObject({
      issues: [{ path: 'current', messageKey: 'security.wrongPassphrase' }],
    });
    await expect(
      api.call('auth.changePassphrase', { current: TEST_PASSPHRASE, passphrase: 'en helt ny fras', passphraseRepeat: 'en annan fras' }),
    ).rejects.toMatchObject({
      issues: [{ path: 'passphraseRepeat', messageKey: 'security.passphraseMismatch' }],
    });
    await api.call('auth.changePassphrase', { current: TEST_PASSPHRASE, passphrase: 'en helt ny fras', passphraseRepeat: 'en helt ny fras' });
    core.close();
    expect(fileHash(join(dataDir, 'mdk.sqlite'))).toBe(before);
    const again = createCore({ dataDir, kdfCost: TEST_KDF });
    const s = again.newSession();
    await expect(again.security.login(s, 'admin', TEST_PASSPHRASE)).rejects.toMatchObject({ code: 'validation' });
    await again.security.login(s, 'admin', 'en helt ny fras');
    again.close();
  });

  it('the recovery key shown at setup sets a new passphrase when all are forgotten', async () => {
    const dataDir = tempDir();
    const core = createCore({ dataDir, kdfCost: TEST_KDF });
    const { api } = freshSession(core);
    expect((await api.call('auth.status', {})).state).toBe('setup');
    await expect(api.call('auth.setup', { name: 'Anna', userName: 'anna', passphrase: 'kort', passphraseRepeat: 'kort' })).rejects.toMatchObject({
      issues: [{ path: 'passphrase', messageKey: 'security.passphraseTooShort' }],
    });
    const { recoveryKey } = await api.call('auth.setup', { name: 'Anna', userName: 'anna', passphrase: TEST_PASSPHRASE, passphraseRepeat: TEST_PASSPHRASE });
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    await expect(api.call('auth.setup', { name: 'Bo', userName: 'bo', passphrase: TEST_PASSPHRASE, passphraseRepeat: TEST_PASSPHRASE })).rejects.toMatchObject({
      code: 'conflict',
    });
    core.close();

    const again = createCore({ dataDir, kdfCost: TEST_KDF });
    const other = freshSession(again);
    const input = { userName: 'anna', passphrase: 'ny fras efter glömska', passphraseRepeat: 'ny fras efter glömska' };
    await expect(other.api.call('auth.recover', { ...input, recoveryKey: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA' })).rejects.toMatchObject({
      issues: [{ path: 'recoveryKey', messageKey: 'security.wrongRecoveryKey' }],
    });
    expect(await other.api.call('auth.recover', { ...input, recoveryKey: recoveryKey.toLowerCase() })).toMatchObject({ userName: 'anna' });
    await again.security.login(again.newSession(), 'anna', 'ny fras efter glömska');
    again.close();
  });

  it('an account record edited in the keystore (a role raised by hand) is refused', async () => {
    const { core, dataDir } = await testCore({ localRole: 'physician' });
    core.close();
    const file = keystoreFile(dataDir);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"role": "physician"', '"role": "administrator"'));
    const again = createCore({ dataDir, kdfCost: TEST_KDF });
    await expect(again.security.login(again.newSession(), 'physician', TEST_PASSPHRASE)).rejects.toMatchObject({ messageKey: 'security.accountTampered' });
    again.close();
  });
});

describe('users and roles', () => {
  it('slows down guessing: after five wrong passphrases the next try must wait', async () => {
    const { core } = await testCore();
    const s = core.newSession();
    for (let i = 0; i < 5; i++) {
      await expect(core.security.login(s, 'admin', `fel gissning ${i}`)).rejects.toMatchObject({ issues: [{ messageKey: 'security.wrongCredentials' }] });
    }
    await expect(core.security.login(s, 'admin', TEST_PASSPHRASE)).rejects.toMatchObject({ issues: [{ messageKey: 'security.tooManyAttempts' }] });
  });

  it('a backup file opens with the database key held in memory, and not without it', async () => {
    const { core, dataDir } = await testCore();
    const copy = join(dataDir, 'backup.sqlite');
    core.db.exec(`VACUUM INTO '${copy}'`);
    const db = core.security.openWithDatabaseKey(copy, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM unit').pluck().get()).toBeGreaterThan(0);
    db.close();
    const plain = new Database(copy, { readonly: true });
    expect(() => plain.prepare('SELECT count(*) FROM unit').get()).toThrow(/not a database/);
    plain.close();
  });

  it('administrators manage accounts; other roles are refused by the router', async () => {
    const { api, core } = await testCore();
    const { id } = await api.call('users.save', {
      name: 'Karin Koordinator',
      userName: 'SE2321000131-P000000012345',
      role: 'coordinator',
      passphrase: 'koordinatorns fras',
    });
    await expect(
      api.call('users.save', { name: 'X', userName: 'se2321000131-p000000012345', role: 'physician', passphrase: 'någon lång fras' }),
    ).rejects.toMatchObject({
      issues: [{ path: 'userName', messageKey: 'security.userNameTaken' }],
    });
    await expect(api.call('users.save', { name: 'Y', userName: 'y y', role: 'physician', passphrase: 'någon lång fras' })).rejects.toMatchObject({
      issues: [{ path: 'userName', messageKey: 'security.userNameFormat' }],
    });
    await expect(api.call('users.save', { name: 'Z', userName: 'zz', role: 'physician' })).rejects.toMatchObject({
      issues: [{ path: 'passphrase', messageKey: 'validation.required' }],
    });
    const users = await api.call('users.list', {});
    expect(users.map((u) => u.role)).toEqual(['administrator', 'coordinator']);
    expect(JSON.stringify(users)).not.toMatch(/wrapped|salt|mac/);

    const karin = freshSession(core);
    await karin.api.call('auth.login', { userName: 'SE2321000131-P000000012345', passphrase: 'koordinatorns fras' });
    await expect(karin.api.call('users.list', {})).rejects.toMatchObject({ code: 'forbidden' });
    await expect(karin.api.call('workplace.set', { unitId: 1, careAreaCodes: ['ILP'] })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await karin.api.call('auth.status', {})).toMatchObject({ state: 'signedIn', user: { role: 'coordinator' } });

    // Deactivating ends her sessions at once; the last administrator cannot be demoted.
    await api.call('users.save', { id, name: 'Karin Koordinator', userName: 'SE2321000131-P000000012345', role: 'coordinator', active: false });
    await expect(karin.api.call('reference.get', {})).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(api.call('users.save', { id: 1, name: 'Anna', userName: 'admin', role: 'physician' })).rejects.toMatchObject({
      issues: [{ path: 'role', messageKey: 'security.lastAdministrator' }],
    });
  });

  it("locks a session after the idle time; only that user's passphrase unlocks it", async () => {
    const { core, api } = await testCore({ autoLockMs: 60 });
    await new Promise((r) => setTimeout(r, 100));
    await expect(api.call('reference.get', {})).rejects.toMatchObject({ code: 'locked' });
    expect(await api.call('auth.status', {})).toMatchObject({ state: 'locked', user: { userName: 'admin' } });
    await expect(api.call('auth.unlock', { passphrase: 'fel fras igen' })).rejects.toMatchObject({
      issues: [{ path: 'passphrase', messageKey: 'security.wrongPassphrase' }],
    });
    await api.call('auth.unlock', { passphrase: TEST_PASSPHRASE });
    expect((await api.call('reference.get', {})).units.length).toBeGreaterThan(0);
    core.security.sessions.lockAll(); // the computer went to sleep
    await expect(api.call('reference.get', {})).rejects.toMatchObject({ code: 'locked' });
    await api.call('auth.logout', {});
    await expect(api.call('reference.get', {})).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});

describe('access log', () => {
  it('records who read which patient, in the same transaction, and the database refuses edits', async () => {
    const { core, api } = await testCore({ localRole: 'contact_nurse' });
    const admin = freshSession(core);
    await signInAs(core, admin.session, 'administrator');
    await withWorkplace(admin.api);
    const patientId = insertPatient(core.db, { personnummer: '191212121212' });
    const referralId = insertReferral(core.db, { patientId });
    expect(await api.call('referrals.get', { id: referralId })).toMatchObject({ patient: { familyName: 'Testsson' } });
    await expect(api.call('referrals.get', { id: 9999 })).rejects.toMatchObject({ code: 'not_found' });

    const { entries } = await admin.api.call('accessLog.list', { patientIdentifier: '19121212-1212' });
    expect(entries).toEqual([
      expect.objectContaining({
        userName: 'contact_nurse',
        userFullName: 'Sara Kontaktsjuksköterska',
        role: 'contact_nurse',
        unitName: 'Sahlgrenska Universitetssjukhuset',
        patientId,
        patientIdentifier: '191212121212',
        action: 'read',
        objectType: 'referral',
        objectId: String(referralId),
        method: 'referrals.get',
      }),
    ]);
    await expect(api.call('accessLog.list', {})).rejects.toMatchObject({ code: 'forbidden' });
    expect(() => core.db.prepare("UPDATE access_log SET user_name = 'someone else'").run()).toThrow(/append-only/);
    expect(() => core.db.prepare('DELETE FROM access_log').run()).toThrow(/append-only/);
    expect(core.db.prepare('SELECT count(*) FROM access_log').pluck().get()).toBe(1);

    const filtered = await admin.api.call('accessLog.list', { userName: 'admin', action: 'read', from: '2000-01-01', to: '2000-12-31' });
    expect(filtered.entries).toEqual([]);
  });

  it("exports one patient's log extract, and the export is logged too", async () => {
    const { core, api } = await testCore();
    const patientId = insertPatient(core.db, { personnummer: '191212121212' });
    const other = insertPatient(core.db, { personnummer: '198112289874', familyName: 'Annan' });
    await api.call('referrals.get', { id: insertReferral(core.db, { patientId }) });
    await api.call('referrals.get', { id: insertReferral(core.db, { patientId: other }) });
    await expect(api.call('accessLog.exportPatient', { patientIdentifier: '19000101-0000' })).rejects.toMatchObject({
      issues: [{ path: 'patientIdentifier', messageKey: 'accessLog.unknownPatient' }],
    });
    const file = await api.call('accessLog.exportPatient', { patientIdentifier: '19121212-1212' });
    expect(file.fileName).toBe('atkomstlogg-191212121212.csv');
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Tid;Användare;Användarnamn;Roll;Enhet;Åtgärd;Objekt');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/;Anna Administratör;admin;Administratör;;Läsning;Remiss \d+$/);
    const log = await api.call('accessLog.list', { patientIdentifier: '191212121212' });
    expect(log.entries.map((e) => e.action)).toEqual(['export', 'read']);
  });
});
