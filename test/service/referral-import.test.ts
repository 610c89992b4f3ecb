/**
 * The import's rules that need the database and the earlier rows of the file (judged set-based, once
 * per file, since the import was made fast): patients reused by identifier, a patient named on two
 * rows, duplicates of an open referral, already imported rows, and what the commit writes besides
 * the referral (timeline, search index, access log).
 */
import { describe, expect, it } from 'vitest';
import { testCore, withWorkplace } from './helpers';
import { insertPatient, insertReferral } from '../factories';

const now = () => new Date('2026-11-23T09:00:00Z');
const header = 'personnummer;reservnummer_region;efternamn;fornamn;vardomrade;remitterande_enhet;mottagen;extern_id';
const file = (lines: string[]) => Buffer.from([header, ...lines].join('\n')).toString('base64');

async function setup() {
  const t = await testCore({ now });
  await withWorkplace(t.api);
  const count = (table: string) => t.core.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return { ...t, count };
}

const outcome = (rows: { row: number; status: string; reasonKey: string | null; reasonParams?: Record<string, string | number> }[]) =>
  rows.map((r) => [r.row, r.status, r.reasonKey, r.reasonParams ?? null]);

describe('import: patients and duplicates', () => {
  it('creates a patient named on two rows once, and refuses the same patient twice in one care area with the first row number', async () => {
    const { api, core, count } = await setup();
    const base64 = file([
      '19121212-1212;;Åström;Märta;ANAL;KS;2026-11-02;',
      '191212121212;;Åström;Märta;SARCOMA;KS;2026-11-03;',
      '121212+1212;;Åström;Märta;ANAL;KS;2026-11-04;', // + : 100 years or older, the same person
      '811228-9874;;Ölund;Per;ANAL;KS;2026-11-04;E-1',
      '811228-9874;;Ölund;Per;SARCOMA;KS;2026-11-05;E-1',
    ]);
    const preview = await api.call('referrals.importPreview', { fileName: 'a.csv', base64 });
    expect(outcome(preview.rows)).toEqual([
      [2, 'valid', null, null],
      [3, 'valid', null, null],
      [4, 'rejected', 'import.duplicateInFile', { row: 2 }],
      [5, 'valid', null, null],
      [6, 'rejected', 'import.duplicateInFile', { row: 5 }], // the same source id
    ]);
    const done = await api.call('referrals.importCommit', { fileName: 'a.csv', base64 });
    expect(done.counts).toMatchObject({ total: 5, valid: 3, rejected: 2, imported: 3 });
    expect(count('patient')).toBe(2);
    expect(count('patient_identifier')).toBe(2);
    const areas = core.db
      .prepare("SELECT r.care_area_code FROM referral r JOIN patient_identifier i ON i.patient_id = r.patient_id WHERE i.value = '191212121212' ORDER BY r.id")
      .pluck()
      .all();
    expect(areas).toEqual(['ANAL', 'SARCOMA']);
  });

  it('reuses an existing patient, refuses a second open referral in the same care area, accepts one where the earlier is closed or in another area', async () => {
    const { api, core, count } = await setup();
    const open = insertPatient(core.db, { personnummer: '191212121212', familyName: 'Finns', givenName: 'Redan' });
    insertReferral(core.db, { patientId: open, careAreaCode: 'ANAL', status: 'awaiting_completion' });
    const closed = insertPatient(core.db, { personnummer: '198112289874', familyName: 'Ölund', givenName: 'Per' });
    insertReferral(core.db, { patientId: closed, careAreaCode: 'ANAL', status: 'closed' });
    const base64 = file([
      '19121212-1212;;Annat;Namn;ANAL;KS;2026-11-02;',
      '19121212-1212;;Annat;Namn;SARCOMA;KS;2026-11-02;',
      '811228-9874;;Ölund;Per;ANAL;KS;2026-11-03;',
      '811228-9874;;Ölund;Per;ANAL;KS;2026-11-04;',
    ]);
    const preview = await api.call('referrals.importPreview', { fileName: 'b.csv', base64 });
    expect(outcome(preview.rows)).toEqual([
      [2, 'rejected', 'import.openReferralExists', null],
      [3, 'valid', null, null],
      [4, 'valid', null, null],
      [5, 'rejected', 'import.duplicateInFile', { row: 4 }],
    ]);
    await api.call('referrals.importCommit', { fileName: 'b.csv', base64 });
    expect(count('patient')).toBe(2); // both reused, names in the file ignored
    const referrals = core.db.prepare('SELECT patient_id, care_area_code, status FROM referral WHERE import_key IS NOT NULL ORDER BY id').all();
    expect(referrals).toEqual([
      { patient_id: open, care_area_code: 'SARCOMA', status: 'received' },
      { patient_id: closed, care_area_code: 'ANAL', status: 'received' },
    ]);
    expect(core.db.prepare('SELECT family_name FROM patient WHERE id = ?').pluck().get(open)).toBe('Finns');
  });

  it('reads reservnummer with their issuing region, and refuses an unknown region', async () => {
    const { api, core } = await setup();
    const base64 = file(['R123-45;01;Reserv;Rut;ILP;KS;2026-11-02;', 'R999;99;Reserv;Rut;ILP;KS;2026-11-02;']);
    const preview = await api.call('referrals.importPreview', { fileName: 'c.csv', base64 });
    expect(preview.rows.map((r) => [r.status, r.column, r.reasonKey, r.reasonParams ?? null])).toEqual([
      ['valid', null, null, null],
      ['rejected', 'reservnummer_region', 'reference.unknownRegion', { code: '99' }],
    ]);
    await api.call('referrals.importCommit', { fileName: 'c.csv', base64 });
    expect(core.db.prepare('SELECT system, value, issuer_region_code, is_temporary FROM patient_identifier').all()).toEqual([
      { system: 'reservnummer', value: 'R123-45', issuer_region_code: '01', is_temporary: 1 },
    ]);
  });

  it('refuses a referral to an inactive care area', async () => {
    const { api, core } = await setup();
    core.db.prepare("UPDATE care_area SET active = 0 WHERE code = 'ILP'").run();
    const r = await api.call('referrals.importPreview', { fileName: 'd.csv', base64: file(['19121212-1212;;A;B;ILP;KS;2026-11-02;']) });
    expect(r.rows[0]).toMatchObject({ status: 'rejected', column: 'vardomrade', reasonKey: 'referral.inactiveCareArea' });
  });

  it('adds only the new rows of a file that was partly imported before', async () => {
    const { api, count } = await setup();
    const first = ['19121212-1212;;Åström;Märta;ANAL;KS;2026-11-02;', '811228-9874;;Ölund;Per;ANAL;KS;2026-11-03;X-1'];
    await api.call('referrals.importCommit', { fileName: 'e.csv', base64: file(first) });
    const again = await api.call('referrals.importCommit', { fileName: 'e.csv', base64: file([...first, '811228-9874;;Ölund;Per;SARCOMA;KS;2026-11-03;X-2']) });
    expect(outcome(again.rows)).toEqual([
      [2, 'already_imported', null, null],
      [3, 'already_imported', null, null],
      [4, 'valid', null, null],
    ]);
    expect(again.counts).toMatchObject({ imported: 1, alreadyImported: 2 });
    expect(count('referral')).toBe(3);
    expect(count('patient')).toBe(2);
  });
});

