/**
 * Writing exported patient files (PDF, FHIR) into a folder the user chose. Such a file is outside
 * the app's encryption, so it is readable by its owner only (0600), and it appears under its final
 * name only when complete: written to a temporary name, synced, then renamed. A failure part-way
 * leaves the files already renamed (each logged before the write began) and no partial file.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { FilePayload } from '../../../shared/api/files';

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

/**
 * Where an export's files go: into the folder the user picked (the desktop app's folder dialog, the
 * CLI's --out), or, with no folder (browser mode: the server's disk is not the user's), back in the
 * answer for the browser to download. Either way only once the call's log rows are committed.
 */
export function exportDestination(dir: string | null): { put(file: FilePayload): void; names: string[]; files: FilePayload[] | undefined } {
  const names: string[] = [];
  const files: FilePayload[] | undefined = dir ? undefined : [];
  return {
    put(file) {
      if (dir) writeExportFile(dir, file.fileName, Buffer.from(file.base64, 'base64'));
      else files!.push(file);
      names.push(file.fileName);
    },
    names,
    files,
  };
}
