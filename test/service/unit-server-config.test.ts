import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { loadServerConfig, serverConfigFile } from '../../src/main/server/config';
import { loadTlsIdentity, selfSignedDir } from '../../src/main/server/tls';
import { tempDir } from './helpers';

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version']);
    return true;
  } catch {
    return false;
  }
})();

describe('unit server config and certificate', () => {
  it('writes the config with defaults at first start; flags override it; relative paths are in the data folder', () => {
    const dir = tempDir();
    const first = loadServerConfig(dir);
    expect(existsSync(serverConfigFile(dir))).toBe(true);
    expect(first).toMatchObject({ host: '0.0.0.0', port: 8443, serverKeyFile: join(dir, 'mdk-server.key') });
    writeFileSync(serverConfigFile(dir), JSON.stringify({ host: '10.1.2.3', port: 9443, tls: { certFile: 'c.pem', keyFile: '/etc/k.pem' } }));
    expect(loadServerConfig(dir)).toMatchObject({ host: '10.1.2.3', port: 9443, tls: { certFile: join(dir, 'c.pem'), keyFile: '/etc/k.pem' } });
    expect(loadServerConfig(dir, { host: '127.0.0.1', port: 0 })).toMatchObject({ host: '127.0.0.1', port: 0 });
    expect(() => loadServerConfig(dir, { port: 70000 })).toThrow(/port/);
  });

  it('makes a self-signed certificate once, keeps it, and reports its SHA-256 fingerprint', async () => {
    const dir = tempDir();
    const made = await loadTlsIdentity(dir, {});
    expect(made.selfSigned).toBe(true);
    expect(made.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const again = await loadTlsIdentity(dir, {});
    expect(again.fingerprint).toBe(made.fingerprint);
    const cert = new X509Certificate(readFileSync(join(selfSignedDir(dir), 'cert.pem')));
    expect(cert.subjectAltName).toContain('IP Address:127.0.0.1');
  });

  it('uses the hospital certificate given as PEM files', async () => {
    const dir = tempDir();
    const own = await loadTlsIdentity(dir, {}); // stands in for a CA-issued certificate
    const pem = await loadTlsIdentity(tempDir(), { certFile: join(selfSignedDir(dir), 'cert.pem'), keyFile: join(selfSignedDir(dir), 'key.pem') });
    expect(pem).toMatchObject({ selfSigned: false, fingerprint: own.fingerprint });
  });

  it.skipIf(!hasOpenssl)('uses the hospital certificate given as a PFX with its passphrase', async () => {
    const dir = tempDir();
    const own = await loadTlsIdentity(dir, {});
    const pfx = join(dir, 'server.pfx');
    execFileSync('openssl', [
      'pkcs12',
      '-export',
      '-in',
      join(selfSignedDir(dir), 'cert.pem'),
      '-inkey',
      join(selfSignedDir(dir), 'key.pem'),
      '-out',
      pfx,
      '-passout',
      'pass:hemligt',
    ]);
    const fromPfx = await loadTlsIdentity(tempDir(), { pfxFile: pfx, passphrase: 'hemligt' });
    expect(fromPfx).toMatchObject({ selfSigned: false, fingerprint: own.fingerprint });
  });
});
