import { test, expect, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../src/main/core';
import { TEST_KDF } from '../../src/main/security/crypto';
import { loadServerConfig } from '../../src/main/server/config';
import { initServerKey } from '../../src/main/server/server-key';
import { setWorkplace } from '../../src/main/services/system/workplace';
import type { Role } from '../../src/shared/api/contract';
import { insertMeeting, insertPatient, insertReferral, unitIdByCode } from '../factories';
import { arrangeDischarge } from '../care-plans/arrange';
import { ServerClient } from '../server/client';
import { ALL_ROLES } from '../server/prepare';
import { startServerProcess, type ServerProcess } from '../server/process';
import { signInAs, TEST_PASSPHRASE, testUserName } from '../sign-in';

/**
 * Team mode end to end: a real unit server process on 127.0.0.1 with TLS (self-signed; the fingerprint
 * is checked by a pinned client first), two people in two browser contexts.
 */
test.describe.configure({ timeout: 120_000 });

let dataDir = '';
let server: ServerProcess;
let ids: { meeting: number; referral: number; carePlan: number };

test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'mdk-team-'));
  const core = createCore({ dataDir, kdfCost: TEST_KDF });
  for (const role of ALL_ROLES) await signInAs(core, core.newSession(), role);
  const db = core.db;
  setWorkplace(db, { unitId: unitIdByCode(db, 'SU'), careAreaCodes: ['ILP', 'ANAL', 'SARCOMA'] });
  const meeting = insertMeeting(db, {
    localDate: '2027-01-15',
    startsAt: '2027-01-15T07:00:00.000Z',
    deadlineAt: '2027-01-11T15:00:00.000Z',
    capacityCases: 5,
    minutesPerCase: 10,
  });
  const referral = insertReferral(db, {
    patientId: insertPatient(db, { familyName: 'Andersson', givenName: 'Åsa' }),
    receivedDate: '2026-11-05',
    suspicionDate: null,
  });
  for (const familyName of ['Björk', 'Cederlund'])
    insertReferral(db, { patientId: insertPatient(db, { familyName, givenName: 'Åsa' }), receivedDate: '2026-11-08', suspicionDate: null });
  // A discharged patient's care plan (draft), made as a coordinator would.
  const coordinatorSession = core.newSession();
  await signInAs(core, coordinatorSession, 'coordinator');
  const planned = await core.router('carePlans.create', { referralId: arrangeDischarge(db).referralId }, coordinatorSession);
  if (!planned.ok) throw new Error(planned.error.messageKey);
  ids = { meeting, referral, carePlan: (planned.result as { id: number }).id };
  initServerKey(dataDir, loadServerConfig(dataDir).serverKeyFile, core.security.key!);
  core.close();
  server = await startServerProcess(dataDir);
  // The certificate the browsers will accept is the one whose fingerprint the server printed.
  const pinned = new ServerClient(server.url, server.fingerprint);
  expect((await pinned.open()).status).toBe(200);
  pinned.close();
});

test.afterEach(async () => {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function signedInPage(browser: Browser, role: Role, path = ''): Promise<Page> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByLabel('Användarnamn').fill(testUserName(role));
  await page.getByLabel('Lösenfras').fill(TEST_PASSPHRASE);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
  // In-page navigation, as a link would: the calls the app makes after sign-in are not cut off.
  if (path) await page.evaluate((hash) => (window.location.hash = hash), `#/${path}`);
  return page;
}

test('the contact nurse builds and reorders the case list while the chair sees it update', async ({ browser }) => {
  const nurse = await signedInPage(browser, 'contact_nurse', `case-lists/${ids.meeting}`);
  const chair = await signedInPage(browser, 'physician', `case-lists/${ids.meeting}`);
  await expect(chair.getByRole('heading', { name: 'Falllista 2027-01-15' })).toBeVisible();
  const chairRows = chair.getByRole('listitem', { name: /^Fall \d$/ });
  await expect(chairRows).toHaveCount(0);

  await nurse.getByRole('button', { name: 'Lägg till alla som ryms (3)' }).click();
  const nurseRows = nurse.getByRole('listitem', { name: /^Fall \d$/ });
  await expect(nurseRows).toHaveCount(3);
  await expect(chairRows).toHaveCount(3, { timeout: 2_500 });
  const first = (await nurseRows.nth(0).innerText()).split('\n')[0];

  await nurse.getByRole('button', { name: 'Flytta ned: Fall 1' }).click();
  await expect(nurseRows.nth(1)).toContainText(first);
  // Within 2 s (the change counter is polled each second), without the chair doing anything.
  await expect(chairRows.nth(1)).toContainText(first, { timeout: 2_500 });
});

test("the chair's meeting view and inbox show the contact nurse's changes within 2 s, staying on the same case", async ({ browser }) => {
  const nurse = await signedInPage(browser, 'contact_nurse', `case-lists/${ids.meeting}`);
  await nurse.getByRole('button', { name: 'Lägg till alla som ryms (3)' }).click();
  const nurseRows = nurse.getByRole('listitem', { name: /^Fall \d$/ });
  await expect(nurseRows).toHaveCount(3);
  const chair = await signedInPage(browser, 'physician', `case-lists/${ids.meeting}/meeting`);
  const chairIndex = chair.getByRole('navigation', { name: 'Fallen' }).getByRole('listitem');
  await expect(chairIndex).toHaveCount(3);
  const firstText = await nurseRows.nth(0).innerText();
  const firstFamily = ['Andersson', 'Björk', 'Cederlund'].find((name) => firstText.includes(name))!;
  await expect(chairIndex.nth(0)).toContainText(firstFamily);

  await nurse.getByRole('button', { name: 'Flytta ned: Fall 1' }).click();
  await expect(nurseRows.nth(1)).toContainText(firstFamily);
  // Within 2 s, without the chair doing anything; the case on stage is still the one the chair had open.
  await expect(chairIndex.nth(1)).toContainText(firstFamily, { timeout: 2_500 });
  await expect(chairIndex.nth(1).getByRole('button')).toHaveAttribute('aria-current', 'true');

  // The inbox: a referral the nurse withdraws leaves the chair's list of open referrals.
  await chair.evaluate((hash) => (window.location.hash = hash), '#/referrals');
  const andersson = chair.getByRole('table', { name: 'Anmälningar' }).getByRole('row').filter({ hasText: 'Andersson' });
  await expect(andersson).toHaveCount(1);
  const withdrawn = await nurse.evaluate(async (id) => {
    const csrf = /(?:^|;\s*)__Host-mdk-csrf=([\w-]+)/.exec(document.cookie)?.[1] ?? '';
    const res = await fetch('/api/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-mdk-csrf': csrf },
      body: JSON.stringify({ method: 'referrals.withdraw', input: { id, reason: 'Fel enhet.' } }),
    });
    return ((await res.json()) as { ok: boolean }).ok;
  }, ids.referral);
  expect(withdrawn).toBe(true);
  await expect(andersson).toHaveCount(0, { timeout: 2_500 });
});

