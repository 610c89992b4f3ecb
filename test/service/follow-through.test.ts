/**
 * After the conference (issue: follow-through): wishes and trials recorded with the recommendation,
 * the implementation status and its worklist, sending a case back, and the follow-up figures, all
 * through the router on a real SQLite file with a pinned clock.
 */
import { describe, expect, it } from 'vitest';
import { errorOf, recommendation, signInAs, testCore } from './helpers';
import { createApiClient } from '../../src/shared/api/client';
import { pdfText } from '../pdf-text';
import { insertMeeting, insertPatient, insertReferral, unitIdByCode } from '../factories';
import { setWorkplace } from '../../src/main/services/system/workplace';
import type { ApiClient } from '../../src/shared/api/client';
import type { Core } from '../../src/main/core';
import type { RecommendationInput } from '../../src/shared/api/methods/case-lists';

/** A physician's core whose clock the test moves. */
async function setup() {
  const clock = { now: new Date('2026-11-06T07:30:00.000Z') };
  const { core, api } = await testCore({ localRole: 'physician', now: () => clock.now });
  const db = core.db;
  setWorkplace(db, { unitId: unitIdByCode(db, 'SU'), careAreaCodes: ['ANAL'] });
  db.prepare("UPDATE care_area SET treatment_options = ? WHERE code = 'ANAL'").run(JSON.stringify(['Radiokemoterapi', 'Kirurgi']));
  const meeting = (localDate: string) => insertMeeting(db, { localDate, startsAt: `${localDate}T07:00:00.000Z`, capacityCases: 10 });
  const referral = (name: string) => insertReferral(db, { receivedDate: '2026-10-20', patientId: insertPatient(db, { familyName: name }) });
  const at = (iso: string) => (clock.now = new Date(iso));
  // Rules, settings and referral edits belong to the administrator: a second session on the same core.
  const session = core.newSession();
  await signInAs(core, session, 'administrator');
  const admin = createApiClient((m, i) => core.router(m, i, session));
  return { core, api, admin, clock, meeting, referral, at };
}

const rec = recommendation;

/** Opens the case at `open`, closes it at `close` (HH:MM on the meeting day, UTC), as the meeting view does. */
async function discuss(api: ApiClient, at: (iso: string) => void, day: string, input: RecommendationInput, open: string, close: string) {
  at(`${day}T${open}:00.000Z`);
  await api.call('meetingCases.mark', { meetingId: input.meetingId, referralId: input.referralId, event: 'open' });
  at(`${day}T${close}:00.000Z`);
  await api.call('recommendations.record', input);
  await api.call('meetingCases.mark', { meetingId: input.meetingId, referralId: input.referralId, event: 'close' });
}

const status = (core: Core, id: number) => core.db.prepare('SELECT status FROM referral WHERE id = ?').pluck().get(id);

/**
 * The known dataset (care area ANAL, period November 2026):
 * M1 2026-11-06: c1, c2, c3 discussed, c4 postponed to M2.
 * M2 2026-11-13: c4, c5, c6 discussed.   M3 2026-12-04 (outside the period): c7 discussed.
 */
