import { describe, expect, it } from 'vitest';
import { testCore, withWorkplace } from './helpers';
import { insertPatient, insertReferral } from '../factories';

describe('overview counts (start page)', () => {
  it("counts the workplace's open referrals per status and those past the lead-time target", async () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const { api, core } = await testCore({ now: () => now });
    await withWorkplace(api); // ILP, ANAL, SARCOMA; targets 30 days
    const db = core.db;
    const p = insertPatient(db);
    // ANAL, suspicion 2026-10-01 → 53 days on 2026-11-23: over the 30-day target.
    insertReferral(db, { patientId: p, careAreaCode: 'ANAL', status: 'complete', receivedDate: '2026-10-20', suspicionDate: '2026-10-01' });
    // No suspicion date: counted from receipt, 2 days: within target.
    insertReferral(db, { patientId: p, careAreaCode: 'SARCOMA', status: 'received', receivedDate: '2026-11-21', suspicionDate: null });
    insertReferral(db, { patientId: p, careAreaCode: 'ANAL', status: 'awaiting_completion', receivedDate: '2026-11-20', suspicionDate: '2026-11-10' });
    // Discussed: its MDK has been held, so the lead-time clock has stopped.
    insertReferral(db, { patientId: p, careAreaCode: 'ANAL', status: 'discussed', receivedDate: '2026-09-01', suspicionDate: '2026-08-20' });
    insertReferral(db, { patientId: p, careAreaCode: 'ANAL', status: 'closed', receivedDate: '2026-01-10', suspicionDate: '2026-01-01' }); // not open
    insertReferral(db, { patientId: p, careAreaCode: 'VULVAR', status: 'complete', receivedDate: '2026-01-10' }); // not the workplace's
    expect(await api.call('overview.counts', {})).toEqual({
      referralsByStatus: { complete: 1, received: 1, awaiting_completion: 1, discussed: 1 },
      overTarget: 1,
      pendingHandovers: 0,
    });
  });
});
