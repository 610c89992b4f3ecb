/**
 * The meeting itself: a recommendation (behandlingsrekommendation) per case, or postponed to the next
 * meeting; the chair finalises; after that a recommendation changes only by an amendment with a
 * reason, which keeps the earlier version.
 */
import type { RequestContext } from '../../router/context';
import type { Db } from '../../db/driver';
import { conflict, invalid } from '../../../shared/api/errors';
import { insertionIndex } from '../../../shared/domain/agenda';
import type { Intent } from '../../../shared/api/methods/case-lists';
import { changeReferralStatus } from '../referrals/status';
import { loadItems, loadMeeting, nextMeetingAfter, type MeetingRow } from './queries';
import { assertStarted, quorumOnFinalise } from './quorum';
import { assertVersion } from '../row-version';
import type { NotQuorate } from '../../../shared/api/methods/case-lists';

export interface RecommendationData {
  meetingId: number;
  referralId: number;
  intent: Intent;
  treatments: string[];
  treatmentText: string | null;
  placeOfTreatment: string | null;
  nextStep: string | null;
  responsibleUnitId: number | null;
  rediscussDate: string | null;
  /** The current recommendation's row version the save is based on (0: none yet); see row-version.ts. */
  expectedVersion?: number;
}

interface CurrentRecommendation {
  id: number;
  version: number;
  rowVersion: number;
  recordedBy: string;
  recordedAt: string;
}

/** The case's recommendation in force at this meeting, after a save based on an older one is refused. */
function currentRecommendation(ctx: RequestContext, r: RecommendationData): CurrentRecommendation | undefined {
  const current = ctx.db
    .prepare(
      `SELECT id, version, row_version rowVersion, recorded_by recordedBy, recorded_at recordedAt
         FROM recommendation WHERE referral_id = ? AND meeting_id = ? AND superseded_at IS NULL`,
    )
    .get(r.referralId, r.meetingId) as CurrentRecommendation | undefined;
  assertVersion(
    'recommendation',
    r.expectedVersion,
    current ? { version: current.rowVersion, by: current.recordedBy, at: current.recordedAt } : { version: 0, by: null, at: ctx.now().toISOString() },
  );
  return current;
}

interface ItemState {
  patientId: number;
  outcome: 'pending' | 'discussed' | 'postponed';
  minutes: number;
  rediscussion: number;
}

function itemState(db: Db, meetingId: number, referralId: number): ItemState {
  const row = db
    .prepare(
      `SELECT r.patient_id patientId, ci.outcome, ci.minutes,
              EXISTS (SELECT 1 FROM recommendation rc WHERE rc.referral_id = ci.referral_id AND rc.meeting_id <> ci.meeting_id) rediscussion
         FROM case_list_item ci JOIN referral r ON r.id = ci.referral_id WHERE ci.meeting_id = ? AND ci.referral_id = ?`,
    )
    .get(meetingId, referralId) as ItemState | undefined;
  if (!row) throw invalid('referralId', 'caseList.notOnList', { id: referralId });
  return row;
}

/** Checks a recommendation against the care area's treatment list, the unit register and the meeting date. */
function validate(db: Db, m: MeetingRow, r: RecommendationData): void {
  const unknown = r.treatments.find((t) => !m.treatmentOptions.includes(t));
  if (unknown) throw invalid('treatments', 'recommendation.unknownTreatment', { name: unknown });
  if (r.treatments.length === 0 && !r.treatmentText && !r.nextStep) throw invalid('treatments', 'recommendation.needContent');
  if (r.responsibleUnitId !== null && !db.prepare('SELECT 1 FROM unit WHERE id = ?').get(r.responsibleUnitId)) {
    throw invalid('responsibleUnitId', 'workplace.unknownUnit');
  }
  if (r.rediscussDate !== null && r.rediscussDate <= m.localDate) throw invalid('rediscussDate', 'recommendation.rediscussAfter', { date: m.localDate });
}

