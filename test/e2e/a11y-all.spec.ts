/**
 * axe (WCAG 2.1 A and AA) on every screen and the main dialogs, signed in as each role of the contract,
 * in Swedish and English: no serious or critical violation anywhere.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type AppServer } from './fixtures';
import { insertMeeting, insertPatient, insertReferral, unitIdByCode } from '../factories';
import { setWorkplace } from '../../src/main/services/system/workplace';
import { ROLES } from '../../src/shared/api/contract';
import { canCall } from '../../src/renderer/features/security/permissions';
import type { Page } from '@playwright/test';

async function arrange(server: AppServer) {
  const db = server.core.db;
  setWorkplace(db, { unitId: unitIdByCode(db, 'SU'), careAreaCodes: ['ANAL'] });
  const meetingId = insertMeeting(db, { localDate: '2026-12-03', startsAt: '2026-12-03T07:00:00.000Z', capacityCases: 5 });
  const open = insertMeeting(db, { localDate: '2026-12-10', startsAt: '2026-12-10T07:00:00.000Z', capacityCases: 5 });
  const listed = insertReferral(db, {
    priority: 'urgent',
    patientId: insertPatient(db, { familyName: 'Alm', givenName: 'Åsa' }),
    receivedDate: '2026-11-10',
    suspicionDate: null,
  });
  insertReferral(db, { patientId: insertPatient(db, { familyName: 'Berg', givenName: 'Åsa' }), receivedDate: '2026-11-12', suspicionDate: null });
  const received = insertReferral(db, { status: 'received', patientId: insertPatient(db, { familyName: 'Carlsson', givenName: 'Åsa' }) });
  await server.api.call('caseLists.add', { meetingId, referralIds: [listed] });
  await server.api.call('caseLists.lock', { meetingId });
  return { meetingId, open, received };
}

async function serious(page: Page, where: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Both languages for every role: a translation can change a name, a contrast or a layout. */
const LANGS: readonly ('sv' | 'en')[] = ['sv', 'en'];
/** Screens that look the same to every role are scanned as the administrator only. */
const SAME_FOR_EVERY_ROLE = [
  '#/calendar/week',
  '#/calendar/month',
  '#/care-plans',
  '#/follow-up',
  '#/follow-through',
  '#/settings/security',
  '#/settings/workplace',
];

// One test per role and language: each stays well inside its time on a slow, busy CI machine
// (both languages in one test took 3.5 min of 4 for the administrator under load).
for (const role of ROLES)
  for (const lang of LANGS) {
    test.describe(`as ${role} in ${lang}`, () => {
      test.use({ role });
      test(`every screen and dialog has no serious or critical axe violation (${role}, ${lang})`, async ({ page, server, openApp }) => {
        test.setTimeout(240_000);
        const { meetingId, open, received } = await arrange(server);
        await openApp();
        await expect(page.getByRole('link', { name: 'Översikt' })).toBeVisible();
        const go = async (hash: string, ready: () => Promise<void>) => {
          await page.evaluate((h) => (location.hash = h), hash);
          await ready();
          // A screen still loading would be scanned half-drawn.
          await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
        };
        const heading = () => expect(page.locator('h1').first()).toBeVisible();
        const screens: [string, () => Promise<void>][] = [
          ['#/', heading],
          ['#/referrals', () => expect(page.getByRole('link', { name: /Carlsson, Åsa/ })).toBeVisible()],
          [`#/referrals/${received}`, heading],
          ...(canCall(role, 'referrals.create')
            ? ([
                ['#/referrals/new', heading],
                ['#/referrals/import', heading],
                ['#/referrals/import-forms', heading],
              ] as [string, () => Promise<void>][])
            : []),
          ['#/calendar', () => expect(page.getByRole('table')).toBeVisible()],
          ['#/calendar/week', heading],
          ['#/calendar/month', heading],
          ['#/calendar/series', heading],
          ['#/calendar/people', heading],
          [`#/calendar/meeting/${meetingId}`, heading],
          ['#/case-lists', heading],
          [`#/case-lists/${open}`, () => expect(page.getByText(/Förslag|Proposal/).first()).toBeVisible()],
          [`#/case-lists/${meetingId}/meeting`, () => expect(page.getByRole('heading', { name: /Alm, Åsa/ })).toBeVisible()],
          ['#/care-plans', heading],
          ['#/follow-up', heading],
          ['#/follow-through', heading],
        ];
        // Every settings tab the role is shown.
        await go('#/settings', heading);
        const tabs = await page.locator('a[href^="#/settings/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
        expect(tabs.length).toBeGreaterThan(1);
        screens.push(...tabs.map((hash) => [hash, heading] as [string, () => Promise<void>]));
        if (role !== 'administrator') screens.splice(0, screens.length, ...screens.filter(([hash]) => !SAME_FOR_EVERY_ROLE.includes(hash)));
        const found: string[] = [];
        await page
          .getByRole('banner')
          .getByRole('button', { name: lang === 'sv' ? 'Svenska' : 'English' })
          .click();
        for (const [hash, ready] of screens) {
          await go(hash, ready);
          found.push(...(await serious(page, `${lang} ${hash}`)));
        }
        // Dialogs: the postponement's confirmation on the meeting, and the lock of an open list.
        if (canCall(role, 'recommendations.postpone')) {
          await go(`#/case-lists/${meetingId}/meeting`, () => expect(page.getByRole('heading', { name: /Alm, Åsa/ })).toBeVisible());
          await page.locator('button.postpone').click();
          await expect(page.getByRole('dialog')).toBeVisible();
          found.push(...(await serious(page, `${lang} postpone dialog`)));
          await page.keyboard.press('Escape');
        }
        if (canCall(role, 'caseLists.lock')) {
          await go(`#/case-lists/${open}`, () => expect(page.getByText(/Förslag|Proposal/).first()).toBeVisible());
          await page.getByRole('button', { name: /Lägg till alla som ryms|Add all that fit/ }).click();
          await page.getByRole('button', { name: /^(Lås listan|Lock the list)$/ }).click();
          await expect(page.getByRole('dialog')).toBeVisible();
          found.push(...(await serious(page, `${lang} lock dialog`)));
          await page.keyboard.press('Escape');
        }
        expect(found).toEqual([]);
      });
    });
  }
