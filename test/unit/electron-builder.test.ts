/**
 * Packaging hardening: electron-builder.yml flips Electron's fuses when it packages the app,
 * so the shipped binary cannot be turned into a plain Node runtime or load code from outside its
 * integrity-checked asar archive.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';

// js-yaml comes with electron-builder (which parses this very file with it); no types are published with it.
// npm may nest it below electron-builder's app-builder-lib rather than hoist it, so it is resolved from there.
const builderLib = join(import.meta.dirname, '..', '..', 'node_modules', 'app-builder-lib', 'package.json');
const yaml = createRequire(builderLib)('js-yaml') as { load(text: string): unknown };
const config = yaml.load(readFileSync(join(import.meta.dirname, '..', '..', 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('sets the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('packages into an asar archive with only the native module unpacked', () => {
    expect(config.asar).not.toBe(false);
    expect(config.asarUnpack).toEqual(['**/*.node']);
    expect(config.files).toEqual(['out/**', 'package.json']);
  });

  it('identifies the app and installs per machine on Windows', () => {
    expect(config).toMatchObject({ appId: 'se.mdk.coordinator', productName: 'MDK Coordinator' });
    expect((config.nsis as Record<string, unknown>).perMachine).toBe(true);
    expect((config.msi as Record<string, unknown>).perMachine).toBe(true);
  });
});
