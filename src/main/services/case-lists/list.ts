/** Building a meeting's case list (falllista): view, add, remove, reorder, minutes, lock and unlock. */
import type { RequestContext } from '../../router/context';
import { conflict, invalid } from '../../../shared/api/errors';
import { defaultMinutesPerCase, plannedStarts } from '../../../shared/domain/agenda';
import type { CaseListView, MeetingSummary } from '../../../shared/api/methods/case-lists';
import { changeReferralStatus } from '../referrals/status';
import { getWorkplace } from '../system/workplace';
import { buildProposal } from './proposal';
import { loadConsiderations } from '../follow-through/consideration';
import { loadItems, loadMeeting, loadParticipants, loadRecommendations, nextMeetingAfter, type MeetingRow } from './queries';
import { meetingQuorum } from './quorum';
import { caseChecklists, summariseMeeting } from '../checklist/evaluate';
import { stockholmToday } from '../../../shared/domain/lead-time';
import { assertVersion } from '../row-version';

/** Meetings of the workplace's care areas from two weeks back on, with how many cases each has. */
export function listMeetings(ctx: RequestContext): MeetingSummary[] {
  const areas = getWorkplace(ctx.db)?.careAreaCodes ?? [];
  if (areas.length === 0) return [];
  const from = new Date(ctx.now().getTime() - 14 * 86_400_000).toISOString();
  return ctx.db
    .prepare(
      `SELECT m.id, m.care_area_code careAreaCode, m.local_date localDate, m.starts_at startsAt, m.duration_minutes durationMinutes,
              m.status, m.capacity_cases capacityCases, m.case_list_locked_at lockedAt,
              (SELECT count(*) FROM case_list_item ci WHERE ci.meeting_id = m.id) caseCount,
              (SELECT ifnull(sum(ci.minutes), 0) FROM case_list_item ci WHERE ci.meeting_id = m.id) caseMinutes
         FROM meeting m
        WHERE m.care_area_code IN (SELECT value FROM json_each(?)) AND m.status <> 'cancelled'
          AND (m.starts_at >= ? OR (m.status = 'planned' AND m.case_list_locked_at IS NOT NULL))
        ORDER BY m.starts_at LIMIT 200`,
    )
    .all(JSON.stringify(areas), from) as MeetingSummary[];
}

export function getCaseList(ctx: RequestContext, meetingId: number): CaseListView {
  const m = loadMeeting(ctx.db, meetingId);
  const items = loadItems(ctx.db, m);
  const recs = loadRecommendations(ctx.db, m.id);
  const considerations = loadConsiderations(ctx.db, m.id);
  const quorum = meetingQuorum(ctx.db, m.id);
  const checklists = caseChecklists(ctx.db, m, items, stockholmToday(ctx.now()), { quorum, considerations });
  const starts = plannedStarts(
    m.startsAt,
    items.map((i) => i.minutes),
  );
  const used = { cases: items.length, minutes: items.reduce((s, i) => s + i.minutes, 0) };
  const proposal = m.lockedAt || m.status !== 'planned' ? null : buildProposal(ctx.db, m, used);
  const seen = [...items, ...(proposal ? [...proposal.fits, ...proposal.overflow, ...proposal.late] : [])].map((c) => c.patientId);
  for (const patientId of new Set(seen)) ctx.notePatientAccess({ patientId, objectType: 'case_list', objectId: m.id });
  const unlocks = ctx.db
    .prepare('SELECT at, user_name userName, reason FROM case_list_unlock WHERE meeting_id = ? ORDER BY at')
    .all(m.id) as CaseListView['unlocks'];
  return {
    meeting: { ...m, caseCount: used.cases, caseMinutes: used.minutes },
    quorum,
    items: items.map((i, n) => ({
      ...i,
      plannedStart: starts[n],
      recommendations: recs.get(i.referralId) ?? [],
      consideration: considerations.get(i.referralId) ?? null,
      checklist: checklists.get(i.referralId) ?? [],
    })),
    proposal,
    participants: loadParticipants(ctx.db, m.id),
    unlocks,
    endsAt: new Date(Date.parse(m.startsAt) + m.durationMinutes * 60_000).toISOString(),
    nextMeeting: nextMeetingAfter(ctx.db, m),
    checklist: summariseMeeting(ctx.db, m, checklists.values()),
  };
}

