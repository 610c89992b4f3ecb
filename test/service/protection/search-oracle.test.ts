import { describe, expect, it } from 'vitest';
import { insertPatient, insertReferral } from '../../factories';
import { createApiClient } from '../../../src/shared/api/client';
import { signInAs, testCore, withWorkplace } from '../helpers';

/** A search's count is a patient access: nobody learns that a person is referred without a log row. */
describe('search total and the access log', () => {
  it('a personnummer search with an offset past the end logs the counted patient as a search', async () => {
    const { core, api: admin } = await testCore();
    await withWorkplace(admin);
    const nurse = core.newSession();
    await signInAs(core, nurse, 'contact_nurse');
    const api = createApiClient((m, i) => core.router(m, i, nurse));
    const db = core.db;
    const hidden = insertPatient(db, { familyName: 'Hemligsson', personnummer: '191212121212' });
    insertReferral(db, { patientId: hidden, careAreaCode: 'ANAL', status: 'complete' });
    const other = insertPatient(db, { familyName: 'Annansson', personnummer: '194001019802' });
    insertReferral(db, { patientId: other });
    const logOf = (patientId: number) =>
      db.prepare("SELECT action, object_type, user_name FROM access_log WHERE patient_id = ? AND method = 'referrals.list'").all(patientId);

    const probe = await api.call('referrals.list', { search: '19121212-1212', careAreaCodes: ['ANAL'], statuses: ['complete'], offset: 500 });
    expect(probe.rows).toHaveLength(0);
    expect(probe.total).toBe(1);
    expect(logOf(hidden)).toEqual([{ action: 'search', object_type: 'referral_search', user_name: 'contact_nurse' }]);
    expect(logOf(other)).toEqual([]);

    // Shown rows are read (not also a search); a search that counts nobody logs nobody.
    const shown = await api.call('referrals.list', { search: '191212121212' });
    expect(shown.rows).toHaveLength(1);
    expect(logOf(hidden)).toContainEqual({ action: 'read', object_type: 'referral_list', user_name: 'contact_nurse' });
    expect(logOf(hidden)).toHaveLength(2);
    const none = await api.call('referrals.list', { search: '191212121212', careAreaCodes: ['SARCOMA'], offset: 500 });
    expect(none.total).toBe(0);
    expect(logOf(hidden)).toHaveLength(2);
  });
});
