import { readFileSync } from 'node:fs';
import { test, expect, completeFirstRun } from './fixtures';
import { fillWithPdftk, FILLED_SARCOMA, scannedPdf } from '../referral-forms';

test('download the sarcoma form, read in two filled forms and a scanned one: two referrals, one clear refusal, the original opens', async ({
  page,
  server,
  openApp,
}) => {
  test.setTimeout(120_000);
  await completeFirstRun(server);
  await openApp();
  await page.getByRole('link', { name: 'Inställningar' }).click();
  await page.getByRole('link', { name: 'Anmälningsblanketter' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: /Hämta blanketten för Sarkom/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('anmalningsblankett-sarcoma-v1.pdf');
  const form = readFileSync((await download.path())!);

  const pdf = (name: string, buffer: Buffer) => ({ name, mimeType: 'application/pdf', buffer });
  const files = [
    pdf('märta.pdf', fillWithPdftk(form, FILLED_SARCOMA)),
    pdf('östen.pdf', fillWithPdftk(form, { ...FILLED_SARCOMA, personnummer: '19460223-0031', efternamn: 'Öhrström', fornamn: 'Östen', prioritet: 'normal' })),
    pdf('skannad.pdf', await scannedPdf()),
  ];

  await page.getByRole('link', { name: 'Anmälningar' }).click();
  await page.getByRole('link', { name: 'Importera blanketter' }).click();
  await page.getByLabel('Välj ifyllda blanketter (PDF)').setInputFiles(files);
  await expect(page.getByText('3 blanketter: 2 giltiga, 1 avvisad, 0 redan importerade.')).toBeVisible();
  const refused = page.getByRole('row').filter({ hasText: 'skannad.pdf' });
  await expect(refused).toContainText('Avvisad');
  await expect(refused).toContainText('PDF-filen har inga ifyllbara fält: den är skannad');
  await expect(page.getByRole('row').filter({ hasText: 'östen.pdf' })).toContainText('Östen Öhrström');
  expect((await server.api.call('referrals.list', {})).total).toBe(0);

  await page.getByRole('button', { name: 'Importera 2 giltiga blanketter' }).click();
  await expect(page.getByText('2 anmälningar har importerats från blanketter.')).toBeVisible();
  const list = await server.api.call('referrals.list', {});
  expect(list.rows.map((r) => r.patientName).sort()).toEqual(['Åkesson-Öberg, Märta Ädel', 'Öhrström, Östen'].sort());

  // The referral keeps its original form, to be opened from it.
  const marta = list.rows.find((r) => r.patientName.startsWith('Åkesson'))!;
  await page.evaluate((id) => (location.hash = `#/referrals/${id}`), marta.id);
  const opening = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Öppna originalblanketten' }).click();
  expect((await opening).suggestedFilename()).toBe('märta.pdf');
});
