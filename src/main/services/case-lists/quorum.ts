/**
 * When a meeting may be recorded: not before it begins, and only with quorum (beslutsförhet) unless
 * the chair confirms with a reason, which then stays on the meeting's record and its reply letters.
 */
import type { Db } from '../../db/driver';
import type { RequestContext } from '../../router/context';
import { ApiError, conflict } from '../../../shared/api/errors';
import { computeQuorum, type Quorum } from '../../../shared/domain/quorum';
import { utcToStockholm } from '../../../shared/domain/stockholm-time';
import { meetingRow, participantsOf } from '../scheduling/meetings';

/** The quorum as the recorded attendance stands, against the series' required roles. */
export function meetingQuorum(db: Db, meetingId: number): Quorum {
  const row = meetingRow(db, meetingId);
  const required = row.required_roles ? (JSON.parse(row.required_roles) as string[]) : [];
  return computeQuorum(required, participantsOf(db, meetingId));
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
