import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/driver';
import type { GenerationResult } from '../../../shared/api/methods/scheduling';
import { chairUnitFor, occurrences } from '../../../shared/domain/recurrence';
import { addMonths } from '../../../shared/domain/stockholm-time';
import { cancelMeeting, type NoteRolled } from './changes';
import { getSeries, ruleOf } from './series';

/** Meetings are kept generated this far ahead (the issue asks for at least 12 months). */
export const HORIZON_MONTHS = 13;

interface Existing {
  id: number;
  occurrence_date: string;
  local_date: string;
  starts_at: string;
  status: string;
  moved_by_hand: number;
  case_count: number;
  attendance_count: number;
  [key: string]: unknown;
}

const SYNCED = [
  'local_date',
  'starts_at',
  'duration_minutes',
  'deadline_at',
  'location',
  'video_link',
  'chair_unit_id',
  'chair_name',
  'capacity_cases',
  'minutes_per_case',
] as const;

/**
 * Brings a series' meetings from today to the horizon in line with its rule, idempotently:
 * one meeting per rule date (unique on series + occurrence date), changed ones updated with a raised
 * iCalendar SEQUENCE, dates the rule no longer gives removed (or cancelled, rolling their cases, when
 * cases are listed or attendance recorded). Meetings moved or cancelled by hand and past ones are left alone.
 */
export function generateMeetings(db: Db, seriesId: number, today: string, nowIso: string, note?: NoteRolled): GenerationResult {
  const s = getSeries(db, seriesId);
  const through = addMonths(today, HORIZON_MONTHS);
  const result: GenerationResult = { created: 0, updated: 0, removed: 0, cancelled: 0, rolledCases: 0, through };
  const existing = new Map(
    (
      db
        .prepare(
          `SELECT m.*, (SELECT count(*) FROM case_list_item c WHERE c.meeting_id = m.id) AS case_count,
                  (SELECT count(*) FROM meeting_participant p WHERE p.meeting_id = m.id AND p.attendance IS NOT NULL) AS attendance_count
             FROM meeting m WHERE m.series_id = ? AND m.occurrence_date IS NOT NULL AND m.occurrence_date >= ? ORDER BY m.occurrence_date`,
        )
        .all(seriesId, today) as Existing[]
    ).map((r) => [r.occurrence_date, r]),
  );
  const wanted = s.active ? occurrences(ruleOf(s), today, through).filter((o) => !o.skipped) : [];
  const participants = db
    .prepare('SELECT p.id, p.role FROM series_participant sp JOIN person p ON p.id = sp.person_id WHERE sp.series_id = ? AND p.active = 1')
    .all(seriesId) as {
    id: number;
    role: string;
  }[];
  const addParticipant = db.prepare('INSERT OR IGNORE INTO meeting_participant (meeting_id, person_id, role) VALUES (?, ?, ?)');

  for (const o of wanted) {
    const fields = {
      local_date: o.localDate,
      starts_at: o.startsAt,
      duration_minutes: s.durationMinutes,
      deadline_at: o.deadlineAt,
      location: s.location,
      video_link: s.videoLink,
      chair_unit_id: chairUnitFor(s, o.localDate),
      chair_name: s.chairName,
      capacity_cases: s.capacityCases,
      minutes_per_case: s.minutesPerCase,
    };
    const row = existing.get(o.occurrenceDate);
    existing.delete(o.occurrenceDate);
    if (!row) {
      const id = Number(
        db
          .prepare(
            `INSERT INTO meeting (series_id, care_area_code, occurrence_date, ${SYNCED.join(', ')}, ical_uid, created_at, updated_at)
             VALUES (@series_id, @care_area_code, @occurrence_date, ${SYNCED.map((c) => '@' + c).join(', ')}, @uid, @now, @now)`,
          )
          .run({
            ...fields,
            series_id: seriesId,
            care_area_code: s.careAreaCode,
            occurrence_date: o.occurrenceDate,
            uid: `${randomUUID()}@mdk-coordinator`,
            now: nowIso,
          }).lastInsertRowid,
      );
      for (const p of participants) addParticipant.run(id, p.id, p.role);
      result.created++;
      continue;
    }
    if (row.status !== 'planned') continue;
    for (const p of participants) addParticipant.run(row.id, p.id, p.role);
    // A meeting moved by hand keeps its date and time; the rest of the series' settings still apply.
    const synced = row.moved_by_hand ? SYNCED.filter((c) => c !== 'local_date' && c !== 'starts_at' && c !== 'deadline_at' && c !== 'chair_unit_id') : SYNCED;
    const changed = synced.filter((c) => row[c] !== fields[c]);
    if (changed.length > 0) {
      db.prepare(
        `UPDATE meeting SET ${changed.map((c) => `${c} = @${c}`).join(', ')}, ical_sequence = ical_sequence + 1, updated_at = @now WHERE id = @id`,
      ).run({
        ...Object.fromEntries(changed.map((c) => [c, fields[c]])),
        now: nowIso,
        id: row.id,
      });
      result.updated++;
    }
  }
  // Default participants removed from the series leave future meetings where nothing is recorded for them.
  db.prepare(
    `DELETE FROM meeting_participant WHERE attendance IS NULL
       AND meeting_id IN (SELECT id FROM meeting WHERE series_id = ? AND status = 'planned' AND local_date >= ?)
       AND person_id NOT IN (SELECT person_id FROM series_participant WHERE series_id = ?)`,
  ).run(seriesId, today, seriesId);

  // Rule dates that are gone (rule changed, holiday now skipped, series ended or inactive).
  for (const row of existing.values()) {
    if (row.status !== 'planned' || row.moved_by_hand) continue;
    if (row.case_count > 0 || row.attendance_count > 0) {
      const { movedCases } = cancelMeeting(db, row.id, 'Serien ändrades / The series changed', nowIso, note);
      result.cancelled++;
      result.rolledCases += movedCases;
    } else if (tryDelete(db, row.id)) {
      result.removed++;
    } else {
      cancelMeeting(db, row.id, 'Serien ändrades / The series changed', nowIso, note);
      result.cancelled++;
    }
  }
  return result;
}

/**
 * Deletes a meeting nothing refers to; another feature's row pointing at it (a foreign key) makes the
 * savepoint roll back, and the caller cancels the meeting instead.
 */
function tryDelete(db: Db, meetingId: number): boolean {
  try {
    db.transaction(() => {
      db.prepare('DELETE FROM meeting_participant WHERE meeting_id = ?').run(meetingId);
      db.prepare('DELETE FROM meeting WHERE id = ?').run(meetingId);
    })();
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return false;
    throw e;
  }
}

/**
 * Keeps every active series generated at least 12 months ahead as time passes: any series whose last
 * generated rule date is closer than that is regenerated (idempotent, so a no-op when up to date).
 */
export function topUpSeries(db: Db, today: string, nowIso: string): void {
  const due = db
    .prepare(
      `SELECT s.id FROM conference_series s
        WHERE s.active = 1 AND (s.last_date IS NULL OR s.last_date > ?)
          AND coalesce((SELECT max(occurrence_date) FROM meeting m WHERE m.series_id = s.id), '') < ?`,
    )
    .pluck()
    .all(addMonths(today, 12), addMonths(today, 12)) as number[];
  for (const id of due) generateMeetings(db, id, today, nowIso);
}
