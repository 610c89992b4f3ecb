import { readFileSync } from 'node:fs';
import { test, expect, type AppServer } from './fixtures';
import { insertMeeting, insertPatient, insertReferral, unitIdByCode } from '../factories';
import { setWorkplace } from '../../src/main/services/system/workplace';
import { pdfText } from '../pdf-text';

/** Two meetings of the anal-cancer conference and three complete referrals (other features' rows). */
function arrange(server: AppServer) {
  const db = server.core.db;
  // The first run is an administrator's step; the physician arrives at a set-up workplace.
  setWorkplace(db, { unitId: unitIdByCode(db, 'SU'), careAreaCodes: ['ILP', 'ANAL', 'SARCOMA'] });
  db.prepare("UPDATE care_area SET treatment_options = ? WHERE code = 'ANAL'").run(JSON.stringify(['Radiokemoterapi', 'Kirurgi', 'Brachyterapi']));
  const first = insertMeeting(db, {
    localDate: '2027-01-15',
    startsAt: '2027-01-15T07:00:00.000Z',
    deadlineAt: '2027-01-11T15:00:00.000Z',
    capacityCases: 5,
    minutesPerCase: 10,
  });
  const second = insertMeeting(db, {
    localDate: '2027-01-22',
    startsAt: '2027-01-22T07:00:00.000Z',
    deadlineAt: '2027-01-18T15:00:00.000Z',
    capacityCases: 5,
    minutesPerCase: 10,
  });
  const ref = (familyName: string, r: { priority?: 'urgent' | 'normal'; receivedDate: string; suspicionDate: string | null }) =>
    insertReferral(db, { patientId: insertPatient(db, { familyName, givenName: 'Åsa' }), ...r });
  const ids = {
    andersson: ref('Andersson', { receivedDate: '2027-01-05', suspicionDate: null }),
    bjork: ref('Björk', { receivedDate: '2027-01-08', priority: 'urgent', suspicionDate: null }),
    cederlund: ref('Cederlund', { receivedDate: '2027-01-07', suspicionDate: '2026-12-01' }),
  };
  return { first, second, ids };
}

const status = (server: AppServer, id: number) => server.core.db.prepare('SELECT status FROM referral WHERE id = ?').pluck().get(id);

// The morning of the first meeting, once it has begun (08:00 in Stockholm): recommendations may be recorded.
test.use({ role: 'physician', now: '2027-01-15T07:30:00.000Z' });

