/**
 * The checklists of a meeting's cases, each judged on what the app already keeps (the referral,
 * attendance against the required roles, the consideration recorded with the recommendation, the
 * reply) and on the ticks users added. A few queries per meeting, none per case.
 */
import type { Db } from '../../db/driver';
import type { MeetingChecklist } from '../../../shared/api/methods/checklist';
import type { CaseConsideration } from '../../../shared/api/methods/follow-through';
import type { Quorum } from '../../../shared/domain/quorum';
import { CHECKLIST_ITEMS, evaluateChecklist, isMissing, openBefore, type ChecklistEntry, type ChecklistTick } from '../../../shared/domain/checklist';
import { missingFields } from '../../../shared/domain/completeness';
import { stockholmToday } from '../../../shared/domain/lead-time';
import { loadConsiderations } from '../follow-through/consideration';
import { careAreaRules } from '../referrals/read';
import { rowToFields, type ReferralRow } from '../referrals/rows';
import { meetingQuorum } from '../case-lists/quorum';
import type { MeetingRow } from '../case-lists/queries';
import { rulesOf } from './rules';

export interface ChecklistCase {
  referralId: number;
  outcome: 'pending' | 'discussed' | 'postponed';
}

type TickRow = ChecklistTick & { referralId: number; meetingId: number };

function ticksOf(db: Db, meetingId: number, referralIds: string): TickRow[] {
  // The patient informed of the referral holds for the referral, whichever meeting it was ticked at.
  return db
    .prepare(
      `SELECT meeting_id meetingId, referral_id referralId, item, done_by doneBy, done_on doneOn, recorded_by recordedBy, recorded_at recordedAt
         FROM checklist_tick WHERE meeting_id = ?
       UNION ALL
       SELECT meeting_id, referral_id, item, done_by, done_on, recorded_by, recorded_at
         FROM checklist_tick WHERE item = 'patient_informed' AND meeting_id <> ? AND referral_id IN (SELECT value FROM json_each(?))`,
    )
    .all(meetingId, meetingId, referralIds) as TickRow[];
}

/**
 * Each case's checklist at the meeting, as it stands on `today` (Stockholm date). `known`: what the
 * caller already read of the meeting (the case list reads both), so it is not read twice.
 */
export function caseChecklists(
  db: Db,
  m: MeetingRow,
  cases: readonly ChecklistCase[],
  today: string,
  known: { quorum?: Quorum; considerations?: Map<number, CaseConsideration> } = {},
): Map<number, ChecklistEntry[]> {
  const out = new Map<number, ChecklistEntry[]>();
  if (cases.length === 0) return out;
  const rules = rulesOf(db, m.careAreaCode);
  const required = careAreaRules(db, m.careAreaCode).requiredFields;
  const ids = JSON.stringify(cases.map((c) => c.referralId));
  const referrals = new Map(
    (db.prepare('SELECT * FROM referral WHERE id IN (SELECT value FROM json_each(?))').all(ids) as ReferralRow[]).map((r) => [r.id, r]),
  );
  const quorum = known.quorum ?? meetingQuorum(db, m.id);
  const considerations = known.considerations ?? loadConsiderations(db, m.id);
  const ticks = ticksOf(db, m.id, ids);
  const repliedOn = m.status === 'finalised' && m.finalisedAt ? stockholmToday(new Date(m.finalisedAt)) : null;
  for (const c of cases) {
    const row = referrals.get(c.referralId);
    if (!row) continue;
    const cc = considerations.get(c.referralId);
    const own = ticks.filter((t) => t.referralId === c.referralId && (t.meetingId === m.id || t.item === 'patient_informed'));
    out.set(
      c.referralId,
      evaluateChecklist(
        rules,
        {
          meetingDate: m.localDate,
          meetingStatus: m.status,
          outcome: c.outcome,
          missingFields: missingFields(rowToFields(row), required),
          referralSaysInformed: row.patient_informed === 1,
          missingRoles: quorum.missingRoles,
          wishesConsidered: cc?.wishesConsidered ?? null,
          trialConsidered: cc?.trialConsidered ?? null,
          repliedOn,
          ticks: own.map(({ referralId: _r, meetingId: _m, ...t }) => t),
        },
        today,
      ),
    );
  }
  return out;
}

/** The meeting's own missing items: how many cases lack each, and how many have "before" items open. */
export function summariseMeeting(db: Db, m: MeetingRow, lists: Iterable<ChecklistEntry[]>): MeetingChecklist {
  const all = [...lists];
  return {
    rules: rulesOf(db, m.careAreaCode),
    casesBeforeOpen: all.filter((l) => openBefore(l).length > 0).length,
    missing: CHECKLIST_ITEMS.map((item) => ({ item, count: all.filter((l) => l.some((e) => e.item === item && isMissing(e))).length })).filter((x) => x.count > 0),
  };
}
