/**
 * The follow-up dashboard reads data derived by triggers (migration 0010): each referral's lead
 * times in days on referral_mdk_date, each handover's care area, follow_up_discharge and
 * follow_up_completion_request. These tests change the base rows along every path that can change
 * a derived value and check, each time, that the derived rows equal what the base tables say (the
 * oracle below states the rules afresh) and that the dashboard shows it.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Db } from '../../src/main/db/driver';
import { openDatabase } from '../../src/main/db/driver';
import { migrate } from '../../src/main/db/migrate';
import { migrations } from '../../src/main/db/migrations';
import { tempDir, testCore } from './helpers';
import { insertMeeting, insertPatient, insertReferral } from '../factories';
import { insertCarePlan, insertCase, insertEvent, insertHandover, insertRecommendation, setReferralDates } from '../follow-up-fixtures';

/** Derived rows that differ from the rules applied to the base tables (empty when all agree). */
function disagreements(db: Db): { leadTimes: unknown[]; handovers: unknown[]; discharges: unknown[]; completionRequests: unknown[] } {
  const leadTimes = db
    .prepare(
      `SELECT d.referral_id FROM referral_mdk_date d JOIN referral r ON r.id = d.referral_id
        WHERE d.care_area_code IS NOT r.care_area_code
           OR d.received_to_mdk_days IS NOT CAST(julianday(d.mdk_date) - julianday(r.received_date) AS INTEGER)
           OR d.suspicion_to_mdk_days IS NOT CAST(julianday(d.mdk_date) - julianday(r.suspicion_date) AS INTEGER)
           OR d.mdk_to_treatment_days IS NOT CAST(julianday(r.treatment_start_date) - julianday(d.mdk_date) AS INTEGER)`,
    )
    .all();
  const handovers = db
    .prepare(
      `SELECT h.id FROM care_plan_handover h JOIN care_plan cp ON cp.id = h.care_plan_id JOIN referral r ON r.id = cp.referral_id
        WHERE h.care_area_code IS NOT r.care_area_code
           OR h.confirmation_days IS NOT CAST(julianday(h.confirmed_date) - julianday(h.sent_date) AS INTEGER)`,
    )
    .all();
  const truth = `SELECT r.id, r.care_area_code, r.discharge_date,
                        EXISTS (SELECT 1 FROM care_plan cp WHERE cp.referral_id = r.id AND cp.finalised_at IS NOT NULL)
                   FROM referral r WHERE r.discharge_date IS NOT NULL`;
  const stored = 'SELECT referral_id, care_area_code, discharge_date, finalised_care_plan FROM follow_up_discharge';
  const discharges = db.prepare(`${truth} EXCEPT ${stored} UNION ALL SELECT * FROM (${stored} EXCEPT ${truth})`).raw().all();
  // A request is answered by the first later step from awaiting_completion to complete.
  const asked = `SELECT e.id, e.referral_id, r.care_area_code, r.received_date, r.status != 'received',
                        CAST(julianday(date((SELECT min(a.at) FROM referral_event a WHERE a.referral_id = e.referral_id AND a.at >= e.at
                                               AND a.from_status = 'awaiting_completion' AND a.to_status = 'complete'))) - julianday(date(e.at)) AS INTEGER)
                   FROM referral_event e JOIN referral r ON r.id = e.referral_id WHERE e.to_status = 'awaiting_completion'`;
  const kept = 'SELECT event_id, referral_id, care_area_code, received_date, assessed, answer_days FROM follow_up_completion_request';
  const completionRequests = db.prepare(`${asked} EXCEPT ${kept} UNION ALL SELECT * FROM (${kept} EXCEPT ${asked})`).raw().all();
  return { leadTimes, handovers, discharges, completionRequests };
}

const agreeing = { leadTimes: [], handovers: [], discharges: [], completionRequests: [] };

function referral(db: Db, r: Partial<Parameters<typeof insertReferral>[1]> = {}) {
  const patientId = insertPatient(db);
  return {
    patientId,
    id: insertReferral(db, { patientId, careAreaCode: 'ANAL', receivedDate: '2025-01-10', suspicionDate: '2025-01-02', status: 'discussed', ...r }),
  };
}

const meeting = (db: Db, localDate: string, careAreaCode = 'ANAL') => insertMeeting(db, { careAreaCode, localDate, startsAt: `${localDate}T13:00:00.000Z` });
const Q1 = { careAreaCode: 'ANAL', from: '2025-01-01', to: '2025-03-31' };
const Q1_SARCOMA = { ...Q1, careAreaCode: 'SARCOMA' };

