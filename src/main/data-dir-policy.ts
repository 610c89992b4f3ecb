import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PRODUCT_NAME } from './paths';

/**
 * The machine-wide policy file of the desktop app: written by an administrator (or deployment tool),
 * never by the user. `{ "allowDataDirOverride": true }` lets a packaged build honour MDK_DATA_DIR.
 */
export function policyFilePath(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.ProgramData ?? 'C:\\ProgramData', PRODUCT_NAME, 'policy.json');
  if (platform === 'darwin') return join('/Library/Application Support', PRODUCT_NAME, 'policy.json');
  return '/etc/mdk-coordinator/policy.json';
}

export interface DataDirPolicy {
  allowDataDirOverride: boolean;
}

const NO_POLICY: DataDirPolicy = { allowDataDirOverride: false };

/**
 * Reads the policy; anything missing, unreadable or malformed allows nothing. On macOS and Linux the
 * file and its folder must belong to a trusted owner (root) and be writable by no one else, so a user
 * cannot grant it to themselves. (On Windows the folder's ACL is the administrator's job: README.)
 */
export function readDataDirPolicy(file: string, options: { platform?: NodeJS.Platform; trustedOwners?: readonly number[] } = {}): DataDirPolicy {
  const platform = options.platform ?? process.platform;
  const trusted = options.trustedOwners ?? [0];
  try {
    if (platform !== 'win32') {
      for (const path of [file, dirname(file)]) {
        const s = statSync(path);
        if (!trusted.includes(s.uid) || (s.mode & 0o022) !== 0) return NO_POLICY;
      }
    }
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    const allow = typeof parsed === 'object' && parsed !== null && (parsed as Record<string, unknown>).allowDataDirOverride === true;
    return { allowDataDirOverride: allow };
  } catch {
    return NO_POLICY;
  }
}

export interface DesktopDataDir {
  dataDir: string;
  /** MDK_DATA_DIR was set but not honoured (packaged build without the policy). */
  ignoredOverride: string | null;
}

/**
 * The desktop app's data folder: Electron's userData, or MDK_DATA_DIR in a development build. A
 * packaged build honours MDK_DATA_DIR only where the machine-wide policy allows it, so an environment
 * variable alone cannot point the app at another keystore and database.
 */
export function desktopDataDir(options: { packaged: boolean; userData: string; env?: NodeJS.ProcessEnv; policy?: () => DataDirPolicy }): DesktopDataDir {
  const override = (options.env ?? process.env).MDK_DATA_DIR;
  if (!override) return { dataDir: options.userData, ignoredOverride: null };
  const allowed = !options.packaged || (options.policy ?? (() => readDataDirPolicy(policyFilePath())))().allowDataDirOverride;
  return allowed ? { dataDir: resolve(override), ignoredOverride: null } : { dataDir: options.userData, ignoredOverride: override };
}
