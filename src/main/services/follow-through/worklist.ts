import type { RequestContext } from '../../router/context';
import type { WorklistRow } from '../../../shared/api/methods/follow-through';
import { daysBetween } from '../../../shared/domain/follow-through';
import { stockholmToday } from '../../../shared/domain/lead-time';
import { followThroughSettings } from './settings';

/**
 * The follow-through worklist: finalised recommendations with no implementation status N days after
 * the reply (the reply goes home when the meeting is finalised), and those whose next check is due.
 * Carried out and deviated cases are done and never listed.
 */
export function worklist(ctx: RequestContext) {
  const { db } = ctx;
  const settings = followThroughSettings(db);
  const now = ctx.now();
  const today = stockholmToday(now);
  // A day's margin on the instant; the Stockholm day decides below.
  const cutoff = new Date(now.getTime() - (settings.noStatusAfterDays - 1) * 86_400_000).toISOString();
  const rows = db
    .prepare(
      `WITH cases AS (
         SELECT rc.meeting_id, rc.referral_id, m.local_date, m.finalised_at, m.care_area_code, rc.treatments, rc.treatment_text, rc.next_step,
                (SELECT max(e.id) FROM implementation_event e WHERE e.meeting_id = rc.meeting_id AND e.referral_id = rc.referral_id) last_id
           FROM recommendation rc JOIN meeting m ON m.id = rc.meeting_id
          WHERE rc.superseded_at IS NULL AND m.status = 'finalised')
       SELECT c.meeting_id meetingId, c.referral_id referralId, r.patient_id patientId, p.given_name || ' ' || p.family_name patientName,
              (SELECT pi.value FROM patient_identifier pi WHERE pi.patient_id = p.id ORDER BY pi.is_temporary, pi.id LIMIT 1) identifier,
              c.care_area_code careAreaCode, c.local_date meetingDate, c.finalised_at finalisedAt, e.status, e.next_check_date nextCheckDate,
              c.treatments, c.treatment_text treatmentText, c.next_step nextStep
         FROM cases c LEFT JOIN implementation_event e ON e.id = c.last_id
         JOIN referral r ON r.id = c.referral_id JOIN patient p ON p.id = r.patient_id
        WHERE (c.last_id IS NULL AND c.finalised_at <= @cutoff)
           OR (e.status IN ('awaiting', 'started') AND e.next_check_date <= @today)`,
    )
    .all({ cutoff, today }) as (Omit<WorklistRow, 'repliedOn' | 'daysSinceReply' | 'why' | 'recommendation'> & {
    finalisedAt: string;
    treatments: string;
    treatmentText: string | null;
    nextStep: string | null;
  })[];
  const out: WorklistRow[] = [];
  for (const { finalisedAt, treatments, treatmentText, nextStep, ...r } of rows) {
    const repliedOn = stockholmToday(new Date(finalisedAt));
    const daysSinceReply = daysBetween(repliedOn, today);
    const why = r.status === null ? 'no_status' : 'due';
    if (why === 'no_status' && daysSinceReply < settings.noStatusAfterDays) continue;
    const recommendation = [(JSON.parse(treatments) as string[]).join(', '), treatmentText, nextStep].filter(Boolean).join(' · ');
    out.push({ ...r, repliedOn, daysSinceReply, why, recommendation });
  }
  out.sort((a, b) => (a.why !== b.why ? (a.why === 'no_status' ? -1 : 1) : b.daysSinceReply - a.daysSinceReply || a.referralId - b.referralId));
  for (const r of out) ctx.notePatientAccess({ patientId: r.patientId, objectType: 'recommendation', objectId: r.referralId });
  return { rows: out, today, settings };
}
