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
  const cases = (outcome: string) => `(SELECT count(*) FROM case_list_item c WHERE c.meeting_id = m.id AND c.outcome = '${outcome}')`;
  const isHeld = `m.status <> 'cancelled' AND (m.status = 'finalised' OR EXISTS (SELECT 1 FROM case_list_item c WHERE c.meeting_id = m.id AND c.outcome = 'discussed'))`;
  const inPeriod = 'm.care_area_code = ? AND m.local_date BETWEEN ? AND ?';
  const held = `held AS (SELECT m.id FROM meeting m WHERE ${inPeriod} AND ${isHeld})`;
  const args = [p.careAreaCode, p.from, p.to];

  // One pass over the period's meetings; cases are counted per meeting on the covering index
  // case_list_item(meeting_id, outcome, ...) rather than joined row by row.
  const [cancelled, heldCount, discussed, postponed] = db
    .prepare(
      `SELECT count(*) FILTER (WHERE m.status = 'cancelled'), count(*) FILTER (WHERE ${isHeld}),
              ifnull(sum(${cases('discussed')}) FILTER (WHERE m.status <> 'cancelled'), 0), ifnull(sum(${cases('postponed')}), 0)
         FROM meeting m WHERE ${inPeriod}`,
    )
    .raw()
    .get(...args) as [number, number, number, number];

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

  return {
    held: heldCount,
    cancelled,
    casesDiscussed: discussed,
    casesPerMeeting: heldCount > 0 ? discussed / heldCount : null,
    postponed,
    withAttendance: quorum.withAttendance,
    quorumReached: quorum.reached,
    quorumShare: share(quorum.reached, quorum.withAttendance),
    attendance,
  };
}
