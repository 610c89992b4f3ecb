/**
 * Follow-through (genomförande) of a finalised recommendation, kept by the national unit: awaiting →
 * started → carried out, or deviated with a reason; each change a row with its date and who recorded
 * it. A deviation for clinical reasons can send the case back to the conference in the same step.
 */
import type { RequestContext } from '../../router/context';
import type { Db } from '../../db/driver';
import { conflict, invalid } from '../../../shared/api/errors';
import type { FollowThroughCase, ImplementationEvent } from '../../../shared/api/methods/follow-through';
import { CLINICAL_DEVIATION_REASONS, canFollow, type DeviationReason, type ImplementationStatus } from '../../../shared/domain/follow-through';
import { stockholmToday } from '../../../shared/domain/lead-time';
import { translate } from '../../../shared/i18n';
import { changeReferralStatus } from '../referrals/status';
import { loadConsiderations } from './consideration';

export interface StatusInput {
  meetingId: number;
  referralId: number;
  status: ImplementationStatus;
  deviationReason: DeviationReason | null;
  eventDate: string;
  nextCheckDate: string | null;
  note: string | null;
  rediscuss: boolean;
}

interface FinalisedCase {
  patientId: number;
  localDate: string;
}

/** The case must have a current recommendation from this meeting, and the meeting must be finalised. */
function finalisedCase(db: Db, meetingId: number, referralId: number): FinalisedCase {
  const row = db
    .prepare(
      `SELECT r.patient_id patientId, m.local_date localDate, m.status,
              EXISTS (SELECT 1 FROM recommendation rc WHERE rc.meeting_id = m.id AND rc.referral_id = r.id AND rc.superseded_at IS NULL) hasRec
         FROM case_list_item ci JOIN referral r ON r.id = ci.referral_id JOIN meeting m ON m.id = ci.meeting_id
        WHERE ci.meeting_id = ? AND ci.referral_id = ?`,
    )
    .get(meetingId, referralId) as (FinalisedCase & { status: string; hasRec: number }) | undefined;
  if (!row) throw invalid('referralId', 'caseList.notOnList', { id: referralId });
  if (row.status !== 'finalised' || row.hasRec !== 1) throw conflict('followThrough.notFinalised');
  return row;
}

function events(db: Db, meetingId: number, referralId: number): ImplementationEvent[] {
  return db
    .prepare(
      `SELECT id, status, deviation_reason deviationReason, event_date eventDate, next_check_date nextCheckDate, note, recorded_at recordedAt, recorded_by recordedBy
         FROM implementation_event WHERE meeting_id = ? AND referral_id = ? ORDER BY id`,
    )
    .all(meetingId, referralId) as ImplementationEvent[];
}

export function getFollowThrough(ctx: RequestContext, meetingId: number, referralId: number): FollowThroughCase {
  const c = finalisedCase(ctx.db, meetingId, referralId);
  const list = events(ctx.db, meetingId, referralId);
  ctx.notePatientAccess({ patientId: c.patientId, objectType: 'recommendation', objectId: referralId });
  return {
    meetingId,
    referralId,
    status: list.at(-1)?.status ?? null,
    events: list,
    consideration: loadConsiderations(ctx.db, meetingId).get(referralId) ?? null,
  };
}

export function recordStatus(ctx: RequestContext, s: StatusInput): { status: ImplementationStatus; rediscussed: boolean } {
  const { db } = ctx;
  const c = finalisedCase(db, s.meetingId, s.referralId);
  const current = events(db, s.meetingId, s.referralId).at(-1)?.status ?? null;
  const today = stockholmToday(ctx.now());
  if (s.status === 'deviated' && !s.deviationReason) throw invalid('deviationReason', 'followThrough.reasonRequired');
  if (s.status !== 'deviated' && s.deviationReason) throw invalid('deviationReason', 'followThrough.reasonOnlyDeviated');
  if (s.eventDate > today) throw invalid('eventDate', 'followThrough.futureDate');
  if (s.eventDate < c.localDate) throw invalid('eventDate', 'followThrough.beforeMeeting', { date: c.localDate });
  if (s.nextCheckDate !== null) {
    if (s.status === 'carried_out' || s.status === 'deviated') throw invalid('nextCheckDate', 'followThrough.nextCheckOpenOnly');
    if (s.nextCheckDate < s.eventDate) throw invalid('nextCheckDate', 'followThrough.nextCheckAfter');
  }
  if (s.rediscuss && !(s.status === 'deviated' && CLINICAL_DEVIATION_REASONS.includes(s.deviationReason!))) {
    throw invalid('rediscuss', 'followThrough.rediscussClinicalOnly');
  }
  if (!canFollow(current, s.status)) throw conflict('followThrough.badTransition', { from: current ?? '–', to: s.status });
  db.prepare(
    `INSERT INTO implementation_event (meeting_id, referral_id, status, deviation_reason, event_date, next_check_date, note, recorded_at, recorded_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(s.meetingId, s.referralId, s.status, s.deviationReason, s.eventDate, s.nextCheckDate, s.note, ctx.now().toISOString(), ctx.caller.name);
  if (s.rediscuss) {
    // Back to the conference: complete again, so the next proposal offers it (marked as a re-discussion).
    const reason = translate('sv', `followThrough.reason.${s.deviationReason}`);
    changeReferralStatus(db, s.referralId, {
      to: 'complete',
      userName: ctx.caller.name,
      at: ctx.now(),
      note: translate('sv', 'followThrough.sentBackNote', { reason }),
    });
  }
  ctx.notePatientAccess({ patientId: c.patientId, objectType: 'recommendation', objectId: s.referralId });
  return { status: s.status, rediscussed: s.rediscuss };
}
