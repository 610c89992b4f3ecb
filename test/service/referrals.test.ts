import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { ApiError } from '../../src/shared/api/errors';
import type { Input } from '../../src/shared/api';
import { INBOX_PAGE_ROWS } from '../../src/shared/api/methods/referrals';
import { testCore, withWorkplace, TEST_ADMIN } from './helpers';
import { insertPatient, insertReferral } from '../factories';

const now = () => new Date('2026-11-23T09:00:00Z');

async function setup(role?: 'contact_nurse' | 'physician') {
  const t = await testCore({ now, localRole: role });
  const { ref } = await withWorkplace((await testCore({ dataDir: t.dataDir, now })).api);
  const unit = (code: string) => ref.units.find((u) => u.code === code)!.id;
  return { ...t, unit };
}

const fullReferral = (unitId: number): Input<'referrals.create'>['referral'] => ({
  careAreaCode: 'ANAL',
  referringUnitId: unitId,
  referringPhysician: 'Dr Anna Berg',
  referringPhone: '042-406 10 00',
  receivedDate: '2026-11-02',
  suspicionDate: '2026-10-20',
  question: 'Kurativt syftande radiokemoterapi?',
  icd10: 'c21.1',
  diagnosisBasis: 'pad',
  history: 'Blödning sedan två månader.',
  ecog: 1,
  imagingAvailable: true,
  patientInformed: true,
});

