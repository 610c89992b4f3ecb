import { describe, expect, it } from 'vitest';
import { testCore, withWorkplace } from './helpers';
import { LIST_MAX_ROWS } from '../../src/shared/api/methods/referrals';
import { testNow } from '../clock';

/**
 * The inbox notes access for every patient it shows (Patientdatalagen): at the largest list, 10,000
 * rows, the log must cost little beside the query itself (one INSERT … SELECT FROM json_each).
 */
describe('access log at inbox volume', () => {
  it('logs each of 10,000 listed patients once, cheaply', async () => {
    const { core, api } = await testCore();
    await withWorkplace(api);
    const db = core.db;
    const t = testNow().toISOString();
    const unit = db.prepare("SELECT id FROM unit WHERE code = 'HELSINGBORG'").pluck().get() as number;
    db.transaction(() => {
      const patient = db.prepare(
        'INSERT INTO patient (family_name, given_name, birth_date, sex, home_region_code, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      const ident = db.prepare("INSERT INTO patient_identifier (patient_id, system, value, created_at) VALUES (?, 'reservnummer', ?, ?)");
      const referral = db.prepare(
        `INSERT INTO referral (patient_id, care_area_code, referring_unit_id, referring_physician, referring_phone, received_date, suspicion_date,
           question, icd10, diagnosis_basis, history, ecog, imaging_available, patient_informed, priority, status, status_changed_at, created_at, updated_at)
         VALUES (?, 'ANAL', ?, 'Dr Remiss', '040-33 10 00', '2026-11-02', '2026-10-20', 'Fråga?', 'C21.1', 'pad', 'Anamnes.', 1, 1, 1, 'normal', 'complete', ?, ?, ?)`,
      );
      for (let i = 0; i < LIST_MAX_ROWS; i++) {
        const id = Number(patient.run(`Volym${i}`, 'Test', '1950-01-01', 'male', '12', t, t).lastInsertRowid);
        ident.run(id, `R${String(i).padStart(11, '0')}`, t);
        referral.run(id, unit, t, t, t);
      }
    })();
    const logged = () => db.prepare('SELECT count(*) FROM access_log').pluck().get() as number;

    const before = logged();
    const started = performance.now();
    const list = await api.call('referrals.list', { limit: LIST_MAX_ROWS });
    const ms = performance.now() - started;
    expect(list.rows).toHaveLength(LIST_MAX_ROWS);
    expect(logged() - before).toBe(LIST_MAX_ROWS);
    const sample = db.prepare("SELECT * FROM access_log WHERE method = 'referrals.list' ORDER BY id DESC LIMIT 1").get() as Record<string, unknown>;
    expect(sample).toMatchObject({ action: 'read', object_type: 'referral_list', role: 'administrator' });
    expect(String(sample.patient_identifier)).toMatch(/^R\d{11}$/);
    console.log(`referrals.list of ${LIST_MAX_ROWS} rows with its access log: ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(5000); // generous: a shared, loaded test machine
  });
});
