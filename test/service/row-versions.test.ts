import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/shared/api/client';
import { ApiError } from '../../src/shared/api/errors';
import { translate } from '../../src/shared/i18n';
import { insertPatient, insertReferral } from '../factories';
import { signInAs, testCore } from './helpers';
import { TEST_USER_NAMES } from '../sign-in';
import { insertMeeting, unitIdByCode } from '../factories';
import { setWorkplace } from '../../src/main/services/system/workplace';
import { arrangeDischarge } from '../care-plans/arrange';

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: ApiError) => e,
  );

/** Two people on one database (team mode): a contact nurse and a coordinator, each with their own session. */
async function twoUsers() {
  const clock = { now: new Date('2026-12-02T08:15:00Z') };
  const { core } = await testCore({ now: () => clock.now });
  const nurseSession = core.newSession();
  const coordinatorSession = core.newSession();
  await signInAs(core, nurseSession, 'contact_nurse');
  await signInAs(core, coordinatorSession, 'coordinator');
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
    const { id, nurse, coordinator, clock } = await twoUsers();
    const opened = await nurse.call('referrals.get', { id });
    const openedByCoordinator = await coordinator.call('referrals.get', { id });
    expect(opened.rowVersion).toBe(openedByCoordinator.rowVersion);
    const { id: _n, patient: _p, status: _s, ...rest } = opened;
    const fields = {
      careAreaCode: rest.careAreaCode,
      referringUnitId: rest.referringUnitId,
      referringPhysician: rest.referringPhysician,
      referringPhone: rest.referringPhone,
      receivedDate: rest.receivedDate,
      suspicionDate: rest.suspicionDate,
      question: rest.question,
      icd10: rest.icd10,
      diagnosisBasis: rest.diagnosisBasis,
      history: rest.history,
      comorbidity: rest.comorbidity,
      ecog: rest.ecog,
      imagingAvailable: rest.imagingAvailable,
      radiologyReportRef: rest.radiologyReportRef,
      pathologyRef: rest.pathologyRef,
      patientWishes: rest.patientWishes,
      patientInformed: rest.patientInformed,
      priority: rest.priority,
      notes: rest.notes,
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
    const { id, nurse, coordinator } = await twoUsers();
    const opened = await nurse.call('referrals.get', { id });
    await coordinator.call('referrals.withdraw', { id, reason: 'Fel enhet.' });
    expect((await nurse.call('referrals.get', { id })).rowVersion).toBeGreaterThan(opened.rowVersion);
  });
});

/** What a conflict says in Swedish: the kind of record, who changed it and when (Stockholm time). */
function expectNamedConflict(e: ApiError, object: string, start: string, who: string) {
  expect(e.code).toBe('conflict');
  expect(e.messageKey).toBe(`team.changed.${object}`);
  const text = translate('sv', e.messageKey, e.params);
  expect(text).toContain(start);
  expect(text).toContain(who);
  expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
}

/** The chair (physician) and the contact nurse at one meeting, whose list of three cases is built and, for recording, locked. */
async function meetingForTwo() {
  const clock = { now: new Date('2026-12-02T08:15:00Z') };
  const { core } = await testCore({ now: () => clock.now });
  const sessions = { nurse: core.newSession(), chair: core.newSession() };
  await signInAs(core, sessions.nurse, 'contact_nurse');
  await signInAs(core, sessions.chair, 'physician');
  setWorkplace(core.db, { unitId: unitIdByCode(core.db, 'SU'), careAreaCodes: ['ANAL'] });
  const meetingId = insertMeeting(core.db, { localDate: '2026-12-03', startsAt: '2026-12-03T13:00:00.000Z' });
  const referralIds = ['Ek', 'Gran', 'Tall'].map((familyName) => insertReferral(core.db, { patientId: insertPatient(core.db, { familyName }) }));
  const nurse = createApiClient((m, i) => core.router(m, i, sessions.nurse));
  const chair = createApiClient((m, i) => core.router(m, i, sessions.chair));
  await nurse.call('caseLists.add', { meetingId, referralIds });
  return { clock, core, meetingId, referralIds, nurse, chair };
}