describe('lead times kept on referral_mdk_date', () => {
  it('follow the MDK date and every date of the referral they are counted from', async () => {
    const { core, api } = await testCore();
    const db = core.db;
    const r = referral(db);
    const m = meeting(db, '2025-02-05');
    insertCase(db, m, r.id, 'discussed');
    // 01-10 → 02-05 = 26 days; suspicion 01-02 → 02-05 = 34; no treatment yet.
    let l = (await api.call('followUp.dashboard', Q1)).leadTimes;
    expect([l.receivedToMdk.median, l.suspicionToMdk.median, l.mdkToTreatment.count]).toEqual([26, 34, 0]);
    expect(disagreements(db)).toEqual(agreeing);

    const update = (sql: string, ...args: unknown[]) => db.prepare(`UPDATE referral SET ${sql} WHERE id = ?`).run(...args, r.id);
    update("received_date = '2025-01-20'"); // 16 days
    update('suspicion_date = NULL'); // no longer counted
    setReferralDates(db, r.id, { treatmentStartDate: '2025-02-25' }); // 20 days
    l = (await api.call('followUp.dashboard', Q1)).leadTimes;
    expect([l.receivedToMdk.median, l.suspicionToMdk.count, l.mdkToTreatment.median]).toEqual([16, 0, 20]);
    expect(disagreements(db)).toEqual(agreeing);

    update("suspicion_date = '2025-01-05'"); // 31 days
    setReferralDates(db, r.id, { treatmentStartDate: null });
    db.prepare("UPDATE meeting SET local_date = '2025-02-12' WHERE id = ?").run(m); // moved a week: 23 and 38 days
    l = (await api.call('followUp.dashboard', Q1)).leadTimes;
    expect([l.receivedToMdk.median, l.suspicionToMdk.median, l.mdkToTreatment.count]).toEqual([23, 38, 0]);
    expect(disagreements(db)).toEqual(agreeing);

    // A recommendation at an earlier meeting makes that the MDK date (01-30: 10 days after receipt).
    insertRecommendation(db, meeting(db, '2025-01-30'), r.id, '2025-01-30T14:00:00.000Z');
    expect((await api.call('followUp.dashboard', Q1)).leadTimes.receivedToMdk.median).toBe(10);
    // Another care area takes the referral and its lead times along.
    update("care_area_code = 'SARCOMA'");
    expect((await api.call('followUp.dashboard', Q1)).leadTimes.receivedToMdk.count).toBe(0);
    expect((await api.call('followUp.dashboard', Q1_SARCOMA)).leadTimes.receivedToMdk.median).toBe(10);
    expect(disagreements(db)).toEqual(agreeing);
  });
});

