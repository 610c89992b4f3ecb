/**
 * Nothing cut or wrapped at 1280×800 and 1920×1080, at 100 % and 200 % zoom (200 % is the same
 * window with half the CSS pixels and twice the device pixels, as the browser's zoom makes it):
 * text cells and headings show their whole text, and buttons and badges keep to one line. The
 * screenshots go to test-results/layout/ to be looked at.
 */
import { test, expect, type AppServer } from './fixtures';
import { insertMeeting, insertPatient, insertReferral, unitIdByCode } from '../factories';
import { setWorkplace } from '../../src/main/services/system/workplace';
import type { Page } from '@playwright/test';

const SIZES = [
  { name: '1280x800', width: 1280, height: 800 },
  { name: '1920x1080', width: 1920, height: 1080 },
];
const ZOOMS = [1, 2];

test.use({ role: 'contact_nurse' });

async function arrange(server: AppServer) {
  const db = server.core.db;
  setWorkplace(db, { unitId: unitIdByCode(db, 'SU'), careAreaCodes: ['ANAL', 'SARCOMA'] });
  const meetingId = insertMeeting(db, { careAreaCode: 'SARCOMA', localDate: '2027-01-15', startsAt: '2027-01-15T07:00:00.000Z', capacityCases: 6 });
  const names = ['Alm', 'Berg', 'Carlsson-Wikström', 'Dahl'];
  names.forEach((familyName, i) =>
    insertReferral(db, {
      careAreaCode: 'SARCOMA',
      icd10: 'C49.2',
      priority: i === 0 ? 'urgent' : 'normal',
      patientId: insertPatient(db, { familyName, givenName: 'Åsa-Britt' }),
      receivedDate: '2026-11-10',
      suspicionDate: null,
    }),
  );
  return meetingId;
}

/** What is cut (text wider than its box that hides the rest) or wrapped (a button or badge on two lines). */
async function cutOrWrapped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const visible = (el: HTMLElement) =>
      el.offsetParent !== null && el.getClientRects().length > 0 && !el.closest('.visually-hidden, .sr-only, [aria-hidden="true"]');
    for (const el of document.querySelectorAll<HTMLElement>('td, th, .vtable-cell, h1, h2, h3, .tag, button, a.button, a.button-link, label.button')) {
      if (!visible(el) || el.clientWidth === 0) continue;
      const style = getComputedStyle(el);
      if (el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible' && style.overflowX !== 'auto') problems.push(`cut: ${describe(el)}`);
      const oneLine = el.matches('button, .tag, a.button, a.button-link, label.button');
      if (oneLine) {
        const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.25;
        const height =
          el.getBoundingClientRect().height -
          parseFloat(style.paddingTop) -
          parseFloat(style.paddingBottom) -
          parseFloat(style.borderTopWidth) -
          parseFloat(style.borderBottomWidth);
        if (height > lineHeight * 1.6) problems.push(`wrapped: ${describe(el)}`);
      }
    }
    return problems;
  });
}

test('the main screens show every text whole, and buttons and badges on one line, at both sizes and zooms', async ({ page, server, openApp }) => {
  test.setTimeout(180_000);
  const meetingId = await arrange(server);
  await openApp();
  const csv = ['personnummer;efternamn;förnamn;vårdområde;remitterande_enhet;mottagen', '19121212-1212;Åström;Märta;SARCOMA;KS;2026-11-03'].join('\r\n');
  const screens: { name: string; open(): Promise<void> }[] = [
    { name: 'home', open: async () => void (await page.goto(`${server.url.split('#')[0]}#/`)) },
    {
      name: 'inbox',
      open: async () => {
        await page.goto(`${server.url.split('#')[0]}#/referrals`);
        await expect(page.getByRole('link', { name: 'Alm, Åsa-Britt' })).toBeVisible();
      },
    },
    {
      name: 'import-preview',
      open: async () => {
        await page.goto(`${server.url.split('#')[0]}#/referrals/import`);
        await page.getByLabel('CSV-fil').setInputFiles({ name: 'remisser.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
        await expect(page.getByText(/1 rad:/)).toBeVisible();
      },
    },
    {
      name: 'case-list',
      open: async () => {
        await page.goto(`${server.url.split('#')[0]}#/case-lists/${meetingId}`);
        await expect(page.getByRole('button', { name: /Lägg till alla som ryms/ })).toBeVisible();
      },
    },
    { name: 'calendar', open: async () => void (await page.goto(`${server.url.split('#')[0]}#/calendar`)) },
  ];
  const found: string[] = [];
  for (const size of SIZES) {
    for (const zoom of ZOOMS) {
      await page.setViewportSize({ width: Math.round(size.width / zoom), height: Math.round(size.height / zoom) });
      for (const screen of screens) {
        await screen.open();
        await page.waitForTimeout(150);
        await page.screenshot({ path: `test-results/layout/${screen.name}-${size.name}-${zoom * 100}.png` });
        for (const p of await cutOrWrapped(page)) found.push(`${screen.name} ${size.name} ${zoom * 100} %: ${p}`);
      }
    }
  }
  expect(found).toEqual([]);
});
