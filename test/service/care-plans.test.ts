import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testCore, tempDir, withWorkplace, useCliSignIn, TEST_ADMIN } from './helpers';
import { ApiError } from '../../src/shared/api/errors';
import { pdfText } from '../pdf-text';
import { arrangeDischarge, validateFhirR4 } from '../care-plans/arrange';
import { runCli } from '../../src/main/cli';
import { testToday } from '../clock';

async function draft() {
  const t = await testCore();
  await withWorkplace(t.api);
  const arranged = arrangeDischarge(t.core.db);
  const { id } = await t.api.call('carePlans.create', { referralId: arranged.referralId });
  return { ...t, ...arranged, id };
}

async function fillAndFinalise(t: Awaited<ReturnType<typeof draft>>) {
  const plan = await t.api.call('carePlans.get', { id: t.id });
  await t.api.call('carePlans.save', {
    ...plan,
    contactNurse: 'Karin Öberg',
    contactNursePhone: '031-342 20 00',
    responsiblePhysician: 'Dr Åke Ström',
    treatmentSummary: 'Radiokemoterapi avslutad.',
    dischargeDate: '2026-11-20',
  });
  return t.api.call('carePlans.finalise', { id: t.id });
}

async function rejects(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}

describe('care plans', () => {
  useCliSignIn();
  it('creates from the care area template, linked to the referral, listed as missing until finalised', async () => {
    const t = await draft();
    const plan = await t.api.call('carePlans.get', { id: t.id });
    expect(plan.status).toBe('draft');
    expect(plan.version).toBe(1);
    expect(plan.nationalUnit?.phone).toBe('031-342 10 00');
    expect(plan.followUps).toHaveLength(2);
    expect(plan.followUps[1]).toMatchObject({ intervalValue: 3, intervalUnit: 'months', date: '2027-02-20' });
    expect(plan.diagnosisText).toContain('C21.1');
    const lists = await t.api.call('carePlans.worklists', {});
    expect(lists.missing.map((m) => m.referralId)).toEqual([t.referralId]);
    expect(lists.missing[0].draftId).toBe(t.id);
    expect((await rejects(t.api.call('carePlans.create', { referralId: t.referralId }))).messageKey).toBe('carePlan.alreadyExists');
  });

  it('refuses to finalise an incomplete plan, with the field named, and saves nothing partial', async () => {
    const t = await draft();
    const err = await rejects(t.api.call('carePlans.finalise', { id: t.id }));
    expect(err.issues?.[0]).toMatchObject({ path: 'contactNurse', messageKey: 'carePlan.missing.contactNurse' });
    const plan = await t.api.call('carePlans.get', { id: t.id });
    const bad = await rejects(
      t.api.call('carePlans.save', {
        ...plan,
        contactNurse: 'X',
        followUps: [{ what: 'Besök', place: 'home_region', responsible: 'Vårdcentral', dueDate: null }],
      }),
    );
    expect(bad.issues?.[0]).toMatchObject({ path: 'followUps.0.dueDate', messageKey: 'carePlan.followUpWhenMissing' });
    expect((await t.api.call('carePlans.get', { id: t.id })).contactNurse).toBeNull();
  });

  it('finalises (read-only, referral discharge date set), supersedes on a new version, keeps history', async () => {
    const t = await draft();
    const fin = await fillAndFinalise(t);
    expect(fin.status).toBe('finalised');
    expect(fin.finalisedBy).toBe(TEST_ADMIN.name); // the signed-in user
    expect(t.core.db.prepare('SELECT discharge_date FROM referral WHERE id = ?').pluck().get(t.referralId)).toBe('2026-11-20');
    expect((await rejects(t.api.call('carePlans.save', { ...fin }))).messageKey).toBe('carePlan.readOnly');
    expect((await t.api.call('carePlans.worklists', {})).missing).toHaveLength(0);
    const { id: v2 } = await t.api.call('carePlans.newVersion', { id: t.id });
    expect((await t.api.call('carePlans.get', { id: t.id })).status).toBe('finalised');
    await t.api.call('carePlans.finalise', { id: v2 });
    const history = (await t.api.call('carePlans.get', { id: v2 })).versions;
    expect(history.map((v) => [v.version, v.status])).toEqual([
      [2, 'finalised'],
      [1, 'superseded'],
    ]);
  });

  it('active handover: national unit responsible until the confirmation is recorded; overdue after N days', async () => {
    const t = await draft();
    await fillAndFinalise(t);
    const today = testToday();
    const receiving = t.core.db.prepare("SELECT id FROM unit WHERE code = 'HELSINGBORG'").pluck().get() as number;
    await t.api.call('carePlans.sendHandover', { carePlanId: t.id, receivingUnitId: receiving, receivingContactNurse: 'Eva Lind', sentDate: today });
    // Pretend it was sent ten days ago; the default limit is 7 days.
    t.core.db.prepare("UPDATE care_plan_handover SET sent_date = date(sent_date, '-10 days')").run();
    const lists = await t.api.call('carePlans.worklists', {});
    expect(lists.pendingHandovers[0]).toMatchObject({ nationalUnitResponsible: true, overdue: true, receivingContactNurse: 'Eva Lind' });
    await t.api.call('carePlans.saveSettings', { handoverPendingDays: 30 });
    expect((await t.api.call('carePlans.worklists', {})).pendingHandovers[0].overdue).toBe(false);
    const early = await rejects(t.api.call('carePlans.confirmHandover', { carePlanId: t.id, confirmedDate: '2020-01-01', confirmedBy: 'Eva Lind' }));
    expect(early.issues?.[0].path).toBe('confirmedDate');
    const done = await t.api.call('carePlans.confirmHandover', { carePlanId: t.id, confirmedDate: today, confirmedBy: 'Eva Lind' });
    expect(done.handover).toMatchObject({ status: 'confirmed', nationalUnitResponsible: false, confirmedBy: 'Eva Lind' });
    expect((await t.api.call('carePlans.worklists', {})).pendingHandovers).toHaveLength(0);
  });

  it('PDF: Swedish, embedded fonts, unit contact details on page one, fast', async () => {
    const t = await draft();
    await fillAndFinalise(t);
    await t.api.call('carePlans.pdf', { id: t.id }); // warm: fonts and code loaded once per process
    const started = performance.now();
    const file = await t.api.call('carePlans.pdf', { id: t.id });
    const ms = performance.now() - started;
    const bytes = Buffer.from(file.base64, 'base64');
    const { pages, text } = await pdfText(bytes);
    expect(pages[0]).toContain('Min vårdplan');
    expect(pages[0]).toContain('Märta Åström');
    expect(pages[0]).toContain('031-342 10 00');
    expect(pages[0]).toContain('Vardagar 8–16');
    expect(pages[0]).toContain('Blå stråket 5');
    expect(pages[0]).toContain('Karin Öberg');
    expect(text).toContain('Återbesök med läkarundersökning');
    expect(text).toContain('20 februari 2027');
    expect(text).toContain('Dina rättigheter');
    expect(bytes.toString('latin1')).toMatch(/FontFile2/); // DejaVu embedded, so å ä ö render everywhere
    expect(bytes.toString('latin1')).toMatch(/DejaVuSans/);
    expect(ms).toBeLessThan(2_000); // a guard against gross regressions only: the benchmark holds the 300 ms budget
  });

  it('FHIR R4 bundle validates with an independent validator, with Swedish identifier systems', async () => {
    const t = await draft();
    await fillAndFinalise(t);
    const file = await t.api.call('carePlans.fhir', { id: t.id });
    const bundle = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8'));
    const result = await validateFhirR4(bundle);
    expect(result.messages.filter((m) => m.severity === 'error')).toEqual([]);
    expect(result.valid).toBe(true);
    const types = bundle.entry.map((e: { resource: { resourceType: string } }) => e.resource.resourceType);
    expect(types).toEqual(expect.arrayContaining(['CarePlan', 'Patient', 'Organization', 'CareTeam']));
    const patient = bundle.entry.find((e: { resource: { resourceType: string } }) => e.resource.resourceType === 'Patient').resource;
    expect(patient.identifier[0]).toMatchObject({ system: 'http://electronichealth.se/identifier/personnummer', value: '194612019882' });
    const carePlan = bundle.entry[0].resource;
    expect(carePlan.activity).toHaveLength(2);
    expect(carePlan.activity[1].detail.scheduledPeriod.start).toBe('2027-02-20');
    // The validator does catch faults: a broken copy is refused.
    const broken = structuredClone(bundle);
    broken.entry[0].resource.status = 'finalised';
    expect((await validateFhirR4(broken)).valid).toBe(false);
  });

  it('batch export through the CLI writes PDF and FHIR for every plan finalised in the period', async () => {
    const t = await draft();
    await fillAndFinalise(t);
    const second = arrangeDischarge(t.core.db, { familyName: 'Lind', givenName: 'Olof', personnummer: '195203142397' });
    const { id } = await t.api.call('carePlans.create', { referralId: second.referralId });
    await fillAndFinalise({ ...t, id });
    const out = tempDir();
    const today = testToday();
    const lines: string[] = [];
    t.core.close();
    const code = await runCli(['export-careplans', '--data', t.dataDir, '--from', today, '--to', today, '--format', 'both', '--out', out], {
      out: (l) => lines.push(l),
      err: (l) => lines.push(l),
    });
    expect(code, lines.join('\n')).toBe(0);
    expect(readdirSync(out).sort()).toHaveLength(4);
    expect(lines.at(-1)).toContain('2 vårdplaner');
    const json = JSON.parse(
      readFileSync(
        join(
          out,
          readdirSync(out).find((f) => f.endsWith('.json'))!,
        ),
        'utf8',
      ),
    );
    expect((await validateFhirR4(json)).valid).toBe(true);
  });

  it('FHIR: a reservnummer gets its region OID and use temp; validates as R4', async () => {
    const t = await draft();
    t.core.db.prepare("UPDATE patient_identifier SET system = 'reservnummer', value = '99010112345', issuer_region_code = '01', is_temporary = 1").run();
    await fillAndFinalise(t);
    const bundle = JSON.parse(Buffer.from((await t.api.call('carePlans.fhir', { id: t.id })).base64, 'base64').toString('utf8'));
    const patient = bundle.entry.find((e: { resource: { resourceType: string } }) => e.resource.resourceType === 'Patient').resource;
    expect(patient.identifier[0]).toMatchObject({ use: 'temp', system: 'urn:oid:1.2.752.97.3.1.3', value: '99010112345' });
    expect((await validateFhirR4(bundle)).valid).toBe(true);
  });

  it('batch export takes only plans finalised in the period and refuses a relative folder', async () => {
    const t = await draft();
    await fillAndFinalise(t);
    const out = tempDir();
    const none = await t.api.call('carePlans.batchExport', { from: '2020-01-01', to: '2020-12-31', format: 'pdf', outDir: out });
    expect(none).toMatchObject({ total: 0, processed: 0, nextOffset: null, written: [] });
    const rel = await rejects(t.api.call('carePlans.batchExport', { from: '2020-01-01', to: '2020-12-31', format: 'pdf', outDir: 'export' }));
    expect(rel.issues?.[0]).toMatchObject({ path: 'outDir', messageKey: 'carePlan.outDirAbsolute' });
    const reversed = await rejects(t.api.call('carePlans.batchExport', { from: '2021-01-01', to: '2020-12-31', format: 'pdf', outDir: out }));
    expect(reversed.issues?.[0]).toMatchObject({ path: 'to', messageKey: 'carePlan.periodReversed' });
  });

  it('every role that takes part writes care plans (physician here)', async () => {
    const t = await testCore({ localRole: 'physician' });
    const arranged = arrangeDischarge(t.core.db);
    const { id } = await t.api.call('carePlans.create', { referralId: arranged.referralId });
    expect((await t.api.call('carePlans.get', { id })).status).toBe('draft');
  });
});
