/** Arrange-only helpers for the follow-up tests: rows straight into a real database file. */
import type { Db } from '../src/main/db/driver';
import { testNow } from './clock';

const now = () => testNow().toISOString();

export function insertCarePlan(
  db: Db,
  p: {
    patientId: number;
    referralId: number;
    version?: number;
    status: 'draft' | 'finalised' | 'superseded';
    dischargeDate?: string | null;
    finalisedAt?: string | null;
  },
): number {
  const t = now();
  return Number(
    db
      .prepare(
        `INSERT INTO care_plan (patient_id, referral_id, version, status, discharge_date, finalised_at, finalised_by, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'test', ?, ?)`,
      )
      .run(p.patientId, p.referralId, p.version ?? 1, p.status, p.dischargeDate ?? null, p.finalisedAt ?? null, p.finalisedAt ? 'Dr Plan' : null, t, t)
      .lastInsertRowid,
  );
}

export function insertHandover(db: Db, h: { carePlanId: number; sentDate: string; confirmedDate?: string | null }): number {
  return Number(
    db
      .prepare(
        `INSERT INTO care_plan_handover (care_plan_id, receiving_unit_id, receiving_contact_nurse, sent_date, status, confirmed_date, confirmed_by, recorded_by, created_at)
         VALUES (?, (SELECT id FROM unit WHERE code = 'HELSINGBORG'), 'Kontaktsjuksköterska Hemregion', ?, ?, ?, ?, 'test', ?)`,
      )
      .run(h.carePlanId, h.sentDate, h.confirmedDate ? 'confirmed' : 'pending', h.confirmedDate ?? null, h.confirmedDate ? 'Mottagare' : null, now())
      .lastInsertRowid,
  );
}

/** A status change on the referral's timeline at a UTC instant. */
export function insertEvent(db: Db, referralId: number, at: string, from: string | null, to: string): void {
  db.prepare('INSERT INTO referral_event (referral_id, at, user_name, from_status, to_status) VALUES (?, ?, ?, ?, ?)').run(referralId, at, 'test', from, to);
}

export function insertCase(db: Db, meetingId: number, referralId: number, outcome: 'pending' | 'discussed' | 'postponed', position = 1): void {
  db.prepare('INSERT INTO case_list_item (meeting_id, referral_id, position, minutes, outcome) VALUES (?, ?, ?, 10, ?)').run(
    meetingId,
    referralId,
    position,
    outcome,
  );
}

export function insertRecommendation(db: Db, meetingId: number, referralId: number, recordedAt: string): void {
  db.prepare(`INSERT INTO recommendation (referral_id, meeting_id, intent, recorded_at, recorded_by) VALUES (?, ?, 'curative', ?, 'Dr Ordförande')`).run(
    referralId,
    meetingId,
    recordedAt,
  );
}

/** A participant with a role and attendance (null = not recorded) at a meeting. */
export function insertParticipant(db: Db, meetingId: number, role: string, attendance: 'present' | 'remote' | 'absent' | null, name = role): void {
  const personId = Number(db.prepare('INSERT INTO person (name, role, created_at) VALUES (?, ?, ?)').run(name, role, now()).lastInsertRowid);
  db.prepare('INSERT INTO meeting_participant (meeting_id, person_id, role, attendance) VALUES (?, ?, ?, ?)').run(meetingId, personId, role, attendance);
}

export function setMeetingStatus(db: Db, meetingId: number, status: 'planned' | 'cancelled' | 'finalised'): void {
  db.prepare('UPDATE meeting SET status = ? WHERE id = ?').run(status, meetingId);
}

export function setReferralDates(db: Db, referralId: number, d: { treatmentStartDate?: string | null; dischargeDate?: string | null }): void {
  db.prepare('UPDATE referral SET treatment_start_date = ?, discharge_date = ? WHERE id = ?').run(
    d.treatmentStartDate ?? null,
    d.dischargeDate ?? null,
    referralId,
  );
}

