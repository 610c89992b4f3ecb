import iconv from 'iconv-lite';
import { test, expect, completeFirstRun } from './fixtures';
import { stockholmToday } from '../../src/shared/domain/lead-time';

test('register a referral for a patient with a samordningsnummer, request completion, then complete it', async ({ page, server, openApp }) => {
  await completeFirstRun(server);
  await openApp();
  await page.getByRole('link', { name: 'Anmälningar' }).click();
  await page.getByRole('link', { name: 'Ny anmälan' }).click();

  // A wrong check digit is named next to the field as soon as the user leaves it.
  const id = page.getByLabel('Person- eller samordningsnummer', { exact: true });
  await id.fill('701063-2392');
  await id.blur();
  await expect(page.getByText('Kontrollsiffran stämmer inte.')).toBeVisible();
  await id.fill('701063-2391');
  await id.blur();
  await expect(page.getByText(/Samordningsnummer, född 1970-10-03, man/)).toBeVisible();
  await page.getByLabel('Efternamn').fill('Åkesson');
  await page.getByLabel('Förnamn').fill('Örjan');

  await page.getByLabel('Vårdområde').selectOption({ label: 'Analcancer, kurativt syftande onkologisk behandling' });
  // The referring unit is not in the reference data yet: added on the spot.
  await page.getByRole('button', { name: 'Lägg till ny enhet' }).click();
  await page.getByLabel('Namn', { exact: true }).fill('Kirurgkliniken, Ljungby lasarett');
  await page.getByLabel('Region', { exact: true }).selectOption({ label: 'Region Kronoberg' });
  await page.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(page.getByLabel('Remitterande enhet')).toHaveValue(/\d+/);
  await expect(page.getByLabel('Remitterande enhet').locator('option:checked')).toHaveText('Kirurgkliniken, Ljungby lasarett');

  await page.getByLabel('Remitterande läkare').fill('Dr Anna Berg');
  await page.getByLabel('Telefon till remittent').fill('0372-58 50 00');
  await page.getByLabel('Datum för välgrundad misstanke').fill('2026-10-20');
  await page.getByLabel('Diagnos (ICD-10)').fill('c21.1');
  await page.getByLabel('Diagnosgrund (PAD-verifierad eller klinisk)').selectOption({ label: 'PAD-verifierad' });
  await page.getByLabel('Anamnes').fill('Blödning sedan två månader. MR bäcken: T3N1.');
  await page.getByLabel('Funktionsstatus (WHO/ECOG 0–4)').selectOption('1');
  await page.getByLabel('Tillgängliga bilder').selectOption({ label: 'Ja' });
  await page.getByLabel('Om patienten är informerad').selectOption({ label: 'Ja' });
  // The question to the conference is left out: the referral is incomplete.
  await page.getByRole('button', { name: 'Registrera anmälan' }).click();

  await expect(page.getByRole('heading', { name: 'Åkesson, Örjan' })).toBeVisible();
  await expect(page.getByText('Samordningsnummer 19701063-2391')).toBeVisible();
  await expect(page.getByTestId('referral-status')).toHaveText('Mottagen');
  await expect(page.locator('.missing-list')).toHaveText('Frågeställning till konferensen');

  await page.getByRole('button', { name: 'Begär komplettering' }).click();
  await expect(page.getByTestId('referral-status')).toHaveText('Väntar på komplettering');
  const request = page.getByRole('region', { name: 'Begäran om komplettering' });
  await expect(request).toContainText('Till: Kirurgkliniken, Ljungby lasarett, Dr Anna Berg');
  await expect(request).toContainText('– Frågeställning till konferensen');
  await expect(request).toContainText('Patient: Örjan Åkesson, 19701063-2391');

  await page.getByRole('link', { name: 'Ändra' }).click();
  await page.getByLabel('Frågeställning till konferensen').fill('Kurativt syftande radiokemoterapi?');
  await page.getByRole('button', { name: 'Spara ändringar' }).click();
  await expect(page.getByText('Alla uppgifter som vårdområdet kräver finns.')).toBeVisible();
  await page.getByRole('button', { name: 'Markera som komplett' }).click();
  await expect(page.getByTestId('referral-status')).toHaveText('Komplett');
  await expect(page.getByRole('cell', { name: 'Väntar på komplettering → Komplett' })).toBeVisible();

  // In the inbox, found by any part of the identifier.
  await page.getByRole('link', { name: 'Till inkorgen' }).click();
  await page.getByRole('searchbox', { name: 'Sök namn eller personnummer' }).fill('1063-23');
  await expect(page.getByRole('row').filter({ hasText: 'Åkesson, Örjan' })).toContainText('Komplett');
  await page.getByRole('searchbox', { name: 'Sök namn eller personnummer' }).fill('nobody');
  await expect(page.getByText('Inga anmälningar matchar.')).toBeVisible();
});