describe("handovers carry their plan's care area", () => {
  it('when sent, confirmed, moved to another plan, when the plan moves to another referral and when the referral changes care area', async () => {
    const { core, api } = await testCore();
    const db = core.db;
    const anal = referral(db);
    const sarcoma = referral(db, { careAreaCode: 'SARCOMA' });
    const analPlan = insertCarePlan(db, { ...anal, referralId: anal.id, status: 'finalised', finalisedAt: '2025-03-01T10:00:00.000Z' });
    const sarcomaPlan = insertCarePlan(db, { ...sarcoma, referralId: sarcoma.id, status: 'finalised', finalisedAt: '2025-03-01T10:00:00.000Z' });
    const handover = insertHandover(db, { carePlanId: analPlan, sentDate: '2025-03-02' });
    const sent = async (q = Q1) => {
      const c = (await api.call('followUp.dashboard', q)).carePlans;
      return [c.handoversSent, c.handoversConfirmed, c.confirmationDays.median];
    };
    expect(await sent()).toEqual([1, 0, null]);
    expect(disagreements(db)).toEqual(agreeing);

    db.prepare("UPDATE care_plan_handover SET status = 'confirmed', confirmed_date = '2025-03-09', confirmed_by = 'Mottagare' WHERE id = ?").run(handover);
    expect(await sent()).toEqual([1, 1, 7]);

    db.prepare('UPDATE care_plan_handover SET care_plan_id = ? WHERE id = ?').run(sarcomaPlan, handover);
    expect(await sent()).toEqual([0, 0, null]);
    expect(await sent(Q1_SARCOMA)).toEqual([1, 1, 7]);
    expect(disagreements(db)).toEqual(agreeing);

    db.prepare('UPDATE care_plan SET referral_id = ?, patient_id = ?, version = 2 WHERE id = ?').run(anal.id, anal.patientId, sarcomaPlan);
    expect(await sent()).toEqual([1, 1, 7]);
    expect(disagreements(db)).toEqual(agreeing);

    db.prepare("UPDATE referral SET care_area_code = 'ILP' WHERE id = ?").run(anal.id);
    expect(await sent()).toEqual([0, 0, null]);
    expect(await sent({ ...Q1, careAreaCode: 'ILP' })).toEqual([1, 1, 7]);
    expect(disagreements(db)).toEqual(agreeing);
  });

  it('when a care-area code is renamed (ON UPDATE CASCADE reaches the referral), with lead times and discharges', async () => {
    const { core, api } = await testCore();
    const db = core.db;
    const r = referral(db);
    insertCase(db, meeting(db, '2025-02-05'), r.id, 'discussed');
    setReferralDates(db, r.id, { dischargeDate: '2025-03-01' });
    insertHandover(db, {
      carePlanId: insertCarePlan(db, { ...r, referralId: r.id, status: 'finalised', finalisedAt: '2025-02-28T10:00:00.000Z' }),
      sentDate: '2025-03-02',
    });
    db.prepare("UPDATE care_area SET code = 'ANAL2' WHERE code = 'ANAL'").run();
    expect(disagreements(db)).toEqual(agreeing);
    const d = await api.call('followUp.dashboard', { ...Q1, careAreaCode: 'ANAL2' });
    expect([d.volumes.total, d.leadTimes.receivedToMdk.count, d.carePlans.withFinalisedPlan, d.carePlans.handoversSent]).toEqual([1, 1, 1, 1]);
  });
});

describe('discharges with a finalised care plan (follow_up_discharge)', () => {
  it('follow the discharge date, the care area, every version of the plan, and deletions', async () => {
    const { core, api } = await testCore();
    const db = core.db;
    const plans = async (q = Q1) => {
      const c = (await api.call('followUp.dashboard', q)).carePlans;
      return [c.discharged, c.withFinalisedPlan];
    };
    const r = referral(db);
    const other = referral(db);
    expect(await plans()).toEqual([0, 0]);

    const v1 = insertCarePlan(db, { ...r, referralId: r.id, status: 'draft' });
    setReferralDates(db, r.id, { dischargeDate: '2025-03-01' });
    expect(await plans()).toEqual([1, 0]);
    expect(disagreements(db)).toEqual(agreeing);

    db.prepare("UPDATE care_plan SET status = 'finalised', finalised_at = '2025-03-01T10:00:00.000Z', finalised_by = 'Dr' WHERE id = ?").run(v1);
    expect(await plans()).toEqual([1, 1]);
    // A new version supersedes the finalised one: still counted (it was finalised).
    db.prepare("UPDATE care_plan SET status = 'superseded', superseded_at = '2025-03-05T10:00:00.000Z' WHERE id = ?").run(v1);
    const v2 = insertCarePlan(db, { ...r, referralId: r.id, version: 2, status: 'draft' });
    expect(await plans()).toEqual([1, 1]);
    expect(disagreements(db)).toEqual(agreeing);

    setReferralDates(db, r.id, { dischargeDate: '2025-04-02' }); // out of the period
    expect(await plans()).toEqual([0, 0]);
    setReferralDates(db, r.id, { dischargeDate: '2025-03-15' });
    db.prepare("UPDATE referral SET care_area_code = 'SARCOMA' WHERE id = ?").run(r.id);
    expect(await plans()).toEqual([0, 0]);
    expect(await plans(Q1_SARCOMA)).toEqual([1, 1]);
    db.prepare("UPDATE referral SET care_area_code = 'ANAL' WHERE id = ?").run(r.id);
    expect(disagreements(db)).toEqual(agreeing);

    // The finalised version moves to another (discharged) referral: each referral is judged afresh.
    setReferralDates(db, other.id, { dischargeDate: '2025-03-20' });
    expect(await plans()).toEqual([2, 1]);
    db.prepare('UPDATE care_plan SET referral_id = ?, patient_id = ? WHERE id = ?').run(other.id, other.patientId, v1);
    expect(await plans()).toEqual([2, 1]);
    expect(disagreements(db)).toEqual(agreeing);
    db.prepare('DELETE FROM care_plan WHERE id = ?').run(v1);
    expect(await plans()).toEqual([2, 0]);
    expect(disagreements(db)).toEqual(agreeing);

    // A referral inserted already discharged, with a plan finalised at once; then deleted.
    const fresh = referral(db);
    setReferralDates(db, fresh.id, { dischargeDate: '2025-02-01' });
    const freshPlan = insertCarePlan(db, { ...fresh, referralId: fresh.id, status: 'finalised', finalisedAt: '2025-02-01T10:00:00.000Z' });
    expect(await plans()).toEqual([3, 1]);
    db.prepare('DELETE FROM care_plan WHERE id = ?').run(freshPlan);
    db.prepare('DELETE FROM referral WHERE id = ?').run(fresh.id);
    db.prepare('DELETE FROM care_plan WHERE id = ?').run(v2);
    setReferralDates(db, r.id, { dischargeDate: null });
    expect(await plans()).toEqual([1, 0]);
    expect(disagreements(db)).toEqual(agreeing);
  });

  it('counts a referral inserted with its discharge date', async () => {
    const { core } = await testCore();
    const db = core.db;
    const patientId = insertPatient(db);
    const id = insertReferral(db, { patientId, careAreaCode: 'ANAL', receivedDate: '2025-01-10' });
    const row = db.prepare('SELECT * FROM referral WHERE id = ?').get(id) as Record<string, unknown>;
    const columns = Object.keys(row).filter((c) => c !== 'id' && c !== 'import_key');
    db.prepare(
      `INSERT INTO referral (${columns.join(', ')}) SELECT ${columns.map((c) => (c === 'discharge_date' ? "'2025-03-03'" : c)).join(', ')} FROM referral WHERE id = ?`,
    ).run(id);
    expect(db.prepare('SELECT count(*) FROM follow_up_discharge').pluck().get()).toBe(1);
    expect(disagreements(db)).toEqual(agreeing);
  });
});