/** The list may change only while the meeting is planned and its list not locked. */
export function assertEditable(m: MeetingRow): void {
  if (m.status !== 'planned') throw conflict('caseList.meetingNotPlanned');
  if (m.lockedAt) throw conflict('caseList.locked');
}

export function addCases(ctx: RequestContext, meetingId: number, referralIds: number[], byHand: boolean): { added: number } {
  const m = loadMeeting(ctx.db, meetingId);
  assertEditable(m);
  const minutes = defaultMinutesPerCase(m);
  let position = (ctx.db.prepare('SELECT ifnull(max(position), 0) FROM case_list_item WHERE meeting_id = ?').pluck().get(m.id) as number) + 1;
  const ref = ctx.db.prepare('SELECT patient_id patientId, care_area_code careAreaCode, status FROM referral WHERE id = ?');
  const waiting = ctx.db.prepare(
    `SELECT mm.local_date FROM case_list_item ci JOIN meeting mm ON mm.id = ci.meeting_id
      WHERE ci.referral_id = ? AND ci.outcome = 'pending' AND mm.status = 'planned' LIMIT 1`,
  );
  const insert = ctx.db.prepare('INSERT INTO case_list_item (meeting_id, referral_id, position, minutes, added_by_hand) VALUES (?, ?, ?, ?, ?)');
  for (const referralId of new Set(referralIds)) {
    const r = ref.get(referralId) as { patientId: number; careAreaCode: string; status: string } | undefined;
    if (!r) throw invalid('referralIds', 'caseList.unknownReferral', { id: referralId });
    if (r.careAreaCode !== m.careAreaCode) throw invalid('referralIds', 'caseList.wrongCareArea', { id: referralId });
    if (r.status !== 'complete' && r.status !== 'discussed') throw conflict('caseList.notReady', { id: referralId });
    const on = waiting.pluck().get(referralId) as string | undefined;
    if (on) throw conflict('caseList.alreadyListed', { id: referralId, date: on });
    insert.run(m.id, referralId, position++, minutes, byHand ? 1 : 0);
    ctx.notePatientAccess({ patientId: r.patientId, objectType: 'case_list', objectId: m.id });
  }
  noteListChange(ctx, m.id);
  return { added: new Set(referralIds).size };
}

function itemPatient(ctx: RequestContext, meetingId: number, referralId: number): number {
  const patientId = ctx.db
    .prepare('SELECT r.patient_id FROM case_list_item ci JOIN referral r ON r.id = ci.referral_id WHERE ci.meeting_id = ? AND ci.referral_id = ?')
    .pluck()
    .get(meetingId, referralId) as number | undefined;
  if (patientId === undefined) throw invalid('referralId', 'caseList.notOnList', { id: referralId });
  return patientId;
}

export function removeCase(ctx: RequestContext, meetingId: number, referralId: number): { ok: true } {
  assertEditable(loadMeeting(ctx.db, meetingId));
  const patientId = itemPatient(ctx, meetingId, referralId);
  ctx.db.prepare('DELETE FROM case_list_item WHERE meeting_id = ? AND referral_id = ?').run(meetingId, referralId);
  noteListChange(ctx, meetingId);
  ctx.notePatientAccess({ patientId, objectType: 'case_list', objectId: meetingId });
  return { ok: true };
}

/**
 * Who changed the list and when, for the conflict message of a save based on an older order (the
 * version itself rises by trigger with every added, removed, moved or re-timed case: migration 0032).
 */
function noteListChange(ctx: RequestContext, meetingId: number): void {
  ctx.db.prepare('UPDATE meeting SET case_list_changed_by = ?, case_list_changed_at = ? WHERE id = ?').run(ctx.caller.name, ctx.now().toISOString(), meetingId);
}

/** The new order must name exactly the cases on the list, and be based on the list as it is now. */
export function reorderCases(ctx: RequestContext, meetingId: number, referralIds: number[], expectedVersion?: number): { ok: true } {
  const m = loadMeeting(ctx.db, meetingId);
  assertEditable(m);
  assertVersion('caseList', expectedVersion, { version: m.caseListVersion, by: m.caseListChangedBy, at: m.caseListChangedAt ?? ctx.now().toISOString() });
  const current = ctx.db.prepare('SELECT referral_id FROM case_list_item WHERE meeting_id = ?').pluck().all(meetingId) as number[];
  const same = current.length === referralIds.length && new Set(referralIds).size === referralIds.length && referralIds.every((id) => current.includes(id));
  if (!same) throw conflict('caseList.staleOrder');
  const set = ctx.db.prepare('UPDATE case_list_item SET position = ? WHERE meeting_id = ? AND referral_id = ?');
  referralIds.forEach((id, n) => set.run(n + 1, meetingId, id));
  noteListChange(ctx, meetingId);
  return { ok: true };
}

