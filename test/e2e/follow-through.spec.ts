import { test, expect, type AppServer } from './fixtures';
import { insertMeeting, insertPatient, insertReferral, unitIdByCode } from '../factories';
import { setWorkplace } from '../../src/main/services/system/workplace';

/**
 * After the conference, in Chromium: wishes and trial recorded with the recommendation, the meeting
 * finalised, the case on the follow-through worklist, a clinical deviation sending it back to the
 * MDK, and the rates on the dashboard. The core's clock is pinned: the meeting lies in its past.
 */
async function arrange(server: AppServer) {
  const db = server.core.db;
  setWorkplace(db, { unitId: unitIdByCode(db, 'SU'), careAreaCodes: ['ILP', 'ANAL', 'SARCOMA'] });
  db.prepare("UPDATE care_area SET treatment_options = ? WHERE code = 'ANAL'").run(JSON.stringify(['Radiokemoterapi', 'Kirurgi']));
  const meetingId = insertMeeting(db, { localDate: '2027-03-05', startsAt: '2027-03-05T07:00:00.000Z', capacityCases: 5, minutesPerCase: 10 });
  const referralId = insertReferral(db, {
    patientId: insertPatient(db, { familyName: 'Andersson', givenName: 'Åsa' }),
    receivedDate: '2027-02-20',
    suspicionDate: null,
  });
  db.prepare(
    "UPDATE referral SET comorbidity = 'Hjärtsvikt NYHA II', psychosocial = 'Bor ensam, dotter i närheten', patient_wishes = 'Vill behandlas nära hemmet', patient_told = 'Känner till diagnosen' WHERE id = ?",
  ).run(referralId);
  server.setNow(new Date('2027-03-05T07:30:00.000Z'));
  await server.api.call('caseLists.add', { meetingId, referralIds: [referralId] });
  await server.api.call('caseLists.lock', { meetingId });
  return { meetingId, referralId };
}

test.use({ role: 'physician' });

test('record wishes and trial, finalise, find the case on the worklist, deviate and send it back, and see the rates change', async ({
  page,
  server,
  openApp,
}) => {
  const { meetingId, referralId } = await arrange(server);
  await openApp();
  await page.goto(`${server.url.split('#')[0]}#/case-lists/${meetingId}/meeting`);

  // The person beside the medical facts.
  const person = page.getByRole('region', { name: 'Om personen' });
  await expect(person).toContainText('Hjärtsvikt NYHA II');
  await expect(person).toContainText('Bor ensam, dotter i närheten');
  await expect(person).toContainText('Vill behandlas nära hemmet');
  await expect(person).toContainText('Känner till diagnosen');

  const form = page.getByRole('form', { name: 'Rekommendation', exact: true });
  await form.getByRole('radio', { name: 'Kurativ' }).check();
  await form.getByRole('checkbox', { name: 'Radiokemoterapi' }).check();
  await form.getByRole('group', { name: 'Togs patientens önskemål tillvara?' }).getByRole('radio', { name: 'Ja' }).check();
  await form.getByLabel('Hur').fill('Strålbehandling på hemortssjukhuset');
  await form.getByRole('group', { name: 'Studie övervägd' }).getByRole('radio', { name: 'Ja' }).check();
  await form.getByLabel('Studiens namn').fill('ANAL-RT2');
  await form.getByLabel('EU CT-nummer').fill('2023-50345-12-00');
  server.setNow(new Date('2027-03-05T07:38:00.000Z'));
  await form.getByRole('button', { name: 'Spara rekommendation' }).click();
  await expect(form.getByRole('alert').filter({ hasText: 'EU CT-nummer skrivs ÅÅÅÅ-NNNNNN-NN-NN, t.ex. 2023-503456-12-00 (från 2022).' })).toBeVisible();
  await form.getByLabel('EU CT-nummer').fill('2023-503456-12-00');
  await form.getByRole('button', { name: 'Spara rekommendation' }).click();
  await expect(page.getByText('Rekommendationen är sparad.')).toBeVisible();

  server.setNow(new Date('2027-03-05T08:00:00.000Z'));
  await page.getByRole('button', { name: 'Fastställ mötet' }).click();
  await page.getByRole('button', { name: 'Ja, fastställ mötet' }).click();
  await expect(page.getByText(/Mötet fastställdes/)).toBeVisible();
  const kept = server.core.db
    .prepare(
      'SELECT wishes_considered, trial_eu_ct_number, opened_at IS NOT NULL AND closed_at IS NOT NULL timed FROM case_consideration WHERE referral_id = ?',
    )
    .get(referralId);
  expect(kept).toEqual({ wishes_considered: 'yes', trial_eu_ct_number: '2023-503456-12-00', timed: 1 });

  // The dashboard before any status: implementation rate unknown, wishes and trial recorded for the one case.
  server.setNow(new Date('2027-03-20T09:00:00.000Z'));
  const showPeriod = async () => {
    await page.getByRole('link', { name: 'Uppföljning' }).click();
    await page.getByLabel('Vårdområde').selectOption('ANAL');
    await page.getByLabel('Från och med').fill('2027-03-01');
    await page.getByLabel('Till och med').fill('2027-03-31');
    await page.getByRole('button', { name: 'Visa' }).click();
    return page.getByRole('table', { name: 'Efter konferensen' });
  };
  let figures = await showPeriod();
  await expect(figures.getByRole('row', { name: /Genomförandegrad/ })).toContainText('–');
  await expect(figures.getByRole('row', { name: /önskemål dokumenterade/ })).toContainText('100,0 %');

  // Fifteen days after the reply the case is on the worklist.
  await page.getByRole('link', { name: 'Genomförande' }).click();
  const row = page.getByRole('row', { name: /Andersson/ });
  await expect(row).toContainText('Ingen status 15 dagar efter svaret');
  await row.getByRole('button', { name: 'Spara status: Åsa Andersson' }).click();
  await row.getByLabel('Status', { exact: true }).selectOption('deviated');
  await row.getByLabel('Skäl till avvikelse').selectOption('progression');
  await row.getByLabel('Datum').fill('2027-03-19');
  await row.getByRole('checkbox', { name: 'Åter till MDK för ny diskussion' }).check();
  await row.getByRole('button', { name: 'Spara status' }).click();
  await expect(page.getByText('Status sparad. Fallet är åter anmält till MDK.')).toBeVisible();
  await expect(page.getByText('Inget att följa upp just nu.')).toBeVisible();
  expect(server.core.db.prepare('SELECT status FROM referral WHERE id = ?').pluck().get(referralId)).toBe('complete');

  // The rates change: one deviation, none implemented.
  figures = await showPeriod();
  await expect(figures.getByRole('row', { name: /Genomförandegrad/ })).toContainText('0,0 %');
  const reasons = page.getByRole('table', { name: 'Skäl till avvikelse' });
  await expect(reasons.getByRole('row', { name: /Progress/ })).toContainText('1');
});
