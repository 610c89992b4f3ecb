/**
 * Per case at a meeting: how the patient's wishes were taken into account, the trial considered, and
 * when the meeting view opened and closed the case (discussion time).
 */
import type { RequestContext } from '../../router/context';
import type { Db } from '../../db/driver';
import { ApiError, invalid, type FieldIssue } from '../../../shared/api/errors';
import type { CaseConsideration } from '../../../shared/api/methods/follow-through';
import { trialIssues } from '../../../shared/domain/follow-through';

/** What the recommendation form records beside the recommendation: the contract's consideration, for one case. */
export type ConsiderationInput = { meetingId: number; referralId: number } & Omit<CaseConsideration, 'openedAt' | 'closedAt'>;

const TRIAL_PATH = { considered: 'trialConsidered', name: 'trialName', euCtNumber: 'trialEuCtNumber', notEligibleReason: 'trialNotEligibleReason' } as const;

/** Refuses an inconsistent consideration: "how" for wishes that were (or were not) followed; a trial or a reason. */
export function assertConsideration(c: ConsiderationInput): void {
  const issues: FieldIssue[] = trialIssues({
    considered: c.trialConsidered,
    name: c.trialName,
    euCtNumber: c.trialEuCtNumber,
    notEligibleReason: c.trialNotEligibleReason,
  }).map(([field, messageKey]) => ({ path: TRIAL_PATH[field], messageKey }));
  if (c.wishesConsidered && c.wishesConsidered !== 'not_known' && !c.wishesHow) issues.push({ path: 'wishesHow', messageKey: 'wishes.howRequired' });
  if (issues.length) throw new ApiError('validation', 'error.validation', undefined, issues);
}

/** Saves the wishes and trial parts of the case (after its recommendation was saved in the same transaction). */
export function saveConsideration(db: Db, c: ConsiderationInput): void {
  db.prepare(
    `INSERT INTO case_consideration (meeting_id, referral_id, wishes_considered, wishes_how, trial_considered, trial_name, trial_eu_ct_number, trial_not_eligible_reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (meeting_id, referral_id) DO UPDATE SET wishes_considered = excluded.wishes_considered, wishes_how = excluded.wishes_how,
       trial_considered = excluded.trial_considered, trial_name = excluded.trial_name, trial_eu_ct_number = excluded.trial_eu_ct_number,
       trial_not_eligible_reason = excluded.trial_not_eligible_reason`,
  ).run(
    c.meetingId,
    c.referralId,
    c.wishesConsidered,
    c.wishesHow,
    c.trialConsidered === null ? null : c.trialConsidered ? 1 : 0,
    c.trialName,
    c.trialEuCtNumber?.trim() ?? null,
    c.trialNotEligibleReason,
  );
}

/** Checks the consideration, runs the recommendation's own save, then stores the consideration. */
export function withConsideration<R>(ctx: RequestContext, c: ConsiderationInput, save: () => R): R {
  assertConsideration(c);
  const result = save();
  saveConsideration(ctx.db, c);
  return result;
}

type Row = Omit<CaseConsideration, 'trialConsidered'> & { meetingId: number; referralId: number; trialConsidered: number | null };

export function loadConsiderations(db: Db, meetingId: number): Map<number, CaseConsideration> {
  return considerationsOf(db, [meetingId]).get(meetingId) ?? new Map();
}

/** The considerations of many meetings in one query: by meeting, then by referral. */
export function considerationsOf(db: Db, meetingIds: readonly number[]): Map<number, Map<number, CaseConsideration>> {
  const rows = db
    .prepare(
      `SELECT meeting_id meetingId, referral_id referralId, wishes_considered wishesConsidered, wishes_how wishesHow, trial_considered trialConsidered, trial_name trialName,
              trial_eu_ct_number trialEuCtNumber, trial_not_eligible_reason trialNotEligibleReason, opened_at openedAt, closed_at closedAt
         FROM case_consideration WHERE meeting_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(meetingIds)) as Row[];
  const out = new Map<number, Map<number, CaseConsideration>>(meetingIds.map((id) => [id, new Map()]));
  for (const { meetingId, referralId, trialConsidered, ...r } of rows) {
    out.get(meetingId)!.set(referralId, { ...r, trialConsidered: trialConsidered === null ? null : trialConsidered === 1 });
  }
  return out;
}

/** The meeting view opened a case (first time counts) or closed it (last time counts). */
export function markCase(ctx: RequestContext, meetingId: number, referralId: number, event: 'open' | 'close'): { ok: true } {
  const item = ctx.db
    .prepare(
      'SELECT r.patient_id patientId, m.status FROM case_list_item ci JOIN referral r ON r.id = ci.referral_id JOIN meeting m ON m.id = ci.meeting_id WHERE ci.meeting_id = ? AND ci.referral_id = ?',
    )
    .get(meetingId, referralId) as { patientId: number; status: string } | undefined;
  if (!item) throw invalid('referralId', 'caseList.notOnList', { id: referralId });
  // Times are kept while the meeting runs; a finalised meeting's record stays as it was.
  if (item.status !== 'planned') return { ok: true };
  const at = ctx.now().toISOString();
  ctx.db.prepare('INSERT INTO case_consideration (meeting_id, referral_id) VALUES (?, ?) ON CONFLICT DO NOTHING').run(meetingId, referralId);
  if (event === 'open')
    ctx.db.prepare('UPDATE case_consideration SET opened_at = coalesce(opened_at, ?) WHERE meeting_id = ? AND referral_id = ?').run(at, meetingId, referralId);
  else
    ctx.db
      .prepare('UPDATE case_consideration SET closed_at = ? WHERE meeting_id = ? AND referral_id = ? AND opened_at IS NOT NULL')
      .run(at, meetingId, referralId);
  ctx.notePatientAccess({ patientId: item.patientId, objectType: 'case_list', objectId: meetingId });
  return { ok: true };
}
