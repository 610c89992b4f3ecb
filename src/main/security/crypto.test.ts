import { describe, expect, it } from 'vitest';
import { deriveKey, macMatches, macOf, newDatabaseKey, newKdfParams, newRecoveryKey, recoveryKek, TEST_KDF, unwrapKey, wrapKey } from './crypto';
import { Sessions } from './sessions';

describe('key wrapping', () => {
  it('unwraps only with the same passphrase and owner; the derivation is repeatable', async () => {
    const key = newDatabaseKey();
    const kdf = newKdfParams(TEST_KDF);
    const kek = await deriveKey('rätt lösenfras', kdf);
    expect((await deriveKey('rätt lösenfras', kdf)).equals(kek)).toBe(true);
    const wrapped = wrapKey(kek, key, 'mdk user 1');
    expect(unwrapKey(kek, wrapped, 'mdk user 1')?.equals(key)).toBe(true);
    expect(unwrapKey(await deriveKey('fel lösenfras', kdf), wrapped, 'mdk user 1')).toBeNull();
    expect(unwrapKey(kek, wrapped, 'mdk user 2')).toBeNull(); // a wrapped key moved to another account
  });

  it('recovery keys are 160 random bits in readable groups, case and dashes ignored', () => {
    const rk = newRecoveryKey();
    expect(rk).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(newRecoveryKey()).not.toBe(rk);
    expect(recoveryKek(rk.toLowerCase().replace(/-/g, ' ')).equals(recoveryKek(rk))).toBe(true);
  });

  it('the account MAC detects any edited field', () => {
    const key = newDatabaseKey();
    const mac = macOf(key, [1, 'per', 'Per', 'physician', null, true]);
    expect(macMatches(key, [1, 'per', 'Per', 'physician', null, true], mac)).toBe(true);
    expect(macMatches(key, [1, 'per', 'Per', 'administrator', null, true], mac)).toBe(false);
  });
});

describe('sessions', () => {
  it('lock after the idle time, on lockAll, and stay locked until signed in again', () => {
    let now = 0;
    const sessions = new Sessions(
      () => 1_000,
      () => now,
    );
    sessions.signIn('a', 1);
    sessions.signIn('b', 2);
    now = 900;
    sessions.touch('a');
    now = 1_500;
    expect(sessions.get('a')?.locked).toBe(false);
    expect(sessions.get('b')?.locked).toBe(true);
    sessions.touch('b'); // activity cannot undo a lock
    expect(sessions.get('b')?.locked).toBe(true);
    sessions.lockAll();
    expect(sessions.get('a')?.locked).toBe(true);
    sessions.signOutUser(1);
    expect(sessions.get('a')).toBeUndefined();
  });
});
