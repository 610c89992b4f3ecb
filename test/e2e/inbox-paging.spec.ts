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

// Another user's change (team mode) reads again every page the user has scrolled through, in place.
test('a live refresh keeps every loaded page, the scroll position and the selection, and shows the changes', async ({ page, server, openApp }) => {
  await completeFirstRun(server);
  const db = server.core.db;
  const day = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
  const ids = new Map<string, number>();
  db.transaction(() => {
    for (let i = 0; i < 250; i++) {
      const familyName = i === 0 ? 'Sist' : `Patient${String(i).padStart(3, '0')}`;
      // Received (markable), so each row has a checkbox to select.
      ids.set(
        familyName,
        insertReferral(db, { patientId: insertPatient(db, { familyName, givenName: 'Sven' }), receivedDate: day(i), suspicionDate: null, status: 'received' }),
      );
    }
  })();

  await openApp();
  await page.getByRole('link', { name: 'Anmälningar' }).click();
  await expect(page.getByText('Antal anmälningar: 250')).toBeVisible();
  const table = page.getByRole('table', { name: 'Anmälningar' });
  const body = table.locator('.vtable-body');
  const row = (name: string) => table.getByRole('row').filter({ hasText: `${name}, Sven` });
  // Scrolled to the end: all five pages are loaded and the oldest rows are in view.
  await expect(async () => {
    await body.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(row('Sist')).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await page.getByRole('checkbox', { name: 'Välj Patient003, Sven' }).check();
  const scrolledTo = await body.evaluate((el) => el.scrollTop);
  expect(scrolledTo).toBeGreaterThan(200 * 42);

  // Two changes by someone else: a row on the last page completed, another withdrawn.
  await server.api.call('referrals.markComplete', { id: ids.get('Patient005')! });
  await server.api.call('referrals.withdraw', { id: ids.get('Patient007')!, reason: 'Remitterad till annan enhet.' });
  // What the team mode's change watch announces (DATA_CHANGED_EVENT in features/team/changeWatch.ts).
  await page.evaluate(() => window.dispatchEvent(new Event('mdk:data-changed')));

  await expect(page.getByText('Antal anmälningar: 249')).toBeVisible();
  await expect(row('Patient007')).toHaveCount(0);
  await expect(row('Patient005').locator('.status')).toHaveText('Komplett');
  // Still at the end of the list, with the rows and the selection the user had.
  await expect(row('Sist')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Välj Patient003, Sven' })).toBeChecked();
  expect(await body.evaluate((el) => el.scrollTop)).toBeGreaterThan(scrolledTo - 5 * 42);
});
