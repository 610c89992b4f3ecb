/**
 * The floor of the core's peak memory: a process started the same way (Node with tsx) that only
 * derives a key with the same scrypt cost, opens the database and reads the first inbox page's
 * statements, then reports its peak RSS. Run as a child by `memoryFloorMb`.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../src/main/db/driver';
import { deriveKey, newKdfParams, STRONG_KDF } from '../../src/main/security/crypto';
import { replayer, type RecordedQuery } from './record-queries';

interface Job {
  file: string;
  keyHex: string;
  queries: RecordedQuery[];
}

if (process.send && process.argv[2] === 'memory-floor') {
  process.once('message', (message) => {
    const job = message as Job;
    void deriveKey('en lösenfras som kostar lika mycket', newKdfParams(STRONG_KDF)).then(() => {
      const db = openDatabase(job.file, { key: Buffer.from(job.keyHex, 'hex') });
      replayer(db, job.queries)();
      db.close();
      process.send!(process.resourceUsage().maxRSS, () => process.exit(0));
    });
  });
}

/** Peak RSS in MB of the floor process for the given file, key and statements. */
export function memoryFloorMb(file: string, key: Buffer, queries: RecordedQuery[]): Promise<number> {
  const child = fork(fileURLToPath(import.meta.url), ['memory-floor'], { execArgv: ['--import', 'tsx'], serialization: 'advanced' });
  return new Promise((resolve, reject) => {
    child.once('message', (kb) => resolve((kb as number) / 1024));
    child.once('error', reject);
    child.send({ file, keyHex: key.toString('hex'), queries } satisfies Job);
  });
}
