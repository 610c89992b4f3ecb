import iconv from 'iconv-lite';
import { test, expect, completeFirstRun } from './fixtures';

const header = 'personnummer;efternamn;förnamn;vårdområde;remitterande_enhet;mottagen';

test('the import preview warns when a number belongs to a patient under another name, and says how to save a UTF-16 file', async ({
  page,
  server,
  openApp,
}) => {
  await completeFirstRun(server);
  // The register knows 19121212-1212 as Tolvan Tolvansson.
  const first = [header, '19121212-1212;Tolvansson;Tolvan;ANAL;KS;2026-11-02'].join('\r\n');
  await server.api.call('referrals.importCommit', { fileName: 'a.csv', base64: Buffer.from(first).toString('base64') });

  await openApp();
  await page.getByRole('link', { name: 'Anmälningar' }).click();
  await page.getByRole('link', { name: 'Importera från fil' }).click();
  const second = [header, '19121212-1212;Åström;Märta;SARCOMA;KS;2026-11-03', '811228-9874;Ölund;Per;SARCOMA;KS;2026-11-03'].join('\r\n');
  await page.getByLabel('CSV-fil').setInputFiles({ name: 'b.csv', mimeType: 'text/csv', buffer: Buffer.from(second) });
  await expect(page.getByText('2 rader: 2 giltiga, 0 avvisade, 0 redan importerade.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Rader med varning: 1. Läs dem innan du bekräftar.' })).toBeVisible();
  const warned = page.getByRole('row').filter({ hasText: 'Märta Åström' });
  await expect(warned).toContainText('Varning: Numret tillhör redan Tolvan Tolvansson i registret.');
  await expect(page.getByRole('row').filter({ hasText: 'Per Ölund' })).not.toContainText('Varning');

  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(second, 'utf16-le')]);
  await page.getByLabel('CSV-fil').setInputFiles({ name: 'unicode.csv', mimeType: 'text/csv', buffer: utf16 });
  await expect(page.getByText(/Filen är sparad som UTF-16 LE \(Unicode\), men importen läser UTF-8\. .*CSV UTF-8/)).toBeVisible();
});
