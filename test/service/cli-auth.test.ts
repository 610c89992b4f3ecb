import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/index';
import { readCredentials } from '../../src/main/cli/credentials';
import { testCore, TEST_PASSPHRASE } from './helpers';

const saved = { pass: process.env.MDK_PASSPHRASE, user: process.env.MDK_USER };
afterEach(() => {
  for (const [k, v] of [
    ['MDK_PASSPHRASE', saved.pass],
    ['MDK_USER', saved.user],
  ] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

describe('CLI sign-in', () => {
  it('refuses a database command without credentials, explaining how to give them', async () => {
    const { core, dataDir } = await testCore();
    core.close();
    delete process.env.MDK_PASSPHRASE;
    delete process.env.MDK_USER;
    const c = capture();
    expect(await runCli(['verify', '--data', dataDir], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/--user NAMN.*MDK_PASSPHRASE/);
  });

  it('signs in with --user and MDK_PASSPHRASE; a wrong passphrase is refused in Swedish', async () => {
    const { core, dataDir } = await testCore();
    core.close();
    process.env.MDK_PASSPHRASE = 'inte den rätta frasen';
    const bad = capture();
    expect(await runCli(['verify', '--data', dataDir, '--user', 'admin'], bad.io)).toBe(2);
    expect(bad.err.join('\n')).toMatch(/Fel användarnamn eller lösenfras/);
    process.env.MDK_PASSPHRASE = TEST_PASSPHRASE;
    const ok = capture();
    expect(await runCli(['verify', '--data', dataDir, '--user', 'admin'], ok.io)).toBe(0);
    expect(ok.out.join('\n')).toMatch(/Databasen är frisk/);
  });

  it('takes the user from MDK_USER, and asks for nothing without a terminal', async () => {
    expect(await readCredentials(undefined, { MDK_USER: 'karin', MDK_PASSPHRASE: 'x' }, false)).toEqual({ userName: 'karin', passphrase: 'x' });
    expect(await readCredentials('karin', {}, false)).toBeNull();
    expect(await readCredentials(undefined, { MDK_PASSPHRASE: 'x' }, false)).toBeNull();
  });
});