async function knownDataset() {
  const s = await setup();
  const { api, meeting, referral, at } = s;
  const [m1, m2, m3] = [meeting('2026-11-06'), meeting('2026-11-13'), meeting('2026-12-04')];
  const c = [0, 1, 2, 3, 4, 5, 6, 7].map((n) => (n === 0 ? 0 : referral(`Fall${n}`)));
  await api.call('caseLists.add', { meetingId: m1, referralIds: [c[1], c[2], c[3], c[4]] });
  await api.call('caseLists.lock', { meetingId: m1 });
  const day1 = '2026-11-06';
  await discuss(
    api,
    at,
    day1,
    rec(m1, c[1], {
      wishesConsidered: 'yes',
      wishesHow: 'Behandling på hemorten',
      trialConsidered: true,
      trialName: 'ANAL-RT2',
      trialEuCtNumber: '2023-503456-12-00',
    }),
    '08:00',
    '08:06',
  );
  await discuss(api, at, day1, rec(m1, c[2], { wishesConsidered: 'not_known', trialConsidered: false }), '08:06', '08:16');
  await discuss(
    api,
    at,
    day1,
    rec(m1, c[3], { wishesConsidered: 'partly', wishesHow: 'Kortare behandling', trialConsidered: true, trialNotEligibleReason: 'ECOG 3' }),
    '08:16',
    '08:20',
  );
  await api.call('recommendations.postpone', { meetingId: m1, referralId: c[4] });
  at('2026-11-06T09:00:00.000Z');
  await api.call('caseLists.finalise', { meetingId: m1 });

  await api.call('caseLists.add', { meetingId: m2, referralIds: [c[5], c[6]] });
  await api.call('caseLists.lock', { meetingId: m2 });
  const day2 = '2026-11-13';
  await discuss(api, at, day2, rec(m2, c[4], { wishesConsidered: 'no', wishesHow: 'Önskade avstå, men kurativ chans' }), '08:00', '08:12');
  at('2026-11-13T08:13:00.000Z');
  await api.call('recommendations.record', rec(m2, c[5])); // no wishes, no trial, never opened
  await discuss(api, at, day2, rec(m2, c[6], { wishesConsidered: 'yes', wishesHow: 'Som önskat', trialConsidered: false }), '08:12', '08:20');
  at('2026-11-13T09:00:00.000Z');
  await api.call('caseLists.finalise', { meetingId: m2 });

  await api.call('caseLists.add', { meetingId: m3, referralIds: [c[7]] });
  await api.call('caseLists.lock', { meetingId: m3 });
  await discuss(
    api,
    at,
    '2026-12-04',
    rec(m3, c[7], { wishesConsidered: 'yes', wishesHow: 'x', trialConsidered: true, trialNotEligibleReason: 'y' }),
    '08:00',
    '08:30',
  );
  at('2026-12-04T09:00:00.000Z');
  await api.call('caseLists.finalise', { meetingId: m3 });
  at('2026-12-05T10:00:00.000Z');
  return { ...s, m1, m2, m3, c };
}

describe('wishes and trials with the recommendation', () => {
  it('keeps them per case and refuses a malformed EU CT number, a trial without name or reason, and wishes without "how"', async () => {
    const { api, meeting, referral } = await setup();
    const m = meeting('2026-11-06');
    const r = referral('Andersson');
    await api.call('caseLists.add', { meetingId: m, referralIds: [r] });
    await api.call('caseLists.lock', { meetingId: m });
    const bad = await errorOf(api.call('recommendations.record', rec(m, r, { trialConsidered: true, trialName: 'X', trialEuCtNumber: '2023-50345-12-00' })));
    expect(bad.issues?.map((i) => [i.path, i.messageKey])).toEqual([['trialEuCtNumber', 'trial.euCtFormat']]);
    const noTrial = await errorOf(api.call('recommendations.record', rec(m, r, { trialConsidered: true })));
    expect(noTrial.issues?.map((i) => i.path)).toEqual(['trialName']);
    const noHow = await errorOf(api.call('recommendations.record', rec(m, r, { wishesConsidered: 'partly' })));
    expect(noHow.issues?.map((i) => i.path)).toEqual(['wishesHow']);
    // A refused call writes nothing: the case is still pending.
    expect((await api.call('caseLists.get', { meetingId: m })).items[0].outcome).toBe('pending');

    await api.call(
      'recommendations.record',
      rec(m, r, { wishesConsidered: 'yes', wishesHow: 'Nära hemmet', trialConsidered: true, trialName: 'ANAL-RT2', trialEuCtNumber: '2023-503456-12-00' }),
    );
    const item = (await api.call('caseLists.get', { meetingId: m })).items[0];
    expect(item.consideration).toMatchObject({
      wishesConsidered: 'yes',
      wishesHow: 'Nära hemmet',
      trialConsidered: true,
      trialName: 'ANAL-RT2',
      trialEuCtNumber: '2023-503456-12-00',
    });
  });

  it('the referral carries psychosocial situation and what the patient has been told; a care area can require them', async () => {
    const { admin: api, referral } = await setup();
    const id = referral('Berg');
    const before = await api.call('referrals.get', { id });
    expect(before.missing).not.toContain('psychosocial');
    await api.call('referralRules.save', {
      careAreaCode: 'ANAL',
      leadTimeTargetDays: 30,
      requiredFields: ['psychosocial', 'patientTold', 'comorbidity', 'ecog', 'patientWishes'],
    });
    expect((await api.call('referrals.get', { id })).missing).toEqual(['comorbidity', 'patientWishes', 'psychosocial', 'patientTold']);
    const {
      id: _id,
      patient: _p,
      status: _s,
      statusChangedAt: _c,
      withdrawnReason: _w,
      completionRequestedAt: _r,
      completionMissing: _m,
      missing: _x,
      leadTime: _l,
      timeline: _t,
      otherOpen: _o,
      ...fields
    } = before;
    await api.call('referrals.update', {
      id,
      referral: {
        ...fields,
        comorbidity: 'Diabetes',
        patientWishes: 'Nära hemmet',
        psychosocial: 'Bor ensam, dotter nära',
        patientTold: 'Känner till diagnosen, inte prognosen',
      },
    });
    const after = await api.call('referrals.get', { id });
    expect(after.missing).toEqual([]);
    expect(after).toMatchObject({ psychosocial: 'Bor ensam, dotter nära', patientTold: 'Känner till diagnosen, inte prognosen' });
  });
});