describe('row versions: the case list order', () => {
  it('refuses a reorder based on an older list, naming who changed it; a reorder based on the current one goes through', async () => {
    const {
      meetingId,
      referralIds: [a, b, c],
      nurse,
      chair,
      clock,
    } = await meetingForTwo();
    const seenByChair = (await chair.call('caseLists.get', { meetingId })).meeting.caseListVersion;
    const seenByNurse = (await nurse.call('caseLists.get', { meetingId })).meeting.caseListVersion;
    await nurse.call('caseLists.reorder', { meetingId, referralIds: [c, a, b], expectedVersion: seenByNurse });
    clock.now = new Date('2026-12-02T08:16:00Z');
    const refused = await rejection(chair.call('caseLists.reorder', { meetingId, referralIds: [b, a, c], expectedVersion: seenByChair }));
    expectNamedConflict(refused, 'caseList', 'Falllistan ändrades av', TEST_USER_NAMES.contact_nurse);
    const now = await chair.call('caseLists.get', { meetingId });
    expect(now.items.map((i) => i.referralId)).toEqual([c, a, b]);
    await chair.call('caseLists.reorder', { meetingId, referralIds: [b, a, c], expectedVersion: now.meeting.caseListVersion });
    expect((await nurse.call('caseLists.get', { meetingId })).items.map((i) => i.referralId)).toEqual([b, a, c]);
  });

  it('moves the version when a case is added, removed or re-timed too', async () => {
    const {
      meetingId,
      referralIds: [a],
      nurse,
    } = await meetingForTwo();
    const version = async () => (await nurse.call('caseLists.get', { meetingId })).meeting.caseListVersion;
    const before = await version();
    await nurse.call('caseLists.setMinutes', { meetingId, referralId: a, minutes: 15 });
    const afterMinutes = await version();
    expect(afterMinutes).toBeGreaterThan(before);
    await nurse.call('caseLists.remove', { meetingId, referralId: a });
    expect(await version()).toBeGreaterThan(afterMinutes);
  });
});

describe('row versions: recommendations', () => {
  it('refuses a recommendation based on an older one (or on none, once another was recorded), keeping what was there', async () => {
    const {
      meetingId,
      referralIds: [a],
      nurse,
      chair,
      clock,
    } = await meetingForTwo();
    await nurse.call('caseLists.lock', { meetingId });
    clock.now = new Date('2026-12-03T13:05:00Z');
    const base = { meetingId, referralId: a, intent: 'curative' as const, treatments: [] };
    // Both open the empty form (version 0); the nurse records first.
    await nurse.call('recommendations.record', { ...base, nextStep: 'Sjuksköterskans anteckning.', expectedVersion: 0 });
    clock.now = new Date('2026-12-03T13:07:00Z');
    const refused = await rejection(chair.call('recommendations.record', { ...base, nextStep: 'Ordförandens rekommendation.', expectedVersion: 0 }));
    expectNamedConflict(refused, 'recommendation', 'Rekommendationen ändrades av', TEST_USER_NAMES.contact_nurse);
    const item = (await chair.call('caseLists.get', { meetingId })).items.find((i) => i.referralId === a)!;
    expect(item.recommendations[0].nextStep).toBe('Sjuksköterskans anteckning.');
    // Reload and reapply: based on the current version, the chair's text is saved.
    await chair.call('recommendations.record', { ...base, nextStep: 'Ordförandens rekommendation.', expectedVersion: item.recommendations[0].rowVersion });
    const after = (await nurse.call('caseLists.get', { meetingId })).items.find((i) => i.referralId === a)!;
    expect(after.recommendations[0].nextStep).toBe('Ordförandens rekommendation.');
    expect(after.recommendations[0].rowVersion).toBeGreaterThan(item.recommendations[0].rowVersion);
  });
});

describe('row versions: care plans', () => {
  it('refuses a care-plan save based on an older version, naming who saved it; the reapplied save goes through', async () => {
    const { core, nurse, chair, clock } = await meetingForTwo();
    const { referralId } = arrangeDischarge(core.db);
    const { id } = await nurse.call('carePlans.create', { referralId });
    const openedByNurse = await nurse.call('carePlans.get', { id });
    const openedByChair = await chair.call('carePlans.get', { id });
    const edit = (p: typeof openedByNurse) => ({ ...p, expectedVersion: p.rowVersion });
    await nurse.call('carePlans.save', { ...edit(openedByNurse), treatmentSummary: 'Sjuksköterskans sammanfattning.' });
    clock.now = new Date('2026-12-02T08:30:00Z');
    const refused = await rejection(chair.call('carePlans.save', { ...edit(openedByChair), treatmentSummary: 'Ordförandens sammanfattning.' }));
    expectNamedConflict(refused, 'carePlan', 'Vårdplanen ändrades av', TEST_USER_NAMES.contact_nurse);
    const now = await chair.call('carePlans.get', { id });
    expect(now.treatmentSummary).toBe('Sjuksköterskans sammanfattning.');
    expect(now.updatedBy).toBe(TEST_USER_NAMES.contact_nurse);
    await chair.call('carePlans.save', { ...edit(now), treatmentSummary: 'Ordförandens sammanfattning.' });
    expect((await nurse.call('carePlans.get', { id })).treatmentSummary).toBe('Ordförandens sammanfattning.');
  });
});
