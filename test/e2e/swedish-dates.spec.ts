/**
 * Dates and times read the Swedish way whatever the browser's locale: a browser set to en-US shows
 * ÅÅÅÅ-MM-DD and the 24-hour clock in fields and lists, and the file picker speaks the app's language.
 */
import { test, expect, type AppServer } from './fixtures';
import { insertMeeting, insertPatient, insertReferral, unitIdByCode } from '../factories';
import { setWorkplace } from '../../src/main/services/system/workplace';

test.use({ role: 'coordinator', locale: 'en-US', timezoneId: 'America/New_York' });

function arrange(server: AppServer) {
  const db = server.core.db;
  setWorkplace(db, { unitId: unitIdByCode(db, 'SU'), careAreaCodes: ['ANAL'] });
  insertReferral(db, { patientId: insertPatient(db, { familyName: 'Alm', givenName: 'Åsa' }), receivedDate: '2026-11-20', suspicionDate: null });
  insertMeeting(db, { localDate: '2026-12-03', startsAt: '2026-12-03T13:00:00.000Z', deadlineAt: '2026-11-30T15:00:00.000Z', durationMinutes: 90 });
}

test('an en-US browser still shows ÅÅÅÅ-MM-DD and 24-hour times in fields and lists', async ({ page, server, openApp }) => {
  arrange(server);
  await openApp();
  // No native date or time input anywhere: they would follow the browser's locale (mm/dd/yyyy, 02:00 PM).
  const nativeInputs = page.locator('input[type="date"], input[type="time"], input[type="datetime-local"]');

  // A list date and a list time.
  await page.getByRole('link', { name: 'Anmälningar' }).click();
  await expect(page.getByRole('row', { name: /Alm, Åsa/ })).toContainText('2026-11-20');
  await page.getByRole('link', { name: 'MDK-kalender' }).click();
  const meetingRow = page.getByRole('row', { name: /3 december 2026/ });
  await expect(meetingRow).toContainText('14:00–15:30'); // 13:00 UTC is 14:00 in Stockholm, not 2:00 PM in New York
  await expect(meetingRow).toContainText('2026-11-30 16:00');
  await expect(meetingRow).not.toContainText(/AM|PM|\d+\/\d+\/\d{4}/);

  // A date field and a time field.
  await page.getByRole('link', { name: 'Mötesserier' }).click();
  await page.getByRole('link', { name: 'Ny mötesserie' }).click();
  const firstDate = page.getByLabel('Första datum');
  const startTime = page.getByLabel('Starttid');
  await expect(firstDate).toHaveAttribute('placeholder', 'ÅÅÅÅ-MM-DD');
  await expect(startTime).toHaveAttribute('placeholder', 'TT:MM');
  expect(await nativeInputs.count()).toBe(0);
  await firstDate.fill('2027-1-5');
  await startTime.fill('1430');
  await startTime.blur();
  await expect(firstDate).toHaveValue('2027-01-05');
  await expect(startTime).toHaveValue('14:30');

  // What cannot be read says so beneath the field.
  await firstDate.fill('2027-02-30');
  await firstDate.blur();
  await expect(firstDate).toHaveAccessibleDescription('Datumet finns inte.');
  await expect(firstDate).toHaveAttribute('aria-invalid', 'true');
  await startTime.fill('2:00 PM');
  await startTime.blur();
  await expect(startTime).toHaveAccessibleDescription('Ange tid som TT:MM (till exempel 14:00).');

  // The file picker is the app's own button, in Swedish.
  await page.getByRole('link', { name: 'Anmälningar' }).click();
  await page.getByRole('link', { name: 'Importera från fil' }).click();
  await expect(page.getByText('Välj fil …')).toBeVisible();
  await expect(page.getByText('Choose File')).toHaveCount(0);
  await expect(page.getByText('Ingen fil vald')).toBeVisible();
});
