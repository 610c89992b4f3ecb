/** Ticking (or clearing) the checklist items a user keeps: images available, patient informed, patient told. */
import type { RequestContext } from '../../router/context';
import type { Db } from '../../db/driver';
import { ApiError, conflict, invalid, type FieldIssue } from '../../../shared/api/errors';
import type { ChecklistEntry, TickedItem } from '../../../shared/domain/checklist';
import { stockholmToday } from '../../../shared/domain/lead-time';
import { loadMeeting } from '../case-lists/queries';
import { caseChecklists } from './evaluate';

export interface TickInput {
  meetingId: number;
  referralId: number;
  item: TickedItem;
  done: boolean;
  doneBy: string | null;
  doneOn: string | null;
}

/** Stores a tick (again: the latest who, when and recorder count); the caller has checked it. */
export function writeTick(db: Db, t: Omit<TickInput, 'done'> & { recordedAt: string; recordedBy: string }): void {
  db.prepare(
    `INSERT INTO checklist_tick (meeting_id, referral_id, item, done_by, done_on, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (meeting_id, referral_id, item) DO UPDATE SET done_by = excluded.done_by, done_on = excluded.done_on,
       recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by`,
  ).run(t.meetingId, t.referralId, t.item, t.doneBy, t.doneOn, t.recordedAt, t.recordedBy);
}

export function tickItem(ctx: RequestContext, s: TickInput): { entries: ChecklistEntry[] } {
  const { db } = ctx;
  const m = loadMeeting(db, s.meetingId);
  const c = db
    .prepare(
      'SELECT ci.outcome, r.patient_id patientId FROM case_list_item ci JOIN referral r ON r.id = ci.referral_id WHERE ci.meeting_id = ? AND ci.referral_id = ?',
    )
    .get(s.meetingId, s.referralId) as { outcome: 'pending' | 'discussed' | 'postponed'; patientId: number } | undefined;
  if (!c) throw invalid('referralId', 'caseList.notOnList', { id: s.referralId });
  if (m.status === 'cancelled') throw conflict('checklist.meetingCancelled');
  const today = stockholmToday(ctx.now());
  if (s.done) {
    const issues: FieldIssue[] = [];
    if (s.item === 'patient_told') {
      if (c.outcome !== 'discussed') throw conflict('checklist.notDiscussed');
      if (!s.doneBy) issues.push({ path: 'doneBy', messageKey: 'checklist.whoRequired' });
      if (!s.doneOn) issues.push({ path: 'doneOn', messageKey: 'checklist.whenRequired' });
      else if (s.doneOn > today) issues.push({ path: 'doneOn', messageKey: 'checklist.futureDate' });
      else if (s.doneOn < m.localDate) issues.push({ path: 'doneOn', messageKey: 'checklist.beforeMeeting', params: { date: m.localDate } });
    } else if (s.doneBy || s.doneOn) {
      issues.push({ path: s.doneBy ? 'doneBy' : 'doneOn', messageKey: 'checklist.onlyPatientTold' });
    }
    if (issues.length) throw new ApiError('validation', 'error.validation', undefined, issues);
    writeTick(db, { ...s, recordedAt: ctx.now().toISOString(), recordedBy: ctx.caller.name });
  } else {
    db.prepare('DELETE FROM checklist_tick WHERE meeting_id = ? AND referral_id = ? AND item = ?').run(s.meetingId, s.referralId, s.item);
  }
  ctx.notePatientAccess({ patientId: c.patientId, objectType: 'checklist', objectId: s.meetingId });
  return { entries: caseChecklists(db, m, [{ referralId: s.referralId, outcome: c.outcome }], today).get(s.referralId) ?? [] };
}
