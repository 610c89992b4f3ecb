/** A referral's nMDK checklist at every meeting whose case list it is on, for the referral's own page. */
import type { Db } from '../../db/driver';
import type { ReferralChecklist } from '../../../shared/api/methods/checklist';
import { CHECKLIST_MEETING_COLUMNS, meetingsChecklists, type ChecklistCase, type ChecklistMeeting } from './evaluate';

/** The latest meeting first; a cancelled meeting's list is gone from the agenda, so its checklist is not shown. */
export function referralChecklists(db: Db, referralId: number, today: string): ReferralChecklist[] {
  const onLists = db
    .prepare(
      `SELECT ${CHECKLIST_MEETING_COLUMNS}, ci.outcome FROM case_list_item ci JOIN meeting m ON m.id = ci.meeting_id
        WHERE ci.referral_id = ? AND m.status <> 'cancelled' ORDER BY m.starts_at DESC`,
    )
    .all(referralId) as (ChecklistMeeting & Pick<ChecklistCase, 'outcome'>)[];
  const lists = meetingsChecklists(
    db,
    onLists.map(({ outcome, ...meeting }) => ({ meeting, cases: [{ referralId, outcome }] })),
    today,
  );
  return onLists.map((m) => ({ meetingId: m.id, meetingDate: m.localDate, outcome: m.outcome, entries: lists.get(m.id)?.get(referralId) ?? [] }));
}
