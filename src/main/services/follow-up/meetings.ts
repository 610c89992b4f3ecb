import type { Db } from '../../db/driver';
import type { AttendancePerRole, FollowUpDashboard } from '../../../shared/api/methods/follow-up';
import { computeQuorum, type Attendance } from '../../../shared/domain/quorum';
import { share } from '../../../shared/domain/statistics';
import type { Period } from './period';
import { cached } from '../../db/statements';

/**
 * Meetings of the care area dated in the period. A meeting counts as held when it was finalised or
 * had at least one case discussed; cancelled ones are counted apart.
 *
 * Quorum (beslutsförhet), judged by src/shared/domain/quorum.ts: every required role of the meeting's
 * series (conference_series.required_roles) present, on site or remote. For a meeting without a
 * series or without required roles, the roles on its participant list stand in: each role invited
 * must have had someone present or remote. Only meetings with attendance recorded are judged.
 */
export function meetings(db: Db, p: Period): FollowUpDashboard['meetings'] {
  // One statement. Each meeting's cases are counted on the covering index case_list_item(meeting_id,
  // outcome, ...); the totals come back as the first row (series NULL). Then the held meetings'
  // participant lists (role, attendance) from meeting_participant(meeting_id, role, attendance), as a
  // frequency table of distinct (series, list) pairs: teams meet in the same roles week after week,
  // so ten years of meetings come back as a few hundred lists, each judged once. The index hands each
  // list over in (role, attendance) order, so equal lists are equal text; were they not, they would
  // only come back as more rows, with the same figures.
  const rows = cached(
    db,
    `WITH per_meeting AS MATERIALIZED (
         SELECT m.id, m.status, m.series_id,
                (SELECT count(*) FROM case_list_item c WHERE c.meeting_id = m.id AND c.outcome = 'discussed') AS discussed,
                (SELECT count(*) FROM case_list_item c WHERE c.meeting_id = m.id AND c.outcome = 'postponed') AS postponed
           FROM meeting m WHERE m.care_area_code = @area AND m.local_date BETWEEN @from AND @to),
       held AS (SELECT id, series_id FROM per_meeting WHERE status <> 'cancelled' AND (status = 'finalised' OR discussed > 0))
       SELECT 1, NULL, NULL, count(*) FILTER (WHERE status = 'cancelled'), (SELECT count(*) FROM held),
              ifnull(sum(discussed) FILTER (WHERE status <> 'cancelled'), 0), ifnull(sum(postponed), 0)
         FROM per_meeting
       UNION ALL
       SELECT 0, series_id, participants, count(*), NULL, NULL, NULL
         FROM (SELECT h.series_id, (SELECT json_group_array(json_array(mp.role, mp.attendance)) FROM meeting_participant mp WHERE mp.meeting_id = h.id) AS participants
                 FROM held h)
        GROUP BY series_id, participants`,
  )
    .raw()
    .all({ area: p.careAreaCode, from: p.from, to: p.to }) as [0 | 1, number | null, string | null, number, number, number, number][];
  const [, , , cancelled, held, discussed, postponed] = rows.find((r) => r[0] === 1)!;

  const requiredRoles = new Map(
    (cached(db, 'SELECT id, required_roles FROM conference_series').raw().all() as [number, string][]).map(([id, roles]) => [
      id,
      JSON.parse(roles) as string[],
    ]),
  );
  let withAttendance = 0;
  let quorumReached = 0;
  const perRole = new Map<string, AttendancePerRole>();
  for (const [kind, seriesId, list, meetingsWithList] of rows) {
    if (kind === 1) continue;
    const participants = (JSON.parse(list!) as [string, Attendance | null][]).map(([role, attendance]) => ({ role, attendance }));
    for (const { role, attendance } of participants) {
      const tally = perRole.get(role) ?? { role, present: 0, remote: 0, absent: 0, notRecorded: 0 };
      tally[attendance ?? 'notRecorded'] += meetingsWithList;
      perRole.set(role, tally);
    }
    const required = requiredRoles.get(seriesId ?? -1) ?? [];
    const quorum = computeQuorum(required.length > 0 ? required : [...new Set(participants.map((x) => x.role))], participants);
    if (quorum.recorded) {
      withAttendance += meetingsWithList;
      if (quorum.met) quorumReached += meetingsWithList;
    }
  }

  return {
    held,
    cancelled,
    casesDiscussed: discussed,
    casesPerMeeting: held > 0 ? discussed / held : null,
    postponed,
    withAttendance,
    quorumReached,
    quorumShare: share(quorumReached, withAttendance),
    // In role order as SQL's BINARY collation sorts (code units), like the table always showed.
    attendance: [...perRole.values()].sort((a, b) => (a.role < b.role ? -1 : a.role > b.role ? 1 : 0)),
  };
}
