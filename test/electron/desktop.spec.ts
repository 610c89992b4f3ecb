import { test, expect, _electron as electron } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinaryPath } from '../../scripts/electron-binary.mjs';

const binary = electronBinaryPath();

test.describe('desktop app (Electron)', () => {
  test.skip(!binary, 'Skipped: the Electron binary is not installed on this machine (it cannot be downloaded here); the browser project covers the same UI.');

  test('starts, shows the first-run step and keeps the page isolated', async () => {
    const app = await electron.launch({
      executablePath: binary!,
      args: ['out/main/index.js'],
      env: { ...process.env, MDK_DATA_DIR: mkdtempSync(join(tmpdir(), 'mdk-electron-')) },
    });
    const win = await app.firstWindow();
    // The first start creates the administrator, shows the recovery key once, then the workplace step.
    await win.getByLabel('Namn', { exact: true }).fill('Anna Administratör');
    await win.getByLabel('Användarnamn').fill('admin');
    await win.getByLabel('Lösenfras', { exact: true }).fill('korrekt häst batteri');
    await win.getByLabel('Upprepa lösenfrasen').fill('korrekt häst batteri');
    await win.getByRole('button', { name: 'Skapa administratör' }).click();
    await win.getByRole('checkbox', { name: 'Jag har sparat återställningsnyckeln på ett säkert ställe' }).check();
    await win.getByRole('button', { name: 'Fortsätt' }).click();
    await expect(win.getByRole('heading', { name: 'Välkommen till MDK Coordinator' })).toBeVisible();
    expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await win.evaluate(() => Object.keys((window as unknown as { mdk: object }).mdk))).toEqual(['call']);
    await app.close();
  });
});
