/**
 * The one place the benchmark creates a core. The database is encrypted and opens at sign-in: every bench core signs in as the test administrator. The KDF is the cheap test
 * cost, because the benchmark measures the database layers, not the deliberate passphrase work.
 * `call` goes through the router, as the app does.
 */
import { createCore, type Core } from '../../src/main/core';
import { databaseFile } from '../../src/main/core-files';
import type { Db } from '../../src/main/db/driver';
import { TEST_KDF } from '../../src/main/security/crypto';
import type { Input, MethodName, Output } from '../../src/shared/api';
import { signInAs } from '../../test/sign-in';

export interface BenchCore {
  core: Core;
  /** Settles when the whole-file check that follows sign-in (a worker thread) is done. */
  settled: Promise<unknown>;
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
  close(): void;
}

export function openBenchCore(dataDir: string): BenchCore {
  const core = createCore({ dataDir, kdfCost: TEST_KDF });
  const session = core.newSession();
  signInAs(core, session, 'administrator');
  const bench: BenchCore = {
    core,
    settled: core.healthChecked,
    async call(method, input) {
      const r = await core.router(method, input, session);
      if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
      return r.result as Output<typeof method>;
    },
    close: () => {
      if (keyHolders.get(dataDir) === bench) keyHolders.delete(dataDir);
      core.close();
    },
  };
  // The measured core holds the key for the floors too. A second core on the file would write behind
  // its back (its access-log indexer), and each such commit empties the measured connection's page
  // cache: the app runs one core.
  if (!keyHolders.has(dataDir)) keyHolders.set(dataDir, bench);
  return bench;
}

const keyHolders = new Map<string, BenchCore>();

/** Closes the core that holds the folder's key, so that the next core opened there holds it (the measured one). */
export function releaseKey(dataDir: string): void {
  keyHolders.get(dataDir)?.close();
}

/**
 * A bare connection to the same (encrypted) file with the same key and pragmas, for the floors:
 * the query without our layers. A signed-in core stays open per folder to hold the key in memory.
 */
export function openRaw(dataDir: string): Db {
  let holder = keyHolders.get(dataDir);
  if (!holder) {
    holder = openBenchCore(dataDir);
    keyHolders.set(dataDir, holder);
  }
  return holder.core.security.openWithDatabaseKey(databaseFile(dataDir));
}

/** Signs in the key holder of a folder and waits for its check, so no worker scans during measures. */
export async function holdKey(dataDir: string): Promise<void> {
  openRaw(dataDir).close();
  await keyHolders.get(dataDir)!.settled;
}

export function closeKeyHolders(): void {
  for (const h of [...keyHolders.values()]) h.close();
  keyHolders.clear();
}