/**
 * The known dataset of the follow-up tests: care area ANAL, first quarter of 2025, target 30 days.
 * Every figure it yields is worked out by hand in test/service/follow-up.test.ts.
 *
 * R1 Halmstad (13, Södra)   received 01-10, suspicion 01-02, complete at once, discussed M1 02-05,
 *                            treatment 02-20, discharged 03-10 with a finalised plan; handover 03-10 → 03-14
 * R2 Varberg (13, Västra)   received 01-20, no suspicion date, completion asked 01-21, answered 01-28,
 *                            discussed M1, discharged 03-20 with only a draft plan
 * R3 Helsingborg (12, Södra) received 02-03, asked 02-04, answered 02-14, asked again 02-17 (open)
 * R4 SU (14, Västra)        received 02-10, suspicion 02-01, complete at once, postponed at M2 03-05,
 *                            discussed M3 03-19 (with recommendation), treatment 04-02
 * R5 KS (01, Sthlm-Gotland) received 03-15, not yet assessed
 * R6 SU                     received 2024-12-15 (before the period), suspicion 2024-12-01, discussed M1,
 *                            treatment 02-10, discharged 03-01; plan v1 superseded (was finalised), v2 draft;
 *                            handovers 03-01 (pending) and 03-25 → 04-05
 * R7 SARCOMA, received 01-15 and discharged 03-01: another care area, never counted
 * R8 SU                     received 03-31 (last day of the period), not yet assessed
 * Meetings: M1 02-05 finalised, M2 03-05 finalised (nothing discussed), M3 03-19 planned with a
 * discussed case, M4 03-26 cancelled, M5 04-02 outside the period.
 */
