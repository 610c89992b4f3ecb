import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/index';
import { testCore, TEST_PASSPHRASE } from './helpers';

// Database commands sign in: --user admin, passphrase from MDK_PASSPHRASE (test/sign-in.ts).
const savedPassphrase = process.env.MDK_PASSPHRASE;
beforeEach(() => {
  process.env.MDK_PASSPHRASE = TEST_PASSPHRASE;
});
afterEach(() => {
  if (savedPassphrase === undefined) delete process.env.MDK_PASSPHRASE;
  else process.env.MDK_PASSPHRASE = savedPassphrase;
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

describe('mdk CLI', () => {
  it('prints help listing the commands', async () => {
    const c = capture();
    expect(await runCli(['--help'], c.io)).toBe(0);
    expect(c.out.join('\n')).toContain('verify');
  });

  it('verify reports a healthy database in the given data folder', async () => {
    const c = capture();
    const { core, dataDir: dir } = await testCore();
    core.close();
    expect(await runCli(['verify', '--data', dir, '--user', 'admin'], c.io)).toBe(0);
    expect(c.out.join('\n')).toContain('Databasen är frisk.');
  });

  it('verify exits non-zero on a foreign-key fault', async () => {
    const { core, dataDir: dir } = await testCore();
    core.db.pragma('foreign_keys = OFF');
    core.db.prepare("INSERT INTO care_area_national_unit (care_area_code, unit_id) VALUES ('ILP', 99999)").run();
    core.close();
    const c = capture();
    expect(await runCli(['verify', '--data', dir, '--user', 'admin'], c.io)).toBe(1);
    expect(c.out.join('\n')).toContain('Databasen har fel.');
  });

  it('refuses an unknown command with a non-zero status', async () => {
    const c = capture();
    expect(await runCli(['frobnicate'], c.io)).toBe(2);
    expect(c.err.join('\n')).toContain('Okänt kommando: frobnicate');
  });
});