describe('follow-through of finalised recommendations', () => {
  it('lists cases with no status N days after the reply and those due; records statuses; sends a clinical deviation back', async () => {
    const { core, api, admin, m1, m2, c, meeting } = await knownDataset();
    // 2026-12-05: M1 replied 29 days ago, M2 22 days ago, M3 1 day ago (default: 14 days).
    let list = await api.call('followThrough.worklist', {});
    expect(list.settings.noStatusAfterDays).toBe(14);
    expect(list.rows.map((r) => [r.referralId, r.why, r.daysSinceReply])).toEqual([
      [c[1], 'no_status', 29],
      [c[2], 'no_status', 29],
      [c[3], 'no_status', 29],
      [c[4], 'no_status', 22],
      [c[5], 'no_status', 22],
      [c[6], 'no_status', 22],
    ]);
    expect(list.rows[0]).toMatchObject({ meetingDate: '2026-11-06', repliedOn: '2026-11-06', recommendation: 'Radiokemoterapi', status: null });

    // Refusals: before the meeting, in the future, a reason without deviation, send-back for the patient's choice, a status on an unfinished case.
    expect(
      (await errorOf(api.call('followThrough.record', { meetingId: m1, referralId: c[1], status: 'started', eventDate: '2026-11-05' }))).issues?.[0].messageKey,
    ).toBe('followThrough.beforeMeeting');
    expect(
      (await errorOf(api.call('followThrough.record', { meetingId: m1, referralId: c[1], status: 'started', eventDate: '2026-12-06' }))).issues?.[0].messageKey,
    ).toBe('followThrough.futureDate');
    expect(
      (await errorOf(api.call('followThrough.record', { meetingId: m1, referralId: c[1], status: 'deviated', eventDate: '2026-12-01' }))).issues?.[0]
        .messageKey,
    ).toBe('followThrough.reasonRequired');
    expect(
      (
        await errorOf(
          api.call('followThrough.record', {
            meetingId: m1,
            referralId: c[2],
            status: 'deviated',
            deviationReason: 'patient_choice',
            eventDate: '2026-12-01',
            rediscuss: true,
          }),
        )
      ).issues?.[0].path,
    ).toBe('rediscuss');

    await api.call('followThrough.record', { meetingId: m1, referralId: c[1], status: 'started', eventDate: '2026-11-16' });
    await api.call('followThrough.record', { meetingId: m1, referralId: c[1], status: 'carried_out', eventDate: '2026-12-01' });
    expect((await errorOf(api.call('followThrough.record', { meetingId: m1, referralId: c[1], status: 'awaiting', eventDate: '2026-12-02' }))).messageKey).toBe(
      'followThrough.badTransition',
    );
    await api.call('followThrough.record', { meetingId: m1, referralId: c[2], status: 'deviated', deviationReason: 'patient_choice', eventDate: '2026-11-20' });
    await api.call('followThrough.record', { meetingId: m1, referralId: c[3], status: 'started', eventDate: '2026-11-13' });
    const back = await api.call('followThrough.record', {
      meetingId: m2,
      referralId: c[4],
      status: 'deviated',
      deviationReason: 'progression',
      eventDate: '2026-11-30',
      note: 'Lungmetastaser',
      rediscuss: true,
    });
    expect(back).toEqual({ status: 'deviated', rediscussed: true });
    await api.call('followThrough.record', { meetingId: m2, referralId: c[6], status: 'awaiting', eventDate: '2026-11-20', nextCheckDate: '2026-12-05' });

    // Sent back in one step: complete again, with the reason in its timeline, and offered for the next meeting as a re-discussion.
    expect(status(core, c[4])).toBe('complete');
    const timeline = (await api.call('referrals.get', { id: c[4] })).timeline;
    expect(timeline.at(-1)).toMatchObject({ fromStatus: 'discussed', toStatus: 'complete', note: 'Åter till MDK efter avvikelse: Progress' });
    const m4 = meeting('2026-12-11');
    expect((await api.call('caseLists.proposal', { meetingId: m4 })).fits.map((f) => f.referralId)).toContain(c[4]);

    list = await api.call('followThrough.worklist', {});
    expect(list.rows.map((r) => [r.referralId, r.why])).toEqual([
      [c[5], 'no_status'],
      [c[6], 'due'],
    ]);
    await admin.call('followThrough.saveSettings', { noStatusAfterDays: 23 });
    expect((await api.call('followThrough.worklist', {})).rows.map((r) => r.referralId)).toEqual([c[6]]);

    const kept = await api.call('followThrough.get', { meetingId: m1, referralId: c[1] });
    expect(kept.status).toBe('carried_out');
    expect(kept.events.map((e) => [e.status, e.eventDate, e.recordedBy])).toEqual([
      ['started', '2026-11-16', 'Per Läkare'],
      ['carried_out', '2026-12-01', 'Per Läkare'],
    ]);
    expect((await errorOf(api.call('followThrough.get', { meetingId: m4, referralId: c[4] }))).code).toBe('validation');

    // Every method that showed or changed a patient logged it.
    const logged = core.db
      .prepare(
        "SELECT method, action, count(*) n FROM access_log WHERE method LIKE 'followThrough.%' OR method = 'meetingCases.mark' GROUP BY method, action ORDER BY method",
      )
      .all();
    expect(logged).toEqual([
      { method: 'followThrough.get', action: 'read', n: 1 },
      { method: 'followThrough.record', action: 'change', n: 6 },
      { method: 'followThrough.worklist', action: 'read', n: 6 + 2 + 1 },
      { method: 'meetingCases.mark', action: 'change', n: 12 },
    ]);
  });

  it('computes the follow-up figures of the known dataset as calculated by hand', async () => {
    const { api, admin, m1, m2, c } = await knownDataset();
    await api.call('followThrough.record', { meetingId: m1, referralId: c[1], status: 'started', eventDate: '2026-11-16' });
    await api.call('followThrough.record', { meetingId: m1, referralId: c[1], status: 'carried_out', eventDate: '2026-12-01' });
    await api.call('followThrough.record', { meetingId: m1, referralId: c[2], status: 'deviated', deviationReason: 'patient_choice', eventDate: '2026-11-20' });
    await api.call('followThrough.record', { meetingId: m1, referralId: c[3], status: 'started', eventDate: '2026-11-13' });
    await api.call('followThrough.record', { meetingId: m2, referralId: c[4], status: 'deviated', deviationReason: 'progression', eventDate: '2026-11-30' });
    await api.call('followThrough.record', { meetingId: m2, referralId: c[6], status: 'awaiting', eventDate: '2026-11-20' });
    await admin.call('followThrough.saveTargets', {
      careAreaCode: 'ANAL',
      implementationRate: 0.85,
      wishesRecorded: 0.9,
      trialConsidered: 0.5,
      postponementRate: 0.1,
    });

    const f = await api.call('followThrough.figures', { careAreaCode: 'ANAL', from: '2026-11-01', to: '2026-11-30' });
    // Discussed in November: c1, c2, c3 (M1) and c4, c5, c6 (M2) = 6; c7 (M3, December) is outside.
    expect(f.discussed).toBe(6);
    // Latest status: c1 carried out, c2 deviated, c3 started, c4 deviated, c5 none, c6 awaiting.
    // Rate = (started 1 + carried out 1) / (1 + 1 + deviated 2) = 2/4 = 0.5.
    expect(f.implementation).toEqual({
      noStatus: 1,
      awaiting: 1,
      started: 1,
      carriedOut: 1,
      deviated: 2,
      rate: 0.5,
      deviationReasons: [
        { reason: 'patient_choice', count: 1 },
        { reason: 'comorbidity_or_performance', count: 0 },
        { reason: 'progression', count: 1 },
        { reason: 'other_clinical', count: 0 },
        { reason: 'not_known', count: 0 },
      ],
    });
    // Conference to start: c1 11-06 → 11-16 = 10 days, c3 11-06 → 11-13 = 7 days.
    // Median (7 + 10) / 2 = 8.5; P90 nearest rank ⌈0.9 · 2⌉ = 2nd = 10.
    expect(f.conferenceToStart).toEqual({ count: 2, median: 8.5, p90: 10, withinTarget: null });
    // Wishes recorded (yes/partly/no): c1 yes, c3 partly, c4 no, c6 yes = 4 of 6 (c2 not known, c5 nothing).
    expect(f.wishesRecorded).toBe(4);
    expect(f.wishesRecordedShare).toBeCloseTo(4 / 6, 10);
    // Trial considered: c1 (ANAL-RT2) and c3 (not eligible) = 2 of 6.
    expect(f.trialConsidered).toBe(2);
    expect(f.trialConsideredShare).toBeCloseTo(2 / 6, 10);
    // Postponed: c4 at M1 = 1; decided at M1 and M2: 6 discussed + 1 postponed = 7 → 1/7.
    expect(f.postponed).toBe(1);
    expect(f.postponementRate).toBeCloseTo(1 / 7, 10);
    // Discussion minutes: c1 6, c2 10, c3 4, c4 12, c6 8 (c5 never opened) → sorted 4, 6, 8, 10, 12:
    // median 8, P90 rank ⌈0.9 · 5⌉ = 5th = 12.
    expect(f.discussionMinutes).toEqual({ count: 5, median: 8, p90: 12, withinTarget: null });
    expect(f.targets).toEqual({ implementationRate: 0.85, wishesRecorded: 0.9, trialConsidered: 0.5, postponementRate: 0.1, checklistComplete: null });
  });

  it('the reply letter tells the referring unit how to report back, to the national unit by name', async () => {
    const { api, core, m1, c } = await knownDataset();
    const unit = core.db.prepare("SELECT name FROM unit WHERE code = 'SU'").pluck().get() as string;
    const { text } = await pdfText(Buffer.from((await api.call('caseLists.replyPdf', { meetingId: m1, referralId: c[1] })).base64, 'base64'));
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Återrapportering');
    expect(flat).toContain(`meddela ${unit}`);
    expect(flat).toContain('patientens val, samsjuklighet eller funktionsstatus, progress');
  });
});