export function setMinutes(ctx: RequestContext, meetingId: number, referralId: number, minutes: number): { ok: true } {
  assertEditable(loadMeeting(ctx.db, meetingId));
  const patientId = itemPatient(ctx, meetingId, referralId);
  ctx.db.prepare('UPDATE case_list_item SET minutes = ? WHERE meeting_id = ? AND referral_id = ?').run(minutes, meetingId, referralId);
  noteListChange(ctx, meetingId);
  ctx.notePatientAccess({ patientId, objectType: 'case_list', objectId: meetingId });
  return { ok: true };
}

/** Locking sends the list: every referral on it becomes "listed" (its timeline says so). */
export function lockList(ctx: RequestContext, meetingId: number): { lockedAt: string } {
  const m = loadMeeting(ctx.db, meetingId);
  assertEditable(m);
  const rows = ctx.db
    .prepare('SELECT ci.referral_id referralId, r.patient_id patientId FROM case_list_item ci JOIN referral r ON r.id = ci.referral_id WHERE ci.meeting_id = ?')
    .all(m.id) as { referralId: number; patientId: number }[];
  if (rows.length === 0) throw conflict('caseList.emptyLock');
  const at = ctx.now();
  for (const r of rows) {
    changeReferralStatus(ctx.db, r.referralId, { to: 'listed', userName: ctx.caller.name, at, note: `MDK ${m.localDate}` });
    ctx.notePatientAccess({ patientId: r.patientId, objectType: 'case_list', objectId: m.id });
  }
  ctx.db.prepare('UPDATE meeting SET case_list_locked_at = ?, updated_at = ? WHERE id = ?').run(at.toISOString(), at.toISOString(), m.id);
  return { lockedAt: at.toISOString() };
}

/** Opening a locked list needs a reason (kept); its referrals go back to where they were before. */
export function unlockList(ctx: RequestContext, meetingId: number, reason: string): { ok: true } {
  const m = loadMeeting(ctx.db, meetingId);
  if (m.status !== 'planned') throw conflict('caseList.meetingNotPlanned');
  if (!m.lockedAt) throw conflict('caseList.notLocked');
  const rows = ctx.db
    .prepare(
      `SELECT ci.referral_id referralId, ci.outcome, r.patient_id patientId,
              EXISTS (SELECT 1 FROM recommendation rc WHERE rc.referral_id = ci.referral_id AND rc.meeting_id <> ci.meeting_id) rediscussion
         FROM case_list_item ci JOIN referral r ON r.id = ci.referral_id WHERE ci.meeting_id = ?`,
    )
    .all(m.id) as { referralId: number; outcome: string; patientId: number; rediscussion: number }[];
  if (rows.some((r) => r.outcome !== 'pending')) throw conflict('caseList.meetingStarted');
  const at = ctx.now();
  for (const r of rows) {
    changeReferralStatus(ctx.db, r.referralId, { to: r.rediscussion ? 'discussed' : 'complete', userName: ctx.caller.name, at, note: reason });
    ctx.notePatientAccess({ patientId: r.patientId, objectType: 'case_list', objectId: m.id });
  }
  ctx.db.prepare('UPDATE meeting SET case_list_locked_at = NULL, updated_at = ? WHERE id = ?').run(at.toISOString(), m.id);
  ctx.db.prepare('INSERT INTO case_list_unlock (meeting_id, at, user_name, reason) VALUES (?, ?, ?, ?)').run(m.id, at.toISOString(), ctx.caller.name, reason);
  return { ok: true };
}

/** The care area's treatment list a recommendation picks from (settings tab "Behandlingsalternativ"). */
export function saveTreatmentOptions(ctx: RequestContext, careAreaCode: string, options: string[]): { options: string[] } {
  const unique = [...new Set(options.map((o) => o.trim()).filter(Boolean))];
  const res = ctx.db.prepare('UPDATE care_area SET treatment_options = ? WHERE code = ?').run(JSON.stringify(unique), careAreaCode);
  if (res.changes === 0) throw invalid('careAreaCode', 'workplace.unknownCareArea', { code: careAreaCode });
  return { options: unique };
}
