import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testCore, withWorkplace } from './helpers';
import { arrangeDischarge } from '../care-plans/arrange';
import { ApiError } from '../../src/shared/api/errors';
import { describeError } from '../../src/shared/i18n/describe-error';
import { icdAdmitted, icdRangeCodes } from '../../src/shared/domain/icd10';
import { DEMO_AREAS } from '../../src/main/demo/plan';
import { pdfText } from '../pdf-text';

async function refusal(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    return e as ApiError;
  }
  throw new Error('expected a refusal');
}

const resource = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/reference', name), 'utf8'));

describe('a care plan cannot send the patient to a missing phone', () => {
  it('refuses to finalise while the unit phone, phone hours or the contact nurse’s name and number are missing, naming each and where; then finalises', async () => {
    const t = await testCore();
    await withWorkplace(t.api);
    const { referralId, unitId } = arrangeDischarge(t.core.db);
    t.core.db.prepare('UPDATE unit SET phone = NULL, phone_hours = NULL WHERE id = ?').run(unitId);
    const { id } = await t.api.call('carePlans.create', { referralId });
    const plan = await t.api.call('carePlans.get', { id });
    await t.api.call('carePlans.save', { ...plan, responsiblePhysician: 'Dr Åke Ström', treatmentSummary: 'Radiokemoterapi.', dischargeDate: '2026-11-20' });

    const err = await refusal(t.api.call('carePlans.finalise', { id }));
    expect(err).toMatchObject({ code: 'validation', messageKey: 'carePlan.contactIncomplete' });
    expect(err.issues?.map((i) => [i.path, i.messageKey])).toEqual([
      ['nationalUnit.phone', 'carePlan.missing.unitPhone'],
      ['nationalUnit.phoneHours', 'carePlan.missing.phoneHours'],
      ['contactNurse', 'carePlan.missing.contactNurse'],
      ['contactNursePhone', 'carePlan.missing.contactNursePhone'],
    ]);
    const sv = describeError('sv', err);
    expect(sv).toContain('Vårdplanen kan inte fastställas förrän patienten kan nå er.');
    expect(sv).toContain('Enhetens telefonnummer saknas – fyll i det under Inställningar → Enheter → Sahlgrenska Universitetssjukhuset.');
    expect(sv).toContain('När patienten kan ringa (telefontider) saknas');
    expect(sv).toContain('Kontaktsjuksköterskans direktnummer saknas – fyll i det i vårdplanen under Kontaktuppgifter.');
    expect((await t.api.call('carePlans.get', { id })).status).toBe('draft');

    // The nurse is named; the unit's number is still missing, and only that is named.
    await t.api.call('carePlans.save', { ...(await t.api.call('carePlans.get', { id })), contactNurse: 'Karin Öberg', contactNursePhone: '031-342 20 01' });
    const still = await refusal(t.api.call('carePlans.finalise', { id }));
    expect(still.issues?.map((i) => i.path)).toEqual(['nationalUnit.phone', 'nationalUnit.phoneHours']);

    const ref = await t.api.call('reference.get', {});
    const unit = ref.units.find((u) => u.id === unitId)!;
    await t.api.call('reference.saveUnit', { ...unit, phone: '031-342 10 00', phoneHours: 'Vardagar 8–16' });
    const done = await t.api.call('carePlans.finalise', { id });
    expect(done.status).toBe('finalised');

    // The patient reads the ICD-10-SE text of the code (never the care area's name) and the plain sentence.
    expect(done.diagnosisText).toBe('C21.1 Malign tumör i analkanalen');
    const pdf = (await pdfText(Buffer.from((await t.api.call('carePlans.pdf', { id })).base64, 'base64'))).text.replace(/\s+/g, ' ');
    expect(pdf).toContain('Din diagnos C21.1 Malign tumör i analkanalen');
    expect(pdf).not.toContain('Analcancer, kurativt syftande');
    expect(pdf).toContain('Telefon: 031-342 10 00');
  });

  it('shows a code outside ICD-10-SE list alone, and adds the plain-language sentence', async () => {
    const t = await testCore();
    await withWorkplace(t.api);
    const { referralId } = arrangeDischarge(t.core.db);
    const { id } = await t.api.call('carePlans.create', { referralId });
    const plan = await t.api.call('carePlans.get', { id });
    const saved = await t.api.call('carePlans.save', { ...plan, diagnosisCode: 'c99.9', diagnosisPlain: 'En ovanlig tumör i ändtarmsöppningen.' });
    expect(saved).toMatchObject({
      diagnosisCode: 'C99.9',
      diagnosisIcdText: null,
      diagnosisText: 'C99.9',
      diagnosisPlain: 'En ovanlig tumör i ändtarmsöppningen.',
    });
    expect((await refusal(t.api.call('carePlans.save', { ...plan, diagnosisCode: 'Analcancer' }))).issues?.[0]).toMatchObject({
      path: 'diagnosisCode',
      messageKey: 'carePlan.diagnosisUnknownCode',
    });
  });

  it('ships an ICD-10-SE text, with source and edition, for every code a care area admits (three and four characters)', () => {
    const icd = resource('icd10-se.json') as { source: string; edition: string; codes: { code: string; textSv: string }[] };
    expect(icd.source).toContain('Socialstyrelsen');
    expect(icd.edition).toMatch(/ICD-10-SE/);
    const texts = new Map(icd.codes.map((c) => [c.code, c.textSv]));
    const areas = resource('care-areas.json').careAreas as { code: string; icd10: string[] }[];
    for (const area of areas) {
      for (const code of icdRangeCodes(area.icd10)) {
        expect(texts.get(code), `${area.code} ${code}`).toMatch(/^[A-ZÅÄÖ].{5,}/);
        // A category comes with its four-character subcodes.
        if (!code.includes('.')) expect(icd.codes.filter((c) => c.code.startsWith(`${code}.`)).length, code).toBeGreaterThan(1);
      }
    }
    // Nothing in the file that no care area admits, and every demo code has its text.
    for (const { code } of icd.codes)
      expect(
        areas.some((a) => icdAdmitted(code, a.icd10)),
        code,
      ).toBe(true);
    for (const a of DEMO_AREAS) for (const code of a.icd10) expect(texts.has(code), code).toBe(true);
  });
});