describe('completion requests (follow_up_completion_request)', () => {
  it("follow the referral's timeline, care area, received date and assessment", async () => {
    const { core, api } = await testCore();
    const db = core.db;
    const c = async (q = Q1) => {
      const x = (await api.call('followUp.dashboard', q)).completeness;
      return [x.assessed, x.referralsWithRequest, x.requests, x.requestsAnswered, x.answerDays.median];
    };
    const r = referral(db, { status: 'received' });
    insertEvent(db, r.id, '2025-01-11T08:00:00.000Z', 'received', 'awaiting_completion');
    // Still "received" in its status column (as written here): not assessed, so not counted.
    expect(await c()).toEqual([0, 0, 0, 0, null]);
    db.prepare("UPDATE referral SET status = 'awaiting_completion' WHERE id = ?").run(r.id);
    expect(await c()).toEqual([1, 1, 1, 0, null]);
    insertEvent(db, r.id, '2025-01-15T23:30:00.000Z', 'awaiting_completion', 'complete'); // 01-11 → 01-15: 4 days
    expect(await c()).toEqual([1, 1, 1, 1, 4]);
    expect(disagreements(db)).toEqual(agreeing);

    // A second request, answered later; then the first answer is moved and the second request removed.
    insertEvent(db, r.id, '2025-01-20T08:00:00.000Z', 'complete', 'awaiting_completion');
    insertEvent(db, r.id, '2025-01-30T08:00:00.000Z', 'awaiting_completion', 'complete'); // 10 days
    expect(await c()).toEqual([1, 1, 2, 2, 7]);
    const event = (at: string) => db.prepare('SELECT id FROM referral_event WHERE referral_id = ? AND at = ?').pluck().get(r.id, at) as number;
    db.prepare("UPDATE referral_event SET at = '2025-01-12T08:00:00.000Z' WHERE id = ?").run(event('2025-01-15T23:30:00.000Z')); // 1 day
    expect(await c()).toEqual([1, 1, 2, 2, 5.5]);
    db.prepare('DELETE FROM referral_event WHERE id = ?').run(event('2025-01-20T08:00:00.000Z'));
    expect(await c()).toEqual([1, 1, 1, 1, 1]);
    expect(disagreements(db)).toEqual(agreeing);

    // Its answer deleted, the next step back to complete answers it (01-11 → 01-30: 19 days); without
    // that one it is open again. Then the request itself is rewritten as another step.
    db.prepare('DELETE FROM referral_event WHERE id = ?').run(event('2025-01-12T08:00:00.000Z'));
    expect(await c()).toEqual([1, 1, 1, 1, 19]);
    db.prepare('DELETE FROM referral_event WHERE id = ?').run(event('2025-01-30T08:00:00.000Z'));
    expect(await c()).toEqual([1, 1, 1, 0, null]);
    db.prepare("UPDATE referral_event SET to_status = 'complete' WHERE id = ?").run(event('2025-01-11T08:00:00.000Z'));
    expect(await c()).toEqual([1, 0, 0, 0, null]);
    db.prepare("UPDATE referral_event SET to_status = 'awaiting_completion' WHERE id = ?").run(event('2025-01-11T08:00:00.000Z'));
    expect(disagreements(db)).toEqual(agreeing);

    // The referral moves: received later (out of Q1), then to another care area; the step moves to another referral.
    db.prepare("UPDATE referral SET received_date = '2025-04-02' WHERE id = ?").run(r.id);
    expect(await c()).toEqual([0, 0, 0, 0, null]);
    db.prepare("UPDATE referral SET received_date = '2025-01-10', care_area_code = 'SARCOMA' WHERE id = ?").run(r.id);
    expect(await c(Q1_SARCOMA)).toEqual([1, 1, 1, 0, null]);
    const other = referral(db);
    db.prepare('UPDATE referral_event SET referral_id = ? WHERE id = ?').run(other.id, event('2025-01-11T08:00:00.000Z'));
    expect(await c(Q1_SARCOMA)).toEqual([1, 0, 0, 0, null]);
    expect(await c()).toEqual([1, 1, 1, 0, null]);
    expect(disagreements(db)).toEqual(agreeing);
  });
});

