/**
 * Writing exported patient files (PDF, FHIR) into a folder the user chose. Such a file is outside
 * the app's encryption, so it is readable by its owner only (0600), and it appears under its final
 * name only when complete: written to a temporary name, synced, then renamed. A failure part-way
 * leaves the files already renamed (each logged before the write began) and no partial file.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

export const EXPORT_FILE_MODE = 0o600;

export function writeExportFile(dir: string, name: string, bytes: Buffer | string): void {
  const final = join(dir, name);
  const tmp = join(dir, `.${name}.${randomBytes(4).toString('hex')}.part`);
  const fd = openSync(tmp, 'wx', EXPORT_FILE_MODE);
  try {
    try {
      writeSync(fd, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, final);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
