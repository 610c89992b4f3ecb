import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { testCore, withWorkplace } from './helpers';
import { pdfText } from '../pdf-text';
import { fillWithPdfLib, fillWithPdftk, FILLED_SARCOMA, scannedPdf } from '../referral-forms';

const NOW = new Date('2026-11-20T09:00:00Z');

async function setUp() {
  const t = await testCore({ now: () => NOW });
  await withWorkplace(t.api);
  const form = Buffer.from((await t.api.call('referralForms.pdf', { careAreaCode: 'SARCOMA' })).base64, 'base64');
  return { ...t, form };
}
const file = (fileName: string, bytes: Uint8Array) => ({ fileName, base64: Buffer.from(bytes).toString('base64') });

// pdftk is a Java program: each fill takes a second or more on a busy machine.
describe('registration forms (anmälningsblanketter)', { timeout: 120_000 }, () => {
  it('makes a fillable Swedish form per care area that another program reads: required fields marked, choices as combo boxes, a hidden identity', async () => {
    const { form } = await setUp();
    const dump = execFileSync('pdftk', ['-', 'dump_data_fields_utf8'], { input: form }).toString('utf8');
    expect(dump).toContain('FieldName: personnummer');
    expect(dump).toMatch(/FieldType: Choice\nFieldName: ecog/);
    expect(dump).toMatch(/FieldName: mdk_blankett\n(.*\n)*?FieldValue: MDK-ANMALAN;SARCOMA;1/);
    const text = (await pdfText(form)).text;
    expect(text).toContain('Anmälan till nationell MDK – Sarkom');
    expect(text).toContain('Till: Sahlgrenska Universitetssjukhuset');
    expect(text).toContain('Efternamn *');
    expect(text).toContain('Datum för välgrundad misstanke (ÅÅÅÅ-MM-DD)');
    // Comorbidity is not required by the sarcoma rules: printed without the mark.
    expect(text).toMatch(/Samsjuklighet(?! \*)/);
  });

  it('reads a form filled in by pdftk into exactly the referral it describes, with å/ä/ö intact, keeps the original, and adds nothing the second time', async () => {
    const { api, core, form } = await setUp();
    const filled = fillWithPdftk(form, FILLED_SARCOMA);
    const preview = await api.call('referralForms.importPreview', { files: [file('anmälan åäö.pdf', filled)] });
    expect(preview.rows).toEqual([
      expect.objectContaining({ row: 1, fileName: 'anmälan åäö.pdf', status: 'valid', patientName: 'Märta Ädel Åkesson-Öberg', identifier: '19121212-1212' }),
    ]);
    expect(core.db.prepare('SELECT count(*) FROM referral').pluck().get()).toBe(0);

    const done = await api.call('referralForms.importCommit', { files: [file('anmälan åäö.pdf', filled)] });
    expect(done.counts).toMatchObject({ total: 1, valid: 1, imported: 1 });
    const id = core.db.prepare('SELECT id FROM referral').pluck().get() as number;
    const r = await api.call('referrals.get', { id });
    expect(r).toMatchObject({
      careAreaCode: 'SARCOMA',
      referringPhysician: 'Dr Åsa Ärlig',
      referringPhone: '046-17 10 00',
      receivedDate: '2026-11-18',
      suspicionDate: '2026-11-02',
      question: 'Ställningstagande till preoperativ strålbehandling av liposarkom i låret?',
      icd10: 'C49.2',
      diagnosisBasis: 'pad',
      history: 'Växande resistens i vänster lår sedan i våras; MR visar 11 cm tumör.',
      comorbidity: 'Hypertoni, välbehandlad.',
      ecog: 1,
      imagingAvailable: true,
      radiologyReportRef: 'RTG-2026-4411',
      pathologyRef: 'PAD-2026-0987',
      patientWishes: 'Vill behålla benet om det går.',
      patientInformed: true,
      priority: 'urgent',
      status: 'received',
    });
    expect(r.patient).toMatchObject({ familyName: 'Åkesson-Öberg', givenName: 'Märta Ädel' });
    expect(r.timeline[0].note).toBe('Inläst från anmälningsblankett');

    const original = await api.call('referralForms.original', { referralId: id });
    expect(original?.fileName).toBe('anmälan åäö.pdf');
    expect(Buffer.from(original!.base64, 'base64').equals(filled)).toBe(true);
    const logged = core.db.prepare("SELECT count(*) FROM access_log WHERE object_type = 'referral_form' AND object_id = ?").pluck().get(String(id));
    expect(logged).toBe(1);

    const again = await api.call('referralForms.importCommit', { files: [file('igen.pdf', filled)] });
    expect(again.rows[0].status).toBe('already_imported');
    expect(again.counts.imported).toBe(0);
    expect(core.db.prepare('SELECT count(*) FROM referral').pluck().get()).toBe(1);
  });

  it('receives a form without a date today', async () => {
    const { api, form } = await setUp();
    const { mottagen: _dropped, ...values } = FILLED_SARCOMA;
    const preview = await api.call('referralForms.importPreview', { files: [file('utan-datum.pdf', fillWithPdftk(form, values))] });
    expect(preview.rows[0]).toMatchObject({ status: 'valid', receivedDate: '2026-11-20' });
  });

  it('refuses each bad file with a reason naming it (and the field), writes nothing for it, and lets the others go on', async () => {
    const { api, core, form } = await setUp();
    const good = fillWithPdftk(form, FILLED_SARCOMA);
    const penile = Buffer.from((await api.call('referralForms.pdf', { careAreaCode: 'PENILE' })).base64, 'base64');
    const encrypted = fillWithPdftk(form, FILLED_SARCOMA, ['user_pw', 'hemligt']);
    const other = { ...FILLED_SARCOMA, personnummer: '19460223-0031' };
    const flattened = await fillWithPdfLib(form, other, { flatten: true });
    const older = await fillWithPdfLib(form, { ...other, mdk_blankett: 'MDK-ANMALAN;SARCOMA;0' });
    const foreign = await fillWithPdfLib(form, { ...other, mdk_blankett: 'NÅGON-ANNAN;SARCOMA;1' });
    const noDate = await fillWithPdfLib(form, { ...other, valgrundad_misstanke: '2026-02-30' });
    // A name beyond the form's 200 characters, as a filler that ignores the limit writes it.
    const tooLong = await fillWithPdfLib(form, { ...other, efternamn: 'Ö'.repeat(201) });

    const files = [
      file('bra.pdf', good),
      file('penis.pdf', await fillWithPdfLib(penile, other)),
      file('krypterad.pdf', encrypted),
      file('plattad.pdf', flattened),
      file('skannad.pdf', await scannedPdf()),
      file('trasig.pdf', good.subarray(0, Math.floor(good.length / 3))),
      file('gammal.pdf', older),
      file('annan.pdf', foreign),
      file('datum.pdf', noDate),
      file('lang.pdf', tooLong),
      file('bild.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])),
    ];
    const report = await api.call('referralForms.importCommit', { files });
    const byFile = Object.fromEntries(report.rows.map((r) => [r.fileName, r]));
    expect(byFile['bra.pdf'].status).toBe('valid');
    expect(byFile['penis.pdf']).toMatchObject({ status: 'rejected', reasonKey: 'forms.otherCareArea', reasonParams: { code: 'PENILE' } });
    expect(byFile['krypterad.pdf'].reasonKey).toBe('forms.encrypted');
    expect(byFile['plattad.pdf'].reasonKey).toBe('forms.noFields');
    expect(byFile['skannad.pdf'].reasonKey).toBe('forms.noFields');
    expect(byFile['trasig.pdf'].reasonKey).toBe('forms.damaged');
    expect(byFile['gammal.pdf']).toMatchObject({ reasonKey: 'forms.otherVersion', reasonParams: { version: 0, current: 1 } });
    expect(byFile['annan.pdf'].reasonKey).toBe('forms.notOurForm');
    expect(byFile['datum.pdf']).toMatchObject({ status: 'rejected', column: 'valgrundad_misstanke', reasonKey: 'validation.dateNotExist' });
    expect(byFile['lang.pdf']).toMatchObject({ status: 'rejected', column: 'efternamn', reasonKey: 'validation.tooLong' });
    expect(byFile['bild.png'].reasonKey).toBe('forms.notPdf');
    expect(report.counts).toMatchObject({ total: 11, valid: 1, rejected: 10, imported: 1 });
    expect(core.db.prepare('SELECT count(*) FROM referral').pluck().get()).toBe(1);
    expect(core.db.prepare('SELECT count(*) FROM referral_form_file').pluck().get()).toBe(1);
  });

  it('lets a physician download the blank form but not read forms in', async () => {
    const { dataDir } = await setUp();
    const { api } = await testCore({ dataDir, localRole: 'physician', now: () => NOW });
    expect((await api.call('referralForms.pdf', { careAreaCode: 'ANAL' })).fileName).toBe('anmalningsblankett-anal-v1.pdf');
    await expect(api.call('referralForms.importPreview', { files: [file('x.pdf', Buffer.from('%PDF-1.7'))] })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
