/**
 * How this computer works: on its own database (fristående) or as a client of the unit's server
 * (enhetsserver). The choice lives in the desktop settings, never in the database, and is made by the
 * shell (Electron's main process, or the browser-mode bridge), which the renderer asks through this
 * small contract: the one API contract needs a database, this one must work before there is any.
 */
export type ConnectionSetting = { mode: 'standalone' } | { mode: 'server'; url: string; fingerprint: string | null };

/**
 * The result of connecting once to a server: its certificate's SHA-256 fingerprint (shown to the user),
 * and whether it matched the one the administrator gave (or, when none was given, whether the
 * hospital's CA vouches for it).
 */
export type ConnectCheck =
  | { ok: true; fingerprint: string }
  | { ok: false; reason: 'mismatch' | 'untrusted' | 'unreachable'; fingerprint?: string }
  | { ok: false; reason: 'invalidAddress' | 'invalidFingerprint' };

/** What choosing did; `open` is the page to go to (browser mode goes there itself, Electron restarts). */
export type ChooseResult = { ok: true; open: string | null } | { ok: false; check: ConnectCheck };

export interface ConnectionShell {
  current(): Promise<ConnectionSetting>;
  check(address: string, fingerprint: string): Promise<ConnectCheck>;
  choose(choice: { mode: 'standalone' } | { mode: 'server'; address: string; fingerprint: string }): Promise<ChooseResult>;
}

/** Electron IPC channels of the connection shell (preload and main). */
export const CONNECTION_CHANNELS = {
  current: 'mdk:connection:current',
  check: 'mdk:connection:check',
  choose: 'mdk:connection:choose',
} as const;

/**
 * The server's origin from what the user typed ("mdk.sjukhus.se:8443" or "https://mdk.sjukhus.se:8443/"):
 * HTTPS only, no user name, password, path or query. Null when it is not such an address.
 */
export function serverOrigin(address: string): string | null {
  const typed = address.trim();
  if (typed.length > 300) return null;
  const m = /^(?:https:\/\/)?([a-z\d](?:[a-z\d-]*[a-z\d])?(?:\.[a-z\d](?:[a-z\d-]*[a-z\d])?)*|\[[\da-f:.]+\])(?::(\d{1,5}))?\/?$/i.exec(typed);
  if (!m) return null;
  const port = m[2] === undefined ? 443 : Number(m[2]);
  if (port < 1 || port > 65_535) return null;
  return `https://${m[1].toLowerCase()}${port === 443 ? '' : `:${port}`}`;
}

/**
 * A SHA-256 fingerprint as the server prints it (AA:BB:…, 32 bytes), from any spacing or case the
 * administrator passed on; '' for none given (the hospital's CA decides); null when it is not one.
 */
export function normaliseFingerprint(given: string): string | null {
  const hex = given.replace(/[\s:]/g, '').toUpperCase();
  if (!hex) return '';
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return hex.match(/../g)!.join(':');
}
