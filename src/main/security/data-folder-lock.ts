/**
 * One app per data folder: the desktop app and browser mode each hold `mdk-app.lock` while they run,
 * so a second instance says plainly that the data is in use instead of working beside the first one
 * (two sets of sessions, auto-lock and backup schedules on one database). The CLI does not take it: its
 * changes go through the keystore lock and SQLite's own locking, which are safe to share.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../shared/api/errors';
import { lockOwner, tryLock } from './file-lock';

export const appLockFile = (dataDir: string) => join(dataDir, 'mdk-app.lock');

/** Takes the data folder for this process, or throws `error.dataInUse`; returns the release. */
export function holdDataFolder(dataDir: string): () => void {
  const file = appLockFile(dataDir);
  if (!tryLock(file)) throw new ApiError('conflict', 'error.dataInUse', { dir: dataDir, pid: lockOwner(file) ?? '?' });
  let held = true;
  const release = () => {
    if (held && lockOwner(file) === process.pid) rmSync(file, { force: true });
    held = false;
  };
  process.once('exit', release);
  return release;
}