test('build, reorder and lock the list, run the meeting, finalise, and find the postponed case on the next list', async ({ page, server, openApp }) => {
  // The longest walk of the suite (lock now asks first): on a loaded machine it needs more than the default.
  test.slow();
  const { ids } = arrange(server);
  await openApp();
  await page.getByRole('link', { name: 'Falllistor' }).click();
  await page.getByRole('link', { name: /Öppna falllistan 2027-01-15/ }).click();
  await expect(page.getByRole('heading', { name: 'Falllista 2027-01-15' })).toBeVisible();

  // The proposal: urgent first, then the lead-time pressure (suspicion 2026-12-01), then date received.
  await page.getByRole('button', { name: 'Lägg till alla som ryms (3)' }).click();
  const rows = page.getByRole('listitem', { name: /^Fall \d$/ });
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('Björk, Åsa');
  await expect(rows.nth(1)).toContainText('Cederlund, Åsa');
  await expect(rows.nth(2)).toContainText('Andersson, Åsa');

  // Reorder by keyboard-usable buttons; the planned times follow.
  await page.getByRole('button', { name: 'Flytta ned: Fall 1' }).click();
  await expect(rows.nth(0)).toContainText('Cederlund, Åsa');
  await expect(rows.nth(1)).toContainText('Björk, Åsa');
  await expect(rows.nth(1)).toContainText('08:10');
  // A bad minute count is refused with a Swedish message and nothing changes.
  await page.getByRole('spinbutton', { name: 'Minuter för fall 3' }).fill('0');
  await page.getByRole('spinbutton', { name: 'Minuter för fall 3' }).press('Enter');
  await expect(page.getByText('Minuter måste vara mellan 1 och 120.')).toBeVisible();

  // The agenda PDF says it in Swedish.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Agenda (PDF)' }).click()]);
  const agenda = await pdfText(readFileSync((await download.path())!));
  expect(agenda.text).toContain('Falllista – nationell MDK');
  expect(agenda.text).toContain('Fall 1');
  expect(agenda.text).toContain('Cederlund, Åsa');
  expect(agenda.text).toContain('Frågeställning: Ställningstagande till kurativt syftande radiokemoterapi?');

  await page.getByRole('button', { name: 'Lås listan' }).click();
  await page.getByRole('dialog', { name: 'Lås listan?' }).getByRole('button', { name: 'Lås bara' }).click();
  await expect(page.getByText(/Listan låstes/)).toBeVisible();
  expect(status(server, ids.bjork)).toBe('listed');

  // The meeting, one case at a time.
  await page.getByRole('link', { name: 'Genomför mötet' }).click();
  await expect(page.getByRole('heading', { name: /Cederlund, Åsa/ })).toBeVisible();
  await page.getByRole('button', { name: 'Spara rekommendation' }).click();
  await expect(page.locator('.field-error', { hasText: 'Välj behandlingsavsikt.' })).toBeVisible();
  await page.getByRole('radio', { name: 'Kurativ' }).check();
  await page.getByRole('checkbox', { name: 'Radiokemoterapi' }).check();
  await page.getByLabel('Behandlas vid').fill('Skånes universitetssjukhus, Lund');
  await page.getByLabel('Nästa steg').fill('Kallas till onkologisk bedömning inom en vecka');
  await page.getByRole('button', { name: 'Spara rekommendation' }).click();
  await expect(page.getByText('Rekommendationen är sparad.')).toBeVisible();
  expect(status(server, ids.cederlund)).toBe('discussed');

  await page.getByRole('button', { name: 'Nästa fall' }).click();
  await expect(page.getByRole('heading', { name: /Björk, Åsa/ })).toBeVisible();
  await page.getByRole('button', { name: 'Bordlägg till nästa möte' }).click();
  await page.getByRole('dialog', { name: 'Bordlägga fallet?' }).getByRole('button', { name: 'Bordlägg till nästa möte' }).click();
  await expect(page.getByText('Bordlagt till mötet 2027-01-22.')).toBeVisible();

  // The chair finalises; Andersson, not reached, rolls over too.
  await page.getByRole('button', { name: 'Fastställ mötet' }).click();
  await page.getByRole('button', { name: 'Ja, fastställ mötet' }).click();
  await expect(page.getByText(/Mötet fastställdes/)).toBeVisible();

  // Read-only now: an amendment needs a reason and keeps the earlier version.
  await page.getByRole('button', { name: /^Fall 1/ }).click();
  await page.getByRole('button', { name: 'Ändra rekommendation' }).click();
  await page.getByRole('radio', { name: 'Palliativ' }).check();
  await page.getByRole('button', { name: 'Spara ändringen' }).click();
  await expect(page.locator('.field-error', { hasText: 'Måste fyllas i.' })).toBeVisible();
  await page.getByLabel('Skäl till ändringen').fill('PET-DT efter mötet visade fjärrmetastas');
  await page.getByRole('button', { name: 'Spara ändringen' }).click();
  await expect(page.getByText('Ändrad: PET-DT efter mötet visade fjärrmetastas')).toBeVisible();
  await expect(page.getByText('Tidigare versioner')).toBeVisible();

  // All replies in one step; in a browser (no folder dialog) as a download, logged before it leaves.
  const [replyDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner alla MDK-svar' }).click()]);
  expect(server.core.db.prepare("SELECT count(*) FROM access_log WHERE method = 'caseLists.exportReplies' AND action = 'export'").pluck().get()).toBe(1);
  await expect(page.getByText('1 MDK-svar nedladdat.')).toBeVisible();
  expect(replyDownload.suggestedFilename()).toMatch(/^mdk-svar-.*\.pdf$/);
  const reply = await pdfText(readFileSync((await replyDownload.path())!));
  expect(reply.text).toContain('MDK-svar');
  expect(reply.text).toContain('Cederlund, Åsa');
  expect(reply.text).toContain('Behandlingsavsikt: Palliativ');
  expect(reply.text).toContain('PET-DT efter mötet visade fjärrmetastas');
  expect(reply.text).toContain('Rekommenderad behandling: Radiokemoterapi');

  // The next meeting's list holds the postponed case, urgent first.
  await page.getByRole('link', { name: 'Till falllistan' }).click();
  await page.getByRole('link', { name: 'Alla möten' }).click();
  await page.getByRole('link', { name: /Öppna falllistan 2027-01-22/ }).click();
  await expect(page.getByRole('heading', { name: 'Falllista 2027-01-22' })).toBeVisible();
  await expect(rows.nth(0)).toContainText('Björk, Åsa');
  await expect(rows.nth(0)).toContainText('Bordlagd 2027-01-15');
  await expect(rows.nth(1)).toContainText('Andersson, Åsa');
  expect(status(server, ids.bjork)).toBe('complete');
});

test('a physician sees attendance and quorum on the list but leaves recording them to the nurse', async ({ page, server, openApp }) => {
  const { first } = arrange(server);
  const db = server.core.db;
  const person = Number(db.prepare("INSERT INTO person (name, role, created_at) VALUES ('Karin Kirurg', 'surgeon', 'x')").run().lastInsertRowid);
  db.prepare("INSERT INTO meeting_participant (meeting_id, person_id, role) VALUES (?, ?, 'surgeon')").run(first, person);
  await openApp();
  await page.getByRole('link', { name: 'Falllistor' }).click();
  await page.getByRole('link', { name: /Öppna falllistan 2027-01-15/ }).click();
  const attendance = page.getByRole('group', { name: /Karin Kirurg/ });
  await expect(attendance).toBeVisible();
  await expect(attendance.getByRole('radio').first()).toBeDisabled();
});

test.describe('as a coordinator', () => {
  test.use({ role: 'coordinator' });

  test('edits the treatment options, adds a late case by hand, unlocks only with a reason, and may not finalise', async ({ page, server, openApp }) => {
    const { first, ids } = arrange(server);
    const late = insertReferral(server.core.db, {
      patientId: insertPatient(server.core.db, { familyName: 'Ek', givenName: 'Åsa' }),
      receivedDate: '2027-01-13',
    });
    await openApp();
    await page.getByRole('link', { name: 'Inställningar' }).click();
    await page.getByRole('link', { name: 'Behandlingsalternativ' }).click();
    await page.getByLabel('Vårdområde').selectOption({ label: 'Analcancer, kurativt syftande onkologisk behandling' });
    await page.getByLabel('Behandlingsalternativ (en per rad)').fill('Radiokemoterapi\nKirurgi\nPalliativ strålbehandling');
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect(page.getByText('Sparat')).toBeVisible();
    expect(JSON.parse(server.core.db.prepare("SELECT treatment_options FROM care_area WHERE code = 'ANAL'").pluck().get() as string)).toEqual([
      'Radiokemoterapi',
      'Kirurgi',
      'Palliativ strålbehandling',
    ]);

    await page.getByRole('link', { name: 'Falllistor' }).click();
    await page.getByRole('link', { name: /Öppna falllistan 2027-01-15/ }).click();
    await expect(page.getByRole('heading', { name: 'Anmälda efter sista anmälningsdag' })).toBeVisible();
    await page.getByRole('button', { name: 'Lägg till Ek, Åsa' }).click();
    await page.getByRole('button', { name: 'Lägg till Björk, Åsa' }).click();
    const rows = page.getByRole('listitem', { name: /^Fall \d$/ });
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText('Ek, Åsa');
    await expect(rows.nth(0)).toContainText('Tillagd för hand');

    // Drag by keyboard (dnd-kit): space picks the case up, arrow up moves it, space drops it.
    const handle = page.getByRole('button', { name: 'Dra för att flytta fall 2' });
    await handle.focus();
    // dnd-kit measures between key presses (animation frames), as a person's keystrokes would allow.
    await page.keyboard.press('Space');
    await page.waitForTimeout(300);
    await page.keyboard.press('ArrowUp');
    await page.waitForTimeout(300);
    await page.keyboard.press('Space');
    await expect(rows.nth(0)).toContainText('Björk, Åsa');
    await expect(rows.nth(1)).toContainText('Ek, Åsa');

    await page.getByRole('button', { name: 'Lås listan' }).click();
    await page.getByRole('dialog', { name: 'Lås listan?' }).getByRole('button', { name: 'Lås bara' }).click();
    await expect(page.getByRole('button', { name: 'Lås upp' })).toBeVisible();
    expect(status(server, late)).toBe('listed');
    await page.getByRole('button', { name: 'Lås upp' }).click();
    await page.getByRole('button', { name: 'Lås upp listan' }).click();
    await expect(page.locator('.field-error', { hasText: 'Måste fyllas i.' })).toBeVisible();
    await page.getByLabel('Skäl till upplåsning').fill('Akut fall tillkom efter låsning');
    await page.getByRole('button', { name: 'Lås upp listan' }).click();
    await expect(page.getByRole('button', { name: 'Lås listan' })).toBeVisible();
    expect(status(server, ids.bjork)).toBe('complete');
    expect(server.core.db.prepare('SELECT reason FROM case_list_unlock WHERE meeting_id = ?').pluck().get(first)).toBe('Akut fall tillkom efter låsning');

    await page.getByRole('button', { name: 'Lås listan' }).click();
    await page.getByRole('dialog', { name: 'Lås listan?' }).getByRole('button', { name: 'Lås bara' }).click();
    await page.getByRole('link', { name: 'Genomför mötet' }).click();
    // Only the chair finalises (the router refuses anyone else: test/service/case-lists.test.ts); the
    // coordinator sees the button disabled, with the reason beside it.
    await expect(page.getByRole('button', { name: 'Fastställ mötet' })).toBeDisabled();
    await expect(page.getByText('Bara läkare/ordförande kan fastställa mötet.')).toBeVisible();
  });
});
