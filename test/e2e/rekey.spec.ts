import { test, expect, completeFirstRun } from './fixtures';
import { createCore } from '../../src/main/core';
import { TEST_KDF } from '../../src/main/security/crypto';

const LENA = 'lena lämnar kvar nyckeln';

test('after a deactivation the administrator is offered "Byt databasnyckel", is told what it means, and gets a new recovery key', async ({
  page,
  server,
  openApp,
}) => {
  await completeFirstRun(server);
  await server.core.security.saveUser(null, { name: 'Lena Lämnar', userName: 'lena', role: 'physician', unitId: null, active: true, passphrase: LENA });
  await openApp();
  await page.getByRole('link', { name: 'Inställningar' }).click();
  const tabs = page.getByRole('navigation', { name: 'Inställningar' });
  await tabs.getByRole('link', { name: 'Säkerhet', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Databasnyckel' }).getByRole('button', { name: 'Byt databasnyckel' })).toBeVisible();

  await tabs.getByRole('link', { name: 'Användare' }).click();
  await page.getByRole('button', { name: 'Ändra Lena Lämnar' }).click();
  const form = page.getByRole('form', { name: 'Ändra användare' });
  await form.getByLabel('Aktiv').uncheck();
  await form.getByRole('button', { name: 'Spara' }).click();
  const offer = page.getByRole('region', { name: 'Databasnyckel' });
  await expect(offer.getByText('Lena Lämnar är inaktiverad och kan inte längre logga in.')).toBeVisible();

  // Asked first, with what it means; cancelling changes nothing.
  await offer.getByRole('button', { name: 'Byt databasnyckel' }).click();
  const dialog = page.getByRole('dialog', { name: 'Byta databasnyckel?' });
  await expect(dialog).toContainText('Äldre säkerhetskopior går fortfarande att läsa med den GAMLA nyckeln');
  await expect(dialog).toContainText('förstör dem eller förvara dem säkert');
  await expect(dialog).toContainText('Den som har slutat kan inte längre öppna den nuvarande databasen');
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(dialog).toBeHidden();
  const keyBefore = Buffer.from(server.core.security.key!);

  await offer.getByRole('button', { name: 'Byt databasnyckel' }).click();
  await dialog.getByRole('button', { name: 'Byt nyckel' }).click();
  await expect(offer.getByText('Databasnyckeln är bytt.')).toBeVisible({ timeout: 20_000 });
  const recoveryKey = (await offer.getByLabel('Återställningsnyckel').textContent())!.trim();
  expect(recoveryKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
  expect(server.core.security.key!.equals(keyBefore)).toBe(false);
  expect(server.core.security.recoveryKeyMatches(recoveryKey)).toBe(true);
  await page.screenshot({ path: 'test-results/rekey-done.png', fullPage: true });

  // The app goes on working with the new key.
  await page.getByRole('link', { name: 'Anmälningar' }).click();
  await expect(page.getByRole('heading', { name: 'Anmälningar' })).toBeVisible();
  const other = createCore({ dataDir: server.dataDir, kdfCost: TEST_KDF });
  expect(other.security.recoveryKeyMatches(recoveryKey)).toBe(true);
  other.close();
});
