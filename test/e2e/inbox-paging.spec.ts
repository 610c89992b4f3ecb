import { test, expect, completeFirstRun } from './fixtures';
import { insertPatient, insertReferral } from '../factories';
import { INBOX_PAGE_ROWS } from '../../src/shared/api/methods/referrals';

// The inbox fetches a page at a time (INBOX_PAGE_ROWS) and the next as the user scrolls.
test('the inbox shows every referral by scrolling, a page at a time', async ({ page, server, openApp }) => {
  await completeFirstRun(server);
  const db = server.core.db;
  const day = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
  db.transaction(() => {
    for (let i = 0; i < 250; i++) {
      // Newest first: patient 249 heads the list, "Sist, Sven" (the oldest) is the 250th row.
      const patientId = insertPatient(db, i === 0 ? { familyName: 'Sist', givenName: 'Sven' } : { familyName: `Patient${String(i).padStart(3, '0')}` });
      insertReferral(db, { patientId, receivedDate: day(i), suspicionDate: null });
    }
  })();

  await openApp();
  await page.getByRole('link', { name: 'Anmälningar' }).click();
  await expect(page.getByText('Antal anmälningar: 250')).toBeVisible();
  const table = page.getByRole('table', { name: 'Anmälningar' });
  await expect(table).toHaveAttribute('aria-rowcount', '251');
  await expect(table.getByRole('row').filter({ hasText: 'Patient249' })).toBeVisible();
  const last = table.getByRole('row').filter({ hasText: 'Sist, Sven' });
  await expect(last).toHaveCount(0); // not fetched yet
  // Only the first page was read, so only its patients are in the access log.
  await page.waitForTimeout(500);
  expect(server.core.db.prepare("SELECT count(*) FROM access_log WHERE method = 'referrals.list'").pluck().get()).toBe(INBOX_PAGE_ROWS);

  // Scrolling down fetches the following pages until the oldest referral is there.
  const body = table.locator('.vtable-body');
  await expect(async () => {
    await body.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(last).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 10_000 });
  // Every row once: no page was fetched twice into the list.
  await expect(table.getByRole('row').filter({ hasText: 'Patient001' })).toHaveCount(1);
});
