/**
 * Arranges a unit server's data folder as `mdk server-init` would, with the test users of every role
 * (cheap scrypt, passphrase TEST_PASSPHRASE) and the server key for unattended start.
 */
import { createCore, type Core } from '../../src/main/core';
import { TEST_KDF } from '../../src/main/security/crypto';
import { loadServerConfig } from '../../src/main/server/config';
import { initServerKey } from '../../src/main/server/server-key';
import type { Role } from '../../src/shared/api/contract';
import { signInAs } from '../sign-in';

export const ALL_ROLES: Role[] = ['administrator', 'coordinator', 'contact_nurse', 'physician'];

/** Leaves the data folder closed; `arrange` runs on the open core first (e.g. inserting rows). */
export async function prepareServerData(dataDir: string, arrange?: (core: Core) => void): Promise<void> {
  const core = createCore({ dataDir, kdfCost: TEST_KDF });
  try {
    for (const role of ALL_ROLES) await signInAs(core, core.newSession(), role);
    arrange?.(core);
    initServerKey(dataDir, loadServerConfig(dataDir).serverKeyFile, core.security.key!);
  } finally {
    core.close();
  }
}
