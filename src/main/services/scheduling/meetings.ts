import type { Db } from '../../db/driver';
import type { MeetingDetail, MeetingSummary, SkippedOccurrence } from '../../../shared/api/methods/scheduling';
import { notFound } from '../../../shared/api/errors';
import { holidayOn } from '../../../shared/domain/holidays';
import { computeQuorum, type Attendance } from '../../../shared/domain/quorum';
import { occurrences } from '../../../shared/domain/recurrence';
import { isoWeek, utcToStockholm } from '../../../shared/domain/stockholm-time';
import { getSeries, ruleOf } from './series';

export interface MeetingRow {
  id: number;
  series_id: number | null;
  series_name: string | null;
  required_roles: string | null;
  care_area_code: string;
  local_date: string;
  occurrence_date: string | null;
  starts_at: string;
  duration_minutes: number;
  deadline_at: string | null;
  status: MeetingSummary['status'];
  cancel_reason: string | null;
  moved_reason: string | null;
  location: string | null;
  video_link: string | null;
  chair_unit_id: number | null;
  chair_unit_name: string | null;
  chair_name: string | null;
  capacity_cases: number | null;
  minutes_per_case: number | null;
  ical_uid: string;
  ical_sequence: number;
  case_count: number;
}

export const MEETING_SELECT = `
  SELECT m.*, s.name AS series_name, s.required_roles, u.name AS chair_unit_name,
         (SELECT count(*) FROM case_list_item c WHERE c.meeting_id = m.id) AS case_count
    FROM meeting m
    LEFT JOIN conference_series s ON s.id = m.series_id
    LEFT JOIN unit u ON u.id = m.chair_unit_id`;

export function meetingRow(db: Db, id: number): MeetingRow {
  const row = db.prepare(`${MEETING_SELECT} WHERE m.id = ?`).get(id) as MeetingRow | undefined;
  if (!row) throw notFound('meeting', id);
  return row;
}

export function participantsOf(db: Db, meetingId: number) {
  return db
    .prepare(
      `SELECT p.id AS personId, p.name, mp.role, u.name AS unitName, p.email, mp.attendance
         FROM meeting_participant mp JOIN person p ON p.id = mp.person_id LEFT JOIN unit u ON u.id = p.unit_id
        WHERE mp.meeting_id = ? ORDER BY mp.role, p.name`,
    )
    .all(meetingId) as { personId: number; name: string; role: string; unitName: string | null; email: string | null; attendance: Attendance | null }[];
}

function addMinutes(hhmm: string, minutes: number): string {
  const [h, m] = hhmm.split(':').map(Number);
  const t = (h * 60 + m + minutes) % (24 * 60);
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}

export function toSummary(db: Db, r: MeetingRow): MeetingSummary {
  const start = utcToStockholm(r.starts_at);
  const required = r.required_roles ? (JSON.parse(r.required_roles) as string[]) : [];
  const moved = r.occurrence_date && r.occurrence_date !== r.local_date ? holidayOn(r.occurrence_date) : undefined;
  return {
    id: r.id,
    seriesId: r.series_id,
    seriesName: r.series_name,
    careAreaCode: r.care_area_code,
    localDate: r.local_date,
    startTime: start.time,
    endTime: addMinutes(start.time, r.duration_minutes),
    startsAt: r.starts_at,
    durationMinutes: r.duration_minutes,
    deadlineAt: r.deadline_at,
    deadlineLocal: r.deadline_at ? utcToStockholm(r.deadline_at) : null,
    status: r.status,
    cancelReason: r.cancel_reason,
    movedReason: r.moved_reason,
    movedFromHoliday: moved ? moved.nameSv : null,
    location: r.location,
    videoLink: r.video_link,
    chairUnitId: r.chair_unit_id,
    chairUnitName: r.chair_unit_name,
    chairName: r.chair_name,
    capacityCases: r.capacity_cases,
    minutesPerCase: r.minutes_per_case,
    caseCount: r.case_count,
    week: isoWeek(r.local_date).week,
    quorum: computeQuorum(required, participantsOf(db, r.id)),
  };
}

/** The next planned meeting of the same care area after this one: where its cases roll to. */
export function nextMeetingAfter(db: Db, m: { id: number; care_area_code: string; starts_at: string }) {
  const row = db
    .prepare(
      `SELECT id, local_date, starts_at FROM meeting WHERE care_area_code = ? AND status = 'planned' AND starts_at > ? AND id <> ? ORDER BY starts_at LIMIT 1`,
    )
    .get(m.care_area_code, m.starts_at, m.id) as { id: number; local_date: string; starts_at: string } | undefined;
  return row ? { id: row.id, localDate: row.local_date, startTime: utcToStockholm(row.starts_at).time } : null;
}

export function getMeeting(db: Db, id: number): MeetingDetail {
  const r = meetingRow(db, id);
  return {
    ...toSummary(db, r),
    requiredRoles: r.required_roles ? (JSON.parse(r.required_roles) as string[]) : [],
    participants: participantsOf(db, id),
    icalUid: r.ical_uid,
    icalSequence: r.ical_sequence,
    nextMeeting: nextMeetingAfter(db, r),
  };
}

export function listMeetings(
  db: Db,
  q: { careAreaCode?: string; seriesId?: number; from: string; to: string },
): { meetings: MeetingSummary[]; skipped: SkippedOccurrence[] } {
  const rows = db
    .prepare(
      `${MEETING_SELECT}
        WHERE m.local_date BETWEEN @from AND @to
          AND (@area IS NULL OR m.care_area_code = @area) AND (@series IS NULL OR m.series_id = @series)
        ORDER BY m.starts_at`,
    )
    .all({ from: q.from, to: q.to, area: q.careAreaCode ?? null, series: q.seriesId ?? null }) as MeetingRow[];
  // Holiday-skipped dates are not stored: they are recomputed from each active series' rule.
  const seriesIds = db
    .prepare(
      `SELECT id FROM conference_series WHERE active = 1 AND holiday_policy = 'skip' AND (@area IS NULL OR care_area_code = @area) AND (@series IS NULL OR id = @series)`,
    )
    .pluck()
    .all({ area: q.careAreaCode ?? null, series: q.seriesId ?? null }) as number[];
  const skipped: SkippedOccurrence[] = [];
  for (const sid of seriesIds) {
    const s = getSeries(db, sid);
    for (const o of occurrences(ruleOf(s), q.from, q.to)) {
      if (o.skipped && o.holiday) {
        skipped.push({
          seriesId: sid,
          seriesName: s.name,
          careAreaCode: s.careAreaCode,
          date: o.occurrenceDate,
          holidaySv: o.holiday.nameSv,
          holidayEn: o.holiday.nameEn,
        });
      }
    }
  }
  return { meetings: rows.map((r) => toSummary(db, r)), skipped };
}
