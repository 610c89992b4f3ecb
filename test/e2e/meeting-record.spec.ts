import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test, expect, type AppServer } from './fixtures';
import { insertPatient, insertReferral, unitIdByCode } from '../factories';
import { setWorkplace } from '../../src/main/services/system/workplace';
import { createApiClient } from '../../src/shared/api/client';
import { signInAs } from '../sign-in';
import { pdfText } from '../pdf-text';

/**
 * The anal-cancer MDK of Friday 15 January 2027 at 08:00 (Stockholm), which needs a chair, a surgeon
 * and a pathologist; the list is locked with one case. Arranged by an administrator's session.
 */
async function lockedMeeting(server: AppServer) {
  const db = server.core.db;
  setWorkplace(db, { unitId: unitIdByCode(db, 'SU'), careAreaCodes: ['ANAL'] });
  const session = randomUUID();
  await signInAs(server.core, session, 'administrator');
  const admin = createApiClient((m, i) => server.core.router(m, i, session));
  const su = unitIdByCode(db, 'SU');
  const person = async (name: string, role: 'chair' | 'surgeon' | 'pathologist') => (await admin.call('people.save', { name, role, unitId: su })).id;
  const people = {
    chair: await person('Åke Ordförande', 'chair'),
    surgeon: await person('Karin Kirurg', 'surgeon'),
    pathologist: await person('Örjan Patolog', 'pathologist'),
  };
  await admin.call('series.save', {
    careAreaCode: 'ANAL',
    name: 'Nationell MDK analcancer',
    weekday: 5,
    startTime: '08:00',
    durationMinutes: 60,
    frequency: 'weekly',
    firstDate: '2027-01-15',
    deadlineWorkingDays: 2,
    deadlineTime: '12:00',
    holidayPolicy: 'skip',
    minutesPerCase: 10,
    capacityCases: 10,
    requiredRoles: ['chair', 'surgeon', 'pathologist'],
    participantIds: Object.values(people),
  });
  const meetingId = db.prepare("SELECT id FROM meeting WHERE local_date = '2027-01-15'").pluck().get() as number;
  const referralId = insertReferral(db, {
    patientId: insertPatient(db, { familyName: 'Ström', givenName: 'Märta' }),
    receivedDate: '2027-01-05',
    suspicionDate: null,
  });
  await admin.call('caseLists.add', { meetingId, referralIds: [referralId] });
  await admin.call('caseLists.lock', { meetingId });
  return { admin, people, meetingId, referralId };
}

// The chair, the afternoon before the meeting.
test.use({ role: 'physician', now: '2027-01-14T14:00:00.000Z' });

test('a meeting that has not begun is refused in Swedish; without quorum the chair finalises with a reason that the record and the reply keep', async ({
  page,
  server,
  openApp,
}) => {
  test.setTimeout(120_000);
  const { admin, people, meetingId } = await lockedMeeting(server);
  await openApp();
  await page.getByRole('link', { name: 'Falllistor' }).click();
  await page.getByRole('link', { name: /Öppna falllistan 2027-01-15/ }).click();
  await page.getByRole('link', { name: 'Genomför mötet' }).click();
  await expect(page.getByRole('heading', { name: /Ström, Märta/ })).toBeVisible();

  // The day before: the recommendation is refused, saying when the meeting starts.
  await page.getByRole('radio', { name: 'Kurativ' }).check();
  await page.getByLabel('Nästa steg').fill('Kallas till onkologisk bedömning');
  await page.getByRole('button', { name: 'Spara rekommendation' }).click();
  const notYet = 'Mötet har inte börjat än: det börjar 2027-01-15 kl. 08:00.';
  await expect(page.getByRole('alert').filter({ hasText: notYet })).toBeVisible();
  await page.getByRole('button', { name: 'Fastställ mötet' }).click();
  await page.getByRole('button', { name: 'Ja, fastställ mötet' }).click();
  await expect(page.getByRole('alertdialog').getByText(notYet, { exact: false })).toBeVisible();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Avbryt' }).click();
  expect(server.core.db.prepare('SELECT count(*) FROM recommendation').pluck().get()).toBe(0);

  // The meeting has begun; the pathologist is absent and the surgeon's attendance was never recorded.
  server.setNow(new Date('2027-01-15T07:20:00.000Z'));
  await admin.call('meetings.setAttendance', { meetingId, personId: people.chair, attendance: 'present' });
  await admin.call('meetings.setAttendance', { meetingId, personId: people.pathologist, attendance: 'absent' });
  await page.getByRole('button', { name: 'Spara rekommendation' }).click();
  await expect(page.getByText('Rekommendationen är sparad.')).toBeVisible();

  // Finalising asks the chair to confirm, names the missing roles and needs a reason.
  await page.getByRole('button', { name: 'Fastställ mötet' }).click();
  await page.getByRole('button', { name: 'Ja, fastställ mötet' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Mötet är inte beslutsmässigt' });
  await expect(dialog.getByText('Roller som saknas: Kirurg, Patolog.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Fastställ utan beslutsförhet' }).click();
  await expect(dialog.locator('.field-error', { hasText: 'Måste fyllas i.' })).toBeVisible();
  const reason = 'Patienten kan inte vänta; patologen granskar preparatet i morgon.';
  await dialog.getByLabel('Skäl att fastställa utan beslutsförhet').fill(reason);
  await dialog.getByRole('button', { name: 'Fastställ utan beslutsförhet' }).click();
  await expect(page.getByText(/^Mötet fastställdes \d/)).toBeVisible();
  await expect(page.getByRole('note')).toHaveText(`Mötet fastställdes utan beslutsförhet. Roller som saknades: Kirurg, Patolog. Skäl: ${reason}`);
  expect(server.core.db.prepare('SELECT quorum_missing_roles, quorum_reason FROM meeting WHERE id = ?').get(meetingId)).toEqual({
    quorum_missing_roles: '["surgeon","pathologist"]',
    quorum_reason: reason,
  });

  // The reply letter says so, and lists only who was present.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ned MDK-svar' }).click()]);
  const reply = (await pdfText(readFileSync((await download.path())!))).text.replace(/\s+/g, ' ');
  expect(reply).toContain('Mötet var inte beslutsmässigt – saknades: kirurg, patolog');
  expect(reply).toContain(reason);
  expect(reply).toContain('Åke Ordförande, ordförande');
  expect(reply).not.toContain('Örjan Patolog');
});