describe('import: what the commit writes besides the referral', () => {
  it('records the timeline, indexes the new patients for search, and logs each patient read and changed', async () => {
    const { api, core } = await setup();
    const existing = insertPatient(core.db, { personnummer: '191212121212', familyName: 'Finns', givenName: 'Redan' });
    const base64 = file(['19121212-1212;;Finns;Redan;SARCOMA;KS;2026-11-02;', '811228-9874;;Ölund;Per;ANAL;KS;2026-11-03;']);

    await api.call('referrals.importPreview', { fileName: 'f.csv', base64 });
    const log = async (identifier: string) =>
      (await api.call('accessLog.list', { patientIdentifier: identifier })).entries.map((e) => [e.method, e.action, e.objectType]).reverse();
    expect(await log('191212121212')).toEqual([['referrals.importPreview', 'read', 'referral_import']]);
    expect(await log('198112289874')).toEqual([]); // not a patient yet

    await api.call('referrals.importCommit', { fileName: 'f.csv', base64 });
    expect(await log('191212121212')).toEqual([
      ['referrals.importPreview', 'read', 'referral_import'],
      ['referrals.importCommit', 'change', 'referral_import'],
      ['referrals.importCommit', 'change', 'referral'],
    ]);
    expect(await log('198112289874')).toEqual([['referrals.importCommit', 'change', 'referral']]);

    const list = await api.call('referrals.list', { search: 'ölun' });
    expect(list.rows.map((r) => r.identifier)).toEqual(['19811228-9874']);
    expect((await api.call('referrals.list', { search: '8112289874' })).rows).toHaveLength(1);
    const detail = await api.call('referrals.get', { id: list.rows[0].id });
    expect(detail.timeline).toEqual([
      { at: now().toISOString(), userName: expect.any(String), fromStatus: null, toStatus: 'received', note: 'Importerad från f.csv' },
    ]);
    expect(detail.patient.identifiers[0]).toMatchObject({ system: 'personnummer', value: '198112289874', isTemporary: false });
    expect(detail.patient).toMatchObject({ birthDate: '1981-12-28', sex: 'male' });
    const reused = core.db.prepare('SELECT patient_id FROM referral WHERE care_area_code = ?').pluck().get('SARCOMA');
    expect(reused).toBe(existing);
  });
});

