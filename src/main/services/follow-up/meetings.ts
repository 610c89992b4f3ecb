import type { Db } from '../../db/driver';
import type { AttendancePerRole, FollowUpDashboard } from '../../../shared/api/methods/follow-up';
import { share } from '../../../shared/domain/statistics';
import type { Period } from './period';

/**
 * Meetings of the care area dated in the period. A meeting counts as held when it was finalised or
 * had at least one case discussed; cancelled ones are counted apart.
 *
 * Quorum (beslutsförhet): every required role of the meeting's series (conference_series.required_roles,
 * as src/shared/domain/quorum.ts judges it) present, on site or remote. For a meeting without a series
 * or without required roles, the roles on its participant list stand in: each role invited must have had
 * someone present or remote. Only meetings with attendance recorded are judged.
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

  // Per held meeting with attendance: required (or else invited) roles vs roles attended.
  const quorum = db
    .prepare(
      `WITH ${held},
       per_role AS (
         SELECT mp.meeting_id, mp.role, max(mp.attendance IN ('present', 'remote')) AS attended, max(mp.attendance IS NOT NULL) AS recorded
           FROM held h JOIN meeting_participant mp ON mp.meeting_id = h.id
          GROUP BY mp.meeting_id, mp.role),
       per_meeting AS (
         SELECT pr.meeting_id, max(pr.recorded) AS recorded,
                CASE WHEN json_array_length(ifnull(s.required_roles, '[]')) > 0
                     THEN NOT EXISTS (SELECT 1 FROM json_each(s.required_roles) req
                                       WHERE NOT EXISTS (SELECT 1 FROM per_role x WHERE x.meeting_id = pr.meeting_id AND x.role = req.value AND x.attended = 1))
                     ELSE min(ifnull(pr.attended, 0)) END AS reached
           FROM per_role pr JOIN meeting m ON m.id = pr.meeting_id LEFT JOIN conference_series s ON s.id = m.series_id
          GROUP BY pr.meeting_id)
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
