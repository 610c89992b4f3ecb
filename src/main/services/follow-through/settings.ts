import type { Db } from '../../db/driver';
import { notFound } from '../../../shared/api/errors';
import type { FollowThroughSettings, FollowThroughTargets } from '../../../shared/api/methods/follow-through';
import { getSetting, setSetting } from '../settings';
import { getWorkplace } from '../system/workplace';
import { translate } from '../../../shared/i18n';

/** Two weeks after the reply the referring unit has usually decided and started. */
export const DEFAULT_NO_STATUS_AFTER_DAYS = 14;
const NO_TARGETS: FollowThroughTargets = {
  implementationRate: null,
  wishesRecorded: null,
  trialConsidered: null,
  postponementRate: null,
  checklistComplete: null,
};

export function followThroughSettings(db: Db): FollowThroughSettings {
  return { noStatusAfterDays: getSetting(db, 'followThrough.noStatusAfterDays', DEFAULT_NO_STATUS_AFTER_DAYS) };
}

export function saveFollowThroughSettings(db: Db, s: FollowThroughSettings): FollowThroughSettings {
  setSetting(db, 'followThrough.noStatusAfterDays', s.noStatusAfterDays);
  return followThroughSettings(db);
}

/** The worklist setting and every care area's targets (Settings). */
export function allSettings(db: Db): FollowThroughSettings & { targets: Record<string, FollowThroughTargets> } {
  const codes = db.prepare('SELECT code FROM care_area ORDER BY code').pluck().all() as string[];
  return { ...followThroughSettings(db), targets: Object.fromEntries(codes.map((c) => [c, targetsOf(db, c)])) };
}

export function targetsOf(db: Db, careAreaCode: string): FollowThroughTargets {
  return { ...NO_TARGETS, ...getSetting<Partial<FollowThroughTargets>>(db, `followThrough.targets.${careAreaCode}`, {}) };
}

export function saveTargets(db: Db, careAreaCode: string, t: FollowThroughTargets): FollowThroughTargets {
  if (!db.prepare('SELECT 1 FROM care_area WHERE code = ?').get(careAreaCode)) throw notFound('care_area', careAreaCode);
  setSetting(db, `followThrough.targets.${careAreaCode}`, t);
  return targetsOf(db, careAreaCode);
}

/** The reply letter's paragraph on how the referring unit reports back: to this national unit, by phone. */
export function reportBackText(db: Db): string {
  const workplace = getWorkplace(db);
  const unit = workplace
    ? (db.prepare('SELECT name, phone FROM unit WHERE id = ?').get(workplace.unitId) as { name: string; phone: string | null } | undefined)
    : undefined;
  const name = unit ? `${unit.name}${unit.phone ? ` (tel. ${unit.phone})` : ''}` : 'den nationella vårdenheten';
  return translate('sv', 'reply.reportBack', { unit: name });
}
