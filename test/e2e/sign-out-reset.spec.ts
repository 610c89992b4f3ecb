import { test, expect, type AppServer, TEST_PASSPHRASE } from './fixtures';
import { insertMeeting, insertPatient, insertReferral, unitIdByCode } from '../factories';
import { setWorkplace } from '../../src/main/services/system/workplace';
import { signInAs } from '../sign-in';

/** Two meetings of the anal-cancer conference and one case on the locked list of the first. */
async function arrange(server: AppServer) {
  const db = server.core.db;
  setWorkplace(db, { unitId: unitIdByCode(db, 'SU'), careAreaCodes: ['ILP', 'ANAL', 'SARCOMA'] });
  const first = insertMeeting(db, {
    localDate: '2026-12-03',
    startsAt: '2026-12-03T07:00:00.000Z',
    deadlineAt: '2026-11-30T15:00:00.000Z',
    capacityCases: 5,
    minutesPerCase: 10,
  });
  insertMeeting(db, {
    localDate: '2026-12-10',
    startsAt: '2026-12-10T07:00:00.000Z',
    deadlineAt: '2026-12-07T15:00:00.000Z',
    capacityCases: 5,
    minutesPerCase: 10,
  });
  const referralId = insertReferral(db, {
    patientId: insertPatient(db, { familyName: 'Björk', givenName: 'Åsa' }),
    receivedDate: '2026-11-20',
    suspicionDate: null,
  });
  await server.api.call('caseLists.add', { meetingId: first, referralIds: [referralId] });
  await server.api.call('caseLists.lock', { meetingId: first });
  // The next user of this window: a coordinator account (same test passphrase).
  await signInAs(server.core, server.core.newSession(), 'coordinator');
  return { first };
}

test.use({ role: 'physician' });

test('a status and the page of the user who signed out do not greet the next user, who lands on the start page', async ({ page, server, openApp }) => {
  const { first } = await arrange(server);
  await openApp();
  await page.goto(`${server.bridge.origin}/#/case-lists/${first}/meeting`);
  await expect(page.getByRole('heading', { name: /Björk, Åsa/ })).toBeVisible();
  await page.getByRole('button', { name: 'Bordlägg till nästa möte' }).click();
  await page.getByRole('dialog', { name: 'Bordlägga fallet?' }).getByRole('button', { name: 'Bordlägg till nästa möte' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Bordlagt till mötet 2026-12-10.' })).toBeVisible();

  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByRole('heading', { name: 'Logga in i MDK Coordinator' })).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/'); // the address no longer names the previous user's page

  await page.getByLabel('Användarnamn').fill('coordinator');
  await page.getByLabel('Lösenfras').fill(TEST_PASSPHRASE);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByText('Karin Koordinator (Koordinator)')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Översikt' })).toHaveAttribute('aria-current', 'page');
  expect(new URL(page.url()).hash).toBe('#/');
  await expect(page.getByText('Bordlagt till mötet 2026-12-10.')).toHaveCount(0);

  // Even on the same meeting, the previous user's notice is gone (the stores were reset, not just hidden).
  await page.getByRole('link', { name: 'Falllistor' }).click();
  await page.goto(`${server.bridge.origin}/#/case-lists/${first}/meeting`);
  await expect(page.getByRole('heading', { name: /Björk, Åsa/ })).toBeVisible();
  await expect(page.getByText('Bordlagt till mötet 2026-12-10.')).toHaveCount(0);
});
