/** "Markera som kompletta": many referrals at once in the inbox, and complete rows at import. */
import { test, expect, type AppServer } from './fixtures';
import { insertPatient, insertReferral, unitIdByCode } from '../factories';
import { setWorkplace } from '../../src/main/services/system/workplace';

/** The first run is an administrator's step; these users arrive at a set-up workplace. */
const arrangeWorkplace = (server: AppServer) =>
  setWorkplace(server.core.db, { unitId: unitIdByCode(server.core.db, 'SU'), careAreaCodes: ['ILP', 'ANAL', 'SARCOMA'] });

test.use({ role: 'contact_nurse' });

const status = (server: AppServer, id: number) => server.core.db.prepare('SELECT status FROM referral WHERE id = ?').pluck().get(id);

test('inbox: select referrals, mark the complete ones in one step, and see what the others lack', async ({ page, server, openApp }) => {
  arrangeWorkplace(server);
  const db = server.core.db;
  const ref = (familyName: string, status = 'received') => insertReferral(db, { status, patientId: insertPatient(db, { familyName, givenName: 'Åsa' }) });
  const ready = [ref('Alm'), ref('Berg'), ref('Carlsson')];
  const lacking = ref('Dahl');
  db.prepare('UPDATE referral SET ecog = NULL WHERE id = ?').run(lacking);
  const listed = ref('Ek', 'listed');
  const logged = () => db.prepare("SELECT count(*) FROM access_log WHERE method = 'referrals.markCompleteMany'").pluck().get();

  await openApp();
  await page.getByRole('link', { name: 'Anmälningar' }).click();
  // A listed case cannot be selected: it is past the completeness step.
  await expect(page.getByRole('checkbox', { name: 'Välj Alm, Åsa' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Välj Ek, Åsa' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Markera som kompletta (0)' })).toBeDisabled();
  await page.getByRole('checkbox', { name: 'Välj alla mottagna och kompletteringsväntande som visas' }).check();
  await page.getByRole('button', { name: 'Markera som kompletta (4)' }).click();

  const result = page.getByRole('status').filter({ hasText: 'markerades' });
  await expect(result).toContainText('3 anmälningar markerades som kompletta.');
  await expect(result).toContainText('1 anmälan markerades inte:');
  await expect(result.getByRole('link', { name: 'Åsa Dahl saknar: Funktionsstatus (WHO/ECOG 0–4)' })).toBeVisible();
  expect(ready.map((id) => status(server, id))).toEqual(['complete', 'complete', 'complete']);
  expect([status(server, lacking), status(server, listed)]).toEqual(['received', 'listed']);
  expect(logged()).toBe(4);
  // The list shows the new statuses; only the lacking one can still be selected.
  await expect(page.getByRole('row').filter({ hasText: 'Alm' })).toContainText('Komplett');
  await expect(page.getByRole('checkbox', { name: /^Välj \w+, Åsa$/ })).toHaveCount(1);
  await expect(page.getByRole('checkbox', { name: 'Välj Dahl, Åsa' })).toBeVisible();
});

test.describe('as a physician', () => {
  test.use({ role: 'physician' });
  test('a physician gets no selection column: the action is not theirs', async ({ page, server, openApp }) => {
    arrangeWorkplace(server);
    insertReferral(server.core.db, { status: 'received', patientId: insertPatient(server.core.db, { familyName: 'Alm', givenName: 'Åsa' }) });
    await openApp();
    await page.getByRole('link', { name: 'Anmälningar' }).click();
    await expect(page.getByRole('row').filter({ hasText: 'Alm' })).toBeVisible();
    await expect(page.getByRole('checkbox')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Markera som kompletta/ })).toHaveCount(0);
  });
});

test('import: the preview names the care area and which rows are complete; those arrive complete', async ({ page, server, openApp }) => {
  arrangeWorkplace(server);
  const csv = [
    'personnummer;efternamn;fornamn;vardomrade;remitterande_enhet;remitterande_lakare;telefon;mottagen;fragestallning;icd10;diagnosgrund;anamnes;ecog;bilder;patient_informerad',
    '19121212-1212;Åström;Märta;SARCOMA;HELSINGBORG;Dr Berg;042-10 00;2026-11-02;Resektabel?;C49.2;PAD;Växande resistens.;1;ja;ja',
    '811228-9874;Ölund;Per;ANAL;HELSINGBORG;Dr Berg;042-10 00;2026-11-03;;C21.1;PAD;Blödning.;1;ja;ja',
  ].join('\n');
  await openApp();
  await page.getByRole('link', { name: 'Anmälningar' }).click();
  await page.getByRole('link', { name: 'Importera från fil' }).click();
  // Our own Swedish file button, not the browser's "Choose File".
  await expect(page.getByText('Välj fil …')).toBeVisible();
  await expect(page.getByText('Ingen fil vald')).toBeVisible();
  await page.getByLabel('CSV-fil').setInputFiles({ name: 'remisser.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByText('remisser.csv', { exact: true })).toBeVisible();
  const first = page.getByRole('row').filter({ hasText: 'Märta Åström' });
  await expect(first).toContainText('Sarkom, avancerad diagnostik och behandling');
  await expect(first.getByRole('cell').nth(5)).toHaveText('Ja');
  await expect(page.getByRole('row').filter({ hasText: 'Per Ölund' })).toContainText('Saknar Frågeställning till konferensen');
  await expect(page.getByRole('checkbox', { name: 'Markera den kompletta raden som komplett vid importen (1)' })).toBeChecked();
  await page.getByRole('button', { name: 'Importera 2 giltiga anmälningar' }).click();
  await expect(page.getByText('2 anmälningar importerades. 1 av dem markerades som komplett.')).toBeVisible();
  const statuses = server.core.db.prepare('SELECT p.family_name, r.status FROM referral r JOIN patient p ON p.id = r.patient_id ORDER BY p.family_name').all();
  expect(statuses).toEqual([
    { family_name: 'Åström', status: 'complete' },
    { family_name: 'Ölund', status: 'received' },
  ]);
});
