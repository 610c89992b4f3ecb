import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, completeFirstRun, TEST_PASSPHRASE } from './fixtures';
import { insertPatient, insertReferral } from '../factories';
import { createCore } from '../../src/main/core';
import { TEST_KDF } from '../../src/main/security/crypto';
import { startHttpBridge } from '../../src/main/transport/http-bridge';
import { projectRoot } from '../../src/main/paths';
import { signInAs } from '../sign-in';
import { createApiClient } from '../../src/shared/api/client';

/** Calls `referrals.get` through the page's own session, exactly as the renderer's client calls the bridge. */
async function readReferralInPage(page: Page, referralId: number) {
  return page.evaluate(async (id) => {
    const res = await fetch('/api/call', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-mdk-token': sessionStorage.getItem('mdk.token') ?? '',
        'x-mdk-session': sessionStorage.getItem('mdk.session') ?? '',
      },
      body: JSON.stringify({ method: 'referrals.get', input: { id } }),
    });
    return (await res.json()) as { ok: boolean };
  }, referralId);
}

test.describe('sign-in, auto-lock and the access log', () => {
  test.use({ autoLockMs: 3_000 });

  test('signs in, locks after the idle time without losing typed text, unlocks, and sees its own reading in the access log', async ({ page, server }) => {
    await completeFirstRun(server);
    const patientId = insertPatient(server.core.db, { familyName: 'Loggsson', personnummer: '191212121212' });
    const referralId = insertReferral(server.core.db, { patientId });

    await page.goto(server.url); // a new tab: not signed in
    await expect(page.getByRole('heading', { name: 'Logga in i MDK Coordinator' })).toBeVisible();
    await page.getByLabel('Användarnamn').fill('admin');
    await page.getByLabel('Lösenfras').fill('fel lösenfras');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page.locator('.field-error', { hasText: 'Fel användarnamn eller lösenfras.' })).toBeVisible();
    await page.getByLabel('Lösenfras').fill(TEST_PASSPHRASE);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page.getByRole('navigation', { name: 'Navigering' })).toBeVisible();
    await expect(page.getByText('Anna Administratör')).toBeVisible();

    // The user opens the referral from the inbox: that reading is what the log must show.
    await page.getByRole('link', { name: 'Anmälningar' }).click();
    await page.getByRole('link', { name: /Loggsson/ }).click();
    await expect(page.getByText('Ställningstagande till kurativt syftande radiokemoterapi?')).toBeVisible();

    // Half-way through a form when the user walks away.
    await page.getByRole('link', { name: 'Inställningar' }).click();
    await page.getByRole('link', { name: 'Enheter' }).click();
    await page.getByRole('button', { name: 'Ny enhet' }).click();
    await page.getByLabel('Namn').fill('Halvskriven enhet');

    const lock = page.getByRole('dialog', { name: 'Programmet är låst' });
    await expect(lock).toBeVisible({ timeout: 8_000 });
    await expect(page.getByRole('navigation', { name: 'Navigering' })).toBeHidden();
    await expect(page.getByText('Halvskriven enhet')).toHaveCount(0);
    expect(await readReferralInPage(page, referralId)).toMatchObject({ ok: false, error: { code: 'locked' } });

    await lock.getByLabel('Lösenfras').fill('inte min fras');
    await lock.getByRole('button', { name: 'Lås upp' }).click();
    await expect(lock.locator('.field-error', { hasText: 'Fel lösenfras.' })).toBeVisible();
    await page.screenshot({ path: 'test-results/security-lock.png' });
    await lock.getByLabel('Lösenfras').fill(TEST_PASSPHRASE);
    await lock.getByRole('button', { name: 'Lås upp' }).click();
    await expect(lock).toBeHidden();
    await expect(page.getByLabel('Namn')).toHaveValue('Halvskriven enhet');

    await page.getByRole('link', { name: 'Åtkomstlogg' }).click();
    await page.getByLabel('Patient', { exact: true }).fill('19121212-1212');
    await page.getByRole('button', { name: 'Sök' }).click();
    const row = page.getByRole('table', { name: 'Åtkomstlogg' }).getByRole('row').nth(1);
    await expect(row).toContainText('Anna Administratör');
    await expect(row).toContainText('Administratör');
    await expect(row).toContainText('Sahlgrenska Universitetssjukhuset');
    await expect(row).toContainText('19121212-1212');
    await expect(row).toContainText('Läsning');
    await expect(row).toContainText(`Remiss ${referralId}`);

    await page.screenshot({ path: 'test-results/security-access-log.png', fullPage: true });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exportera patientens loggutdrag' }).click();
    expect((await download).suggestedFilename()).toBe('atkomstlogg-191212121212.csv');
  });
});

