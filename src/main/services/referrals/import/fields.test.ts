import { describe, expect, it } from 'vitest';
import { referralFields } from '../../../../shared/api/methods/referrals';
import { toFieldIssues } from '../../../router/validation';
import { seededRandom } from '../../../demo/synthetic';
import { referralFieldsParser } from './fields';

/** Cell values of every kind the import hands the schema: good, empty, malformed, too long. */
const CHOICES: Record<string, unknown[]> = {
  careAreaCode: ['ANAL', 'SARCOMA', '', 'x'.repeat(41)],
  referringUnitId: [1, 7, 0, -1],
  referringPhysician: ['', 'Dr Berg', ' Dr Berg ', 'x'.repeat(201)],
  referringPhone: ['', '042-406 10 00', 'x'.repeat(41)],
  receivedDate: ['2026-11-02', '2026-02-30', '2026-13-01', '02/11/2026', ''],
  suspicionDate: ['', '2026-10-20', '2026-02-29', '2024-02-29', 'igår'],
  question: ['', 'Kurativ?', 'x'.repeat(2001)],
  icd10: ['', 'C49.2', 'c21.1', 'C491', 'X', 'C49.123', ' c43 '],
  diagnosisBasis: [null, 'pad', 'clinical', 'annan'],
  history: ['', 'Anamnes.', 'x'.repeat(20_001)],
  comorbidity: ['', 'Hypertoni'],
  ecog: [null, 0, 4, 5, 'x', '1.5'],
  imagingAvailable: [null, true, false, 'bad'],
  radiologyReportRef: ['', 'RTG-1'],
  pathologyRef: ['', 'PAD-1'],
  patientWishes: ['', 'Nära hemmet'],
  patientInformed: [null, true, 'bad'],
  priority: ['normal', 'urgent', 'låg'],
  notes: ['', 'Anteckning', 'x'.repeat(2001)],
};

/** The whole-object parse the parser stands in for: its output, or its first issue. */
function objectParse(input: Record<string, unknown>) {
  const r = referralFields.safeParse(input);
  return r.success ? { ok: true, fields: r.data } : { ok: false, issue: toFieldIssues(r.error)[0] };
}

describe('referralFieldsParser', () => {
  it('gives what the whole-object schema gives: the parsed fields, or the first issue with its field path', () => {
    const rnd = seededRandom(42);
    const parse = referralFieldsParser();
    let rejected = 0;
    for (let i = 0; i < 3000; i++) {
      // Mostly good values, so that issues come from every field and not only from the first ones.
      const input = Object.fromEntries(
        Object.entries(CHOICES).map(([key, values]) => [key, rnd() < 0.85 ? values[0] : values[Math.floor(rnd() * values.length)]]),
      );
      const expected = objectParse(input);
      if (!expected.ok) rejected++;
      expect(parse(input)).toEqual(expected);
    }
    expect(rejected).toBeGreaterThan(500);
    expect(rejected).toBeLessThan(2800);
  });

  it('answers a repeated value from memory with the same result', () => {
    const parse = referralFieldsParser();
    const input = Object.fromEntries(Object.entries(CHOICES).map(([key, values]) => [key, values[0]]));
    const first = parse(input);
    expect(parse({ ...input })).toEqual(first);
    expect(parse({ ...input, receivedDate: '2026-02-30' })).toEqual({
      ok: false,
      issue: { path: 'receivedDate', messageKey: 'validation.dateNotExist', params: {} },
    });
  });
});
