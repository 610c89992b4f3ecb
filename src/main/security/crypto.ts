/**
 * Key handling for encryption at rest. One random database key; each user's passphrase
 * (and the recovery key) derives a key-encryption key that wraps it with AES-256-GCM. A changed
 * passphrase re-wraps 32 bytes and re-encrypts nothing.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt parameters, stored beside each wrapped key so they can be raised later without a migration. */
export interface KdfParams {
  alg: 'scrypt';
  salt: string; // base64
  N: number;
  r: number;
  p: number;
}

/** N = 2^17, r = 8: 128 MiB of memory per guess (OWASP's scrypt floor is 2^17). */
export const STRONG_KDF = { N: 2 ** 17, r: 8, p: 1 } as const;
/** Tests and the load test create many users on a shared machine; the format and code path stay the same. */
export const TEST_KDF = { N: 2 ** 10, r: 8, p: 1 } as const;

export interface Wrapped {
  iv: string;
  tag: string;
  data: string;
}

export function newKdfParams(cost: { N: number; r: number; p: number } = STRONG_KDF): KdfParams {
  return { alg: 'scrypt', salt: randomBytes(16).toString('base64'), ...cost };
}

const scryptOptions = (params: KdfParams) => ({ N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 });

/** Runs in libuv's thread pool, so a sign-in does not freeze the window or the bridge. */
export function deriveKey(passphrase: string, params: KdfParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), Buffer.from(params.salt, 'base64'), 32, scryptOptions(params), (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** Binds the recovery key's wrap of the database key. */
export const RECOVERY_AAD = 'mdk recovery';

/** The recovery key has 160 random bits, so a fast KDF (HKDF) is enough for it. */
export function recoveryKek(recoveryKey: string): Buffer {
  const normalized = recoveryKey.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return Buffer.from(hkdfSync('sha256', Buffer.from(normalized, 'utf8'), Buffer.alloc(0), 'mdk recovery key', 32));
}

/** 20 random bytes in Crockford base32, grouped for reading aloud: XXXX-XXXX-…(8 groups). */
export function newRecoveryKey(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

export function newDatabaseKey(): Buffer {
  return randomBytes(32);
}

/** `aad` binds a wrapped key to its owner, so wrapped keys cannot be swapped between users. */
export function wrapKey(kek: Buffer, key: Buffer, aad: string): Wrapped {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(key), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** Returns null when the key-encryption key is wrong (wrong passphrase): GCM's tag does not match. */
export function unwrapKey(kek: Buffer, wrapped: Wrapped, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

/** A MAC under the database key over a user's record: editing a role in the keystore file is detected. */
export function macOf(dbKey: Buffer, fields: unknown): string {
  return createHmac('sha256', dbKey).update('mdk user record\0').update(JSON.stringify(fields)).digest('base64');
}

export function macMatches(dbKey: Buffer, fields: unknown, mac: string): boolean {
  const expected = Buffer.from(macOf(dbKey, fields), 'base64');
  const given = Buffer.from(mac, 'base64');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
