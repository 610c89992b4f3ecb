import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src/main/core';
import { TEST_KDF } from '../../../src/main/security/crypto';
import { MAX_WAIT_MS } from '../../../src/main/security/throttle';
import { createApiClient } from '../../../src/shared/api/client';
import { ApiError } from '../../../src/shared/api/errors';
import { runCli } from '../../../src/main/cli';
import { testCore, TEST_PASSPHRASE } from '../helpers';

const keyOf = (e: unknown) => (e instanceof ApiError ? (e.issues?.[0]?.messageKey ?? e.messageKey) : String(e));

describe('sign-in limits that hold', () => {
  it('twenty concurrent wrong tries: five are evaluated, the rest refused before the KDF', async () => {
    const { core, dataDir } = await testCore();
    core.close();
    const app = createCore({ dataDir, kdfCost: TEST_KDF });
    const s = app.newSession();
    const api = createApiClient((m, i) => app.router(m, i, s));
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => api.call('auth.login', { userName: 'admin', passphrase: `fel gissning nr ${i}` }).catch(keyOf)),
    );
    expect(answers.filter((a) => a === 'security.wrongCredentials')).toHaveLength(5);
    expect(answers.filter((a) => a === 'security.tooManyAttempts')).toHaveLength(15);
    app.close();
  });

  it('the same answers for an existing and an unknown user name', async () => {
    const { core, dataDir } = await testCore();
    core.close();
    const app = createCore({ dataDir, kdfCost: TEST_KDF, signInClock: () => 1_000_000 });
    const answersFor = async (userName: string) => {
      const out: string[] = [];
      for (let i = 0; i < 7; i++) {
        const api = createApiClient((m, input) => app.router(m, input, app.newSession())); // a new client each time
        out.push(JSON.stringify(await api.call('auth.login', { userName, passphrase: `fel gissning nr ${i}` }).catch((e: ApiError) => e.issues)));
      }
      return out;
    };
    expect(await answersFor('admin')).toEqual(await answersFor('ingen.sadan'));
    app.close();
  });

  it('the wait survives a restart, grows, ends (the real user gets in), and holds in the CLI too', { timeout: 60_000 }, async () => {
    const { core, dataDir } = await testCore();
    core.close();
    let now = Date.now(); // the CLI below runs on the real clock: the test clock starts there
    const clock = () => now;
    const first = createCore({ dataDir, kdfCost: TEST_KDF, signInClock: clock });
    for (let i = 0; i < 5; i++)
      await expect(first.security.login(first.newSession(), 'admin', `fel ${i} gissning`)).rejects.toMatchObject({
        issues: [{ messageKey: 'security.wrongCredentials' }],
      });
    first.close();

    const restarted = createCore({ dataDir, kdfCost: TEST_KDF, signInClock: clock });
    await expect(restarted.security.login(restarted.newSession(), 'admin', TEST_PASSPHRASE)).rejects.toMatchObject({
      issues: [{ messageKey: 'security.tooManyAttempts', params: { seconds: 30 } }],
    });
    // The CLI (another process would read the same keystore) is held to the same wait.
    const lines: string[] = [];
    const saved = { ...process.env };
    process.env.MDK_PASSPHRASE = TEST_PASSPHRASE;
    process.env.MDK_USER = 'admin';
    try {
      const code = await runCli(['verify', '--data', dataDir], { out: (l) => lines.push(l), err: (l) => lines.push(l) });
      expect(code).not.toBe(0);
      expect(lines.join('\n')).toMatch(/vänta|försök/i);
    } finally {
      process.env = saved;
    }
    // After the wait one more wrong try doubles it; the wait never exceeds MAX_WAIT_MS.
    now += 31_000;
    await expect(restarted.security.login(restarted.newSession(), 'admin', 'fel igen gissning')).rejects.toMatchObject({
      issues: [{ messageKey: 'security.wrongCredentials' }],
    });
    await expect(restarted.security.login(restarted.newSession(), 'admin', TEST_PASSPHRASE)).rejects.toMatchObject({ issues: [{ params: { seconds: 60 } }] });
    now += MAX_WAIT_MS;
    expect(await restarted.security.login(restarted.newSession(), 'admin', TEST_PASSPHRASE)).toMatchObject({ userName: 'admin' });
    // A correct passphrase clears the count.
    await expect(restarted.security.login(restarted.newSession(), 'admin', 'fel en gång till')).rejects.toMatchObject({
      issues: [{ messageKey: 'security.wrongCredentials' }],
    });
    restarted.close();
  });
});
