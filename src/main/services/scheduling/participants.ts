import type { Db } from '../../db/driver';
import { conflict, invalid, notFound } from '../../../shared/api/errors';
import type { Person } from '../../../shared/api/methods/scheduling';
import { computeQuorum, type Attendance, type Quorum } from '../../../shared/domain/quorum';
import { meetingRow, participantsOf } from './meetings';

export function listPeople(db: Db, includeInactive: boolean): Person[] {
  const rows = db
    .prepare(
      `SELECT p.id, p.name, p.role, p.unit_id, u.name AS unit_name, p.email, p.hsa_id, p.active
         FROM person p LEFT JOIN unit u ON u.id = p.unit_id
        WHERE (? = 1 OR p.active = 1) ORDER BY p.name`,
    )
    .all(includeInactive ? 1 : 0) as {
    id: number;
    name: string;
    role: string;
    unit_id: number | null;
    unit_name: string | null;
    email: string | null;
    hsa_id: string | null;
    active: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    unitId: r.unit_id,
    unitName: r.unit_name,
    email: r.email,
    hsaId: r.hsa_id,
    active: r.active === 1,
  }));
}

export function savePerson(
  db: Db,
  p: { id?: number; name: string; role: string; unitId: number | null; email: string | null; hsaId: string | null; active: boolean },
  nowIso: string,
): { id: number } {
  if (p.unitId !== null && !db.prepare('SELECT 1 FROM unit WHERE id = ?').get(p.unitId)) throw invalid('unitId', 'series.unknownUnit');
  if (p.email) {
    const dup = db.prepare('SELECT id FROM person WHERE lower(email) = lower(?) AND id IS NOT ?').get(p.email, p.id ?? null);
    if (dup) throw invalid('email', 'person.emailTaken');
  }
  const values = [p.name, p.role, p.unitId, p.email, p.hsaId, p.active ? 1 : 0];
  if (p.id === undefined) {
    return {
      id: Number(
        db.prepare('INSERT INTO person (name, role, unit_id, email, hsa_id, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(...values, nowIso)
          .lastInsertRowid,
      ),
    };
  }
  const info = db.prepare('UPDATE person SET name = ?, role = ?, unit_id = ?, email = ?, hsa_id = ?, active = ? WHERE id = ?').run(...values, p.id);
  if (info.changes === 0) throw notFound('person', p.id);
  return { id: p.id };
}

function assertOpen(db: Db, meetingId: number) {
  const m = meetingRow(db, meetingId);
  if (m.status === 'cancelled') throw conflict('mdkMeeting.alreadyCancelled');
  return m;
}

export function addParticipant(db: Db, meetingId: number, personId: number): void {
  const m = assertOpen(db, meetingId);
  if (m.status === 'finalised') throw conflict('mdkMeeting.finalised');
  const person = db.prepare('SELECT role, active FROM person WHERE id = ?').get(personId) as { role: string; active: number } | undefined;
  if (!person) throw invalid('personId', 'series.unknownPerson');
  if (db.prepare('SELECT 1 FROM meeting_participant WHERE meeting_id = ? AND person_id = ?').get(meetingId, personId))
    throw invalid('personId', 'mdkMeeting.alreadyParticipant');
  db.prepare('INSERT INTO meeting_participant (meeting_id, person_id, role) VALUES (?, ?, ?)').run(meetingId, personId, person.role);
  db.prepare('UPDATE meeting SET ical_sequence = ical_sequence + 1 WHERE id = ?').run(meetingId); // attendee list changed
}

export function removeParticipant(db: Db, meetingId: number, personId: number): void {
  const m = assertOpen(db, meetingId);
  if (m.status === 'finalised') throw conflict('mdkMeeting.finalised');
  const info = db.prepare('DELETE FROM meeting_participant WHERE meeting_id = ? AND person_id = ?').run(meetingId, personId);
  if (info.changes === 0) throw notFound('meeting_participant', personId);
  db.prepare('UPDATE meeting SET ical_sequence = ical_sequence + 1 WHERE id = ?').run(meetingId);
}

/** Records one participant's attendance (null clears it) and returns the meeting's quorum. */
export function setAttendance(db: Db, meetingId: number, personId: number, attendance: Attendance | null): { quorum: Quorum } {
  const m = assertOpen(db, meetingId);
  if (m.status === 'finalised') throw conflict('mdkMeeting.finalised');
  const info = db.prepare('UPDATE meeting_participant SET attendance = ? WHERE meeting_id = ? AND person_id = ?').run(attendance, meetingId, personId);
  if (info.changes === 0) throw invalid('personId', 'mdkMeeting.notParticipant');
  const required = m.required_roles ? (JSON.parse(m.required_roles) as string[]) : [];
  return { quorum: computeQuorum(required, participantsOf(db, meetingId)) };
}
