import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { DateTime } from 'luxon';
import type { Db } from '../../db/driver';
import type { FilePayload } from '../../../shared/api/files';
import { invalid } from '../../../shared/api/errors';
import { STOCKHOLM, addMonths } from '../../../shared/domain/stockholm-time';
import { getWorkplace } from '../system/workplace';
import { MEETING_SELECT, participantsOf, type MeetingRow } from './meetings';
import { normaliseIcs } from './ics-format';
import { DEMO_LINE, isDemo } from '../../demo/marks';

const FALLBACK_ORGANIZER = 'noreply@mdk-coordinator.invalid';

function organizer(db: Db): { name: string; email: string } {
  const wp = getWorkplace(db);
  const unit = wp ? (db.prepare('SELECT name, email FROM unit WHERE id = ?').get(wp.unitId) as { name: string; email: string | null } | undefined) : undefined;
  return { name: unit?.name ?? 'MDK Coordinator', email: unit?.email || FALLBACK_ORGANIZER };
}

/**
 * One iCalendar object for meetings sharing a METHOD: REQUEST for planned (and finalised) meetings,
 * CANCEL for cancelled ones (RFC 5546 allows one METHOD per object). UID is the meeting's stable
 * ical_uid, SEQUENCE its ical_sequence (raised on every change), times in Europe/Stockholm with VTIMEZONE.
 */
export function buildCalendar(db: Db, rows: MeetingRow[], method: 'REQUEST' | 'CANCEL', now: Date): string {
  const areaNames = new Map((db.prepare('SELECT code, name_sv FROM care_area').all() as { code: string; name_sv: string }[]).map((a) => [a.code, a.name_sv]));
  const cal = ical({
    prodId: { company: 'MDK Coordinator', product: 'nMDK', language: 'SV' },
    method: method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    timezone: { name: STOCKHOLM, generator: getVtimezoneComponent },
  });
  const org = organizer(db);
  const demo = isDemo(db);
  for (const m of rows) {
    const start = DateTime.fromISO(m.starts_at, { zone: 'utc' }).setZone(STOCKHOLM);
    const deadline = m.deadline_at ? DateTime.fromISO(m.deadline_at, { zone: 'utc' }).setZone(STOCKHOLM).toFormat('yyyy-MM-dd HH:mm') : null;
    const description = [
      demo ? DEMO_LINE : '',
      m.series_name ?? '',
      deadline ? `Sista anmälan: ${deadline}` : '',
      m.chair_unit_name ? `Ordförande: ${m.chair_unit_name}${m.chair_name ? ` (${m.chair_name})` : ''}` : '',
      m.video_link ? `Videolänk: ${m.video_link}` : '',
      m.status === 'cancelled' && m.cancel_reason ? `Inställt: ${m.cancel_reason}` : '',
      m.moved_reason ? `Flyttat: ${m.moved_reason}` : '',
    ]
      .filter(Boolean)
      .join('\n');
    const event = cal.createEvent({
      id: m.ical_uid,
      sequence: m.ical_sequence,
      stamp: now,
      start,
      end: start.plus({ minutes: m.duration_minutes }),
      timezone: STOCKHOLM,
      summary: `${demo ? 'DEMO: ' : ''}${m.status === 'cancelled' ? 'INSTÄLLT: ' : ''}nMDK ${areaNames.get(m.care_area_code) ?? m.care_area_code}`,
      description,
      location: m.location ?? (m.video_link ? 'Videomöte' : null),
      url: m.video_link ?? null,
      status: m.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: org,
    });
    for (const p of participantsOf(db, m.id)) {
      if (!p.email) continue; // an ATTENDEE needs a calendar address
      event.createAttendee({ name: p.name, email: p.email, role: ICalAttendeeRole.REQ, rsvp: method === 'REQUEST', status: ICalAttendeeStatus.NEEDSACTION });
    }
  }
  return normaliseIcs(cal.toString());
}

function payload(fileName: string, text: string): FilePayload {
  return { fileName, mimeType: 'text/calendar; charset=utf-8', base64: Buffer.from(text, 'utf8').toString('base64') };
}

/** The meetings asked for, as one file per METHOD (invitations, and cancellations when there are any). */
export function exportIcs(
  db: Db,
  q: { meetingId?: number; seriesId?: number; careAreaCode?: string; from?: string; to?: string },
  today: string,
  now: Date,
): { files: FilePayload[]; meetingCount: number } {
  let rows: MeetingRow[];
  let base: string;
  if (q.meetingId !== undefined) {
    rows = db.prepare(`${MEETING_SELECT} WHERE m.id = ?`).all(q.meetingId) as MeetingRow[];
    if (rows.length === 0) throw invalid('meetingId', 'ics.noMeetings');
    base = `nmdk-${rows[0].care_area_code.toLowerCase()}-${rows[0].local_date}`;
  } else {
    if (q.seriesId === undefined && !q.careAreaCode) throw invalid('careAreaCode', 'validation.required');
    const from = q.from ?? today;
    const to = q.to ?? addMonths(today, 13);
    if (q.seriesId === undefined && (!q.from || !q.to)) throw invalid(!q.from ? 'from' : 'to', 'validation.required');
    if (to < from) throw invalid('to', 'ics.toBeforeFrom');
    rows = db
      .prepare(
        `${MEETING_SELECT} WHERE m.local_date BETWEEN ? AND ? AND (? IS NULL OR m.series_id = ?) AND (? IS NULL OR m.care_area_code = ?) ORDER BY m.starts_at`,
      )
      .all(from, to, q.seriesId ?? null, q.seriesId ?? null, q.careAreaCode ?? null, q.careAreaCode ?? null) as MeetingRow[];
    if (rows.length === 0) throw invalid('from', 'ics.noMeetings');
    base = `nmdk-${rows[0].care_area_code.toLowerCase()}-${from}-${to}`;
  }
  const active = rows.filter((r) => r.status !== 'cancelled');
  const cancelled = rows.filter((r) => r.status === 'cancelled');
  const files: FilePayload[] = [];
  if (active.length) files.push(payload(`${base}.ics`, buildCalendar(db, active, 'REQUEST', now)));
  if (cancelled.length) files.push(payload(`${base}${active.length ? '-installda' : ''}.ics`, buildCalendar(db, cancelled, 'CANCEL', now)));
  return { files, meetingCount: rows.length };
}
