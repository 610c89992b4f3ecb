/**
 * What a role cannot do is shown disabled with the reason (from the contract's roles), and no text
 * suggests an action the role cannot take.
 */
import { test, expect, type AppServer } from './fixtures';
import { insertPatient, insertReferral, unitIdByCode } from '../factories';
import { setWorkplace } from '../../src/main/services/system/workplace';

function arrange(server: AppServer) {
  const db = server.core.db;
  setWorkplace(db, { unitId: unitIdByCode(db, 'SU'), careAreaCodes: ['ANAL'] });
  return insertReferral(db, { status: 'received', patientId: insertPatient(db, { familyName: 'Alm', givenName: 'Åsa' }) });
}

test.describe('as a contact nurse', () => {
  test.use({ role: 'contact_nurse' });

  test('the calendar names who sets up series instead of telling the nurse to do it', async ({ page, server, openApp }) => {
    arrange(server);
    await openApp();
    await page.getByRole('link', { name: 'MDK-kalender' }).click();
    const empty = page.getByText('Inga möten i perioden.');
    await expect(empty).toHaveText('Inga möten i perioden. Bara administratör eller koordinator kan lägga upp och ändra mötesserier.');
    await expect(page.getByText('Lägg upp en mötesserie')).toHaveCount(0);

    await page.getByRole('link', { name: 'Mötesserier' }).click();
    const newSeries = page.getByRole('button', { name: 'Ny mötesserie' });
    await expect(newSeries).toHaveAttribute('aria-disabled', 'true');
    await expect(newSeries).toHaveAccessibleDescription('Bara administratör eller koordinator kan lägga upp och ändra mötesserier.');
    // The reason shows on keyboard focus too, and the disabled action goes nowhere.
    await newSeries.focus();
    await expect(page.getByRole('tooltip')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/calendar\/series$/);

    await page.getByRole('link', { name: 'Deltagare' }).click();
    await expect(page.getByRole('button', { name: 'Ny deltagare' })).toHaveAccessibleDescription(
      /^Bara administratör eller koordinator kan lägga till och ändra deltagare\.$/,
    );
  });

  test('the nurse in English reads the same limits in English', async ({ page, server, openApp }) => {
    arrange(server);
    await openApp();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'MDK calendar' }).click();
    await expect(page.getByText('No meetings in the period.')).toHaveText(
      'No meetings in the period. Only administrator or coordinator can set up and change conference series.',
    );
  });
});

test.describe('as a physician', () => {
  test.use({ role: 'physician' });

  test('the inbox shows registering and importing as disabled with the reason; the referral says who changes it', async ({ page, server, openApp }) => {
    arrange(server);
    await openApp();
    await page.getByRole('link', { name: 'Anmälningar' }).click();
    const register = page.getByRole('button', { name: 'Ny anmälan' });
    await expect(register).toHaveAttribute('aria-disabled', 'true');
    await expect(register).toHaveAccessibleDescription('Bara administratör, koordinator eller kontaktsjuksköterska kan registrera anmälningar.');
    await expect(page.getByRole('button', { name: 'Importera från fil' })).toHaveAccessibleDescription(/kan importera anmälningar\.$/);
    await expect(page.getByRole('link', { name: 'Ny anmälan' })).toHaveCount(0);
    // No bulk action the physician cannot take.
    await expect(page.getByRole('checkbox', { name: 'Välj Alm, Åsa' })).toHaveCount(0);

    await page.getByRole('link', { name: 'Alm, Åsa' }).click();
    await expect(page.getByRole('button', { name: 'Ändra' })).toHaveAttribute('aria-disabled', 'true');
    const why = 'Bara administratör, koordinator eller kontaktsjuksköterska kan ändra anmälningar och deras status.';
    await expect(page.getByRole('button', { name: 'Ändra' })).toHaveAccessibleDescription(why);
    await expect(page.locator('.role-limit-note')).toHaveText(why);
    await expect(page.getByRole('button', { name: /Markera som komplett/ })).toHaveCount(0);
  });

  test('the physician is not told to set up series or meetings', async ({ page, server, openApp }) => {
    arrange(server);
    await openApp();
    await expect(page.getByText('Inga planerade möten.')).toHaveText(
      'Inga planerade möten. Bara administratör eller koordinator kan lägga upp och ändra mötesserier.',
    );
    await page.getByRole('link', { name: 'Falllistor' }).click();
    await expect(page.getByText('Inga kommande möten för era vårdområden.')).toContainText('Bara administratör eller koordinator');
  });
});
