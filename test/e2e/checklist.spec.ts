import { test, expect } from './fixtures';
import { insertMeeting, insertPatient, insertReferral, unitIdByCode } from '../factories';
import { setWorkplace } from '../../src/main/services/system/workplace';

// Three days before the meeting: the coordinator prepares the list.
test.use({ role: 'coordinator', now: '2027-01-12T08:00:00.000Z' });

test('the agenda marks a case whose items before the meeting are open; ticking the item removes the mark', async ({ page, server, openApp }) => {
  const db = server.core.db;
  setWorkplace(db, { unitId: unitIdByCode(db, 'SU'), careAreaCodes: ['ANAL'] });
  insertMeeting(db, { localDate: '2027-01-15', startsAt: '2027-01-15T07:00:00.000Z', capacityCases: 5, minutesPerCase: 10 });
  insertReferral(db, { patientId: insertPatient(db, { familyName: 'Björk', givenName: 'Åsa' }), receivedDate: '2027-01-05' });
  const andersson = insertReferral(db, { patientId: insertPatient(db, { familyName: 'Andersson', givenName: 'Åsa' }), receivedDate: '2027-01-06' });
  // Andersson's referral lacks its history and the patient has not been told of it.
  db.prepare('UPDATE referral SET history = NULL, patient_informed = 0 WHERE id = ?').run(andersson);

  await openApp();
  await page.getByRole('link', { name: 'Falllistor' }).click();
  await page.getByRole('link', { name: /Öppna falllistan 2027-01-15/ }).click();
  await page.getByRole('button', { name: 'Lägg till alla som ryms (2)' }).click();
  const rows = page.getByRole('listitem', { name: /^Fall \d$/ });
  await expect(rows).toHaveCount(2);
  const bjork = rows.filter({ hasText: 'Björk, Åsa' });
  const anderssonRow = rows.filter({ hasText: 'Andersson, Åsa' });
  // No images have been made available yet; Andersson also lacks the referral's history and the patient informed.
  await expect(bjork).toContainText('Före mötet: 1 punkt saknas');
  await expect(anderssonRow).toContainText('Före mötet: 3 punkter saknas');
  await expect(page.getByRole('region', { name: 'Checklista nMDK', exact: true })).toContainText('2 fall har punkter före mötet som saknas.');

  // The images arrive for Björk: the coordinator ticks them, and the mark goes.
  await bjork.getByText('Checklista nMDK').click();
  const checklist = bjork.getByRole('region', { name: 'Checklista nMDK: Björk, Åsa' });
  await expect(checklist.getByRole('listitem').filter({ hasText: 'Anmälan komplett' })).toContainText('Klart');
  // Saved at once; the box shows the stored state when the list has reloaded.
  const images = checklist.getByRole('checkbox', { name: 'Bilder och patologi tillgängliga för deltagarna' });
  await images.click();
  await expect(images).toBeChecked();
  await expect(bjork).not.toContainText('Före mötet:');
  await expect(checklist.getByRole('listitem').filter({ hasText: 'Bilder och patologi' })).toContainText('bockat av');
  await expect(anderssonRow).toContainText('Före mötet: 3 punkter saknas');
  await expect(page.getByRole('region', { name: 'Checklista nMDK', exact: true })).toContainText('1 fall har punkter före mötet som saknas.');

  // Andersson's: what is missing is named.
  await anderssonRow.getByText('Checklista nMDK').click();
  await expect(anderssonRow.getByRole('region', { name: 'Checklista nMDK: Andersson, Åsa' })).toContainText('Saknas: Anamnes');
});
