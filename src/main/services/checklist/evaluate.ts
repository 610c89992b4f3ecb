/**
 * The checklists of a meeting's cases, each judged on what the app already keeps (the referral,
 * attendance against the required roles, the consideration recorded with the recommendation, the
 * reply) and on the ticks users added. A few queries however many meetings and cases.
 */
import type { Db } from '../../db/driver';
import type { MeetingChecklist } from '../../../shared/api/methods/checklist';
import type { CaseConsideration } from '../../../shared/api/methods/follow-through';
import type { Quorum } from '../../../shared/domain/quorum';
import { CHECKLIST_ITEMS, evaluateChecklist, isMissing, openBefore, type ChecklistEntry, type ChecklistTick } from '../../../shared/domain/checklist';
import { missingFields } from '../../../shared/domain/completeness';
import { stockholmToday } from '../../../shared/domain/lead-time';
import { considerationsOf } from '../follow-through/consideration';
import { careAreaRules } from '../referrals/read';
import { rowToFields, type ReferralRow } from '../referrals/rows';
import { meetingQuorums } from '../case-lists/quorum';
import type { MeetingRow } from '../case-lists/queries';
import { rulesOf } from './rules';
import { groupBy } from '../group-by';

export interface ChecklistCase {
  referralId: number;
  outcome: 'pending' | 'discussed' | 'postponed';
}

/** What the checklist is judged on of a meeting itself. */
export type ChecklistMeeting = Pick<MeetingRow, 'id' | 'careAreaCode' | 'localDate' | 'status' | 'finalisedAt'>;
/** The columns of `meeting m` that make a ChecklistMeeting. */
export const CHECKLIST_MEETING_COLUMNS = 'm.id, m.care_area_code careAreaCode, m.local_date localDate, m.status, m.finalised_at finalisedAt';

/**
 * A meeting and the cases whose checklists are wanted. `quorum`, `considerations`: what the caller
 * already read of the meeting (the case list reads both), so it is not read twice.
 */
export interface MeetingCases {
  meeting: ChecklistMeeting;
  cases: readonly ChecklistCase[];
  quorum?: Quorum;
  considerations?: Map<number, CaseConsideration>;
}

type TickRow = ChecklistTick & { referralId: number; meetingId: number };

function ticksOf(db: Db, meetingIds: string, referralIds: string): TickRow[] {
  // The patient informed of the referral holds for the referral, whichever meeting it was ticked at.
  return db
    .prepare(
      `SELECT meeting_id meetingId, referral_id referralId, item, done_by doneBy, done_on doneOn, recorded_by recordedBy, recorded_at recordedAt
         FROM checklist_tick
        WHERE meeting_id IN (SELECT value FROM json_each(?)) OR (item = 'patient_informed' AND referral_id IN (SELECT value FROM json_each(?)))`,
    )
    .all(meetingIds, referralIds) as TickRow[];
}

/** Reads once per care area what is the same for all its meetings: the checklist rules and the required fields. */
function perCareArea<T>(read: (code: string) => T): (code: string) => T {
  const known = new Map<string, T>();
  return (code) => {
    if (!known.has(code)) known.set(code, read(code));
    return known.get(code)!;
  };
}

/**
 * Each case's checklist at each of the meetings, as it stands on `today` (Stockholm date), by meeting
 * id and then referral id. A few queries for all the meetings together, none per meeting or case.
 */
export function meetingsChecklists(db: Db, meetings: readonly MeetingCases[], today: string): Map<number, Map<number, ChecklistEntry[]>> {
  const out = new Map<number, Map<number, ChecklistEntry[]>>(meetings.map((mc) => [mc.meeting.id, new Map()]));
  const asked = meetings.filter((mc) => mc.cases.length > 0);
  if (asked.length === 0) return out;
  const rules = perCareArea((code) => rulesOf(db, code));
  const required = perCareArea((code) => careAreaRules(db, code).requiredFields);
  const meetingIds = asked.map((mc) => mc.meeting.id);
  const ids = JSON.stringify([...new Set(asked.flatMap((mc) => mc.cases.map((c) => c.referralId)))]);
  const referrals = new Map(
    (db.prepare('SELECT * FROM referral WHERE id IN (SELECT value FROM json_each(?))').all(ids) as ReferralRow[]).map((r) => [r.id, r]),
  );
  const unread = (key: 'quorum' | 'considerations') => asked.filter((mc) => !mc[key]).map((mc) => mc.meeting.id);
  const quorums = meetingQuorums(db, unread('quorum'));
  const considerations = considerationsOf(db, unread('considerations'));
  const ticks = groupBy(ticksOf(db, JSON.stringify(meetingIds), ids), (t) => t.referralId);
  for (const { meeting: m, cases, ...known } of asked) {
    const quorum = known.quorum ?? quorums.get(m.id)!;
    const considered = known.considerations ?? considerations.get(m.id)!;
    const repliedOn = m.status === 'finalised' && m.finalisedAt ? stockholmToday(new Date(m.finalisedAt)) : null;
    const lists = out.get(m.id)!;
    for (const c of cases) {
      const row = referrals.get(c.referralId);
      if (!row) continue;
      const cc = considered.get(c.referralId);
      const own = (ticks.get(c.referralId) ?? []).filter((t) => t.meetingId === m.id || t.item === 'patient_informed');
      lists.set(
        c.referralId,
        evaluateChecklist(
          rules(m.careAreaCode),
          {
            meetingDate: m.localDate,
            meetingStatus: m.status,
            outcome: c.outcome,
            missingFields: missingFields(rowToFields(row), required(m.careAreaCode)),
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
  }
  return out;
}

/** Each case's checklist at one meeting, as it stands on `today` (Stockholm date). */
export function caseChecklists(
  db: Db,
  m: ChecklistMeeting,
  cases: readonly ChecklistCase[],
  today: string,
  known: { quorum?: Quorum; considerations?: Map<number, CaseConsideration> } = {},
): Map<number, ChecklistEntry[]> {
  return meetingsChecklists(db, [{ meeting: m, cases, ...known }], today).get(m.id)!;
}

/** The meeting's own missing items: how many cases lack each, and how many have "before" items open. */
export function summariseMeeting(db: Db, m: MeetingRow, lists: Iterable<ChecklistEntry[]>): MeetingChecklist {
  const all = [...lists];
  return {
    rules: rulesOf(db, m.careAreaCode),
    casesBeforeOpen: all.filter((l) => openBefore(l).length > 0).length,
    missing: CHECKLIST_ITEMS.map((item) => ({ item, count: all.filter((l) => l.some((e) => e.item === item && isMissing(e))).length })).filter(
      (x) => x.count > 0,
    ),
  };
}
