import { readFileSync } from 'node:fs';
import { test, expect, type AppServer } from './fixtures';
import { setWorkplace } from '../../src/main/services/system/workplace';
import { unitIdByCode } from '../factories';
import { arrangeDischarge, validateFhirR4 } from '../care-plans/arrange';
import { pdfText } from '../pdf-text';
import { zipEntries } from '../zip-entries';
import { TEST_USER_NAMES } from '../sign-in';

// A coordinator does the work; the administrator's first-run choice is arranged in the database.
test.use({ role: 'coordinator' });

function completeFirstRun(server: AppServer) {
  setWorkplace(server.core.db, { unitId: unitIdByCode(server.core.db, 'SU'), careAreaCodes: ['ILP', 'ANAL', 'SARCOMA'] });
}

test('care plan: from template, edit, finalise, handover confirmed, PDF and FHIR exported, batch export', async ({ page, server, openApp }) => {
  // A long walk (finalising now asks first): on a loaded machine it needs more than the default.
  test.slow();
  await completeFirstRun(server);
  const { referralId } = arrangeDischarge(server.core.db);
  const today = server.now().toISOString().slice(0, 10);
  await openApp();
  await page.getByRole('link', { name: 'Vårdplaner' }).click();

  // Worklist: discharged or due without a finalised plan → create from the care area's template.
  const missing = page.getByRole('region', { name: 'Utskrivna eller snart utskrivna utan fastställd vårdplan' });
  await expect(missing.getByRole('cell', { name: 'Märta Åström', exact: true })).toBeVisible();
  await missing.getByRole('button', { name: 'Skapa vårdplan från mall: Märta Åström' }).click();
  await expect(page.getByRole('heading', { name: 'Vårdplan för Märta Åström' })).toBeVisible();
  await expect(page.getByText('Telefon 031-342 10 00 · Vardagar 8–16 · Blå stråket 5, 413 45 Göteborg')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Uppföljning 2' }).getByLabel('Vad', { exact: true })).toHaveValue('Återbesök med läkarundersökning');

  // Finalising before the patient can reach the unit names each missing item and where to fill it in, beside it.
  await page.getByRole('button', { name: 'Fastställ' }).click();
  await page.getByRole('dialog', { name: 'Fastställa vårdplanen?' }).getByRole('button', { name: 'Fastställ vårdplanen' }).click();
  await expect(page.getByRole('alert').getByText('Vårdplanen kan inte fastställas förrän patienten kan nå er. Fyll i det som saknas:')).toBeVisible();
  await expect(
    page
      .locator('.field-invalid', { hasText: 'Kontaktsjuksköterska' })
      .getByText('Kontaktsjuksköterskans namn saknas – fyll i det i vårdplanen under Kontaktuppgifter.'),
  ).toBeVisible();
  await expect(
    page.locator('.field-invalid').getByText('Kontaktsjuksköterskans direktnummer saknas – fyll i det i vårdplanen under Kontaktuppgifter.'),
  ).toBeVisible();
  // The diagnosis the patient will read: the code with its ICD-10-SE text, and a plain sentence.
  await expect(page.getByLabel('Text enligt ICD-10-SE')).toContainText('C21.1 Malign tumör i analkanalen');
  await page.getByLabel('Förklaring i vardagligt språk (valfri)').fill('En tumör i ändtarmsöppningen som har behandlats med strålning och cellgifter.');

  // Edit sections and the follow-up schedule.
  await page.getByLabel('Kontaktsjuksköterska', { exact: true }).fill('Karin Öberg');
  await page.getByLabel('Kontaktsjuksköterskans telefon').fill('031-342 20 00');
  await page.getByLabel('Ansvarig läkare').fill('Dr Åke Ström');
  await page.getByLabel('Sammanfattning av given behandling').fill('Radiokemoterapi 5 veckor, avslutad utan komplikationer.');
  await page.getByRole('button', { name: 'Lägg till uppföljning' }).click();
  const third = page.getByRole('group', { name: 'Uppföljning 3' });
  await third.getByLabel('När anges som').selectOption({ label: 'Datum' });
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(third.locator('.field-error', { hasText: 'Måste fyllas i.' }).first()).toBeVisible();
  await third.getByLabel('Vad', { exact: true }).fill('MR bäcken');
  await third.getByLabel('Datum', { exact: true }).fill('2027-05-20');
  await third.getByLabel('Var', { exact: true }).selectOption({ label: 'Hemregionen' });
  await third.getByLabel('Enhet (valfri)').selectOption({ label: 'Helsingborgs lasarett' });
  await third.getByLabel('Ansvarig', { exact: true }).fill('Röntgen, Helsingborgs lasarett');
  await page.getByLabel('Egenvårdsråd').fill('Sittbad med ljummet vatten två gånger om dagen.');
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(page.getByRole('status').getByText('Sparat')).toBeVisible();

  await page.getByRole('button', { name: 'Fastställ' }).click();
  await page.getByRole('dialog', { name: 'Fastställa vårdplanen?' }).getByRole('button', { name: 'Fastställ vårdplanen' }).click();
  await expect(page.getByText('Vårdplanen är fastställd.')).toBeVisible();
  await expect(page.getByLabel('Kontaktsjuksköterska', { exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Ny version' })).toBeVisible();

  // Active handover: pending until the confirmation is recorded; the national unit stays responsible.
  const handover = page.getByRole('region', { name: 'Aktiv överlämning' });
  await handover.getByLabel('Mottagande enhet').selectOption({ label: 'Helsingborgs lasarett' });
  await handover.getByRole('button', { name: 'Registrera överlämning' }).click();
  await expect(handover.locator('.field-error', { hasText: 'Måste fyllas i.' })).toBeVisible();
  await handover.getByLabel('Mottagande kontaktsjuksköterska').fill('Eva Lind');
  await handover.getByRole('button', { name: 'Registrera överlämning' }).click();
  await expect(handover.getByText(/Den nationella enheten har ansvaret tills bekräftelsen är registrerad/)).toBeVisible();

  await page.getByRole('link', { name: '← Alla vårdplaner' }).click();
  const pending = page.getByRole('region', { name: 'Överlämningar som väntar på bekräftelse' });
  await expect(pending.getByRole('row', { name: /Märta Åström.*Helsingborgs lasarett.*Nationella enheten ansvarar/ })).toBeVisible();
  await expect(missing.getByText('Alla utskrivna patienter har en fastställd vårdplan.')).toBeVisible();
  await pending.getByRole('link', { name: 'Märta Åström' }).click();

  await handover.getByLabel('Bekräftat av').fill('Eva Lind');
  await handover.getByRole('button', { name: 'Registrera bekräftelse' }).click();
  await expect(handover.getByText(`Bekräftad ${today} av Eva Lind. Helsingborgs lasarett har nu ansvaret.`)).toBeVisible();

  // Export: the patient's PDF and the FHIR bundle, read back with independent tools.
  const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner PDF' }).click()]);
  const pdf = await pdfText(readFileSync(await pdfDownload.path()));
  expect(pdf.pages[0]).toContain('Min vårdplan');
  expect(pdf.pages[0]).toContain('Telefon: 031-342 10 00');
  expect(pdf.pages[0]).toContain('Karin Öberg');
  const flat = pdf.text.replace(/\s+/g, ' ');
  expect(flat).toContain('Din diagnos C21.1 Malign tumör i analkanalen');
  expect(flat).toContain('En tumör i ändtarmsöppningen som har behandlats med strålning och cellgifter.');
  expect(flat).not.toContain('Analcancer, kurativt syftande');
  expect(pdf.text).toContain('MR bäcken');
  expect(pdf.text).toContain('20 maj 2027');
  expect(pdf.text).toContain('Sittbad med ljummet vatten');
  expect(pdf.text).toContain('ansvarar Helsingborgs lasarett för din vård');
  const [fhirDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner FHIR (JSON)' }).click()]);
  const bundle = JSON.parse(readFileSync(await fhirDownload.path(), 'utf8'));
  const validation = await validateFhirR4(bundle);
  // Only a warning is allowed: the validator carries no ICD-10 code system to look C21.1 up in.
  expect(validation.messages.filter((m) => m.severity !== 'warning')).toEqual([]);
  expect(validation.valid).toBe(true);
  expect(bundle.entry[0].resource.activity.map((a: { detail: { description: string } }) => a.detail.description)).toContain('MR bäcken');

  // Batch export of the period: in a browser there is no folder dialog, so the files come as one
  // download, told first that they leave the app's protection; the access log has them before the bytes leave.
  await page.getByRole('link', { name: '← Alla vårdplaner' }).click();
  const batch = page.getByRole('form', { name: 'Batchexport' });
  await expect(batch.getByText('En exporterad fil skyddas inte längre av programmet')).toBeVisible();
  await expect(batch.getByLabel('Mapp att skriva till')).toHaveCount(0);
  await batch.getByLabel('Fastställda från').fill(today);
  await batch.getByLabel('Till och med').fill(today);
  const exportLogged = () =>
    server.core.db.prepare("SELECT count(*) FROM access_log WHERE method = 'carePlans.batchExport' AND action = 'export'").pluck().get();
  expect(exportLogged()).toBe(0);
  const [zipDownload] = await Promise.all([page.waitForEvent('download'), batch.getByRole('button', { name: 'Starta export' }).click()]);
  expect(exportLogged()).toBe(1);
  expect(zipDownload.suggestedFilename()).toBe(`vardplaner-${today}-${today}.zip`);
  const entries = zipEntries(readFileSync((await zipDownload.path())!));
  expect([...entries.keys()].sort()).toEqual([`vardplan-${referralId}-v1.fhir.json`, `vardplan-${referralId}-v1.pdf`]);
  expect((await pdfText(entries.get(`vardplan-${referralId}-v1.pdf`)!)).text).toContain('MR bäcken');
  await expect(batch.getByText('1 vårdplan, 2 filer nedladdade.')).toBeVisible();

  const row = server.core.db.prepare('SELECT status, finalised_by FROM care_plan WHERE referral_id = ?').get(referralId);
  expect(row).toEqual({ status: 'finalised', finalised_by: TEST_USER_NAMES.coordinator }); // the signed-in user
  expect(server.core.db.prepare('SELECT status, confirmed_by FROM care_plan_handover').get()).toEqual({ status: 'confirmed', confirmed_by: 'Eva Lind' });
});

test('templates: a care area template edited in settings fills the next new care plan', async ({ page, server, openApp }) => {
  await completeFirstRun(server);
  arrangeDischarge(server.core.db);
  await openApp();
  await page.getByRole('link', { name: 'Inställningar' }).click();
  await page.getByRole('link', { name: 'Vårdplansmallar' }).click();
  await page.getByLabel('Vårdområde').selectOption({ label: 'Analcancer, kurativt syftande onkologisk behandling' });
  await page.getByLabel('Egenvårdsråd').fill('Undvik bad i bassäng de första fyra veckorna.');
  await page.getByRole('group', { name: 'Uppföljning 1' }).getByLabel('Antal').fill('');
  await page.getByRole('button', { name: 'Spara mall' }).click();
  await expect(page.locator('.field-error', { hasText: 'Ange både antal och enhet.' })).toBeVisible();
  await page.getByRole('group', { name: 'Uppföljning 1' }).getByLabel('Antal').fill('10');
  await page.getByRole('group', { name: 'Uppföljning 1' }).getByLabel('Enhet', { exact: true }).selectOption({ label: 'dagar' });
  await page.getByRole('button', { name: 'Spara mall' }).click();
  await expect(page.getByText('Mallen är sparad.')).toBeVisible();
  await page.getByLabel('Överlämning räknas som försenad efter (dagar)').fill('0');
  await page.getByRole('button', { name: 'Spara inställning' }).click();
  await expect(page.locator('.field-error', { hasText: 'För litet (minst 1).' })).toBeVisible();

  await page.getByRole('link', { name: 'Vårdplaner' }).click();
  await page.getByRole('button', { name: 'Skapa vårdplan från mall: Märta Åström' }).click();
  await expect(page.getByLabel('Egenvårdsråd')).toHaveValue('Undvik bad i bassäng de första fyra veckorna.');
  await expect(page.getByRole('group', { name: 'Uppföljning 1' }).getByLabel('Antal')).toHaveValue('10');
});

test('new version: the finalised plan stays read-only history, the new one supersedes it when finalised', async ({ page, server, openApp }) => {
  completeFirstRun(server);
  const { referralId } = arrangeDischarge(server.core.db);
  const { id } = await server.api.call('carePlans.create', { referralId });
  const plan = await server.api.call('carePlans.get', { id });
  await server.api.call('carePlans.save', { ...plan, contactNurse: 'Karin Öberg', contactNursePhone: '031-342 20 00', responsiblePhysician: 'Dr Åke Ström' });
  await server.api.call('carePlans.finalise', { id });

  await openApp();
  await page.getByRole('link', { name: 'Vårdplaner' }).click();
  await page.getByRole('link', { name: 'Öppna: Märta Åström' }).click();
  await expect(page.getByLabel('Ansvarig läkare')).toBeDisabled();
  await page.getByRole('button', { name: 'Ny version' }).click();
  await expect(page.getByText('Utkast', { exact: true })).toBeVisible();
  await expect(page.getByText('Version 2').first()).toBeVisible();
  await page.getByLabel('Ansvarig läkare').fill('Dr Lisa Berg');
  await page.getByRole('button', { name: 'Fastställ' }).click();
  await page.getByRole('dialog', { name: 'Fastställa vårdplanen?' }).getByRole('button', { name: 'Fastställ vårdplanen' }).click();
  await expect(page.getByText('Vårdplanen är fastställd.')).toBeVisible();
  const history = page.getByRole('region', { name: 'Versioner' });
  await expect(history.getByRole('listitem').filter({ hasText: 'Version 1' })).toContainText('Ersatt');
  await history.getByRole('link', { name: 'Version 1' }).click();
  await expect(page.getByLabel('Ansvarig läkare')).toHaveValue('Dr Åke Ström');
  await expect(page.getByRole('button', { name: 'Ny version' })).toHaveCount(0);
});
