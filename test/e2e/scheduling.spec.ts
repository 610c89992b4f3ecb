import { test, expect, completeFirstRun } from './fixtures';
import { swedishHolidays, isoWeekday } from '../../src/shared/domain/holidays';
import { DAY_NAMES } from '../../src/renderer/features/calendar/format';
import { setSetting } from '../../src/main/services/settings';

/** The first weekday holiday 7–80 days from the test's now: the test's series meets on that weekday, so it must be skipped. */
function comingHoliday(now: Date) {
  const today = now.toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));
  const min = new Date(now.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
  const max = new Date(now.getTime() + 80 * 86_400_000).toISOString().slice(0, 10);
  return [...swedishHolidays(year), ...swedishHolidays(year + 1)].find((h) => h.date >= min && h.date <= max && isoWeekday(h.date) <= 5)!;
}

// The computer is in New York: meetings must still read 14:00 Swedish time.
test.use({ timezoneId: 'America/New_York' });

test('weekly series: holiday skipped, one meeting cancelled, attendance with quorum', async ({ page, server, openApp }) => {
  await completeFirstRun(server);
  const ref = await server.api.call('reference.get', {});
  const su = ref.units.find((u) => u.code === 'SU')!;
  await server.api.call('people.save', { name: 'Åsa Öberg', role: 'surgeon', unitId: su.id, email: 'asa.oberg@example.se' });
  await server.api.call('people.save', { name: 'Per Lind', role: 'oncologist', unitId: su.id, email: 'per.lind@example.se' });
  const holiday = comingHoliday(server.now());
  const weekdayName = DAY_NAMES.sv[isoWeekday(holiday.date) - 1];

  await openApp();
  await page.getByRole('link', { name: 'MDK-kalender' }).click();
  await page.getByRole('link', { name: 'Mötesserier' }).click();
  await page.getByRole('link', { name: 'Ny mötesserie' }).click();

  // A bad video link and an empty name are shown next to their fields, and nothing is saved.
  const form = page.getByRole('form', { name: 'Mötesserie' });
  await form.getByLabel('Videolänk').fill('http://osäker.example.se');
  await form.getByRole('button', { name: 'Spara och skapa möten' }).click();
  await expect(form.locator('.field-error', { hasText: 'Videolänken ska börja med https://.' })).toBeVisible();
  await expect(form.locator('.field-error', { hasText: 'Måste fyllas i.' })).toBeVisible();

  await form.getByLabel('Namn', { exact: true }).fill('Nationell MDK analcancer');
  await form.getByLabel('Vårdområde').selectOption({ label: 'Analcancer, kurativt syftande onkologisk behandling' });
  await form.getByLabel('Veckodag').selectOption({ label: weekdayName });
  await form.getByLabel('Starttid').fill('14:00');
  await form.getByLabel('Videolänk').fill('https://video.example.se/mdk-anal');
  await form.getByLabel('Möte på helgdag').selectOption({ label: 'Ställs in' });
  await form.getByRole('group', { name: 'Roller som måste vara med (beslutsförhet)' }).getByRole('checkbox', { name: 'Kirurg', exact: true }).check();
  await form.getByRole('group', { name: 'Roller som måste vara med (beslutsförhet)' }).getByRole('checkbox', { name: 'Onkolog', exact: true }).check();
  await form.getByRole('checkbox', { name: 'Åsa Öberg (Kirurg)' }).check();
  await form.getByRole('checkbox', { name: 'Per Lind (Onkolog)' }).check();
  await form.getByRole('button', { name: 'Spara och skapa möten' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Sparat\. \d+ möten skapade/ })).toBeVisible();

  // The coming meetings: the holiday is shown as skipped, times are Swedish whatever the computer's zone.
  await page.getByRole('link', { name: 'Till mötesserierna' }).click();
  await page.getByRole('link', { name: 'Kommande möten' }).click();
  const list = page.getByRole('table', { name: 'Kommande möten' });
  await expect(list.getByText(`Inget möte – ${holiday.nameSv}`)).toBeVisible();
  await expect(list.getByRole('cell', { name: '14:00–15:00' }).first()).toBeVisible();

  // The week view speaks Swedish with ISO week numbers.
  await page.getByRole('link', { name: 'Vecka', exact: true }).click();
  await expect(page.getByRole('heading', { name: /^Vecka \d+ \d{4}$/ })).toBeVisible();
  await expect(page.getByRole('group', { name: /^måndag / })).toBeVisible();

  // Cancel the first meeting with a reason.
  await page.getByRole('link', { name: 'Kommande möten' }).click();
  await list.getByRole('link').first().click();
  await page.getByRole('button', { name: 'Ställ in mötet' }).click();
  const cancel = page.getByRole('form', { name: 'Ställ in mötet' });
  await expect(cancel.getByText('Inga fall är anmälda till mötet.')).toBeVisible();
  await cancel.getByRole('button', { name: 'Ställ in mötet' }).click();
  await expect(cancel.locator('.field-error', { hasText: 'Måste fyllas i.' })).toBeVisible();
  await cancel.getByLabel('Anledning').fill('Ordföranden på kongress');
  await cancel.getByRole('button', { name: 'Ställ in mötet' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Mötet är inställt: Ordföranden på kongress' })).toBeVisible();

  // Back in the list the meeting is marked cancelled; open the next one and record attendance.
  await page.getByRole('link', { name: 'Till kalendern' }).click();
  await expect(list.getByText('Inställt').first()).toBeVisible();
  await list.getByRole('link').nth(1).click();
  const panel = page.getByRole('region', { name: 'Närvaro och beslutsförhet' });
  await expect(panel.getByText('Före mötet: alla obligatoriska roller är kallade (Kirurg, Onkolog).')).toBeVisible();
  await panel.getByRole('group', { name: 'Närvaro för Åsa Öberg' }).getByLabel('Närvarande').check();
  await expect(panel.getByText('Inte beslutsfört – saknas: Onkolog.')).toBeVisible();
  await panel.getByRole('group', { name: 'Närvaro för Per Lind' }).getByLabel('På distans').check();
  await expect(panel.getByText('Beslutsfört: alla obligatoriska roller är närvarande (Kirurg, Onkolog).')).toBeVisible();

  // Saved in the database: reload and the attendance is still there.
  await page.reload();
  await expect(
    page.getByRole('region', { name: 'Närvaro och beslutsförhet' }).getByRole('group', { name: 'Närvaro för Per Lind' }).getByLabel('På distans'),
  ).toBeChecked();

  // Calendar file for the meeting.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exportera kalenderfil (.ics)' }).click();
  expect((await download).suggestedFilename()).toMatch(/^nmdk-anal-\d{4}-\d{2}-\d{2}\.ics$/);
  await page.screenshot({ path: 'test-results/scheduling-meeting.png', fullPage: true });
});

test.describe('as a coordinator', () => {
  test.use({ role: 'coordinator' });

  test('move a meeting with a reason, add a participant, export the series', async ({ page, server, openApp }) => {
    // the administrator chose the workplace at first run (arranged straight in the database)
    const ref = await server.api.call('reference.get', {});
    setSetting(server.core.db, 'workplace', { unitId: ref.units.find((u) => u.code === 'SU')!.id, careAreaCodes: ['SARCOMA', 'ANAL'] });
    await openApp();
    await page.getByRole('link', { name: 'MDK-kalender' }).click();

    // a participant added in the UI
    await page.getByRole('link', { name: 'Deltagare' }).click();
    await page.getByRole('button', { name: 'Ny deltagare' }).click();
    const person = page.getByRole('form', { name: 'Deltagare' });
    await person.getByLabel('Namn').fill('Karin Ek');
    await person.getByLabel('Roll').selectOption({ label: 'Patolog' });
    await person.getByLabel('E-post').fill('karin.ek@');
    await person.getByRole('button', { name: 'Spara' }).click();
    await expect(person.locator('.field-error', { hasText: 'Ogiltig e-postadress.' })).toBeVisible();
    await person.getByLabel('E-post').fill('karin.ek@example.se');
    await person.getByRole('button', { name: 'Spara' }).click();
    await expect(page.getByRole('cell', { name: 'Karin Ek', exact: true })).toBeVisible();

    await page.getByRole('link', { name: 'Mötesserier' }).click();
    await page.getByRole('link', { name: 'Ny mötesserie' }).click();
    const form = page.getByRole('form', { name: 'Mötesserie' });
    await form.getByLabel('Namn', { exact: true }).fill('Nationell MDK sarkom');
    await form.getByLabel('Vårdområde').selectOption({ label: 'Sarkom, avancerad diagnostik och behandling' });
    await form.getByLabel('Hur ofta').selectOption({ label: 'Varje månad' });
    await form.getByRole('button', { name: 'Spara och skapa möten' }).click();
    await expect(form.locator('.field-error', { hasText: 'Välj vilken veckodag i månaden.' })).toBeVisible();
    await form.getByLabel('Vilken i månaden').selectOption({ label: 'Andra' });
    await form.getByLabel('Veckodag').selectOption({ label: 'tisdag' });
    await form.getByRole('button', { name: 'Spara och skapa möten' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Sparat\. 1[3-4] möten skapade/ })).toBeVisible();

    // series export: a calendar file for the whole series
    await page.getByRole('link', { name: 'Till mötesserierna' }).click();
    const seriesDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exportera kalenderfil' }).click();
    expect((await seriesDownload).suggestedFilename()).toMatch(/^nmdk-sarcoma-.*\.ics$/);

    // move the first meeting
    await page.getByRole('link', { name: 'Kommande möten' }).click();
    await page.getByRole('table', { name: 'Kommande möten' }).getByRole('link').first().click();
    await page.getByRole('button', { name: 'Flytta mötet' }).click();
    const move = page.getByRole('form', { name: 'Flytta mötet' });
    await move.getByLabel('Ny starttid').fill('09:30');
    await move.getByRole('button', { name: 'Flytta mötet' }).click();
    await expect(move.locator('.field-error', { hasText: 'Måste fyllas i.' })).toBeVisible();
    await move.getByLabel('Anledning').fill('Krockar med sjukhusets ledningsmöte');
    await move.getByRole('button', { name: 'Flytta mötet' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Mötet är flyttat till .* kl\. 09:30\./ })).toBeVisible();
    await expect(page.getByText('Krockar med sjukhusets ledningsmöte')).toBeVisible();

    // add a participant to this one meeting; quorum text follows
    await page.getByLabel('Lägg till deltagare').selectOption({ label: 'Karin Ek (Patolog)' });
    await page.getByRole('button', { name: 'Lägg till' }).click();
    await expect(page.getByRole('region', { name: 'Närvaro och beslutsförhet' }).getByRole('group', { name: 'Närvaro för Karin Ek' })).toBeVisible();
  });
});
