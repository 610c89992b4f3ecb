/**
 * From "12 complete referrals, a meeting scheduled" to "agenda locked, full and minimal PDFs and the
 * .ics invitation saved": every click the user makes is counted, and the goal is at most six.
 */
import { readFileSync } from 'node:fs';
import { test, expect, type AppServer } from './fixtures';
import { insertMeeting, insertPatient, insertReferral, unitIdByCode } from '../factories';
import { setWorkplace } from '../../src/main/services/system/workplace';
import { pdfText } from '../pdf-text';
import type { Download, Locator } from '@playwright/test';

test.use({ role: 'contact_nurse' });

function arrange(server: AppServer) {
  const db = server.core.db;
  setWorkplace(db, { unitId: unitIdByCode(db, 'SU'), careAreaCodes: ['ANAL'] });
  const meetingId = insertMeeting(db, {
    localDate: '2027-01-15',
    startsAt: '2027-01-15T07:00:00.000Z',
    durationMinutes: 120,
    deadlineAt: '2027-01-11T15:00:00.000Z',
    capacityCases: 15,
    minutesPerCase: 8,
  });
  const names = ['Alm', 'Berg', 'Carlsson', 'Dahl', 'Ek', 'Fors', 'Gran', 'Holm', 'Ivarsson', 'Jansson', 'Karlsson', 'Lind'];
  const ids = names.map((familyName, i) =>
    insertReferral(db, { patientId: insertPatient(db, { familyName, givenName: 'Åsa' }), receivedDate: `2027-01-0${1 + (i % 9)}`, suspicionDate: null }),
  );
  return { meetingId, ids };
}

test('12 complete referrals to a locked agenda with both PDFs and the invitation saved in at most 6 actions', async ({ page, server, openApp }) => {
  const { meetingId, ids } = arrange(server);
  await openApp();
  await expect(page.getByRole('link', { name: 'Falllistor' })).toBeVisible();

  let actions = 0;
  const click = async (target: Locator) => {
    actions++;
    await target.click();
  };
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));

  await click(page.getByRole('link', { name: 'Falllistor' }));
  await click(page.getByRole('link', { name: /Öppna falllistan 2027-01-15/ }));
  await click(page.getByRole('button', { name: 'Lägg till alla som ryms (12)' }));
  await expect(page.getByRole('listitem', { name: /^Fall \d+$/ })).toHaveCount(12);
  await click(page.getByRole('button', { name: 'Lås listan' }));
  // The lock asks first and says what follows; locking and sending out is one choice.
  const dialog = page.getByRole('dialog', { name: 'Lås listan?' });
  await expect(dialog).toContainText('fallen får status Listad');
  await click(dialog.getByRole('button', { name: 'Lås och skicka ut' }));
  await expect(page.getByRole('status').filter({ hasText: 'kalenderinbjudan sparades' })).toBeVisible();
  await expect.poll(() => downloads.length).toBe(3);

  expect(actions).toBeLessThanOrEqual(6);
  expect(actions).toBe(5);

  const db = server.core.db;
  expect(db.prepare('SELECT case_list_locked_at IS NOT NULL FROM meeting WHERE id = ?').pluck().get(meetingId)).toBe(1);
  expect(new Set(ids.map((id) => db.prepare('SELECT status FROM referral WHERE id = ?').pluck().get(id)))).toEqual(new Set(['listed']));

  const files = await Promise.all(downloads.map(async (d) => ({ name: d.suggestedFilename(), body: readFileSync((await d.path())!) })));
  const pdfs = files.filter((f) => f.name.endsWith('.pdf'));
  const ics = files.filter((f) => f.name.endsWith('.ics'));
  expect(pdfs).toHaveLength(2);
  expect(ics).toHaveLength(1);
  const texts = await Promise.all(pdfs.map(async (f) => (await pdfText(f.body)).text));
  const full = texts.find((t) => t.includes('Lind'));
  const minimal = texts.find((t) => !t.includes('Lind'));
  expect(full).toContain('Falllista – nationell MDK');
  expect(minimal).toBeDefined();
  expect(minimal).toContain('Fall 12');
  const calendar = ics[0].body.toString('utf8');
  expect(calendar).toContain('BEGIN:VCALENDAR');
  expect(calendar).toContain('DTSTART;TZID=Europe/Stockholm:20270115T080000');
});

test('the invitation is offered on the case-list page too, before the list is locked', async ({ page, server, openApp }) => {
  arrange(server);
  await openApp();
  await page.getByRole('link', { name: 'Falllistor' }).click();
  await page.getByRole('link', { name: /Öppna falllistan 2027-01-15/ }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Kalenderinbjudan (.ics)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  // "Skicka ut" waits for the lock: an agenda that can still change is not sent.
  await expect(page.getByRole('button', { name: 'Skicka ut' })).toHaveCount(0);
  // Cancelling the lock's question leaves the list open.
  await page.getByRole('button', { name: 'Lägg till alla som ryms (12)' }).click();
  await page.getByRole('button', { name: 'Lås listan' }).click();
  await page.getByRole('dialog', { name: 'Lås listan?' }).getByRole('button', { name: 'Avbryt' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Lås listan' })).toBeFocused();
  expect(server.core.db.prepare('SELECT count(*) FROM meeting WHERE case_list_locked_at IS NOT NULL').pluck().get()).toBe(0);
});
