import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { createCore } from '../../../src/main/core';
import { TEST_KDF } from '../../../src/main/security/crypto';
import { keystoreFile, type Keystore } from '../../../src/main/security/keystore';
import { createApiClient } from '../../../src/shared/api/client';
import { testCore, TEST_PASSPHRASE } from '../helpers';

const readStore = (dataDir: string) => JSON.parse(readFileSync(keystoreFile(dataDir), 'utf8')) as Keystore;

describe('accounts that stay as set', () => {
  it('deactivation removes the sealed key and key pair; coming back needs a new passphrase', async () => {
    const { api, dataDir } = await testCore();
    await api.call('users.save', { name: 'Lena Lämnar', userName: 'lena', role: 'physician', unitId: null, active: true, passphrase: TEST_PASSPHRASE });
    const lena = readStore(dataDir).users.find((u) => u.userName === 'lena')!;
    expect(lena.sealedKey).toBeTruthy();
    expect(lena.keyPair?.publicKey).toBeTruthy();
    await api.call('users.save', { id: lena.id, name: lena.name, userName: 'lena', role: 'physician', unitId: null, active: false });
    const after = readStore(dataDir).users.find((u) => u.userName === 'lena')!;
    expect(after).toMatchObject({ active: false, wrappedKey: null, kdf: null, keyPair: null, sealedKey: null });
    // Even with "active" edited back by hand, nothing unwraps with her passphrase.
    const edited = readStore(dataDir);
    edited.users = edited.users.map((u) => (u.userName === 'lena' ? { ...u, active: true } : u));
    writeFileSync(keystoreFile(dataDir), JSON.stringify(edited));
    const other = createCore({ dataDir, kdfCost: TEST_KDF });
    await expect(other.security.login(other.newSession(), 'lena', TEST_PASSPHRASE)).rejects.toMatchObject({
      issues: [{ messageKey: 'security.wrongCredentials' }],
    });
    other.close();
    edited.users = edited.users.map((u) => (u.userName === 'lena' ? { ...u, active: false } : u));
    writeFileSync(keystoreFile(dataDir), JSON.stringify(edited));
    await expect(
      api.call('users.save', { id: lena.id, name: lena.name, userName: 'lena', role: 'physician', unitId: null, active: true }),
    ).rejects.toMatchObject({
      issues: [{ path: 'passphrase', messageKey: 'security.reactivateNeedsPassphrase' }],
    });
    await api.call('users.save', {
      id: lena.id,
      name: lena.name,
      userName: 'lena',
      role: 'physician',
      unitId: null,
      active: true,
      passphrase: 'tillbaka efter ledigheten',
    });
  });

  it('passphrase policy: 12 characters, not blank, not the user name, not easy to guess', async () => {
    const { api } = await testCore();
    const save = (userName: string, passphrase: string) =>
      api.call('users.save', { name: 'Per Persson', userName, role: 'physician', unitId: null, active: true, passphrase });
    const issue = (p: Promise<unknown>) =>
      p.then(
        () => 'accepted',
        (e) => e.issues?.[0]?.messageKey,
      );
    expect(await issue(save('per1', 'elva tecken'))).toBe('security.passphraseTooShort');
    expect(await issue(save('per2', 'aaaaaaaaaaaa'))).toBe('security.passphraseTooWeak');
    expect(await issue(save('per3', ' '.repeat(12)))).toBe('security.passphraseBlank');
    expect(await issue(save('per.persson.1', 'per.persson.1'))).toBe('security.passphraseIsUserName');
    expect(await issue(save('per5', 'password1234'))).toBe('security.passphraseTooWeak');
    expect(await issue(save('per6', 'lösenord1234'))).toBe('security.passphraseTooWeak');
    expect(await issue(save('per7', 'blå cykel under bron'))).toBe('accepted');
    await expect(
      api.call('auth.changePassphrase', { current: TEST_PASSPHRASE, passphrase: 'qwertyuiop12', passphraseRepeat: 'qwertyuiop12' }),
    ).rejects.toMatchObject({
      issues: [{ messageKey: 'security.passphraseTooWeak' }],
    });
  });

  it('sign-out of the last session closes the database and zeroes the key', async () => {
    const { core: setup, dataDir } = await testCore();
    setup.close();
    const core = createCore({ dataDir, kdfCost: TEST_KDF });
    const [a, b] = [core.newSession(), core.newSession()];
    await core.security.login(a, 'admin', TEST_PASSPHRASE);
    await core.security.login(b, 'admin', TEST_PASSPHRASE);
    const apiA = createApiClient((m, i) => core.router(m, i, a));
    const apiB = createApiClient((m, i) => core.router(m, i, b));
    const key = core.security.key!;
    expect(key.some((byte) => byte !== 0)).toBe(true);
    await apiA.call('auth.logout', {});
    expect(core.security.isOpen).toBe(true); // b still works
    expect((await apiB.call('system.info', {})).schemaVersion).toBeTruthy();
    await apiB.call('auth.logout', {});
    expect(core.security.isOpen).toBe(false);
    expect(key.every((byte) => byte === 0)).toBe(true);
    expect(() => core.db).toThrow(/locked/);
    // Signing in again opens it again.
    await core.security.login(a, 'admin', TEST_PASSPHRASE);
    expect((await apiA.call('system.info', {})).schemaVersion).toBeTruthy();
    core.close();
  });

  it('the auto-lock setting is covered by the MAC: a value edited by hand is refused as tampered', async () => {
    const { core, api, dataDir } = await testCore();
    await api.call('security.setAutoLock', { minutes: 20 });
    expect((await api.call('auth.status', {})).autoLockMinutes).toBe(20);
    core.close();
    const edited = readStore(dataDir);
    writeFileSync(keystoreFile(dataDir), JSON.stringify({ ...edited, autoLockMinutes: 1_000_000 }));
    const again = createCore({ dataDir, kdfCost: TEST_KDF });
    const s = again.newSession();
    await expect(again.security.login(s, 'admin', TEST_PASSPHRASE)).rejects.toThrow(expect.objectContaining({ messageKey: 'security.keystoreTampered' }));
    expect(again.security.isOpen).toBe(false);
    expect(again.security.autoLockMs()).toBe(10 * 60_000);
    again.close();
  });

  it('a sign-in counter set back by hand is refused as tampered, before any passphrase is tried', async () => {
    const { core, dataDir } = await testCore();
    core.close();
    const app = createCore({ dataDir, kdfCost: TEST_KDF, signInClock: () => 5_000_000 });
    for (let i = 0; i < 5; i++) {
      await expect(app.security.login(app.newSession(), 'admin', `fel gissning nr ${i}`)).rejects.toMatchObject({
        issues: [{ messageKey: 'security.wrongCredentials' }],
      });
    }
    const edited = readStore(dataDir);
    expect(edited.throttle?.['u:admin']?.failures).toBe(5);
    writeFileSync(keystoreFile(dataDir), JSON.stringify({ ...edited, throttle: { ...edited.throttle, 'u:admin': { failures: 0, lastAt: 5_000_000 } } }));
    await expect(app.security.login(app.newSession(), 'admin', TEST_PASSPHRASE)).rejects.toMatchObject({ messageKey: 'security.keystoreTampered' });
    // Removing the counters with their MAC and key is caught too, at the sign-in that knows the database key.
    const { throttle: _t, throttleMac: _m, throttleKey: _k, ...stripped } = edited;
    writeFileSync(keystoreFile(dataDir), JSON.stringify(stripped));
    await expect(app.security.login(app.newSession(), 'admin', TEST_PASSPHRASE)).rejects.toMatchObject({ messageKey: 'security.keystoreTampered' });
    expect(app.security.isOpen).toBe(false);
    app.close();
  });
});
