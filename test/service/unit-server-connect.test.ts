import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { checkServer, connectedCsp, electronFingerprint, pinnedVerifyProc } from '../../src/main/server/connect';
import { loadTlsIdentity } from '../../src/main/server/tls';
import { tempDir } from './helpers';

let server: Server | null = null;
afterEach(() => {
  server?.close();
  server = null;
});

async function tlsServer() {
  const identity = await loadTlsIdentity(tempDir(), {});
  server = createServer(identity.options, (_req, res) => res.end('ok'));
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/`, fingerprint: identity.fingerprint };
}

describe('connecting the desktop app to a unit server', () => {
  it('accepts the server when its certificate has the fingerprint the administrator gave', async () => {
    const s = await tlsServer();
    expect(await checkServer(s.url, s.fingerprint.toLowerCase())).toEqual({ ok: true, fingerprint: s.fingerprint });
  });

  it('refuses a server whose certificate differs, and says which fingerprint it showed', async () => {
    const s = await tlsServer();
    const other = await loadTlsIdentity(tempDir(), {});
    expect(await checkServer(s.url, other.fingerprint)).toEqual({ ok: false, reason: 'mismatch', fingerprint: s.fingerprint });
  });

  it('says when nothing answers at the address', async () => {
    const s = await tlsServer();
    server!.close();
    server = null;
    expect(await checkServer(s.url, s.fingerprint, 2_000)).toMatchObject({ ok: false, reason: 'unreachable' });
  });

  it('pins the certificate: only the pinned one is accepted for the server host; other hosts get normal verification', () => {
    const fp = 'AA:'.repeat(31) + 'AA';
    const verify = pinnedVerifyProc('https://mdk.sjukhus.se:8443', fp);
    const results: number[] = [];
    verify({ hostname: 'mdk.sjukhus.se', certificate: { fingerprint: electronFingerprint(fp) } }, (r) => results.push(r));
    verify({ hostname: 'mdk.sjukhus.se', certificate: { fingerprint: electronFingerprint('BB:'.repeat(31) + 'BB') } }, (r) => results.push(r));
    verify({ hostname: 'example.org', certificate: { fingerprint: 'sha256/x' } }, (r) => results.push(r));
    expect(results).toEqual([0, -2, -3]);
  });

  it('lets the window call the server origin only', () => {
    const csp = connectedCsp('https://mdk.sjukhus.se:8443/');
    expect(csp).toContain('connect-src https://mdk.sjukhus.se:8443;');
    expect(csp).not.toContain("connect-src 'self'");
  });
});
