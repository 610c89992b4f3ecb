import { test, expect, completeFirstRun, type AppServer } from './fixtures';
import { signInAs } from '../sign-in';
import { createApiClient } from '../../src/shared/api/client';

/** The first-run step as the administrator, for a server whose browser user has another role. */
async function firstRunAsAdministrator(server: AppServer) {
  const admin = server.core.newSession();
  await signInAs(server.core, admin, 'administrator');
  await completeFirstRun({ ...server, api: createApiClient((m, i) => server.core.router(m, i, admin)) } as AppServer);
}

const SHARED_TABS = ['Enheter', 'Anmälningsregler', 'Behandlingsalternativ', 'Vårdplansmallar', 'Checklista nMDK'];

for (const role of ['contact_nurse', 'physician'] as const) {
  test.describe(`as ${role}`, () => {
    test.use({ role });
    test('shared settings are not offered, and the page says why and who changes them', async ({ page, server, openApp }) => {
      await firstRunAsAdministrator(server);
      await openApp();
      await page.getByRole('link', { name: 'Inställningar' }).click();
      const tabs = page.getByRole('navigation', { name: 'Inställningar' });
      await expect(tabs.getByRole('link', { name: 'Säkerhet', exact: true })).toBeVisible();
      for (const name of SHARED_TABS) await expect(tabs.getByRole('link', { name, exact: true })).toHaveCount(0);
      const note = page.getByRole('note', { name: 'Gemensamma inställningar' });
      await expect(note).toContainText(
        'Enheter, Anmälningsregler, Behandlingsalternativ, Vårdplansmallar, Checklista nMDK: ändrar allas dokument och listor och ändras därför bara av administratör eller koordinator.',
      );
      await expect(note).toContainText('Vårdområden: ändrar allas dokument och listor och ändras därför bara av administratör.');
      await page.goto(`${server.bridge.origin}/#/settings/treatment-options`);
      await expect(page.getByLabel('Behandlingsalternativ (en per rad)')).toHaveCount(0);
    });
  });
}

test.describe('as coordinator', () => {
  test.use({ role: 'coordinator' });
  test('the coordinator has the shared settings; only the care areas are the administrator’s', async ({ page, server, openApp }) => {
    await firstRunAsAdministrator(server);
    await openApp();
    await page.getByRole('link', { name: 'Inställningar' }).click();
    const tabs = page.getByRole('navigation', { name: 'Inställningar' });
    for (const name of SHARED_TABS) await expect(tabs.getByRole('link', { name, exact: true })).toBeVisible();
    const note = page.getByRole('note', { name: 'Gemensamma inställningar' });
    await expect(note).toHaveText('Vårdområden: ändrar allas dokument och listor och ändras därför bara av administratör.');
  });
});