function insertVersion(ctx: RequestContext, r: RecommendationData, version: number, reason: string | null, rowVersion = 1): void {
  ctx.db
    .prepare(
      `INSERT INTO recommendation (referral_id, meeting_id, version, intent, treatments, treatment_text, place_of_treatment, next_step,
         responsible_unit_id, rediscuss_date, amendment_reason, recorded_at, recorded_by, row_version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      r.referralId,
      r.meetingId,
      version,
      r.intent,
      JSON.stringify(r.treatments),
      r.treatmentText,
      r.placeOfTreatment,
      r.nextStep,
      r.responsibleUnitId,
      r.rediscussDate,
      reason,
      ctx.now().toISOString(),
      ctx.caller.name,
      rowVersion,
    );
}

/** During the meeting (list locked, not finalised): records or corrects the case's recommendation. */
export function recordRecommendation(ctx: RequestContext, r: RecommendationData): { version: number } {
  const m = loadMeeting(ctx.db, r.meetingId);
  if (m.status === 'finalised') throw conflict('recommendation.finalisedUseAmend');
  if (m.status !== 'planned') throw conflict('caseList.meetingNotPlanned');
  if (!m.lockedAt) throw conflict('caseList.lockFirst');
  assertStarted(ctx, m);
  const item = itemState(ctx.db, m.id, r.referralId);
  if (item.outcome === 'postponed') throw conflict('recommendation.isPostponed');
  validate(ctx.db, m, r);
  const existing = currentRecommendation(ctx, r)?.id;
  if (existing !== undefined) {
    // Not yet finalised: the draft is corrected in place; versions start once the chair has finalised.
    ctx.db
      .prepare(
        `UPDATE recommendation SET intent = ?, treatments = ?, treatment_text = ?, place_of_treatment = ?, next_step = ?, responsible_unit_id = ?,
           rediscuss_date = ?, recorded_at = ?, recorded_by = ? WHERE id = ?`,
      )
      .run(
        r.intent,
        JSON.stringify(r.treatments),
        r.treatmentText,
        r.placeOfTreatment,
        r.nextStep,
        r.responsibleUnitId,
        r.rediscussDate,
        ctx.now().toISOString(),
        ctx.caller.name,
        existing,
      );
  } else {
    insertVersion(ctx, r, 1, null);
  }
  ctx.db.prepare("UPDATE case_list_item SET outcome = 'discussed' WHERE meeting_id = ? AND referral_id = ?").run(m.id, r.referralId);
  changeReferralStatus(ctx.db, r.referralId, { to: 'discussed', userName: ctx.caller.name, at: ctx.now(), note: `MDK ${m.localDate}` });
  ctx.notePatientAccess({ patientId: item.patientId, objectType: 'recommendation', objectId: r.referralId });
  return { version: 1 };
}

/** After finalising: a new version with a reason; the earlier one is kept, marked superseded. */
export function amendRecommendation(ctx: RequestContext, r: RecommendationData, reason: string): { version: number } {
  const m = loadMeeting(ctx.db, r.meetingId);
  if (m.status !== 'finalised') throw conflict('recommendation.amendOnlyFinalised');
  const item = itemState(ctx.db, m.id, r.referralId);
  const current = currentRecommendation(ctx, r);
  if (!current) throw conflict('recommendation.none');
  validate(ctx.db, m, r);
  ctx.db.prepare('UPDATE recommendation SET superseded_at = ? WHERE id = ?').run(ctx.now().toISOString(), current.id);
  insertVersion(ctx, r, current.version + 1, reason, current.rowVersion + 1);
  ctx.notePatientAccess({ patientId: item.patientId, objectType: 'recommendation', objectId: r.referralId });
  return { version: current.version + 1 };
}

/**
 * Postpones a case: it leaves this meeting undiscussed and goes onto the next planned meeting of the
 * care area, placed by the agenda rules among what is there (so an urgent case stays in front).
 */
export function postponeCase(ctx: RequestContext, meetingId: number, referralId: number): { nextMeeting: { id: number; localDate: string } | null } {
  const m = loadMeeting(ctx.db, meetingId);
  if (m.status !== 'planned') throw conflict('caseList.meetingNotPlanned');
  if (!m.lockedAt) throw conflict('caseList.lockFirst');
  return moveToNextMeeting(ctx, m, referralId);
}

/**
 * Undoes a postponement made a moment ago (the toast's "Ångra"): the case is pending again at its place
 * on this meeting's list, listed, and taken off the next meeting's list if the postponement put it
 * there (the cases after it move back up). Refused once the meeting is finalised.
 */
export function undoPostpone(ctx: RequestContext, meetingId: number, referralId: number): { ok: true } {
  const m = loadMeeting(ctx.db, meetingId);
  if (m.status !== 'planned') throw conflict('caseList.meetingNotPlanned');
  const item = itemState(ctx.db, m.id, referralId);
  if (item.outcome !== 'postponed') throw conflict('recommendation.notPostponed');
  const carried = ctx.db
    .prepare("SELECT meeting_id meetingId, position FROM case_list_item WHERE referral_id = ? AND carried_from_meeting_id = ? AND outcome = 'pending'")
    .get(referralId, m.id) as { meetingId: number; position: number } | undefined;
  if (carried) {
    if (loadMeeting(ctx.db, carried.meetingId).status !== 'planned') throw conflict('caseList.meetingNotPlanned');
    ctx.db.prepare('DELETE FROM case_list_item WHERE meeting_id = ? AND referral_id = ?').run(carried.meetingId, referralId);
    ctx.db.prepare('UPDATE case_list_item SET position = position - 1 WHERE meeting_id = ? AND position > ?').run(carried.meetingId, carried.position);
  }
  ctx.db.prepare("UPDATE case_list_item SET outcome = 'pending' WHERE meeting_id = ? AND referral_id = ?").run(m.id, referralId);
  changeReferralStatus(ctx.db, referralId, { to: 'listed', userName: ctx.caller.name, at: ctx.now(), note: `Bordläggning ångrad MDK ${m.localDate}` });
  ctx.notePatientAccess({ patientId: item.patientId, objectType: 'case_list', objectId: m.id });
  return { ok: true };
}

function moveToNextMeeting(ctx: RequestContext, m: MeetingRow, referralId: number): { nextMeeting: { id: number; localDate: string } | null } {
  const item = itemState(ctx.db, m.id, referralId);
  if (item.outcome !== 'pending') throw conflict('recommendation.alreadyDecided');
  const at = ctx.now();
  ctx.db.prepare("UPDATE case_list_item SET outcome = 'postponed' WHERE meeting_id = ? AND referral_id = ?").run(m.id, referralId);
  changeReferralStatus(ctx.db, referralId, {
    to: item.rediscussion ? 'discussed' : 'complete',
    userName: ctx.caller.name,
    at,
    note: `Bordlagd MDK ${m.localDate}`,
  });
  ctx.notePatientAccess({ patientId: item.patientId, objectType: 'case_list', objectId: m.id });

  const next = nextMeetingAfter(ctx.db, m);
  if (!next) return { nextMeeting: null };
  const target = loadMeeting(ctx.db, next.id);
  const listed = loadItems(ctx.db, target);
  if (listed.some((i) => i.referralId === referralId)) return { nextMeeting: next };
  const incoming = ctx.db
    .prepare('SELECT id referralId, priority, received_date receivedDate, suspicion_date suspicionDate FROM referral WHERE id = ?')
    .get(referralId) as { referralId: number; priority: 'urgent' | 'normal'; receivedDate: string; suspicionDate: string | null };
  const at_ = insertionIndex(listed, incoming, target.localDate, target.leadTimeTargetDays);
  const shift = ctx.db.prepare('UPDATE case_list_item SET position = ? WHERE meeting_id = ? AND referral_id = ?');
  listed.forEach((i, n) => shift.run(n < at_ ? n + 1 : n + 2, target.id, i.referralId));
  ctx.db
    .prepare('INSERT INTO case_list_item (meeting_id, referral_id, position, minutes, added_by_hand, carried_from_meeting_id) VALUES (?, ?, ?, ?, 0, ?)')
    .run(target.id, referralId, at_ + 1, item.minutes, m.id);
  if (target.lockedAt) changeReferralStatus(ctx.db, referralId, { to: 'listed', userName: ctx.caller.name, at, note: `MDK ${target.localDate}` });
  return { nextMeeting: next };
}

/**
 * The chair closes the meeting once it has begun: cases not reached roll over; recommendations become
 * read-only. Without quorum only with the chair's reason, and the missing roles are kept with it.
 */
export function finaliseMeeting(
  ctx: RequestContext,
  meetingId: number,
  withoutQuorum?: { reason: string },
): { finalisedAt: string; postponed: number; notQuorate: NotQuorate | null } {
  const m = loadMeeting(ctx.db, meetingId);
  if (m.status !== 'planned') throw conflict('caseList.meetingNotPlanned');
  if (!m.lockedAt) throw conflict('caseList.lockFirst');
  assertStarted(ctx, m);
  const notQuorate = quorumOnFinalise(ctx.db, m.id, withoutQuorum);
  // A referral withdrawn or closed meanwhile stays behind, undiscussed: there is nothing to roll over.
  const pending = ctx.db
    .prepare(
      `SELECT ci.referral_id FROM case_list_item ci JOIN referral r ON r.id = ci.referral_id
        WHERE ci.meeting_id = ? AND ci.outcome = 'pending' AND r.status NOT IN ('withdrawn', 'closed')`,
    )
    .pluck()
    .all(m.id) as number[];
  for (const referralId of pending) moveToNextMeeting(ctx, m, referralId);
  const at = ctx.now().toISOString();
  ctx.db
    .prepare(
      "UPDATE meeting SET status = 'finalised', finalised_at = ?, finalised_by = ?, updated_at = ?, quorum_missing_roles = ?, quorum_reason = ? WHERE id = ?",
    )
    .run(at, ctx.caller.name, at, notQuorate ? JSON.stringify(notQuorate.missingRoles) : null, notQuorate?.reason ?? null, m.id);
  return { finalisedAt: at, postponed: pending.length, notQuorate };
}