async function rejection(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

describe('registering a referral', () => {
  it('creates the patient from a samordningsnummer, reuses it, and flags a second open referral in the same care area', async () => {
    const { api, core, unit } = await setup('contact_nurse');
    const patient = { identifier: '701063-2391', familyName: 'Åkesson', givenName: 'Örjan' };
    const { id, patientId } = await api.call('referrals.create', { patient, referral: fullReferral(unit('HELSINGBORG')) });
    const detail = await api.call('referrals.get', { id });
    expect(detail.patient).toMatchObject({ birthDate: '1970-10-03', sex: 'male', age: 56 });
    expect(detail.patient.identifiers[0]).toMatchObject({ system: 'samordningsnummer', value: '197010632391', display: '19701063-2391' });
    expect(detail.icd10).toBe('C21.1');
    expect(detail.status).toBe('received');
    expect(detail.leadTime).toMatchObject({ sinceReceived: 21, sinceSuspicion: 34, targetDays: 30, overTarget: true });
    expect(detail.timeline).toHaveLength(1);

    const dup = await rejection(
      api.call('referrals.create', { patient: { ...patient, identifier: '7010632391' }, referral: fullReferral(unit('HELSINGBORG')) }),
    );
    expect(dup.messageKey).toBe('referral.duplicateOpen');
    const second = await api.call('referrals.create', {
      patient: { ...patient, identifier: '197010632391' },
      referral: { ...fullReferral(unit('HELSINGBORG')), careAreaCode: 'SARCOMA' },
    });
    expect(second.patientId).toBe(patientId);
    expect(core.db.prepare('SELECT count(*) FROM patient').pluck().get()).toBe(1);
    const lookup = await api.call('patients.lookup', { identifier: '701063-2391' });
    expect(lookup.patient?.id).toBe(patientId);
    expect(lookup.openReferrals.map((r) => r.careAreaCode).sort()).toEqual(['ANAL', 'SARCOMA']);
  });

  it('reports every bad field at once and saves nothing', async () => {
    const { api, core, unit } = await setup();
    const e = await rejection(
      api.call('referrals.create', {
        patient: { identifier: '19121212-1213', familyName: 'X', givenName: 'Y' },
        referral: { ...fullReferral(unit('HELSINGBORG')), receivedDate: '2026-12-01', suspicionDate: '2026-12-02', careAreaCode: 'NOPE' },
      }),
    );
    expect(e.issues?.map((i) => `${i.path}=${i.messageKey}`).sort()).toEqual([
      'patient.identifier=identifier.checkDigit',
      'referral.careAreaCode=referral.unknownCareArea',
      'referral.receivedDate=referral.futureDate',
      'referral.suspicionDate=referral.futureDate',
    ]);
    const e2 = await rejection(
      api.call('referrals.create', {
        patient: { identifier: '19121212-1212', familyName: 'X'.repeat(201), givenName: 'Y' },
        referral: { ...fullReferral(unit('HELSINGBORG')), suspicionDate: '2026-11-05', icd10: 'C2' },
      }),
    );
    expect(e2.issues?.map((i) => i.messageKey).sort()).toEqual(['validation.icd10', 'validation.tooLong']);
    const e3 = await rejection(
      api.call('referrals.create', {
        patient: { identifier: '19121212-1212', familyName: 'X', givenName: 'Y' },
        referral: { ...fullReferral(unit('HELSINGBORG')), suspicionDate: '2026-11-05' },
      }),
    );
    expect(e3.issues?.[0]).toMatchObject({ path: 'referral.suspicionDate', messageKey: 'referral.suspicionAfterReceipt' });
    expect(core.db.prepare('SELECT count(*) FROM patient').pluck().get()).toBe(0);
    expect(core.db.prepare('SELECT count(*) FROM referral').pluck().get()).toBe(0);
  });

  it('accepts a reservnummer with its issuing region, marked temporary', async () => {
    const { api, unit } = await setup();
    const { id } = await api.call('referrals.create', {
      patient: { identifierKind: 'reservnummer', identifier: 'r-99887', issuerRegionCode: '01', familyName: 'Reserv', givenName: 'Rut' },
      referral: fullReferral(unit('KS')),
    });
    const d = await api.call('referrals.get', { id });
    expect(d.patient.identifiers[0]).toMatchObject({ system: 'reservnummer', value: 'R-99887', issuerRegionCode: '01', isTemporary: true });
    const e = await rejection(api.call('patients.lookup', { identifierKind: 'reservnummer', identifier: 'R1' }));
    expect(e.issues?.[0]).toMatchObject({ path: 'issuerRegionCode', messageKey: 'identifier.reservnummerRegion' });
  });

  it('lets a physician read but not register', async () => {
    const { api, unit } = await setup('physician');
    const e = await rejection(
      api.call('referrals.create', { patient: { identifier: '19121212-1212', familyName: 'X', givenName: 'Y' }, referral: fullReferral(unit('KS')) }),
    );
    expect(e.code).toBe('forbidden');
    expect((await api.call('referrals.list', {})).total).toBe(0);
  });
});

describe('completeness and status', () => {
  it('received → awaiting completion (what and when) → complete; withdrawn with a reason; timeline records all', async () => {
    const { api, unit } = await setup();
    const { id } = await api.call('referrals.create', {
      patient: { identifier: '19121212-1212', familyName: 'Tolvansson', givenName: 'Tolvan' },
      referral: { ...fullReferral(unit('HELSINGBORG')), question: '', ecog: null },
    });
    expect((await api.call('referrals.get', { id })).missing).toEqual(['question', 'ecog']);
    expect((await rejection(api.call('referrals.markComplete', { id }))).messageKey).toBe('referral.stillMissing');
    const req = await api.call('referrals.requestCompletion', { id });
    expect(req.text).toContain('– Frågeställning till konferensen');
    expect(req.text).toContain('Sahlgrenska Universitetssjukhuset');
    let d = await api.call('referrals.get', { id });
    expect(d.status).toBe('awaiting_completion');
    expect(d.completionMissing).toEqual(['question', 'ecog']);
    expect(d.completionRequestedAt).toBe(now().toISOString());

    const { id: _ignored, ...fields } = { id: 0, ...fullReferral(unit('HELSINGBORG')) };
    await api.call('referrals.update', { id, referral: fields });
    await api.call('referrals.markComplete', { id });
    await api.call('referrals.withdraw', { id, reason: 'Patienten avböjer.' });
    d = await api.call('referrals.get', { id });
    expect(d.withdrawnReason).toBe('Patienten avböjer.');
    expect(d.timeline.map((e) => `${e.fromStatus}→${e.toStatus}`)).toEqual([
      'null→received',
      'received→awaiting_completion',
      'awaiting_completion→complete',
      'complete→withdrawn',
    ]);
    expect(d.timeline[3]).toMatchObject({ note: 'Patienten avböjer.', userName: TEST_ADMIN.name }); // the signed-in user
    expect((await rejection(api.call('referrals.update', { id, referral: fields }))).messageKey).toBe('referral.notOpen');
    expect((await rejection(api.call('referrals.withdraw', { id, reason: '' }))).issues?.[0].messageKey).toBe('validation.required');
  });

  it('care-area rules decide what is required and the lead-time target', async () => {
    const { api, unit } = await setup();
    await api.call('referralRules.save', { careAreaCode: 'ANAL', leadTimeTargetDays: 40, requiredFields: ['pathologyRef'] });
    const { id } = await api.call('referrals.create', {
      patient: { identifier: '19121212-1212', familyName: 'T', givenName: 'T' },
      referral: fullReferral(unit('KS')),
    });
    const d = await api.call('referrals.get', { id });
    expect(d.missing).toEqual(['pathologyRef']);
    expect(d.leadTime).toMatchObject({ targetDays: 40, overTarget: false });
    const e = await rejection(api.call('referralRules.save', { careAreaCode: 'ANAL', leadTimeTargetDays: 0, requiredFields: [] }));
    expect(e.issues?.[0].messageKey).toBe('rules.targetRange');
  });
});

describe('inbox', () => {
  it('filters, searches any part of name or identifier, sorts by lead time', async () => {
    const { api, unit } = await setup();
    const mk = (identifier: string, familyName: string, over: Partial<Input<'referrals.create'>['referral']>) =>
      api.call('referrals.create', { patient: { identifier, familyName, givenName: 'Anna' }, referral: { ...fullReferral(unit('HELSINGBORG')), ...over } });
    await mk('19121212-1212', 'Svensson', { receivedDate: '2026-11-10', suspicionDate: '2026-11-01' });
    await mk('811228-9874', 'Öberg', {
      receivedDate: '2026-11-01',
      suspicionDate: null,
      priority: 'urgent',
      careAreaCode: 'SARCOMA',
      referringUnitId: unit('KS'),
    });
    const names = async (q: Input<'referrals.list'>) => (await api.call('referrals.list', q)).rows.map((r) => r.patientName);
    expect(await names({ search: 'vens' })).toEqual(['Svensson, Anna']);
    expect(await names({ search: 'öBER' })).toEqual(['Öberg, Anna']);
    expect(await names({ search: '121212-1212' })).toEqual(['Svensson, Anna']);
    expect(await names({ search: '8112' })).toEqual(['Öberg, Anna']);
    expect(await names({ search: 'anna sv' })).toEqual(['Svensson, Anna']);
    expect(await names({ search: 'zz' })).toEqual([]);
    // Text that means something to FTS5 (quotes, stars, operators) is searched for literally.
    for (const odd of ['"', 'sv"ens*', 'NEAR(a b)', 'OR AND', '%_\\']) expect(await names({ search: odd })).toEqual([]);
    expect(await names({ careAreaCodes: ['SARCOMA'] })).toEqual(['Öberg, Anna']);
    expect(await names({ priority: 'urgent' })).toEqual(['Öberg, Anna']);
    expect(await names({ healthcareRegionCode: 'STHLM_GOTLAND' })).toEqual(['Öberg, Anna']);
    expect(await names({ statuses: ['complete'] })).toEqual([]);
    expect(await names({ sort: 'received_desc' })).toEqual(['Svensson, Anna', 'Öberg, Anna']);
    expect(await names({ sort: 'lead_time_desc' })).toEqual(['Svensson, Anna', 'Öberg, Anna']);
    const rows = (await api.call('referrals.list', {})).rows;
    expect(rows.find((r) => r.patientName.startsWith('Öberg'))!.leadTime).toMatchObject({ sinceReceived: 22, sinceSuspicion: null });
  });
});

describe('import', () => {
  const header = 'personnummer;efternamn;förnamn;vårdområde;remitterande_enhet;mottagen;välgrundad_misstanke;frågeställning;icd10;ecog';
  const file = (lines: string[]) => iconv.encode([header, ...lines].join('\r\n'), 'win1252').toString('base64');

  it('reads Windows-1252 with semicolons, rejects a bad row with its reason, writes valid rows, and adds nothing on re-import', async () => {
    const { api, core } = await setup();
    const base64 = file([
      '19121212-1212;Åström;Märta;ANAL;HELSINGBORG;2026-11-02;2026-10-20;Kurativ behandling?;C21.1;1',
      '19121212-1213;Fel;Kontroll;ANAL;HELSINGBORG;2026-11-02;;;;',
      '811228-9874;Ölund;Per;Sarkom, avancerad diagnostik och behandling;KS;2026-11-03;2026-11-04;;C49;1',
      '811228-9874;Ölund;Per;SARCOMA;KS;2026-11-03;;;C49;2',
    ]);
    const preview = await api.call('referrals.importPreview', { fileName: 'remisser.csv', base64 });
    expect(preview.encoding).toBe('windows-1252');
    expect(preview.delimiter).toBe(';');
    expect(preview.rows.map((r) => [r.row, r.status, r.column, r.reasonKey])).toEqual([
      [2, 'valid', null, null],
      [3, 'rejected', 'personnummer', 'identifier.checkDigit'],
      [4, 'rejected', 'valgrundad_misstanke', 'referral.suspicionAfterReceipt'],
      [5, 'valid', null, null],
    ]);
    expect(preview.rows[0].patientName).toBe('Märta Åström');
    expect(core.db.prepare('SELECT count(*) FROM referral').pluck().get()).toBe(0);

    const done = await api.call('referrals.importCommit', { fileName: 'remisser.csv', base64 });
    expect(done.counts).toMatchObject({ total: 4, imported: 2, rejected: 2 });
    const again = await api.call('referrals.importCommit', { fileName: 'remisser.csv', base64 });
    expect(again.counts).toMatchObject({ imported: 0, alreadyImported: 2, rejected: 2 });
    expect(core.db.prepare('SELECT count(*) FROM referral').pluck().get()).toBe(2);
    const list = await api.call('referrals.list', { search: 'åstr' });
    expect(list.rows[0].identifier).toBe('19121212-1212');
  });

  it('refuses files that are not CSV, or lack columns, with a clear message', async () => {
    const { api } = await setup();
    const issue = async (bytes: Buffer) =>
      (await rejection(api.call('referrals.importPreview', { fileName: 'x', base64: bytes.toString('base64') }))).issues?.[0];
    expect(await issue(Buffer.from('%PDF-1.7 binary'))).toMatchObject({ path: 'file', messageKey: 'import.notCsv' });
    expect(await issue(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 1, 2]))).toMatchObject({ messageKey: 'import.notCsv' });
    expect(await issue(Buffer.from('hello world\nthis is prose'))).toMatchObject({ messageKey: 'import.notCsv' });
    expect(await issue(Buffer.from('personnummer,efternamn\n1,2'))).toMatchObject({ messageKey: 'import.missingColumns' });
    expect(await issue(Buffer.alloc(0))).toMatchObject({ messageKey: 'import.empty' });
  });

  it('reads UTF-8 with BOM and commas', async () => {
    const { api } = await setup();
    const text = '\uFEFFpersonnummer,efternamn,fornamn,vardomrade,remitterande_enhet,mottagen\n"19121212-1212","Öst, Sven",Åke,ANAL,HELSINGBORG,2026-11-01\n';
    const r = await api.call('referrals.importPreview', { fileName: 'x.csv', base64: Buffer.from(text).toString('base64') });
    expect(r).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    expect(r.rows[0]).toMatchObject({ status: 'valid', patientName: 'Åke Öst, Sven' });
  });
});

