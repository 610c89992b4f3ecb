import { DateTime } from 'luxon';
import { conflict } from '../../shared/api/errors';

/** Rows two people can edit in team mode (migration 0023); each has its own conflict message. */
export type VersionedObject = 'referral';

/**
 * The refusal of a save based on an older version: who changed the row and when (Stockholm time),
 * so the user can read the other change and then apply their own again.
 */
export function changedByOther(object: VersionedObject, who: string | null, at: string) {
  const when = DateTime.fromISO(at, { zone: 'utc' }).setZone('Europe/Stockholm').toFormat('yyyy-MM-dd HH:mm');
  return conflict(`team.changed.${object}`, { who: who ?? '?', when });
}
