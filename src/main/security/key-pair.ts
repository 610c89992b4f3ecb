/**
 * Each account's X25519 key pair. The private key is wrapped under the user's passphrase-derived key
 * (crypto.ts); the database key is sealed to the public key. So an administrator holding the database
 * key can seal a new one to every active user (a changed database key, rekey.ts) without knowing
 * anyone's passphrase, and only the user's passphrase opens what was sealed to them.
 */
import { createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, type KeyObject } from 'node:crypto';
import { unwrapKey, wrapKey, type Wrapped } from './crypto';

/** A key sealed to a public key: the sender's one-time public key travels with it. */
export interface Sealed extends Wrapped {
  /** The ephemeral X25519 public key (SPKI, DER, base64). */
  epk: string;
}

export interface NewKeyPair {
  /** SPKI, DER, base64: stored in the clear (and covered by the account's MAC). */
  publicKey: string;
  /** PKCS#8, DER: wrapped at once and then zeroed by the caller. */
  privateKey: Buffer;
}

function newX25519(): { publicKey: Buffer; privateKey: Buffer } {
  const pair = generateKeyPairSync('x25519', {
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'pkcs8', format: 'der' },
  });
  return { publicKey: pair.publicKey, privateKey: pair.privateKey };
}

export function newKeyPair(): NewKeyPair {
  const pair = newX25519();
  return { publicKey: pair.publicKey.toString('base64'), privateKey: pair.privateKey };
}

const publicKeyObject = (spki: string): KeyObject => createPublicKey({ key: Buffer.from(spki, 'base64'), format: 'der', type: 'spki' });

/**
 * ECDH between one private key and the other side's public key (`peer`), through HKDF bound to both
 * public keys of the seal: the AES-256-GCM key of one seal. The same on both sides.
 */
function sealingKey(privateKey: KeyObject, peer: string, epk: string, recipient: string): Buffer {
  const shared = diffieHellman({ privateKey, publicKey: publicKeyObject(peer) });
  const salt = Buffer.concat([Buffer.from(epk, 'base64'), Buffer.from(recipient, 'base64')]);
  const key = Buffer.from(hkdfSync('sha256', shared, salt, 'mdk sealed database key', 32));
  shared.fill(0);
  return key;
}

/** Seals `secret` so only the holder of `recipient`'s private key opens it; `aad` binds it to its owner. */
export function sealTo(recipient: string, secret: Buffer, aad: string): Sealed {
  const eph = newX25519();
  const epk = eph.publicKey.toString('base64');
  const ephPrivate = createPrivateKey({ key: eph.privateKey, format: 'der', type: 'pkcs8' });
  eph.privateKey.fill(0);
  const key = sealingKey(ephPrivate, recipient, epk, recipient);
  const sealed = { ...wrapKey(key, secret, aad), epk };
  key.fill(0);
  return sealed;
}

/** Opens a seal with the recipient's private key (PKCS#8, DER); null when it does not fit. */
export function openSealed(privateKeyDer: Buffer, recipient: string, sealed: Sealed, aad: string): Buffer | null {
  let key: Buffer;
  try {
    const privateKey = createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' });
    key = sealingKey(privateKey, sealed.epk, sealed.epk, recipient);
  } catch {
    return null;
  }
  const secret = unwrapKey(key, sealed, aad);
  key.fill(0);
  return secret;
}