describe('search at volume', () => {
  it('finds every match when many patients share the rare trigrams (exact phrase path) and when few do', async () => {
    const { api, core } = await setup();
    for (let i = 0; i < 400; i++) {
      const patientId = insertPatient(core.db, { familyName: i % 2 ? 'Karlsson' : 'Karlström', givenName: `Nils${i}` });
      insertReferral(core.db, { patientId, receivedDate: '2026-11-02' });
    }
    const total = async (search: string) => (await api.call('referrals.list', { search, statuses: [] })).total;
    expect(await total('karlsson')).toBe(200);
    expect(await total('karls')).toBe(400);
    expect(await total('nils1 karlss')).toBe(56); // Nils1, Nils1x, Nils1xx with odd i
    expect(await total('nils399')).toBe(1);
    expect(await total('karlssön')).toBe(0);
  });

  it('answers a page at a time with the count of all, and logs only the patients on the page', async () => {
    const { api, core } = await setup();
    core.db.transaction(() => {
      for (let i = 0; i < 230; i++) {
        const patientId = insertPatient(core.db, { familyName: `Sida${String(i).padStart(3, '0')}` });
        insertReferral(core.db, {
          patientId,
          receivedDate: `2026-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        });
      }
    })();
    const logged = () => core.db.prepare("SELECT count(*) FROM access_log WHERE method = 'referrals.list'").pluck().get() as number;
    const first = await api.call('referrals.list', {});
    expect(first.rows).toHaveLength(INBOX_PAGE_ROWS);
    expect(first.total).toBe(230);
    expect(logged()).toBe(INBOX_PAGE_ROWS);
    // Page after page until every one of the 230 has been sent once.
    const pages = [first];
    while (pages.length * INBOX_PAGE_ROWS < 230) pages.push(await api.call('referrals.list', { offset: pages.length * INBOX_PAGE_ROWS }));
    expect(pages.at(-1)!.rows).toHaveLength(230 - (pages.length - 1) * INBOX_PAGE_ROWS);
    expect(pages.at(-1)!.total).toBe(230);
    const names = pages.flatMap((p) => p.rows.map((r) => r.patientName));
    expect(new Set(names).size).toBe(230); // no row twice, none left out
    expect(names[0]).toBe('Sida229, Tolvan'); // newest first across pages
    expect(names[229]).toBe('Sida000, Tolvan');
    expect(logged()).toBe(230);
    expect((await api.call('referrals.list', { offset: 1000 })).rows).toEqual([]);
  });
});
