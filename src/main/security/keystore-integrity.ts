/**
 * The keystore's settings and sign-in counters are checked like the accounts: a value edited by hand
 * (auto-lock minutes, a failure count set back to zero) is refused as tampered, never used.
 *
 * The settings are MAC'ed under the database key, like the accounts. The counters are written before
 * anyone has signed in, when the database key is not known, so they carry a MAC under a throttle key
 * of their own, kept in the keystore; the fingerprint of that key is inside the settings' MAC, so
 * removing or replacing the key (to start counting afresh) is caught at the next sign-in. What this
 * does not stop: someone who reads the app's code and the keystore can recompute the counters' MAC;
 * but whoever can edit the keystore can also copy it and guess offline, where only the passphrase's
 * strength and scrypt's cost stand in the way (README, "Säkerhet").
 */
import { randomBytes } from 'node:crypto';
import { ApiError } from '../../shared/api/errors';
import { macMatches, macOf } from './crypto';
import { settingsMacFields, type FailureRecord, type Keystore } from './keystore';

const throttleMacFields = (records: Record<string, FailureRecord>) => ['throttle', records];
const throttleKeyOf = (k: Keystore) => Buffer.from(k.throttleKey!, 'base64');

const tampered = () => new ApiError('forbidden', 'security.keystoreTampered');

/** The settings as signed under `dbKey` (a keystore from before their MAC counts as intact until signed). */
export function settingsIntact(k: Keystore, dbKey: Buffer): boolean {
  return !k.settingsMac || macMatches(dbKey, settingsMacFields(k), k.settingsMac);
}

/** Refuses a sign-in whose settings were edited by hand. */
export function checkSettings(k: Keystore, dbKey: Buffer): void {
  if (!settingsIntact(k, dbKey)) throw tampered();
}

/** Refuses to count (or to trust) sign-in records edited by hand. */
export function checkThrottle(k: Keystore): void {
  if (!k.throttleKey) return;
  const records = k.throttle ?? {};
  if (!k.throttleMac || !macMatches(throttleKeyOf(k), throttleMacFields(records), k.throttleMac)) throw tampered();
}

/** The keystore with new sign-in records and their MAC. */
export function withThrottle(k: Keystore, records: Record<string, FailureRecord>): Keystore {
  return { ...k, throttle: records, throttleMac: k.throttleKey ? macOf(throttleKeyOf(k), throttleMacFields(records)) : undefined };
}

/**
 * The settings signed under `dbKey`: a throttle key is made if there is none yet (a keystore from
 * before it), and the counters are signed with it.
 */
export function signedSettings(k: Keystore, dbKey: Buffer, autoLockMinutes = k.autoLockMinutes): Keystore {
  const withKey = { ...k, autoLockMinutes, throttleKey: k.throttleKey ?? randomBytes(32).toString('base64') };
  return withThrottle({ ...withKey, settingsMac: macOf(dbKey, settingsMacFields(withKey)) }, k.throttle ?? {});
}

/** Whether `signedSettings` has anything to add (a keystore from before the settings' or counters' MAC). */
export const needsSigning = (k: Keystore) => !k.settingsMac || !k.throttleKey;
