/** Accessibility and the small things a daily user notices: axe on the new screens and dialogs, the favicon. */
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type AppServer } from './fixtures';
import { insertMeeting, insertPatient, insertReferral, unitIdByCode } from '../factories';
import { setWorkplace } from '../../src/main/services/system/workplace';
import type { Page } from '@playwright/test';

test.use({ role: 'contact_nurse' });

function arrange(server: AppServer) {
  const db = server.core.db;
  setWorkplace(db, { unitId: unitIdByCode(db, 'SU'), careAreaCodes: ['ANAL'] });
  insertMeeting(db, { localDate: '2027-01-15', startsAt: '2027-01-15T07:00:00.000Z', capacityCases: 5 });
  for (const familyName of ['Alm', 'Berg']) insertReferral(db, { status: 'received', patientId: insertPatient(db, { familyName, givenName: 'Åsa' }) });
  insertReferral(db, { patientId: insertPatient(db, { familyName: 'Carlsson', givenName: 'Åsa' }) });
}

/** Serious and critical axe violations (WCAG 2.1 A and AA rules), described for the failure message. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the favicon exists', async ({ page, server, openApp }) => {
  arrange(server);
  await openApp();
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(href).toBeTruthy();
  const response = await page.request.get(new URL(href!, page.url()).toString());
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/svg+xml');
});

test('axe: the inbox with its bulk action, the import preview and the lock dialog have no serious or critical violations', async ({
  page,
  server,
  openApp,
}) => {
  test.slow();
  arrange(server);
  await openApp();
  await page.getByRole('link', { name: 'Anmälningar' }).click();
  await page.getByRole('checkbox', { name: 'Välj Alm, Åsa' }).check();
  await page.getByRole('button', { name: 'Markera som komplett (1)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'markerades' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Importera från fil' }).click();
  await expect(page.getByText('Välj fil …')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Falllistor' }).click();
  await page.getByRole('link', { name: /Öppna falllistan 2027-01-15/ }).click();
  await page.getByRole('button', { name: /Lägg till alla som ryms/ }).click();
  await page.getByRole('button', { name: 'Lås listan' }).click();
  await expect(page.getByRole('dialog', { name: 'Lås listan?' })).toBeVisible();
  // Keyboard: focus is inside the dialog, and Escape closes it without locking.
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Lås och skicka ut' })).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
