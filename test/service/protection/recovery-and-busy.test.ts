import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createCore } from '../../../src/main/core';
import { databaseFile } from '../../../src/main/core-files';
import { TEST_KDF } from '../../../src/main/security/crypto';
import { openDatabase } from '../../../src/main/db/driver';
import { createApiClient } from '../../../src/shared/api/client';
import { runCli } from '../../../src/main/cli';
import { insertPatient } from '../../factories';
import { tempDir, testCore, TEST_ADMIN, TEST_PASSPHRASE, useCliSignIn, withWorkplace } from '../helpers';

function damage(file: string) {
  const buf = readFileSync(file);
  for (let p = 2; p * 4096 < buf.length - 4096; p += 3) randomBytes(4096).copy(buf, p * 4096);
  writeFileSync(file, buf);
}

describe('recovery.restore on a damaged database', () => {
  it("is the administrator's; anyone else needs the recovery key", async () => {
    const dataDir = tempDir();
    const setup = createCore({ dataDir, kdfCost: TEST_KDF });
    const { recoveryKey } = await setup.security.setup(setup.newSession(), { ...TEST_ADMIN, passphrase: TEST_PASSPHRASE });
    await setup.security.saveUser(1, {
      name: 'Sara Sköterska',
      userName: 'sara',
      role: 'contact_nurse',
      unitId: null,
      active: true,
      passphrase: TEST_PASSPHRASE,
    });
    insertPatient(setup.db, { familyName: 'Sparad' });
    const s0 = setup.newSession();
    await setup.security.login(s0, 'admin', TEST_PASSPHRASE);
    const good = await createApiClient((m, i) => setup.router(m, i, s0)).call('backup.create', {});
    setup.close();
    damage(databaseFile(dataDir));

    const core = createCore({ dataDir, kdfCost: TEST_KDF });
    const s = core.newSession();
    await core.security.login(s, 'sara', TEST_PASSPHRASE);
    const nurse = createApiClient((m, i) => core.router(m, i, s));
    expect(core.health.ok).toBe(false);
    await expect(nurse.call('recovery.restore', { name: good.name })).rejects.toMatchObject({ code: 'forbidden', messageKey: 'recovery.needsAdministrator' });
    await expect(nurse.call('recovery.restore', { name: good.name, recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(core.health.ok).toBe(false);
    expect((await nurse.call('recovery.restore', { name: good.name, recoveryKey })).restored).toBe(good.name);
    expect(core.health.ok).toBe(true);
    core.close();
  });
});

describe('a busy database', () => {
  useCliSignIn('administrator');

  it('answers "busy" in Swedish through the router and the CLI, never a stack trace', { timeout: 60_000 }, async () => {
    const { core, api, dataDir } = await testCore();
    await withWorkplace(api);
    // Another process holds the write lock past the busy timeout.
    const other = openDatabase(databaseFile(dataDir), { key: core.security.key });
    other.exec('BEGIN IMMEDIATE');
    try {
      await expect(api.call('settings.setLanguage', { language: 'en' })).rejects.toMatchObject({ code: 'busy', messageKey: 'error.busy' });
      const lines: string[] = [];
      const code = await runCli(['import-referrals', '--data', dataDir, 'resources/import/referrals-example.csv'], {
        out: (l) => lines.push(l),
        err: (l) => lines.push(l),
      });
      expect(code).not.toBe(0);
      const text = lines.join('\n');
      expect(text).toContain('Databasen är upptagen, försök igen');
      expect(text).not.toMatch(/\n\s+at |SQLITE_BUSY|oväntat fel/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });
});
