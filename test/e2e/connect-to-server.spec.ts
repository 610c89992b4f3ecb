import { test, expect } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../src/main/core';
import { databaseFile } from '../../src/main/core-files';
import { projectRoot } from '../../src/main/paths';
import { TEST_KDF } from '../../src/main/security/crypto';
import { CONNECTION_FILE, connectionService } from '../../src/main/server/connection-setting';
import { setWorkplace } from '../../src/main/services/system/workplace';
import { startHttpBridge, type HttpBridge } from '../../src/main/transport/http-bridge';
import { insertPatient, insertReferral, unitIdByCode } from '../factories';
import { prepareServerData } from '../server/prepare';
import { startServerProcess, type ServerProcess } from '../server/process';
import { TEST_PASSPHRASE, testUserName } from '../sign-in';

/**
 * The desktop app's first start, connected (browser mode stands in for the Electron window; the shell's
 * pinning has its own unit tests): the choice "Anslut till enhetens server", the fingerprint checked
 * against a real unit server process, then sign-in on the server and its inbox. No local database.
 */
test.describe.configure({ timeout: 120_000 });

const dirs: string[] = [];
let server: ServerProcess;
let localCore: Core;
let bridge: HttpBridge;

test.beforeEach(async () => {
  const serverDir = mkdtempSync(join(tmpdir(), 'mdk-connect-server-'));
  const localDir = mkdtempSync(join(tmpdir(), 'mdk-connect-local-'));
  dirs.push(serverDir, localDir);
  await prepareServerData(serverDir, (core) => {
    setWorkplace(core.db, { unitId: unitIdByCode(core.db, 'SU'), careAreaCodes: ['ILP'] });
    insertReferral(core.db, {
      patientId: insertPatient(core.db, { familyName: 'Serverpatient', givenName: 'Åsa' }),
      receivedDate: '2026-11-05',
      suspicionDate: null,
    });
  });
  server = await startServerProcess(serverDir);
  // This computer at its first start: a core without a database yet, and its connection choice.
  localCore = createCore({ dataDir: localDir, kdfCost: TEST_KDF });
  bridge = await startHttpBridge({
    router: localCore.router,
    staticDir: join(projectRoot(), 'dist', 'renderer'),
    connection: connectionService(join(localDir, CONNECTION_FILE)),
  });
});

test.afterEach(async () => {
  await bridge.close();
  localCore.close();
  await server.stop();
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

test('first start: connect to the unit server with its fingerprint, sign in there and see its inbox; no local database', async ({ browser }) => {
  const localDir = dirs[1];
  // The window trusts the server because its fingerprint was checked (as the Electron shell pins it).
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.goto(bridge.url);

  await expect(page.getByRole('radio', { name: 'Fristående på den här datorn' })).toBeChecked();
  await page.getByRole('radio', { name: 'Anslut till enhetens server' }).check();
  await expect(page.getByRole('heading', { name: 'Anslut till enhetens server' })).toBeVisible();
  await page.getByLabel('Serverns adress').fill(server.url);

  // A fingerprint that is not the server's: refused, and the server's own is shown.
  await page.getByLabel('Fingeravtryck (SHA-256) från administratören').fill('AB:'.repeat(31) + 'AB');
  await page.getByRole('button', { name: 'Kontrollera servern' }).click();
  await expect(page.getByRole('alert')).toContainText('Fingeravtrycket stämmer inte');
  await expect(page.getByRole('alert')).toContainText(server.fingerprint);
  await expect(page.getByRole('button', { name: 'Anslut' })).toBeDisabled();

  await page.getByLabel('Fingeravtryck (SHA-256) från administratören').fill(server.fingerprint.toLowerCase());
  await page.getByRole('button', { name: 'Kontrollera servern' }).click();
  await expect(page.getByRole('status')).toContainText('fingeravtrycket stämmer');
  await page.getByRole('button', { name: 'Anslut' }).click();

  await expect(page).toHaveURL(new RegExp(`^${server.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  await page.getByLabel('Användarnamn').fill(testUserName('administrator'));
  await page.getByLabel('Lösenfras').fill(TEST_PASSPHRASE);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('link', { name: 'Anmälningar' }).click();
  await expect(page.getByRole('table', { name: 'Anmälningar' }).getByRole('row').filter({ hasText: 'Serverpatient' })).toBeVisible();
  // A browser on the server's page has no connection of its own to choose (the desktop app's shell has).
  await page.evaluate(() => (window.location.hash = '#/settings/connection'));
  await expect(page.getByText('Den här webbläsaren är ansluten till enhetens server.')).toBeVisible();

  // Remembered in the desktop settings, not in a database: none was made on this computer.
  expect(JSON.parse(readFileSync(join(localDir, CONNECTION_FILE), 'utf8'))).toEqual({
    mode: 'server',
    url: server.url.replace(/\/$/, ''),
    fingerprint: server.fingerprint,
  });
  expect(existsSync(databaseFile(localDir))).toBe(false);
  await context.close();
});
