import { describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createCore } from '../../../src/main/core';
import { TEST_KDF } from '../../../src/main/security/crypto';
import { describeError } from '../../../src/shared/i18n/describe-error';
import { ApiError } from '../../../src/shared/api/errors';
import { testCore, TEST_PASSPHRASE } from '../helpers';

const SCRIPT = 'test/service/protection/second-process.ts';

function start(args: string[]): { child: ChildProcess; said: (word: string) => Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const waiting: { word: string; resolve: () => void }[] = [];
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    for (const w of waiting.filter((x) => out.includes(x.word))) w.resolve();
  });
  return {
    child,
    said: (word) =>
      new Promise<void>((resolve, reject) => {
        if (out.includes(word)) return resolve();
        waiting.push({ word, resolve });
        child.once('exit', (code) => (out.includes(word) ? resolve() : reject(new Error(`exited ${code} before "${word}"`))));
      }),
  };
}

describe('two processes on one data folder', () => {
  it('accounts changed in one process are not undone by another adding users at the same time', { timeout: 120_000 }, async () => {
    const { core, dataDir } = await testCore({ localRole: 'physician' });
    const admin = core.newSession();
    await core.security.login(admin, 'admin', TEST_PASSPHRASE);
    // A second, independent keystore instance: its copy in memory is read now, before the changes below.
    const other = createCore({ dataDir, kdfCost: TEST_KDF });
    await other.security.login(other.newSession(), 'admin', TEST_PASSPHRASE);

    const writer = start([dataDir, 'add-users', 'proc', '15']);
    await writer.said('ready');
    const physician = core.security.listUsers().find((u) => u.userName === 'physician')!;
    await core.security.saveUser(1, { ...physician, active: false });
    for (let i = 0; i < 15; i++) {
      await core.security.saveUser(1, { name: `Här ${i}`, userName: `here${i}`, role: 'coordinator', unitId: null, active: true, passphrase: TEST_PASSPHRASE });
    }
    // The stale instance adds one more: it must not write back its old copy.
    await other.security.saveUser(1, {
      name: 'Sist Tillagd',
      userName: 'last',
      role: 'contact_nurse',
      unitId: null,
      active: true,
      passphrase: TEST_PASSPHRASE,
    });
    await writer.said('done');
    core.close();
    other.close();

    const fresh = createCore({ dataDir, kdfCost: TEST_KDF });
    const s = fresh.newSession();
    await fresh.security.login(s, 'admin', TEST_PASSPHRASE);
    const users = fresh.security.listUsers();
    expect(users.filter((u) => u.userName.startsWith('proc'))).toHaveLength(15);
    expect(users.filter((u) => u.userName.startsWith('here'))).toHaveLength(15);
    expect(users.some((u) => u.userName === 'last')).toBe(true);
    expect(users.find((u) => u.userName === 'physician')!.active).toBe(false);
    await expect(fresh.security.login(fresh.newSession(), 'physician', TEST_PASSPHRASE)).rejects.toThrow();
    fresh.close();
  });

  it('a deactivation in another process refuses that user at once in this one', async () => {
    const { core, dataDir, api } = await testCore({ localRole: 'physician' });
    const other = createCore({ dataDir, kdfCost: TEST_KDF });
    await other.security.login(other.newSession(), 'admin', TEST_PASSPHRASE);
    const physician = other.security.listUsers().find((u) => u.userName === 'physician')!;
    await other.security.saveUser(1, { ...physician, active: false });
    await expect(api.call('system.info', {})).rejects.toMatchObject({ code: 'unauthenticated' });
    other.close();
    core.close();
  });

  it('a second app instance is told in Swedish that the data is in use; the CLI may share it', { timeout: 60_000 }, async () => {
    const { core, dataDir } = await testCore();
    core.close();
    const holder = start([dataDir, 'hold']);
    await holder.said('ready');
    let refused: unknown = null;
    try {
      createCore({ dataDir, kdfCost: TEST_KDF, holdDataFolder: true });
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(ApiError);
    expect(describeError('sv', refused as ApiError)).toContain('används redan');
    expect(describeError('sv', refused as ApiError)).toContain(String(holder.child.pid));
    // The CLI's core does not hold the folder, and works beside the app.
    const cli = createCore({ dataDir, kdfCost: TEST_KDF });
    await cli.security.login(cli.newSession(), 'admin', TEST_PASSPHRASE);
    cli.close();
    // A holder killed outright leaves a stale lock, which the next app takes over.
    holder.child.kill('SIGKILL');
    await new Promise((r) => holder.child.once('exit', r));
    const next = createCore({ dataDir, kdfCost: TEST_KDF, holdDataFolder: true });
    next.close();
  });
});
