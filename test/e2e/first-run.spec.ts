import { test, expect } from './fixtures';

test('first-run choice is kept in the SQLite file across a server restart', async ({ page, server, openApp }) => {
  await openApp();
  await expect(page.getByRole('heading', { name: 'Välkommen till MDK Coordinator' })).toBeVisible();

  // Submitting without a unit shows the error in Swedish and saves nothing.
  await page.getByRole('combobox', { name: 'Din enhet' }).selectOption({ label: 'Sahlgrenska Universitetssjukhuset (Göteborg)' });
  for (const box of await page.getByRole('checkbox').all()) await box.uncheck();
  await page.getByRole('button', { name: 'Börja använda programmet' }).click();
  await expect(page.locator('.field-error', { hasText: 'Välj minst ett vårdområde.' })).toBeVisible();

  await page.getByRole('checkbox', { name: 'Analcancer, kurativt syftande onkologisk behandling' }).check();
  await page.getByRole('checkbox', { name: /Sarkom/ }).check();
  await page.getByRole('button', { name: 'Börja använda programmet' }).click();
  await expect(page.getByRole('navigation', { name: 'Navigering' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sahlgrenska Universitetssjukhuset' })).toBeVisible();

  await server.restart();
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Sahlgrenska Universitetssjukhuset' })).toBeVisible();
  await expect(page.getByText('Analcancer, kurativt syftande onkologisk behandling')).toBeVisible();
  await expect(page.getByText('Sarkom, avancerad diagnostik och behandling')).toBeVisible();
  await expect(page.getByText('Isolerad hyperterm perfusion (ILP) vid melanom/sarkom i extremitet')).toHaveCount(0);
});

test('English on request, remembered after a reload', async ({ page, openApp }) => {
  await openApp();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to MDK Coordinator' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Welcome to MDK Coordinator' })).toBeVisible();
});

test('settings: add a referring unit, see it listed, and change it from its row', async ({ page, server, openApp }) => {
  const { completeFirstRun } = await import('./fixtures');
  await completeFirstRun(server);
  await openApp();
  await page.getByRole('link', { name: 'Inställningar' }).click();
  await page.getByRole('link', { name: 'Enheter' }).click();
  await page.getByRole('button', { name: 'Ny enhet' }).click();
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByText('Måste fyllas i.').first()).toBeVisible();
  await page.getByLabel('Namn').fill('Kirurgkliniken, Hallands sjukhus Halmstad');
  await page.getByLabel('Region', { exact: true }).selectOption({ label: 'Region Halland' });
  await page.getByLabel('Sjukvårdsregion').selectOption({ label: 'Södra sjukvårdsregionen' });
  await page.getByLabel('Telefon', { exact: true }).fill('035-13 10 00');
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('cell', { name: 'Kirurgkliniken, Hallands sjukhus Halmstad', exact: true })).toBeVisible();
  const ref = await server.api.call('reference.get', {});
  expect(ref.units.find((u) => u.name === 'Kirurgkliniken, Hallands sjukhus Halmstad')?.healthcareRegionCode).toBe('SODRA');

  // Each row's edit link is named after its unit (RecordTable).
  await page.getByRole('button', { name: 'Ändra Kirurgkliniken, Hallands sjukhus Halmstad' }).click();
  await expect(page.getByLabel('Namn')).toHaveValue('Kirurgkliniken, Hallands sjukhus Halmstad');
  await page.getByLabel('Telefon', { exact: true }).fill('035-13 20 00');
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('row', { name: /Kirurgkliniken, Hallands sjukhus Halmstad/ }).getByRole('cell', { name: '035-13 20 00' })).toBeVisible();
});
