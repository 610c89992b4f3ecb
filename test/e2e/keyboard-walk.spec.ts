/**
 * Keyboard only: from the start page to a locked agenda with Tab, Enter and Space, the focus visible
 * at every stop (a 3 px outline) and never trapped (each target is reached by Tab alone).
 */
import { test, expect, type AppServer } from './fixtures';
import { insertMeeting, insertPatient, insertReferral, unitIdByCode } from '../factories';
import { setWorkplace } from '../../src/main/services/system/workplace';
import type { Page } from '@playwright/test';

// The morning of the meeting, once it has begun: a recommendation may be recorded.
test.use({ role: 'contact_nurse', now: '2027-01-15T07:30:00.000Z' });

function arrange(server: AppServer) {
  const db = server.core.db;
  setWorkplace(db, { unitId: unitIdByCode(db, 'SU'), careAreaCodes: ['ANAL'] });
  db.prepare("UPDATE care_area SET treatment_options = ? WHERE code = 'ANAL'").run(JSON.stringify(['Radiokemoterapi', 'Kirurgi']));
  const meetingId = insertMeeting(db, { localDate: '2027-01-15', startsAt: '2027-01-15T07:00:00.000Z', capacityCases: 5 });
  for (const familyName of ['Alm', 'Berg']) insertReferral(db, { patientId: insertPatient(db, { familyName, givenName: 'Åsa' }), receivedDate: '2027-01-05', suspicionDate: null });
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
  expect(server.core.db.prepare("SELECT count(*) FROM recommendation WHERE meeting_id = ?").pluck().get(meetingId)).toBe(1);
});
