import { readFileSync } from 'node:fs';
import { test, expect, completeFirstRun } from './fixtures';
import { insertMeeting, insertPatient, insertReferral } from '../factories';
import { arrangeKnownDataset } from '../follow-up-fixtures';
import { pdfText } from '../pdf-text';

test('follow-up dashboard: pick a period, read the figures, export CSV and PDF', async ({ page, server, openApp }) => {
  arrangeKnownDataset(server.core.db, { insertPatient, insertReferral, insertMeeting });
  await completeFirstRun(server);
  await openApp();
  await page.getByRole('link', { name: 'Uppföljning' }).click();
  await expect(page.getByRole('heading', { name: 'Uppföljning av det nationella uppdraget' })).toBeVisible();

  // The first quarter of 2025 of anal cancer (the known dataset; hand calculations in test/service/follow-up.test.ts).
  await page.getByLabel('Vårdområde').selectOption({ label: 'Analcancer, kurativt syftande onkologisk behandling' });
  await page.getByLabel('Från och med').fill('2025-01-01');
  await page.getByLabel('Till och med').fill('2025-03-31');
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page.getByText('2025-01-01 – 2025-03-31')).toBeVisible();
  const lead = page.getByRole('table', { name: 'Ledtider' });
  await expect(lead.getByRole('row', { name: /Mottagen → MDK/ })).toContainText(/4\s*31,5\s*52\s*50,0\s%/);
  const months = page.getByRole('table', { name: 'Mottagna anmälningar per månad' });
  await expect(months.getByRole('row', { name: /Totalt/ })).toContainText('6');
  await expect(page.getByRole('img', { name: /Ledtider i dagar/ })).toBeVisible();

  // A reversed period is refused next to the field, and the figures shown stay those of Q1.
  await page.getByLabel('Till och med').fill('2024-12-01');
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page.locator('.field-error', { hasText: 'Slutdatum måste vara samma dag som eller efter startdatum.' })).toBeVisible();
  await expect(months.getByRole('row', { name: /Totalt/ })).toContainText('6');

  // Change the period to January only: two referrals received, none discussed yet.
  await page.getByLabel('Till och med').fill('2025-01-31');
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page.getByText('2025-01-01 – 2025-01-31')).toBeVisible();
  await expect(months.getByRole('row', { name: /Totalt/ })).toContainText('2');
  await expect(page.locator('.field-error')).toHaveCount(0);

  // CSV of the months table: what Swedish Excel needs (BOM, semicolons, CRLF).
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exportera CSV: Mottagna anmälningar per månad' }).click();
  const csvFile = await csvDownload;
  expect(csvFile.suggestedFilename()).toBe('mottagna-anmalningar-per-manad-anal-2025-01-01-2025-01-31.csv');
  const csv = readFileSync((await csvFile.path())!);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.toString('utf8').slice(1)).toBe('Månad;Anmälningar\r\n2025-01;2\r\nTotalt;2\r\n');

  // Back to Q1: the lead-time CSV has decimal commas and percent numbers.
  await page.getByLabel('Till och med').fill('2025-03-31');
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page.getByText('2025-01-01 – 2025-03-31')).toBeVisible();
  const leadDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exportera CSV: Ledtider' }).click();
  const leadCsv = readFileSync((await (await leadDownload).path())!).toString('utf8');
  expect(leadCsv).toContain('Ledtid;Antal;Median (dagar);90:e percentil (dagar);Inom mål 30 dagar (%)\r\n');
  expect(leadCsv).toContain('Mottagen → MDK;4;31,5;52;50\r\n');

  // The PDF for the annual report carries the same tables.
  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exportera PDF (årsrapport)' }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toBe('uppfoljning-anal-2025-01-01-2025-03-31.pdf');
  const { text } = await pdfText(readFileSync((await pdf.path())!));
  expect(text).toContain('Uppföljning Analcancer');
  expect(text).toMatch(/Mottagen → MDK\s*4\s*31,5\s*52\s*50,0\s%/);
  expect(text).toMatch(/Andel med fastställd vårdplan \(%\)\s*66,7/);
  expect(text).toContain('Närvaro per roll');
});
