import { test, expect } from './fixtures';

test('first run: "Ladda demodata" fills the unit and every screen says DEMO', async ({ page, openApp }) => {
  test.setTimeout(90_000);
  await openApp();
  await expect(page.getByRole('heading', { name: 'Välkommen till MDK Coordinator' })).toBeVisible();
  await page.screenshot({ path: 'test-results/demo-first-run.png', fullPage: true });
  await page.getByRole('button', { name: 'Ladda demodata' }).click();
  // The load is a long job: the window is told how far it has come while it runs.
  await expect(page.getByText(/Läser in demodata: \d+ av \d+/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('progressbar', { name: 'Läser in demodata' })).toBeVisible();
  await expect(page.getByText('DEMO', { exact: true })).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: 'test-results/demo-home.png' });

  await page.getByRole('link', { name: 'Anmälningar' }).click();
  // The inbox is filled with fictional patients carrying DEMO reservnummer.
  await expect(page.getByRole('row').filter({ hasText: 'DEMO-' }).first()).toBeVisible();
  expect(await page.getByRole('row').filter({ hasText: 'DEMO-' }).count()).toBeGreaterThan(10);
  // The newest referrals are still open: search finds them by their reservnummer.
  await page.getByRole('searchbox', { name: 'Sök namn eller personnummer' }).fill('DEMO-0149');
  await expect(page.getByRole('row').filter({ hasText: 'DEMO-0149' }).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/demo-inbox.png' });
});
