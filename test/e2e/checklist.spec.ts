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

test("the referral's own page shows its checklist at the meeting; a tick there is the case list's too", async ({ page, server, openApp }) => {
  const db = server.core.db;
  setWorkplace(db, { unitId: unitIdByCode(db, 'SU'), careAreaCodes: ['ANAL'] });
  const meetingId = insertMeeting(db, { localDate: '2027-01-15', startsAt: '2027-01-15T07:00:00.000Z', capacityCases: 5, minutesPerCase: 10 });
  const andersson = insertReferral(db, { patientId: insertPatient(db, { familyName: 'Andersson', givenName: 'Åsa' }), receivedDate: '2027-01-06' });
  const notListed = insertReferral(db, { patientId: insertPatient(db, { familyName: 'Björk', givenName: 'Åsa' }), receivedDate: '2027-01-05' });
  db.prepare('UPDATE referral SET history = NULL, patient_informed = 0 WHERE id = ?').run(andersson);
  await server.api.call('caseLists.add', { meetingId, referralIds: [andersson] });

  await openApp();
  // A referral on no case list has no checklist yet.
  await page.goto(`${server.url.split('#')[0]}#/referrals/${notListed}`);
  await expect(page.getByRole('heading', { name: 'Björk, Åsa' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Checklista nMDK' })).toHaveCount(0);

  await page.goto(`${server.url.split('#')[0]}#/referrals/${andersson}`);
  const checklist = page.getByRole('region', { name: 'Checklista nMDK: MDK 2027-01-15' });
  await expect(page.getByRole('heading', { name: 'MDK 2027-01-15 · Ej behandlat' })).toBeVisible();
  const complete = checklist.getByRole('listitem').filter({ hasText: 'Anmälan komplett' });
  await expect(complete).toContainText('Saknas');
  await expect(complete).toContainText('Saknas: Anamnes');
  await expect(complete).toContainText('senast 2027-01-13');
  await expect(checklist.getByRole('listitem').filter({ hasText: 'Patienten informerad om anmälan' })).toContainText('Saknas');
  await expect(checklist.getByRole('listitem').filter({ hasText: 'Svar skickat' })).toContainText('Ej aktuellt än');
  // The images arrive: ticked on the referral's page, saved, and shown as the stored state.
  const images = checklist.getByRole('checkbox', { name: 'Bilder och patologi tillgängliga för deltagarna' });
  await images.click();
  await expect(images).toBeChecked();
  await expect(checklist.getByRole('listitem').filter({ hasText: 'Bilder och patologi' })).toContainText('bockat av');

  // The agenda counts the same items: two before the meeting still open, not three.
  await page.getByRole('link', { name: 'MDK 2027-01-15' }).click();
  await expect(page.getByRole('listitem', { name: 'Fall 1' })).toContainText('Före mötet: 2 punkter saknas');
});

test.describe('after the meeting', () => {
  // Two working days after a Friday meeting: the reply went home, the patient has been told.
  test.use({ role: 'physician', now: '2027-01-19T09:00:00.000Z' });

  test('the meeting view records who told the patient the recommendation, and when', async ({ page, server, openApp }) => {
    const db = server.core.db;
    setWorkplace(db, { unitId: unitIdByCode(db, 'SU'), careAreaCodes: ['ANAL'] });
    db.prepare("UPDATE care_area SET treatment_options = ? WHERE code = 'ANAL'").run(JSON.stringify(['Radiokemoterapi']));
    const meetingId = insertMeeting(db, { localDate: '2027-01-15', startsAt: '2027-01-15T07:00:00.000Z' });
    const referralId = insertReferral(db, { patientId: insertPatient(db, { familyName: 'Björk', givenName: 'Åsa' }), receivedDate: '2027-01-05' });
    // The meeting as it went (arranged through the API at the meeting's time).
    server.setNow(new Date('2027-01-12T08:00:00.000Z'));
    await server.api.call('caseLists.add', { meetingId, referralIds: [referralId] });
    await server.api.call('caseLists.lock', { meetingId });
    server.setNow(new Date('2027-01-15T07:30:00.000Z'));
    await server.api.call('recommendations.record', { meetingId, referralId, intent: 'curative', treatments: ['Radiokemoterapi'] });
    server.setNow(new Date('2027-01-15T09:00:00.000Z'));
    await server.api.call('caseLists.finalise', { meetingId });
    server.setNow(new Date('2027-01-19T09:00:00.000Z'));

    await openApp();
    await page.goto(`${server.url.split('#')[0]}#/case-lists/${meetingId}/meeting`);
    await expect(page.getByRole('region', { name: 'Checklista nMDK', exact: true })).toContainText('Patienten har fått rekommendationen: 1 fall');
    const checklist = page.getByRole('region', { name: 'Checklista nMDK: Björk, Åsa' });
    const told = checklist.getByRole('listitem').filter({ hasText: 'Patienten har fått rekommendationen' });
    await expect(told).toContainText('Saknas');
    await expect(told).toContainText('senast 2027-01-22');
    // Without who, the form says so in Swedish.
    await told.getByLabel('Datum').fill('2027-01-18');
    await told.getByRole('button', { name: 'Spara' }).click();
    await expect(told.getByText('Ange vem som informerade patienten.')).toBeVisible();
    await told.getByLabel('Av vem').fill('Eva Kontaktsjuksköterska');
    await told.getByRole('button', { name: 'Spara' }).click();
    await expect(told).toContainText('Klart');
    await expect(told).toContainText('Eva Kontaktsjuksköterska, 2027-01-18');
    await expect(page.getByRole('region', { name: 'Checklista nMDK', exact: true })).not.toContainText('Patienten har fått rekommendationen');
  });
});
