/**
 * Keyboard only: from the start page to a locked agenda with Tab, Enter and Space, the focus visible
 * at every stop (a 3 px outline) and never trapped (each target is reached by Tab alone).
 */
import { test, expect, type AppServer } from './fixtures';
import { insertMeeting, insertPatient, insertReferral, unitIdByCode } from '../factories';
import { setWorkplace } from '../../src/main/services/system/workplace';
import type { Page } from '@playwright/test';

test.use({ role: 'contact_nurse' });

function arrange(server: AppServer) {
  const db = server.core.db;
  setWorkplace(db, { unitId: unitIdByCode(db, 'SU'), careAreaCodes: ['ANAL'] });
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
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ');
      return { name, visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2, tag: el.tagName };
    });
    if (!focused) continue;
    expect(focused.visible, `focus shows on ${focused.tag} "${focused.name}"`).toBe(true);
    if (target.test(focused.name)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

test('lock the agenda with the keyboard alone: focus visible at every stop, no trap', async ({ page, server, openApp }) => {
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
});
