/** The checklist completion figure of a care area and period (follow-up dashboard, CSV, PDF, `mdk stats`). */
import type { Db } from '../../db/driver';
import type { ChecklistFigures } from '../../../shared/api/methods/checklist';
import { CHECKLIST_ITEMS, isComplete } from '../../../shared/domain/checklist';
import { share } from '../../../shared/domain/statistics';
import { CHECKLIST_MEETING_COLUMNS, meetingsChecklists, type ChecklistCase, type ChecklistMeeting } from './evaluate';
import { groupBy } from '../group-by';

/**
 * Definition (also in the PDF's method section): of the discussed cases, those whose every checklist
 * item of the care area is done, the dated ones by their deadline (reply sent, patient told within
 * the working days set). Judged as the data stands: a deadline-free item ticked late still counts.
 */
export function checklistFigures(db: Db, p: { careAreaCode: string; from: string; to: string }, today: string): ChecklistFigures {
  const meetings = db
    .prepare(
      `SELECT ${CHECKLIST_MEETING_COLUMNS} FROM meeting m
        WHERE m.care_area_code = ? AND m.local_date BETWEEN ? AND ? AND m.status = 'finalised' ORDER BY m.starts_at`,
    )
    .all(p.careAreaCode, p.from, p.to) as ChecklistMeeting[];
  const discussed = groupBy(
    db
      .prepare(
        `SELECT ci.meeting_id meetingId, ci.referral_id referralId, ci.outcome FROM case_list_item ci
          WHERE ci.meeting_id IN (SELECT value FROM json_each(?)) AND ci.outcome = 'discussed'
            AND EXISTS (SELECT 1 FROM recommendation rc WHERE rc.meeting_id = ci.meeting_id AND rc.referral_id = ci.referral_id AND rc.superseded_at IS NULL)`,
      )
      .all(JSON.stringify(meetings.map((m) => m.id))) as (ChecklistCase & { meetingId: number })[],
    (c) => c.meetingId,
  );
  const checklists = meetingsChecklists(
    db,
    meetings.map((meeting) => ({ meeting, cases: discussed.get(meeting.id) ?? [] })),
    today,
  );
  const lists = [...checklists.values()].flatMap((byCase) => [...byCase.values()]);
  const complete = lists.filter(isComplete).length;
  const applying = CHECKLIST_ITEMS.filter((item) => lists.some((l) => l.some((e) => e.item === item)));
  return {
    cases: lists.length,
    complete,
    share: share(complete, lists.length),
    items: applying.map((item) => {
      const done = lists.filter((l) => l.some((e) => e.item === item && e.state === 'done')).length;
      return { item, done, share: share(done, lists.length) };
    }),
  };
}
