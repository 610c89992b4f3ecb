import type { Db } from '../../db/driver';
import type { AttendancePerRole, FollowUpDashboard } from '../../../shared/api/methods/follow-up';
import { share } from '../../../shared/domain/statistics';
import type { Period } from './period';

/**
 * Meetings of the care area dated in the period. A meeting counts as held when it was finalised or
 * had at least one case discussed; cancelled ones are counted apart.
 *
 * Quorum (beslutsförhet): every required role present, on site or remote. The conference series'
 * required roles belong to the scheduling feature (issue 4); until they are here, the roles on the
 * meeting's participant list stand in for them, so a meeting reaches quorum when each role invited
 * had at least one person present or remote. Only meetings with attendance recorded are judged.
 */
export function meetings(db: Db, p: Period): FollowUpDashboard['meetings'] {
  const held = `held AS (
      SELECT m.id FROM meeting m
       WHERE m.care_area_code = ? AND m.local_date BETWEEN ? AND ? AND m.status <> 'cancelled'
         AND (m.status = 'finalised' OR EXISTS (SELECT 1 FROM case_list_item c WHERE c.meeting_id = m.id AND c.outcome = 'discussed')))`;
  const args = [p.careAreaCode, p.from, p.to];

  const totals = db
    .prepare(
      `SELECT sum(c.outcome = 'discussed' AND m.status <> 'cancelled') AS discussed,
              sum(c.outcome = 'postponed') AS postponed
         FROM meeting m LEFT JOIN case_list_item c ON c.meeting_id = m.id
        WHERE m.care_area_code = ? AND m.local_date BETWEEN ? AND ?`,
    )
    .get(...args) as { discussed: number | null; postponed: number | null };
  const cancelled = db
    .prepare(`SELECT count(*) FROM meeting WHERE care_area_code = ? AND local_date BETWEEN ? AND ? AND status = 'cancelled'`)
    .pluck()
    .get(...args) as number;
  const heldCount = db.prepare(`WITH ${held} SELECT count(*) FROM held`).pluck().get(...args) as number;

  const attendance = db
    .prepare(
      `WITH ${held}
       SELECT mp.role AS role, sum(mp.attendance = 'present') AS present, sum(mp.attendance = 'remote') AS remote,
              sum(mp.attendance = 'absent') AS absent, sum(mp.attendance IS NULL) AS notRecorded
         FROM held h JOIN meeting_participant mp ON mp.meeting_id = h.id
        GROUP BY mp.role ORDER BY mp.role`,
    )
    .all(...args) as AttendancePerRole[];

  // Per held meeting with attendance: roles invited vs roles attended.
  const quorum = db
    .prepare(
      `WITH ${held},
       per_role AS (
         SELECT mp.meeting_id, mp.role, max(mp.attendance IN ('present', 'remote')) AS attended, max(mp.attendance IS NOT NULL) AS recorded
           FROM held h JOIN meeting_participant mp ON mp.meeting_id = h.id
          GROUP BY mp.meeting_id, mp.role),
       per_meeting AS (
         SELECT meeting_id, min(ifnull(attended, 0)) AS reached, max(recorded) AS recorded FROM per_role GROUP BY meeting_id)
       SELECT count(*) AS withAttendance, ifnull(sum(reached), 0) AS reached FROM per_meeting WHERE recorded = 1`,
    )
    .get(...args) as { withAttendance: number; reached: number };

  const discussed = totals.discussed ?? 0;
  return {
    held: heldCount,
    cancelled,
    casesDiscussed: discussed,
    casesPerMeeting: heldCount > 0 ? discussed / heldCount : null,
    postponed: totals.postponed ?? 0,
    withAttendance: quorum.withAttendance,
    quorumReached: quorum.reached,
    quorumShare: share(quorum.reached, quorum.withAttendance),
    attendance,
  };
}