test('a second open referral for the same patient and care area is flagged before it is saved', async ({ page, server, openApp }) => {
  await completeFirstRun(server);
  const ref = await server.api.call('reference.get', {});
  const unitId = ref.units.find((u) => u.code === 'HELSINGBORG')!.id;
  await server.api.call('referrals.create', {
    patient: { identifier: '19121212-1212', familyName: 'Tolvansson', givenName: 'Tolvan' },
    referral: { careAreaCode: 'ANAL', referringUnitId: unitId, receivedDate: stockholmToday(server.now()) },
  });
  await openApp();
  await page.getByRole('link', { name: 'Anmälningar' }).click();
  await page.getByRole('link', { name: 'Ny anmälan' }).click();
  await page.getByLabel('Person- eller samordningsnummer', { exact: true }).fill('121212+1212');
  await page.keyboard.press('Tab');
  await page.getByLabel('Vårdområde').selectOption({ label: 'Analcancer, kurativt syftande onkologisk behandling' });
  await expect(page.getByText('Befintlig patient: Tolvan Tolvansson.', { exact: false })).toBeVisible();
  await expect(page.getByLabel('Efternamn')).toHaveValue('Tolvansson');
  await expect(page.getByText(/redan en öppen anmälan för detta vårdområde/)).toBeVisible();
  await page.getByLabel('Remitterande enhet').selectOption({ label: 'Helsingborgs lasarett (Helsingborg)' });
  await page.getByRole('button', { name: 'Registrera anmälan' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Bekräfta om en till ska registreras' })).toBeVisible();
  expect((await server.api.call('referrals.list', {})).total).toBe(1);
});

test('import a semicolon-separated Windows-1252 file: the bad row is rejected with its reason, the rest go in once', async ({ page, server, openApp }) => {
  await completeFirstRun(server);
  const csv = [
    'personnummer;efternamn;förnamn;vårdområde;remitterande_enhet;mottagen;välgrundad_misstanke;frågeställning;icd10',
    '19121212-1212;Åström;Märta;ANAL;HELSINGBORG;2026-11-02;2026-10-20;Kurativ behandling?;C21.1',
    '19121212-1213;Fel;Kontroll;ANAL;HELSINGBORG;2026-11-02;;;',
    '811228-9874;Ölund;Per;SARCOMA;KS;2026-11-03;;Resektabel?;C49',
  ].join('\r\n');
  const file = { name: 'remisser.csv', mimeType: 'text/csv', buffer: iconv.encode(csv, 'win1252') };

  await openApp();
  await page.getByRole('link', { name: 'Anmälningar' }).click();
  await page.getByRole('link', { name: 'Importera från fil' }).click();
  await page.getByLabel('CSV-fil').setInputFiles(file);
  await expect(page.getByText('3 rader: 2 giltiga, 1 avvisad, 0 redan importerade.')).toBeVisible();
  const bad = page.getByRole('row').filter({ hasText: 'Kontroll Fel' });
  await expect(bad.getByRole('cell').first()).toHaveText('3');
  await expect(bad).toContainText('Avvisad');
  await expect(bad).toContainText('personnummer: Kontrollsiffran stämmer inte.');
  await expect(page.getByRole('row').filter({ hasText: 'Märta Åström' })).toContainText('Giltig');
  expect((await server.api.call('referrals.list', {})).total).toBe(0);

  await page.getByRole('button', { name: 'Importera 2 giltiga anmälningar' }).click();
  await expect(page.getByText('2 anmälningar importerades.')).toBeVisible();
  expect((await server.api.call('referrals.list', {})).total).toBe(2);

  // The same file again adds nothing.
  await page.getByLabel('CSV-fil').setInputFiles(file);
  await expect(page.getByText('3 rader: 0 giltiga, 1 avvisad, 2 redan importerade.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Importera 0 giltiga anmälningar' })).toBeDisabled();

  // A file that is not CSV at all gets a clear message.
  await page.getByLabel('CSV-fil').setInputFiles({ name: 'remiss.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%âãÏÓ\n') });
  await expect(page.getByText(/Filen är inte en CSV-fil med anmälningar/)).toBeVisible();
  expect((await server.api.call('referrals.list', {})).total).toBe(2);
});

test('settings: the lead-time target of a care area is refused out of range in Swedish, then saved', async ({ page, server, openApp }) => {
  await completeFirstRun(server);
  await openApp();
  await page.getByRole('link', { name: 'Inställningar' }).click();
  await page.getByRole('link', { name: 'Anmälningsregler' }).click();
  await page.getByLabel('Vårdområde').selectOption({ label: 'Analcancer, kurativt syftande onkologisk behandling' });
  const target = page.getByLabel('Ledtidsmål (dagar)');
  await target.fill('');
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.locator('.field-error', { hasText: 'Målet anges i dagar, 1–365.' })).toBeVisible();
  await target.fill('40');
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('status')).toHaveText('Reglerna för Analcancer, kurativt syftande onkologisk behandling sparades.');
  expect(server.core.db.prepare("SELECT lead_time_target_days FROM care_area WHERE code = 'ANAL'").pluck().get()).toBe(40);
});
