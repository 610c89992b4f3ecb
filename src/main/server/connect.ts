/**
 * The desktop app's side of team mode, kept free of `electron` so it is tested under Node: checking a
 * unit server's certificate against the fingerprint the administrator gave (the connect step), the
 * verify function the shell hands to `session.setCertificateVerifyProc` (pinning), and the CSP that
 * lets the window talk to that one origin only. The shell's wiring is src/main/electron/connection.ts.
 */
import { connect } from 'node:tls';
import type { ConnectCheck } from '../../shared/api/connection';
import { CONTENT_SECURITY_POLICY } from '../transport/csp';

export type { ConnectCheck } from '../../shared/api/connection';

/** "AB:CD:…" (as the server prints it) in Electron's `sha256/<base64>` form. */
export const electronFingerprint = (hexColons: string) => `sha256/${Buffer.from(hexColons.replace(/:/g, ''), 'hex').toString('base64')}`;

const normalise = (f: string) => f.replace(/[^0-9a-f]/gi, '').toUpperCase();

/**
 * Connects once and compares the server's certificate with the expected fingerprint (nothing else is
 * sent). Without a fingerprint ('' or null) the certificate must be valid for the host by the system's
 * CAs (the hospital's own CA installed on the computer).
 */
export function checkServer(address: string, expectedFingerprint: string | null, timeoutMs = 5_000): Promise<ConnectCheck> {
  const url = new URL(address);
  const byCa = !expectedFingerprint;
  return new Promise((resolve) => {
    const socket = connect({
      host: url.hostname,
      port: Number(url.port || 443),
      servername: /^[\d.]+$/.test(url.hostname) ? undefined : url.hostname,
      rejectUnauthorized: false,
    });
    const done = (r: ConnectCheck) => {
      socket.destroy();
      resolve(r);
    };
    socket.setTimeout(timeoutMs, () => done({ ok: false, reason: 'unreachable' }));
    socket.once('error', () => done({ ok: false, reason: 'unreachable' }));
    socket.once('secureConnect', () => {
      const fingerprint = socket.getPeerCertificate().fingerprint256;
      if (byCa) done(socket.authorized ? { ok: true, fingerprint } : { ok: false, reason: 'untrusted', fingerprint });
      else done(normalise(fingerprint) === normalise(expectedFingerprint) ? { ok: true, fingerprint } : { ok: false, reason: 'mismatch', fingerprint });
    });
  });
}

interface VerifyRequest {
  hostname: string;
  certificate: { fingerprint: string };
}

/**
 * For `session.setCertificateVerifyProc`: the unit server's host is trusted only with the pinned
 * certificate (0 = accept, -2 = refuse); every other host, and the server itself when no fingerprint
 * was pinned (the hospital's CA), gets Chromium's own verification (-3).
 */
export function pinnedVerifyProc(serverOrigin: string, fingerprint: string | null) {
  const host = new URL(serverOrigin).hostname;
  const pinned = fingerprint ? electronFingerprint(fingerprint) : null;
  return (request: VerifyRequest, callback: (result: number) => void) => {
    if (request.hostname !== host || !pinned) return callback(-3);
    callback(request.certificate.fingerprint === pinned ? 0 : -2);
  };
}

/** The app's CSP with the unit server as the only origin the window may call. */
export function connectedCsp(serverOrigin: string): string {
  const origin = new URL(serverOrigin).origin;
  return CONTENT_SECURITY_POLICY.replace("connect-src 'self'", `connect-src ${origin}`);
}
