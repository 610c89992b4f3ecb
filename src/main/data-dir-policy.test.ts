import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { desktopDataDir, policyFilePath, readDataDirPolicy } from './data-dir-policy';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

/** A policy file in a fresh folder owned by this test's user (the "trusted owner" the test names). */
function policyFile(content: string, mode = 0o644): string {
  const root = mkdtempSync(join(tmpdir(), 'mdk-policy-'));
  dirs.push(root);
  const dir = join(root, 'MDK Coordinator');
  mkdirSync(dir, { mode: 0o755 });
  chmodSync(dir, 0o755);
  const file = join(dir, 'policy.json');
  writeFileSync(file, content);
  chmodSync(file, mode);
  return file;
}
const me = [process.getuid!()];

describe('MDK_DATA_DIR in the desktop app', () => {
  it('a development build follows MDK_DATA_DIR', () => {
    expect(desktopDataDir({ packaged: false, userData: '/home/u/.config/MDK Coordinator', env: { MDK_DATA_DIR: '/tmp/mdk-dev' } })).toEqual({
      dataDir: '/tmp/mdk-dev',
      ignoredOverride: null,
    });
  });

  it('a packaged build ignores MDK_DATA_DIR without a policy that allows it', () => {
    const userData = '/home/u/.config/MDK Coordinator';
    const env = { MDK_DATA_DIR: '/media/stick/mdk' };
    expect(desktopDataDir({ packaged: true, userData, env, policy: () => ({ allowDataDirOverride: false }) })).toEqual({
      dataDir: userData,
      ignoredOverride: '/media/stick/mdk',
    });
    expect(desktopDataDir({ packaged: true, userData, env, policy: () => ({ allowDataDirOverride: true }) })).toEqual({
      dataDir: '/media/stick/mdk',
      ignoredOverride: null,
    });
    expect(desktopDataDir({ packaged: true, userData, env: {} })).toEqual({ dataDir: userData, ignoredOverride: null });
  });

  it('the policy allows only with an explicit true, in a file no one but its owner can write', () => {
    expect(readDataDirPolicy(policyFile('{ "allowDataDirOverride": true }'), { trustedOwners: me })).toEqual({ allowDataDirOverride: true });
    expect(readDataDirPolicy(policyFile('{ "allowDataDirOverride": "yes" }'), { trustedOwners: me })).toEqual({ allowDataDirOverride: false });
    expect(readDataDirPolicy(policyFile('not json'), { trustedOwners: me })).toEqual({ allowDataDirOverride: false });
    expect(readDataDirPolicy('/nonexistent/policy.json', { trustedOwners: me })).toEqual({ allowDataDirOverride: false });
    // Writable by others, or owned by someone untrusted (the user, when root is required): no policy.
    expect(readDataDirPolicy(policyFile('{ "allowDataDirOverride": true }', 0o666), { trustedOwners: me })).toEqual({ allowDataDirOverride: false });
    expect(readDataDirPolicy(policyFile('{ "allowDataDirOverride": true }'), { trustedOwners: [me[0] + 1] })).toEqual({ allowDataDirOverride: false });
  });

  it('the policy file lives in a machine-wide folder on each system', () => {
    expect(policyFilePath('win32', { ProgramData: 'C:\\ProgramData' })).toBe(join('C:\\ProgramData', 'MDK Coordinator', 'policy.json'));
    expect(policyFilePath('darwin', {})).toBe('/Library/Application Support/MDK Coordinator/policy.json');
    expect(policyFilePath('linux', {})).toBe('/etc/mdk-coordinator/policy.json');
  });
});
