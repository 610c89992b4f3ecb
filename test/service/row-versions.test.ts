import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/shared/api/client';
import { ApiError } from '../../src/shared/api/errors';
import { translate } from '../../src/shared/i18n';
import { insertPatient, insertReferral } from '../factories';
import { signInAs, testCore } from './helpers';
import { TEST_USER_NAMES } from '../sign-in';

const rejection = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a refusal'); }, (e: ApiError) => e);

/** Two people on one database (team mode): a contact nurse and a coordinator, each with their own session. */
function twoUsers() {
  const clock = { now: new Date('2026-12-02T08:15:00Z') };
  const { core } = testCore({ now: () => clock.now });
  const nurseSession = core.newSession();
  const coordinatorSession = core.newSession();
  signInAs(core, nurseSession, 'contact_nurse');
  signInAs(core, coordinatorSession, 'coordinator');
  const id = insertReferral(core.db, { patientId: insertPatient(core.db) });
  return {
    clock,
    id,
    nurse: createApiClient((m, i) => core.router(m, i, nurseSession)),
    coordinator: createApiClient((m, i) => core.router(m, i, coordinatorSession)),
  };
}

describe('row versions: two people, one referral', () => {
  it('refuses a save based on an older version, saying who changed it and when (Swedish), and changes nothing', async () => {
    const { id, nurse, coordinator, clock } = twoUsers();
    const opened = await nurse.call('referrals.get', { id });
    const openedByCoordinator = await coordinator.call('referrals.get', { id });
    expect(opened.rowVersion).toBe(openedByCoordinator.rowVersion);
    const { id: _n, patient: _p, status: _s, ...rest } = opened;
    const fields = {
      careAreaCode: rest.careAreaCode, referringUnitId: rest.referringUnitId, referringPhysician: rest.referringPhysician,
      referringPhone: rest.referringPhone, receivedDate: rest.receivedDate, suspicionDate: rest.suspicionDate, question: rest.question,
      icd10: rest.icd10, diagnosisBasis: rest.diagnosisBasis, history: rest.history, comorbidity: rest.comorbidity, ecog: rest.ecog,
      imagingAvailable: rest.imagingAvailable, radiologyReportRef: rest.radiologyReportRef, pathologyRef: rest.pathologyRef,
      patientWishes: rest.patientWishes, patientInformed: rest.patientInformed, priority: rest.priority, notes: rest.notes,
    };
    await nurse.call('referrals.update', { id, referral: { ...fields, question: 'Sjuksköterskans fråga' }, expectedVersion: opened.rowVersion });
    clock.now = new Date('2026-12-02T08:20:00Z');
    const refused = await rejection(
      coordinator.call('referrals.update', { id, referral: { ...fields, question: 'Koordinatorns fråga' }, expectedVersion: openedByCoordinator.rowVersion }),
    );
    expect(refused.code).toBe('conflict');
    expect(refused.messageKey).toBe('team.changed.referral');
    const text = translate('sv', refused.messageKey, refused.params);
    expect(text).toContain(TEST_USER_NAMES.contact_nurse);
    expect(text).toMatch(/Remissen ändrades av .* \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    const now = await coordinator.call('referrals.get', { id });
    expect(now.question).toBe('Sjuksköterskans fråga');
    expect(now.updatedBy).toBe(TEST_USER_NAMES.contact_nurse);
    expect(now.rowVersion).toBe(opened.rowVersion + 1);
    // Reload and reapply: based on the new version, the coordinator's text is saved.
    await coordinator.call('referrals.update', { id, referral: { ...fields, question: 'Koordinatorns fråga' }, expectedVersion: now.rowVersion });
    expect((await nurse.call('referrals.get', { id })).question).toBe('Koordinatorns fråga');
  });

  it('raises the version on a status change too, so an edit opened before it is a conflict', async () => {
    const { id, nurse, coordinator } = twoUsers();
    const opened = await nurse.call('referrals.get', { id });
    await coordinator.call('referrals.withdraw', { id, reason: 'Fel enhet.' });
    expect((await nurse.call('referrals.get', { id })).rowVersion).toBeGreaterThan(opened.rowVersion);
  });
});
