import type { Db } from '../../db/driver';
import { conflict, invalid } from '../../../shared/api/errors';
import { holidayOn } from '../../../shared/domain/holidays';
import { deadlineFor } from '../../../shared/domain/recurrence';
import { stockholmToUtc } from '../../../shared/domain/stockholm-time';
import { meetingRow, nextMeetingAfter } from './meetings';

/**
 * Moves a meeting's pending cases (case_list_item) to the next planned meeting of its care area,
 * after the cases already listed there. A referral already on that list keeps its place there.
 */
/** Called for each patient whose case is moved, so the handler can note the access (Patientdatalagen). */
export type NoteRolled = (patientId: number, caseListItemId: number) => void;

export function rollCases(db: Db, meetingId: number, note: NoteRolled = () => {}): { moved: number; to: ReturnType<typeof nextMeetingAfter> } {
  const m = meetingRow(db, meetingId);
  const items = db
    .prepare(
      `SELECT c.id, c.referral_id, r.patient_id FROM case_list_item c JOIN referral r ON r.id = c.referral_id
        WHERE c.meeting_id = ? AND c.outcome = 'pending' ORDER BY c.position`,
    )
    .all(meetingId) as { id: number; referral_id: number; patient_id: number }[];
  if (items.length === 0) return { moved: 0, to: nextMeetingAfter(db, m) };
  const to = nextMeetingAfter(db, m);
  if (!to) throw conflict('mdkMeeting.noNextMeeting', { count: items.length });
  let position = (db.prepare('SELECT coalesce(max(position), 0) FROM case_list_item WHERE meeting_id = ?').pluck().get(to.id) as number) + 1;
  for (const item of items) {
    note(item.patient_id, item.id);
    const already = db.prepare('SELECT 1 FROM case_list_item WHERE meeting_id = ? AND referral_id = ?').get(to.id, item.referral_id);
    if (already) db.prepare('DELETE FROM case_list_item WHERE id = ?').run(item.id);
    else db.prepare('UPDATE case_list_item SET meeting_id = ?, position = ? WHERE id = ?').run(to.id, position++, item.id);
  }
  return { moved: items.length, to };
}

function assertChangeable(status: string): void {
  if (status === 'cancelled') throw conflict('mdkMeeting.alreadyCancelled');
  if (status === 'finalised') throw conflict('mdkMeeting.finalised');
}

/** Cancels one meeting with a reason; its cases roll to the next meeting; the invitation is re-sent as CANCEL. */
export function cancelMeeting(db: Db, id: number, reason: string, nowIso: string, note?: NoteRolled) {
  const m = meetingRow(db, id);
  assertChangeable(m.status);
  const rolled = rollCases(db, id, note);
  db.prepare(`UPDATE meeting SET status = 'cancelled', cancel_reason = ?, ical_sequence = ical_sequence + 1, updated_at = ? WHERE id = ?`).run(
    reason,
    nowIso,
    id,
  );
  return { movedCases: rolled.moved, toMeeting: rolled.moved > 0 ? rolled.to : null };
}

/** Moves one meeting to another date and time; its cases stay on it; the deadline follows the series rule. */
export function moveMeeting(db: Db, input: { id: number; localDate: string; startTime: string; reason: string }, today: string, nowIso: string) {
  const m = meetingRow(db, input.id);
  assertChangeable(m.status);
  if (input.localDate < today) throw invalid('localDate', 'mdkMeeting.moveToPast');
  const startsAt = stockholmToUtc(input.localDate, input.startTime);
  if (startsAt === m.starts_at) throw invalid('localDate', 'mdkMeeting.moveSameTime');
  let deadlineAt: string | null = null;
  const series = m.series_id
    ? (db.prepare('SELECT deadline_working_days AS d, deadline_time AS t FROM conference_series WHERE id = ?').get(m.series_id) as { d: number; t: string })
    : null;
  if (series) deadlineAt = deadlineFor(input.localDate, series.d, series.t);
  else if (m.deadline_at)
    deadlineAt = new Date(Date.parse(startsAt) - (Date.parse(m.starts_at) - Date.parse(m.deadline_at))).toISOString().replace('.000Z', 'Z');
  db.prepare(
    `UPDATE meeting SET local_date = ?, starts_at = ?, deadline_at = ?, moved_reason = ?, moved_by_hand = 1,
            ical_sequence = ical_sequence + 1, updated_at = ? WHERE id = ?`,
  ).run(input.localDate, startsAt, deadlineAt, input.reason, nowIso, input.id);
  const holiday = holidayOn(input.localDate);
  return { caseCount: m.case_count, holidaySv: holiday?.nameSv ?? null, holidayEn: holiday?.nameEn ?? null };
}
