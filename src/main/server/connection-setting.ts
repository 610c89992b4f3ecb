/**
 * The desktop settings' connection choice (connection.json beside the data folder, never in the
 * database) and the connection shell both the Electron main process and the browser-mode bridge
 * serve: read the choice, check a server, and remember a choice only once its check passed.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { normaliseFingerprint, serverOrigin, type ConnectCheck, type ConnectionSetting, type ConnectionShell } from '../../shared/api/connection';
import { checkServer } from './connect';

export const CONNECTION_FILE = 'connection.json';

const STANDALONE: ConnectionSetting = { mode: 'standalone' };

/** The remembered choice; a missing or malformed file is the standalone default. */
export function readConnectionSetting(file: string): ConnectionSetting {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    if (parsed.mode !== 'server' || typeof parsed.url !== 'string') return STANDALONE;
    const url = serverOrigin(parsed.url);
    const fingerprint = typeof parsed.fingerprint === 'string' ? normaliseFingerprint(parsed.fingerprint) : '';
    if (!url || fingerprint === null) return STANDALONE;
    return { mode: 'server', url, fingerprint: fingerprint || null };
  } catch {
    return STANDALONE;
  }
}

/** Written whole under a temporary name and renamed, readable by this user only. */
export function writeConnectionSetting(file: string, setting: ConnectionSetting): void {
  writeFileSync(`${file}.part`, JSON.stringify(setting, null, 2), { mode: 0o600 });
  renameSync(`${file}.part`, file);
}

type Checker = (url: string, fingerprint: string | null) => Promise<ConnectCheck>;

export function connectionService(file: string, check: Checker = checkServer): ConnectionShell {
  async function checkTyped(address: string, fingerprint: string): Promise<ConnectCheck & { url?: string; pinned?: string | null }> {
    const url = serverOrigin(String(address ?? ''));
    if (!url) return { ok: false, reason: 'invalidAddress' };
    const pinned = normaliseFingerprint(String(fingerprint ?? ''));
    if (pinned === null) return { ok: false, reason: 'invalidFingerprint' };
    return { ...(await check(url, pinned || null)), url, pinned: pinned || null };
  }
  return {
    current: async () => readConnectionSetting(file),
    async check(address, fingerprint) {
      const { url: _u, pinned: _p, ...result } = await checkTyped(address, fingerprint);
      return result;
    },
    async choose(choice) {
      if (choice?.mode !== 'server') {
        writeConnectionSetting(file, STANDALONE);
        return { ok: true, open: null };
      }
      // Checked again as it is remembered: what is kept is what was seen to match.
      const { url, pinned, ...result } = await checkTyped(choice.address, choice.fingerprint);
      if (!result.ok || !url) return { ok: false, check: result };
      writeConnectionSetting(file, { mode: 'server', url, fingerprint: pinned ?? null });
      return { ok: true, open: `${url}/` };
    },
  };
}