describe('migration 0010 fills the derived data for rows written before it', () => {
  it('gives every existing MDK date its lead times, every handover its care area, every discharge and completion request its row', () => {
    const db = openDatabase(join(tempDir(), 'before-0010.sqlite'));
    const upTo = migrations.findIndex((m) => m.id === '0010_follow_up_covering');
    migrate(db, migrations.slice(0, upTo));
    const r = referral(db);
    const s = referral(db, { careAreaCode: 'SARCOMA', suspicionDate: null });
    insertCase(db, meeting(db, '2025-02-05'), r.id, 'discussed');
    insertRecommendation(db, meeting(db, '2025-02-06', 'SARCOMA'), s.id, '2025-02-06T14:00:00.000Z');
    setReferralDates(db, r.id, { treatmentStartDate: '2025-02-20', dischargeDate: '2025-03-01' });
    setReferralDates(db, s.id, { dischargeDate: '2025-03-02' });
    const plan = insertCarePlan(db, { ...r, referralId: r.id, status: 'finalised', finalisedAt: '2025-02-28T10:00:00.000Z' });
    insertHandover(db, { carePlanId: plan, sentDate: '2025-03-02', confirmedDate: '2025-03-04' });
    insertCarePlan(db, { ...s, referralId: s.id, status: 'draft' });
    insertEvent(db, r.id, '2025-01-11T08:00:00.000Z', 'received', 'awaiting_completion');
    insertEvent(db, r.id, '2025-01-14T08:00:00.000Z', 'awaiting_completion', 'complete');
    insertEvent(db, s.id, '2025-01-12T08:00:00.000Z', 'received', 'awaiting_completion');

    migrate(db, migrations);
    expect(disagreements(db)).toEqual(agreeing);
    expect(
      db.prepare('SELECT received_to_mdk_days, suspicion_to_mdk_days, mdk_to_treatment_days FROM referral_mdk_date ORDER BY referral_id').raw().all(),
    ).toEqual([
      [26, 34, 15],
      [27, null, null],
    ]);
    expect(db.prepare('SELECT care_area_code, confirmation_days FROM care_plan_handover').raw().all()).toEqual([['ANAL', 2]]);
    expect(db.prepare('SELECT care_area_code, discharge_date, finalised_care_plan FROM follow_up_discharge ORDER BY referral_id').raw().all()).toEqual([
      ['ANAL', '2025-03-01', 1],
      ['SARCOMA', '2025-03-02', 0],
    ]);
    expect(db.prepare('SELECT referral_id, care_area_code, assessed, answer_days FROM follow_up_completion_request ORDER BY event_id').raw().all()).toEqual([
      [r.id, 'ANAL', 1, 3],
      [s.id, 'SARCOMA', 1, null],
    ]);
    db.close();
  });
});
