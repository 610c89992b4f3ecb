/**
 * When a meeting may be recorded: not before it begins, and only with quorum (beslutsförhet) unless
 * the chair confirms with a reason, which then stays on the meeting's record and its reply letters.
 */
import type { Db } from '../../db/driver';
import type { RequestContext } from '../../router/context';
import { ApiError, conflict, notFound } from '../../../shared/api/errors';
import { computeQuorum, type Quorum, type QuorumParticipant } from '../../../shared/domain/quorum';
import { utcToStockholm } from '../../../shared/domain/stockholm-time';

/** The quorum as the recorded attendance stands, against the series' required roles. */
export function meetingQuorum(db: Db, meetingId: number): Quorum {
  const quorum = meetingQuorums(db, [meetingId]).get(meetingId);
  if (!quorum) throw notFound('meeting', meetingId);
  return quorum;
}

/** The quorum of many meetings at once (two queries), as `meetingQuorum` judges each. */
export function meetingQuorums(db: Db, meetingIds: readonly number[]): Map<number, Quorum> {
  const ids = JSON.stringify(meetingIds);
  const required = db
    .prepare(
      'SELECT m.id, s.required_roles roles FROM meeting m LEFT JOIN conference_series s ON s.id = m.series_id WHERE m.id IN (SELECT value FROM json_each(?))',
    )
    .all(ids) as { id: number; roles: string | null }[];
  const attendance = db
    .prepare('SELECT meeting_id meetingId, role, attendance FROM meeting_participant WHERE meeting_id IN (SELECT value FROM json_each(?))')
    .all(ids) as (QuorumParticipant & { meetingId: number })[];
  return new Map(
    required.map((m) => [
      m.id,
      computeQuorum(
        m.roles ? (JSON.parse(m.roles) as string[]) : [],
        attendance.filter((p) => p.meetingId === m.id),
      ),
    ]),
  );
}

/** Refuses to record anything of a meeting that has not begun, saying when it begins (Stockholm time). */
export function assertStarted(ctx: RequestContext, m: { startsAt: string }): void {
  if (ctx.now().getTime() >= Date.parse(m.startsAt)) return;
  const { date, time } = utcToStockholm(m.startsAt);
  throw conflict('meeting.notStarted', { date, time });
}

/**
 * The missing roles when the meeting lacks quorum; refuses (naming each role) unless the chair gave
 * a reason to finalise anyway. Null when quorate.
 */
export function quorumOnFinalise(db: Db, meetingId: number, withoutQuorum: { reason: string } | undefined): { missingRoles: string[]; reason: string } | null {
  const quorum = meetingQuorum(db, meetingId);
  if (quorum.met) return null;
  if (!withoutQuorum) {
    throw new ApiError(
      'conflict',
      'meeting.notQuorate',
      { count: quorum.missingRoles.length },
      quorum.missingRoles.map((role) => ({ path: '', messageKey: `participantRole.${role}`, params: { role } })),
    );
  }
  return { missingRoles: quorum.missingRoles, reason: withoutQuorum.reason };
}
