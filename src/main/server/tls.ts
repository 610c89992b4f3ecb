/**
 * The server's TLS identity: the hospital's certificate (PEM or PFX) when the config names one,
 * otherwise a self-signed certificate made at first start and kept in the data folder. Clients pin
 * its SHA-256 fingerprint, which the server prints at every start.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { hostname } from 'node:os';
import { createSecureContext } from 'node:tls';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import type { ServerTlsConfig } from './config';

export interface TlsIdentity {
  /** What node:https takes. */
  options: { cert?: Buffer; key?: Buffer; pfx?: Buffer; passphrase?: string };
  /** SHA-256 of the leaf certificate, AA:BB:… (as browsers and the desktop app show it). */
  fingerprint: string;
  selfSigned: boolean;
}

export const selfSignedDir = (dataDir: string) => join(dataDir, 'server-tls');

export async function loadTlsIdentity(dataDir: string, tls: ServerTlsConfig): Promise<TlsIdentity> {
  if (tls.pfxFile) {
    const pfx = readFileSync(tls.pfxFile);
    return { options: { pfx, passphrase: tls.passphrase }, fingerprint: pfxFingerprint(pfx, tls.passphrase), selfSigned: false };
  }
  if (tls.certFile || tls.keyFile) {
    if (!tls.certFile || !tls.keyFile) throw new Error('Både certFile och keyFile behövs / both certFile and keyFile are needed');
    const cert = readFileSync(tls.certFile);
    const key = readFileSync(tls.keyFile);
    createPrivateKey({ key, passphrase: tls.passphrase }); // fails early on a wrong passphrase
    return { options: { cert, key, passphrase: tls.passphrase }, fingerprint: new X509Certificate(cert).fingerprint256, selfSigned: false };
  }
  const dir = selfSignedDir(dataDir);
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  if (!existsSync(certFile) || !existsSync(keyFile)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const name = hostname();
    const made = await generate([{ name: 'commonName', value: `MDK Coordinator ${name}` }], {
      keySize: 2048,
      algorithm: 'sha256',
      notAfterDate: new Date(Date.now() + 5 * 365 * 24 * 3600 * 1000),
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: name },
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
          ],
        },
      ],
    });
    writeFileSync(keyFile, made.private, { mode: 0o600 });
    writeFileSync(certFile, made.cert);
  }
  const cert = readFileSync(certFile);
  return { options: { cert, key: readFileSync(keyFile) }, fingerprint: new X509Certificate(cert).fingerprint256, selfSigned: true };
}

/** The fingerprint of a PFX's certificate: read through a throwaway TLS context. */
function pfxFingerprint(pfx: Buffer, passphrase: string | undefined): string {
  // Node has no PKCS#12 parser of its own; a secure context loads it and reports the leaf certificate.
  const ctx = createSecureContext({ pfx, passphrase });
  const der = (ctx.context as { getCertificate(): Buffer | null }).getCertificate();
  if (!der) throw new Error('PFX-filen saknar certifikat / the PFX file holds no certificate');
  return new X509Certificate(der).fingerprint256;
}
