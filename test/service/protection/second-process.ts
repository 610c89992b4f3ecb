/**
 * A second process on a test data folder, for the two-process tests: `hold` keeps the data folder
 * as the app does; `add-users PREFIX N` signs in as admin and adds N users. Prints "ready" / "done".
 */
import { createCore } from '../../../src/main/core';
import { TEST_KDF } from '../../../src/main/security/crypto';
import { TEST_ADMIN, TEST_PASSPHRASE } from '../../sign-in';

const [dataDir, mode, prefix, count] = process.argv.slice(2);
if (mode === 'hold') {
  createCore({ dataDir, kdfCost: TEST_KDF, holdDataFolder: true });
  console.log('ready');
  setInterval(() => {}, 1_000);
} else if (mode === 'add-users') {
  const core = createCore({ dataDir, kdfCost: TEST_KDF });
  const session = core.newSession();
  await core.security.login(session, TEST_ADMIN.userName, TEST_PASSPHRASE);
  console.log('ready');
  for (let i = 0; i < Number(count); i++) {
    await core.security.saveUser(1, {
      name: `Ny ${prefix} ${i}`,
      userName: `${prefix}${i}`,
      role: 'physician',
      unitId: null,
      active: true,
      passphrase: TEST_PASSPHRASE,
    });
  }
  core.close();
  console.log('done');
}
