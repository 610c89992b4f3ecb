import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/index';
import { createCore } from '../../src/main/core';
import { tempDir } from './helpers';

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
    const dir = tempDir();
    expect(await runCli(['verify', '--data', dir], c.io)).toBe(0);
    expect(c.out.join('\n')).toContain('Databasen är frisk.');
  });

  it('verify exits non-zero on a foreign-key fault', async () => {
    const dir = tempDir();
    const core = createCore({ dataDir: dir });
    core.db.pragma('foreign_keys = OFF');
    core.db.prepare("INSERT INTO care_area_national_unit (care_area_code, unit_id) VALUES ('ILP', 99999)").run();
    core.close();
    const c = capture();
    expect(await runCli(['verify', '--data', dir], c.io)).toBe(1);
    expect(c.out.join('\n')).toContain('Databasen har fel.');
  });

  it('refuses an unknown command with a non-zero status', async () => {
    const c = capture();
    expect(await runCli(['frobnicate'], c.io)).toBe(2);
    expect(c.err.join('\n')).toContain('Okänt kommando: frobnicate');
  });
});
