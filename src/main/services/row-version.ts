import { DateTime } from 'luxon';
import { conflict } from '../../shared/api/errors';

/** Rows two people can edit in team mode (migrations 0023, 0032); each has its own conflict message. */
export type VersionedObject = 'referral' | 'caseList' | 'recommendation' | 'carePlan';

/**
 * The refusal of a save based on an older version: who changed the row and when (Stockholm time),
 * so the user can read the other change and then apply their own again.
 */
export function changedByOther(object: VersionedObject, who: string | null, at: string) {
  const when = DateTime.fromISO(at, { zone: 'utc' }).setZone('Europe/Stockholm').toFormat('yyyy-MM-dd HH:mm');
  return conflict(`team.changed.${object}`, { who: who ?? '?', when });
}

/**
 * The one check of every versioned save: a save that names the version it was based on (`expected`)
 * is refused when the row has moved on since; a save that names none (the CLI, older callers) is not.
 */
export function assertVersion(object: VersionedObject, expected: number | undefined, current: { version: number; by: string | null; at: string }): void {
  if (expected !== undefined && expected !== current.version) throw changedByOther(object, current.by, current.at);
}
