/**
 * Lock files for one data folder shared by several processes (the desktop app, browser mode, the
 * CLI). A lock is a file created exclusively (O_EXCL) holding the owner's process id; a lock whose
 * owner has died (kill -9, power cut) is stale and taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

function ownerAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process id written in a lock file, or null when there is none (or it is unreadable). */
export function lockOwner(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isNaN(pid) ? null : pid;
  } catch {
    return null;
  }
}

/** Takes the lock once: true when taken, false when a living process holds it. */
export function tryLock(file: string): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      try {
        writeSync(fd, String(process.pid));
      } finally {
        closeSync(fd);
      }
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = lockOwner(file);
      // An empty file is a lock being written this instant: held.
      if (owner === null || ownerAlive(owner)) return false;
      rmSync(file, { force: true });
    }
  }
  return false;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs `fn` holding the lock, waiting (synchronously, in short steps) up to `timeoutMs` for another
 * process to finish. Used for the keystore's read-modify-write, which lasts milliseconds.
 */
export function withLock<T>(file: string, fn: () => T, timeoutMs = 10_000, onTimeout: () => Error = () => new Error(`lock busy: ${file}`)): T {
  const until = Date.now() + timeoutMs;
  while (!tryLock(file)) {
    if (Date.now() > until) throw onTimeout();
    Atomics.wait(pause, 0, 0, 5);
  }
  try {
    return fn();
  } finally {
    rmSync(file, { force: true });
  }
}