export function arrangeKnownDataset(
  db: Db,
  helpers: {
    insertPatient: (db: Db, p?: { homeRegionCode?: string }) => number;
    insertReferral: (
      db: Db,
      r: { patientId: number; careAreaCode?: string; referringUnitCode?: string; receivedDate?: string; suspicionDate?: string | null; status?: string },
    ) => number;
    insertMeeting: (db: Db, m: { careAreaCode?: string; localDate: string; startsAt: string }) => number;
  },
): void {
  db.prepare("UPDATE care_area SET lead_time_target_days = 30 WHERE code = 'ANAL'").run();
  const ref = (unit: string, receivedDate: string, suspicionDate: string | null, status: string, careAreaCode = 'ANAL') => {
    const patientId = helpers.insertPatient(db);
    return { patientId, id: helpers.insertReferral(db, { patientId, careAreaCode, referringUnitCode: unit, receivedDate, suspicionDate, status }) };
  };
  const r1 = ref('HALMSTAD', '2025-01-10', '2025-01-02', 'discussed');
  const r2 = ref('VARBERG', '2025-01-20', null, 'discussed');
  const r3 = ref('HELSINGBORG', '2025-02-03', '2025-01-15', 'awaiting_completion');
  const r4 = ref('SU', '2025-02-10', '2025-02-01', 'discussed');
  ref('KS', '2025-03-15', null, 'received');
  const r6 = ref('SU', '2024-12-15', '2024-12-01', 'discussed');
  const r7 = ref('SU', '2025-01-15', '2025-01-01', 'complete', 'SARCOMA');
  ref('SU', '2025-03-31', null, 'received');

  insertEvent(db, r1.id, '2025-01-11T08:00:00.000Z', 'received', 'complete');
  insertEvent(db, r2.id, '2025-01-21T09:00:00.000Z', 'received', 'awaiting_completion');
  insertEvent(db, r2.id, '2025-01-28T10:00:00.000Z', 'awaiting_completion', 'complete');
  insertEvent(db, r3.id, '2025-02-04T09:00:00.000Z', 'received', 'awaiting_completion');
  insertEvent(db, r3.id, '2025-02-14T09:00:00.000Z', 'awaiting_completion', 'complete');
  insertEvent(db, r3.id, '2025-02-17T09:00:00.000Z', 'complete', 'awaiting_completion');
  insertEvent(db, r4.id, '2025-02-10T12:00:00.000Z', 'received', 'complete');
  insertEvent(db, r6.id, '2024-12-16T08:00:00.000Z', 'received', 'complete');
  insertEvent(db, r7.id, '2025-01-16T08:00:00.000Z', 'received', 'awaiting_completion');

  const meeting = (localDate: string, status: 'planned' | 'cancelled' | 'finalised', careAreaCode = 'ANAL') => {
    const id = helpers.insertMeeting(db, { careAreaCode, localDate, startsAt: `${localDate}T13:00:00.000Z` });
    setMeetingStatus(db, id, status);
    return id;
  };
  const m1 = meeting('2025-02-05', 'finalised');
  const m2 = meeting('2025-03-05', 'finalised');
  const m3 = meeting('2025-03-19', 'planned');
  meeting('2025-03-26', 'cancelled');
  const m5 = meeting('2025-04-02', 'planned');
  insertCase(db, m1, r1.id, 'discussed', 1);
  insertCase(db, m1, r2.id, 'discussed', 2);
  insertCase(db, m1, r6.id, 'discussed', 3);
  insertCase(db, m2, r4.id, 'postponed', 1);
  insertCase(db, m3, r4.id, 'discussed', 1);
  insertRecommendation(db, m3, r4.id, '2025-03-19T14:00:00.000Z');
  insertCase(db, m5, r3.id, 'pending', 1);

  insertParticipant(db, m1, 'chair', 'present');
  insertParticipant(db, m1, 'surgeon', 'present');
  insertParticipant(db, m1, 'oncologist', 'remote');
  insertParticipant(db, m1, 'radiologist', 'absent', 'Radiolog A');
  insertParticipant(db, m1, 'radiologist', 'present', 'Radiolog B');
  insertParticipant(db, m2, 'chair', 'present');
  insertParticipant(db, m2, 'surgeon', 'absent');
  insertParticipant(db, m2, 'oncologist', 'present');
  insertParticipant(db, m3, 'chair', null);
  insertParticipant(db, m3, 'surgeon', null);

  setReferralDates(db, r1.id, { treatmentStartDate: '2025-02-20', dischargeDate: '2025-03-10' });
  setReferralDates(db, r2.id, { dischargeDate: '2025-03-20' });
  setReferralDates(db, r4.id, { treatmentStartDate: '2025-04-02', dischargeDate: '2025-04-15' });
  setReferralDates(db, r6.id, { treatmentStartDate: '2025-02-10', dischargeDate: '2025-03-01' });
  setReferralDates(db, r7.id, { dischargeDate: '2025-03-01' });

  const p1 = insertCarePlan(db, { ...r1, referralId: r1.id, status: 'finalised', dischargeDate: '2025-03-10', finalisedAt: '2025-03-09T10:00:00.000Z' });
  insertHandover(db, { carePlanId: p1, sentDate: '2025-03-10', confirmedDate: '2025-03-14' });
  insertCarePlan(db, { ...r2, referralId: r2.id, status: 'draft' });
  const p6 = insertCarePlan(db, { ...r6, referralId: r6.id, version: 1, status: 'superseded', finalisedAt: '2025-02-28T10:00:00.000Z' });
  const p6v2 = insertCarePlan(db, { ...r6, referralId: r6.id, version: 2, status: 'draft' });
  insertHandover(db, { carePlanId: p6, sentDate: '2025-03-01' });
  // A handover is one per plan version (care_plan_handover.care_plan_id is unique): the re-sent one belongs to version 2.
  insertHandover(db, { carePlanId: p6v2, sentDate: '2025-03-25', confirmedDate: '2025-04-05' });
  insertCarePlan(db, { ...r7, referralId: r7.id, status: 'finalised', finalisedAt: '2025-02-27T10:00:00.000Z' });
}
