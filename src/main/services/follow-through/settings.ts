import type { Db } from '../../db/driver';
import { notFound } from '../../../shared/api/errors';
import type { FollowThroughSettings, FollowThroughTargets } from '../../../shared/api/methods/follow-through';
import { getSetting, setSetting } from '../settings';

/** Two weeks after the reply the referring unit has usually decided and started. */
export const DEFAULT_NO_STATUS_AFTER_DAYS = 14;
const NO_TARGETS: FollowThroughTargets = { implementationRate: null, wishesRecorded: null, trialConsidered: null, postponementRate: null };

export function followThroughSettings(db: Db): FollowThroughSettings {
  return { noStatusAfterDays: getSetting(db, 'followThrough.noStatusAfterDays', DEFAULT_NO_STATUS_AFTER_DAYS) };
}

export function saveFollowThroughSettings(db: Db, s: FollowThroughSettings): FollowThroughSettings {
  setSetting(db, 'followThrough.noStatusAfterDays', s.noStatusAfterDays);
  return followThroughSettings(db);
}

export function targetsOf(db: Db, careAreaCode: string): FollowThroughTargets {
  return { ...NO_TARGETS, ...getSetting<Partial<FollowThroughTargets>>(db, `followThrough.targets.${careAreaCode}`, {}) };
}

export function saveTargets(db: Db, careAreaCode: string, t: FollowThroughTargets): FollowThroughTargets {
  if (!db.prepare('SELECT 1 FROM care_area WHERE code = ?').get(careAreaCode)) throw notFound('care_area', careAreaCode);
  setSetting(db, `followThrough.targets.${careAreaCode}`, t);
  return targetsOf(db, careAreaCode);
}
