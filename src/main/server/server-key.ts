/**
 * Unattended start of the unit server. The database key is normally known only after a user's
 * passphrase unwraps it; a service must start (and take its nightly backups) with nobody signed in.
 * `mdk server-init` writes a random server key to a file readable only by the service account (0600)
 * and the database key wrapped under it (`mdk-server-unlock.json` in the data folder). Whoever can read
 * the server key file and the data folder can read the database: keep the key file outside backups
 * and the data share, on the server's own disk (README, "Enhetsserver").
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { unwrapKey, wrapKey, type Wrapped } from '../security/crypto';

export const serverUnlockFile = (dataDir: string) => join(dataDir, 'mdk-server-unlock.json');
const AAD = 'mdk server key';

interface ServerUnlock {
  format: 'mdk-server-unlock-1';
  createdAt: string;
  wrapped: Wrapped;
}

function writePrivate(file: string, text: string): void {
  const fd = openSync(file, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Creates (or replaces) the server key file and the wrapped database key. */
export function initServerKey(dataDir: string, keyFile: string, databaseKey: Buffer, now = new Date()): void {
  const serverKey = randomBytes(32);
  writePrivate(keyFile, serverKey.toString('base64') + '\n');
  const unlock: ServerUnlock = { format: 'mdk-server-unlock-1', createdAt: now.toISOString(), wrapped: wrapKey(serverKey, databaseKey, AAD) };
  writePrivate(serverUnlockFile(dataDir), JSON.stringify(unlock, null, 2));
}

/** Why the key file cannot be used, or null: on POSIX, group or others must not be able to read it. */
export function keyFileProblem(keyFile: string, platform: NodeJS.Platform = process.platform): string | null {
  if (!existsSync(keyFile)) return `Servernyckeln saknas / the server key file is missing: ${keyFile}`;
  if (platform !== 'win32' && (statSync(keyFile).mode & 0o077) !== 0)
    return `Servernyckeln får bara vara läsbar för tjänstekontot (chmod 600) / the server key file must be readable by the service account only: ${keyFile}`;
  return null;
}

/** The database key for an unattended start, or null when the server was not initialised for it. */
export function unwrapWithServerKey(dataDir: string, keyFile: string): Buffer | null {
  if (!existsSync(serverUnlockFile(dataDir)) || !existsSync(keyFile)) return null;
  const problem = keyFileProblem(keyFile);
  if (problem) throw new Error(problem);
  const unlock = JSON.parse(readFileSync(serverUnlockFile(dataDir), 'utf8')) as ServerUnlock;
  const serverKey = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64');
  const key = serverKey.length === 32 ? unwrapKey(serverKey, unlock.wrapped, AAD) : null;
  if (!key) throw new Error('Servernyckeln passar inte databasen / the server key does not match the database');
  return key;
}