test('both edit the same referral: the second save is a conflict naming who, with the typed text kept', async ({ browser }) => {
  const nurse = await signedInPage(browser, 'contact_nurse', `referrals/${ids.referral}/edit`);
  const coordinator = await signedInPage(browser, 'coordinator', `referrals/${ids.referral}/edit`);
  const question = (p: Page) => p.getByLabel('Frågeställning till konferensen');
  await question(nurse).fill('Sjuksköterskans fråga: kurativ radiokemoterapi?');
  await question(coordinator).fill('Koordinatorns fråga: behövs PET-DT först?');
  await nurse.getByRole('button', { name: 'Spara ändringar' }).click();
  await expect(nurse).toHaveURL(new RegExp(`#/referrals/${ids.referral}$`));

  await coordinator.getByRole('button', { name: 'Spara ändringar' }).click();
  await expect(coordinator.getByRole('alert')).toContainText('Remissen ändrades av Sara Kontaktsjuksköterska');
  await expect(question(coordinator)).toHaveValue('Koordinatorns fråga: behövs PET-DT först?');
  // Reload the new version, keep the typed text, save again.
  await coordinator.getByRole('button', { name: 'Läs in den nya versionen (din text behålls)' }).click();
  await expect(question(coordinator)).toHaveValue('Koordinatorns fråga: behövs PET-DT först?');
  await coordinator.getByRole('button', { name: 'Spara ändringar' }).click();
  await expect(coordinator).toHaveURL(new RegExp(`#/referrals/${ids.referral}$`));
  await expect(coordinator.getByText('Koordinatorns fråga: behövs PET-DT först?')).toBeVisible();
});

test('both edit the same care plan: the second save is a conflict naming who, with the typed text kept', async ({ browser }) => {
  const nurse = await signedInPage(browser, 'contact_nurse', `care-plans/${ids.carePlan}`);
  const chair = await signedInPage(browser, 'physician', `care-plans/${ids.carePlan}`);
  const summary = (p: Page) => p.getByLabel('Sammanfattning av given behandling');
  await summary(nurse).fill('Sjuksköterskans sammanfattning: radiokemoterapi avslutad.');
  await summary(chair).fill('Ordförandens sammanfattning: strålbehandling 54 Gy.');
  await nurse.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(nurse.getByRole('status')).toContainText('Sparat');

  await chair.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(chair.getByRole('alert')).toContainText('Vårdplanen ändrades av Sara Kontaktsjuksköterska');
  await expect(summary(chair)).toHaveValue('Ordförandens sammanfattning: strålbehandling 54 Gy.');
  await chair.getByRole('button', { name: 'Läs in den nya versionen (din text behålls)' }).click();
  await expect(summary(chair)).toHaveValue('Ordförandens sammanfattning: strålbehandling 54 Gy.');
  await chair.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(chair.getByRole('status')).toContainText('Sparat');
  // The nurse's page shows the chair's text once reloaded: nothing was overwritten unseen.
  await nurse.reload();
  await expect(summary(nurse)).toHaveValue('Ordförandens sammanfattning: strålbehandling 54 Gy.');
});

test('the server is restarted mid-session: the app says so within 5 s, keeps the typed text and recovers', async ({ browser }) => {
  const coordinator = await signedInPage(browser, 'coordinator', `referrals/${ids.referral}/edit`);
  const question = coordinator.getByLabel('Frågeställning till konferensen');
  await question.fill('Skrivet medan servern startades om');
  const port = Number(new URL(server.url).port);
  await server.stop();
  await expect(coordinator.getByText('Servern går inte att nå.')).toBeVisible({ timeout: 5_000 });
  server = await startServerProcess(dataDir, port);
  await expect(coordinator.getByText('Kontakten med servern är tillbaka.')).toBeVisible({ timeout: 10_000 });
  await expect(question).toHaveValue('Skrivet medan servern startades om');
  // The session survived the restart: the save goes through without signing in again.
  await coordinator.getByRole('button', { name: 'Spara ändringar' }).click();
  await expect(coordinator).toHaveURL(new RegExp(`#/referrals/${ids.referral}$`));
  await expect(coordinator.getByText('Skrivet medan servern startades om')).toBeVisible();
});
