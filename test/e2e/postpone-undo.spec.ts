/** Postponing a case asks first, then offers "Ångra" for a few seconds: the undo puts the case back where it was. */
import { test, expect, type AppServer } from './fixtures';
import { insertMeeting, insertPatient, insertReferral, unitIdByCode } from '../factories';
import { setWorkplace } from '../../src/main/services/system/workplace';

async function arrange(server: AppServer) {
  const db = server.core.db;
  setWorkplace(db, { unitId: unitIdByCode(db, 'SU'), careAreaCodes: ['ANAL'] });
  const first = insertMeeting(db, { localDate: '2026-12-03', startsAt: '2026-12-03T07:00:00.000Z', capacityCases: 5, minutesPerCase: 10 });
  const second = insertMeeting(db, { localDate: '2026-12-10', startsAt: '2026-12-10T07:00:00.000Z', capacityCases: 5, minutesPerCase: 10 });
  const ref = (familyName: string) =>
    insertReferral(db, { patientId: insertPatient(db, { familyName, givenName: 'Åsa' }), receivedDate: '2026-11-20', suspicionDate: null });
  const ids = [ref('Alm'), ref('Björk'), ref('Carlsson')];
  await server.api.call('caseLists.add', { meetingId: first, referralIds: ids });
  await server.api.call('caseLists.lock', { meetingId: first });
  return { first, second, ids };
}

test.use({ role: 'physician' });

test('postponing offers Ångra for a few seconds; the undo restores the case on the list and takes it off the next one', async ({ page, server, openApp }) => {
  const { first, second, ids } = await arrange(server);
  const order = (meetingId: number) =>
    server.core.db.prepare("SELECT referral_id || ':' || outcome FROM case_list_item WHERE meeting_id = ? ORDER BY position").pluck().all(meetingId);
  const before = order(first);
  await openApp();
  await page.goto(`${server.bridge.origin}/#/case-lists/${first}/meeting`);
  await page.getByRole('button', { name: 'Nästa fall' }).click();
  await expect(page.getByRole('heading', { name: /Björk, Åsa/ })).toBeVisible();

  const postpone = async () => {
    await page.getByRole('button', { name: 'Bordlägg till nästa möte' }).click();
    await page.getByRole('dialog', { name: 'Bordlägga fallet?' }).getByRole('button', { name: 'Bordlägg till nästa möte' }).click();
  };
  await postpone();
  const toast = page.getByRole('status').filter({ hasText: 'Bordlagt till mötet 2026-12-10.' });
  await expect(toast).toBeVisible();
  expect(order(second)).toEqual([`${ids[1]}:pending`]);
  await toast.getByRole('button', { name: 'Ångra bordläggningen av Åsa Björk' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Bordläggningen är ångrad: Åsa Björk är kvar på listan.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Björk, Åsa/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Bordlägg till nästa möte' })).toBeVisible();
  expect(order(first)).toEqual(before);
  expect(order(second)).toEqual([]);
  expect(server.core.db.prepare('SELECT status FROM referral WHERE id = ?').pluck().get(ids[1])).toBe('listed');

  // Not taken back: the offer leaves after a few seconds and the postponement stands.
  await postpone();
  await expect(page.getByRole('button', { name: 'Ångra' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ångra' })).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByText('Bordlagt till mötet 2026-12-10.')).toBeVisible();
  expect(order(second)).toEqual([`${ids[1]}:pending`]);
});