describe('import: confirming a preview', () => {
  // The commit reuses the preview's row checks (check.ts, rowChecks): what changed in between must still count.
  it('checks again against reference data changed since the preview', async () => {
    const { api, core, count } = await setup();
    const base64 = file(['19121212-1212;;Åström;Märta;ILP;KS;2026-11-02;', '811228-9874;;Ölund;Per;ANAL;KS;2026-11-03;']);
    const preview = await api.call('referrals.importPreview', { fileName: 'g.csv', base64 });
    expect(outcome(preview.rows)).toEqual([
      [2, 'valid', null, null],
      [3, 'valid', null, null],
    ]);
    core.db.prepare("UPDATE care_area SET active = 0 WHERE code = 'ILP'").run();
    const done = await api.call('referrals.importCommit', { fileName: 'g.csv', base64 });
    expect(done.rows[0]).toMatchObject({ status: 'rejected', reasonKey: 'referral.inactiveCareArea' });
    expect(done.counts).toMatchObject({ imported: 1, rejected: 1 });
    expect(count('referral')).toBe(1);
  });

  it('refuses a row whose patient got an open referral in the same care area after the preview', async () => {
    const { api, count } = await setup();
    const base64 = file(['19121212-1212;;Åström;Märta;ANAL;KS;2026-11-02;']);
    expect((await api.call('referrals.importPreview', { fileName: 'h.csv', base64 })).rows[0].status).toBe('valid');
    // Registered through the form in between (every change passes the router, which tells the import).
    const ks = (await api.call('reference.get', {})).units.find((u) => u.code === 'KS')!;
    await api.call('referrals.create', {
      patient: { identifierKind: 'national', identifier: '19121212-1212', familyName: 'Åström', givenName: 'Märta' },
      referral: { careAreaCode: 'ANAL', referringUnitId: ks.id, receivedDate: '2026-11-01' },
    });
    const done = await api.call('referrals.importCommit', { fileName: 'h.csv', base64 });
    expect(outcome(done.rows)).toEqual([[2, 'rejected', 'import.openReferralExists', null]]);
    expect(count('referral')).toBe(1);
    // The remembered checks are the same again for a second preview: nothing the commit marked sticks to them.
    const again = await api.call('referrals.importPreview', { fileName: 'h.csv', base64 });
    expect(outcome(again.rows)).toEqual([[2, 'rejected', 'import.openReferralExists', null]]);
  });
});
