/**
 * Keyboard only, with Tab, Enter, Space and typing: register a referral, lock the agenda, record a
 * recommendation, finalise a care plan; the focus visible at every stop (a 2 px outline at least) and
 * never trapped (each target is reached by Tab alone).
 */
import { test, expect, type AppServer } from './fixtures';
import { insertMeeting, insertPatient, insertReferral, unitIdByCode } from '../factories';
import { setWorkplace } from '../../src/main/services/system/workplace';
import { arrangeDischarge } from '../care-plans/arrange';
import { TEST_NOW } from '../clock';
import type { Page } from '@playwright/test';

// The morning of the meeting, once it has begun: a recommendation may be recorded.
test.use({ role: 'contact_nurse', now: '2027-01-15T07:30:00.000Z' });

function arrange(server: AppServer) {
  const db = server.core.db;
  setWorkplace(db, { unitId: unitIdByCode(db, 'SU'), careAreaCodes: ['ANAL'] });
  db.prepare("UPDATE care_area SET treatment_options = ? WHERE code = 'ANAL'").run(JSON.stringify(['Radiokemoterapi', 'Kirurgi']));
  const meetingId = insertMeeting(db, { localDate: '2027-01-15', startsAt: '2027-01-15T07:00:00.000Z', capacityCases: 5 });
  for (const familyName of ['Alm', 'Berg'])
    insertReferral(db, { patientId: insertPatient(db, { familyName, givenName: 'Åsa' }), receivedDate: '2027-01-05', suspicionDate: null });
  return meetingId;
}

/** Presses Tab until the focus is on what `matches` names, checking that every stop shows its focus. */
async function tabTo(page: Page, target: RegExp, maxStops = 80): Promise<void> {
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const labelled = (el as HTMLInputElement).labels?.[0]?.textContent;
      const name = (el.getAttribute('aria-label') ?? labelled ?? el.textContent ?? '').trim().replace(/\s+/g, ' ');
      return { name, visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2, tag: el.tagName };
    });
    if (!focused) continue;
    expect(focused.visible, `focus shows on ${focused.tag} "${focused.name}"`).toBe(true);
    if (target.test(focused.name)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

test('lock the agenda and record a recommendation with the keyboard alone: focus visible at every stop, no trap', async ({ page, server, openApp }) => {
  const meetingId = arrange(server);
  await openApp();
  await expect(page.getByRole('link', { name: 'Falllistor' })).toBeVisible();

  await tabTo(page, /^Falllistor$/);
  await page.keyboard.press('Enter');
  await tabTo(page, /Öppna falllistan 2027-01-15/);
  await page.keyboard.press('Enter');
  await tabTo(page, /^Lägg till alla som ryms/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listitem', { name: /^Fall \d+$/ })).toHaveCount(2);
  await tabTo(page, /^Lås listan$/);
  await page.keyboard.press('Space');
  const dialog = page.getByRole('dialog', { name: 'Lås listan?' });
  await expect(dialog).toBeVisible();
  // The dialog takes the focus, and Tab stays among its buttons until it closes.
  await expect(dialog.getByRole('button', { name: 'Lås och skicka ut' })).toBeFocused();
  await tabTo(page, /^Lås bara$/, 5);
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => server.core.db.prepare('SELECT case_list_locked_at IS NOT NULL FROM meeting WHERE id = ?').pluck().get(meetingId)).toBe(1);

  // The meeting: intent by Space on its radio, a treatment by Space on its checkbox, saved with Enter.
  await tabTo(page, /^Genomför mötet$/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Åsa/ }).first()).toBeVisible();
  await tabTo(page, /^Kurativ$/);
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: 'Kurativ' })).toBeChecked();
  await tabTo(page, /^Radiokemoterapi$/);
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: 'Radiokemoterapi' })).toBeChecked();
  await tabTo(page, /^Spara rekommendation$/);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Rekommendationen är sparad.')).toBeVisible();
  expect(server.core.db.prepare('SELECT count(*) FROM recommendation WHERE meeting_id = ?').pluck().get(meetingId)).toBe(1);
});

test('register a referral with the keyboard alone: every field reached by Tab, choices by typing, saved with Enter', async ({ page, server, openApp }) => {
  const db = server.core.db;
  setWorkplace(db, { unitId: unitIdByCode(db, 'SU'), careAreaCodes: ['ANAL'] });
  await openApp();
  await expect(page.getByRole('link', { name: 'Anmälningar' })).toBeVisible();

  await tabTo(page, /^Anmälningar$/);
  await page.keyboard.press('Enter');
  await tabTo(page, /^Ny anmälan$/);
  await page.keyboard.press('Enter');
  await tabTo(page, /^Person- eller samordningsnummer/);
  await page.keyboard.type('701063-2391');
  await tabTo(page, /^Efternamn/);
  await page.keyboard.type('Åkesson');
  await tabTo(page, /^Förnamn/);
  await page.keyboard.type('Örjan');
  // A closed list box takes its choice from the letters typed, as a sighted keyboard user does it.
  await tabTo(page, /^Vårdområde/);
  await page.keyboard.type('Analcancer');
  await expect(page.getByLabel('Vårdområde').locator('option:checked')).toHaveText(/^Analcancer/);
  await tabTo(page, /^Remitterande enhet/);
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Remitterande enhet')).toHaveValue(/\d+/);
  await tabTo(page, /^Registrera anmälan$/, 120);
  await page.keyboard.press('Enter');
  await expect.poll(() => db.prepare("SELECT count(*) FROM patient WHERE family_name = 'Åkesson'").pluck().get()).toBe(1);
  expect(db.prepare('SELECT count(*) FROM referral').pluck().get()).toBe(1);
});

test.describe('as the coordinator, on the test clock', () => {
  test.use({ role: 'coordinator', now: TEST_NOW.toISOString() });

  test('finalise a care plan with the keyboard alone: from the worklist to "fastställd", the dialog answered by Tab and Enter', async ({
    page,
    server,
    openApp,
  }) => {
    const db = server.core.db;
    setWorkplace(db, { unitId: unitIdByCode(db, 'SU'), careAreaCodes: ['ANAL'] });
    const { referralId } = arrangeDischarge(db);
    await openApp();
    await expect(page.getByRole('link', { name: 'Vårdplaner' })).toBeVisible();

    await tabTo(page, /^Vårdplaner$/);
    await page.keyboard.press('Enter');
    await tabTo(page, /^Skapa vårdplan från mall: Märta Åström$/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Vårdplan för Märta Åström' })).toBeVisible();
    await tabTo(page, /^Kontaktsjuksköterska$/, 120);
    await page.keyboard.type('Karin Öberg');
    await tabTo(page, /^Kontaktsjuksköterskans telefon/);
    await page.keyboard.type('031-342 20 00');
    await tabTo(page, /^Ansvarig läkare/);
    await page.keyboard.type('Dr Åke Ström');
    await tabTo(page, /^Sammanfattning av given behandling/);
    await page.keyboard.type('Radiokemoterapi 5 veckor.');
    await tabTo(page, /^Fastställ$/, 150);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Fastställa vårdplanen?' });
    await expect(dialog).toBeVisible();
    await tabTo(page, /^Fastställ vårdplanen$/, 5);
    await page.keyboard.press('Enter');
    await expect(page.getByText('Vårdplanen är fastställd.')).toBeVisible();
    expect(db.prepare("SELECT count(*) FROM care_plan WHERE referral_id = ? AND status = 'finalised'").pluck().get(referralId)).toBe(1);
  });
});
