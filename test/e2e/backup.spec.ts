import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { test, expect, completeFirstRun } from './fixtures';
import { databaseFile } from '../../src/main/core-files';

test('administrator backs up now and restores that backup from Settings › Säkerhetskopior', async ({ page, server, openApp }) => {
  await completeFirstRun(server);
  await openApp();
  await page.getByRole('link', { name: 'Inställningar' }).click();
  await page.getByRole('link', { name: 'Säkerhetskopior' }).click();
  await expect(page.getByText('Det finns inga säkerhetskopior i mappen ännu.')).toBeVisible();

  // A folder that is not a full path is refused next to the field.
  await page.getByLabel('Mapp för säkerhetskopior').fill('relativ/mapp');
  await page.getByRole('button', { name: 'Spara mapp' }).click();
  await expect(page.locator('.field-error', { hasText: 'Ange hela sökvägen till mappen.' })).toBeVisible();

  await page.getByRole('button', { name: 'Säkerhetskopiera nu' }).click();
  await expect(page.getByRole('status')).toContainText('är sparad');
  await expect(page.getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('cell', { name: 'Manuell', exact: true })).toBeVisible();

  // Saved after the backup: gone after the restore.
  const ref = await server.api.call('reference.get', {});
  const region = ref.regions.find((r) => r.defaultHealthcareRegionCode)!;
  await server.api.call('reference.saveUnit', {
    name: 'Enhet efter kopian',
    regionCode: region.code,
    healthcareRegionCode: region.defaultHealthcareRegionCode!,
  });

  await page.getByRole('button', { name: /^Återställ / }).click();
  await expect(page.getByRole('alertdialog')).toContainText('Allt som sparats efter den tidpunkten försvinner');
  await page.getByRole('button', { name: 'Ja, återställ' }).click();
  await expect(page.getByRole('status')).toContainText('Databasen är återställd');
  await expect(page.getByRole('status')).toContainText('replaced');

  await page.getByRole('link', { name: 'Enheter' }).click();
  await page.getByRole('searchbox', { name: 'Sök enhet' }).fill('efter kopian');
  await expect(page.getByRole('cell', { name: 'Enhet efter kopian' })).toHaveCount(0);
});

test('a damaged database at start: the app explains, saves nothing and restores the newest good backup', async ({ page, server, openApp }) => {
  await completeFirstRun(server);
  await server.api.call('backup.create', {});
  await server.stop();
  const file = databaseFile(server.dataDir);
  const bytes = readFileSync(file);
  for (let p = 2; p * 4096 < bytes.length - 4096; p += 3) randomBytes(4096).copy(bytes, p * 4096);
  writeFileSync(file, bytes);
  await server.start();

  await openApp();
  await expect(page.getByRole('heading', { name: 'Databasen är skadad' })).toBeVisible();
  await expect(page.getByText('sparas ingenting förrän databasen är återställd')).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'The database is damaged' })).toBeVisible();
  await page.getByRole('button', { name: 'Svenska' }).click();

  await page.getByRole('button', { name: 'Återställ den senaste felfria säkerhetskopian' }).click();
  await expect(page.getByRole('status')).toContainText('Databasen är återställd');
  await page.getByRole('button', { name: 'Fortsätt till programmet' }).click();
  await expect(page.getByRole('navigation', { name: 'Navigering' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sahlgrenska Universitetssjukhuset' })).toBeVisible();
});