test.describe('roles', () => {
  test.use({ role: 'physician' });

  test('a physician does not see user management or the access log', async ({ page, server, openApp }) => {
    const admin = server.core.newSession();
    await signInAs(server.core, admin, 'administrator');
    await completeFirstRun({ ...server, api: createApiClient((m, i) => server.core.router(m, i, admin)) } as typeof server);
    await openApp();
    await expect(page.getByText('Per Läkare')).toBeVisible();
    await page.getByRole('link', { name: 'Inställningar' }).click();
    const tabs = page.getByRole('navigation', { name: 'Inställningar' });
    await expect(tabs.getByRole('link', { name: 'Säkerhet', exact: true })).toBeVisible();
    await expect(tabs.getByRole('link', { name: 'Säkerhetskopior' })).toHaveCount(0);
    await expect(tabs.getByRole('link', { name: 'Användare' })).toHaveCount(0);
    await expect(tabs.getByRole('link', { name: 'Åtkomstlogg' })).toHaveCount(0);
    await page.goto(`${server.bridge.origin}/#/settings/access-log`);
    await expect(page.getByRole('heading', { name: 'Åtkomstlogg' })).toHaveCount(0);
  });

  test('a physician reads the inbox and the series but is not offered what only others may do', async ({ page, server, openApp }) => {
    const admin = server.core.newSession();
    await signInAs(server.core, admin, 'administrator');
    await completeFirstRun({ ...server, api: createApiClient((m, i) => server.core.router(m, i, admin)) } as typeof server);
    await openApp();
    await page.getByRole('link', { name: 'Anmälningar' }).click();
    await expect(page.getByRole('heading', { name: 'Anmälningar' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Ny anmälan' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Importera från fil' })).toHaveCount(0);
    await page.goto(`${server.bridge.origin}/#/calendar/series`);
    await expect(page.getByRole('link', { name: 'Mötesserier' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('link', { name: 'Ny mötesserie' })).toHaveCount(0);
    await page.goto(`${server.bridge.origin}/#/calendar/people`);
    await expect(page.getByRole('link', { name: 'Deltagare', exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('button', { name: 'Ny deltagare' })).toHaveAttribute('aria-disabled', 'true');
  });
});

test('first start: creates the administrator, shows the recovery key once, then the workplace step', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'mdk-e2e-setup-'));
  const core = createCore({ dataDir: dir, kdfCost: TEST_KDF });
  const bridge = await startHttpBridge({ router: core.router, staticDir: join(projectRoot(), 'dist', 'renderer') });
  try {
    await page.goto(bridge.url);
    await expect(page.getByRole('heading', { name: 'Skapa administratör' })).toBeVisible();
    await page.getByLabel('Namn', { exact: true }).fill('Anna Administratör');
    await page.getByLabel('Användarnamn').fill('anna');
    await page.getByLabel('Lösenfras', { exact: true }).fill('kort');
    await page.getByLabel('Upprepa lösenfrasen').fill('kort');
    await page.getByRole('button', { name: 'Skapa administratör' }).click();
    await expect(page.locator('.field-error', { hasText: 'Lösenfrasen måste ha minst 12 tecken.' })).toBeVisible();
    // The strength shows as the user types, in Swedish; a long but guessable one is refused by the core.
    await page.getByLabel('Lösenfras', { exact: true }).fill('aaaaaaaaaaaa');
    await page.getByLabel('Upprepa lösenfrasen').fill('aaaaaaaaaaaa');
    await expect(page.locator('.passphrase-strength')).toContainText('Styrka: mycket svag');
    await page.getByRole('button', { name: 'Skapa administratör' }).click();
    await expect(page.locator('.field-error', { hasText: 'Lösenfrasen är för lätt att gissa.' })).toBeVisible();
    await page.getByLabel('Lösenfras', { exact: true }).fill(TEST_PASSPHRASE);
    await page.getByLabel('Upprepa lösenfrasen').fill(TEST_PASSPHRASE);
    await expect(page.locator('.passphrase-strength')).toContainText('Styrka: mycket stark');
    await page.getByRole('button', { name: 'Skapa administratör' }).click();
    await expect(page.getByRole('heading', { name: 'Återställningsnyckel' })).toBeVisible();
    await expect(page.locator('.recovery-key code')).toHaveText(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    await page.screenshot({ path: 'test-results/security-recovery-key.png' });
    // The screen says to print the key, and offers to: print (a frame with the key alone) and copy.
    const key = await page.locator('.recovery-key code').textContent();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Kopiera nyckeln' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Nyckeln är kopierad' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await page.getByRole('button', { name: 'Skriv ut nyckeln' }).click();
    await expect(page.frameLocator('iframe.recovery-print-frame').locator('pre')).toHaveText(key!);
    const next = page.getByRole('button', { name: 'Fortsätt' });
    await expect(next).toBeDisabled();
    await page.getByRole('checkbox', { name: 'Jag har sparat återställningsnyckeln på ett säkert ställe' }).check();
    await next.click();
    await expect(page.getByRole('heading', { name: 'Välkommen till MDK Coordinator' })).toBeVisible();
  } finally {
    await bridge.close();
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an administrator adds a coordinator, who signs in and sees only what the role may do', async ({ page, server, openApp }) => {
  await completeFirstRun(server);
  await openApp();
  await page.getByRole('link', { name: 'Inställningar' }).click();
  await page.getByRole('link', { name: 'Användare' }).click();
  await page.getByRole('button', { name: 'Ny användare' }).click();
  const form = page.getByRole('form', { name: 'Ny användare' });
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(form.locator('.field-error', { hasText: 'Måste fyllas i.' }).first()).toBeVisible();
  await form.getByLabel('Namn', { exact: true }).fill('Karin Koordinator');
  await form.getByLabel('Användarnamn').fill('SE2321000131-P000000012345');
  await form.getByLabel('Roll').selectOption({ label: 'Koordinator' });
  await form.getByLabel('Enhet').selectOption({ label: 'Sahlgrenska Universitetssjukhuset' });
  await form.getByLabel('Lösenfras').fill('kort');
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(form.locator('.field-error', { hasText: 'Lösenfrasen måste ha minst 12 tecken.' })).toBeVisible();
  await form.getByLabel('Lösenfras').fill('karins egen lösenfras');
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('cell', { name: 'Karin Koordinator', exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/security-users.png', fullPage: true });

  await page.getByRole('button', { name: 'Logga ut' }).click();
  await page.getByLabel('Användarnamn').fill('se2321000131-p000000012345');
  await page.getByLabel('Lösenfras').fill('karins egen lösenfras');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByText('Karin Koordinator (Koordinator)')).toBeVisible();
  await page.getByRole('link', { name: 'Inställningar' }).click();
  const tabs = page.getByRole('navigation', { name: 'Inställningar' });
  await expect(tabs.getByRole('link', { name: 'Enheter' })).toBeVisible();
  await expect(tabs.getByRole('link', { name: 'Användare' })).toHaveCount(0);
});
