/** Each care area's checklist rules (items and deadlines), kept as settings; shipped defaults from migration 0033. */
import type { Db } from '../../db/driver';
import { notFound } from '../../../shared/api/errors';
import { CHECKLIST_ITEMS, type ChecklistRules } from '../../../shared/domain/checklist';
import { getSetting, setSetting } from '../settings';

/** Used only if the shipped defaults were removed from the settings: every item, RCC's order. */
const FALLBACK: ChecklistRules = { items: [...CHECKLIST_ITEMS], beforeWorkingDays: 2, replyWorkingDays: 2, patientToldWorkingDays: 5 };

export function defaultRules(db: Db): ChecklistRules {
  return getSetting(db, 'checklist.defaults', FALLBACK);
}

/** A care area's rules: its own, else the national defaults. */
export function rulesOf(db: Db, careAreaCode: string): ChecklistRules {
  return getSetting(db, `checklist.rules.${careAreaCode}`, defaultRules(db));
}

export function allRules(db: Db): { defaults: ChecklistRules; careAreas: Record<string, ChecklistRules> } {
  const codes = db.prepare('SELECT code FROM care_area ORDER BY code').pluck().all() as string[];
  return { defaults: defaultRules(db), careAreas: Object.fromEntries(codes.map((c) => [c, rulesOf(db, c)])) };
}

export function saveRules(db: Db, careAreaCode: string, r: ChecklistRules): ChecklistRules {
  if (!db.prepare('SELECT 1 FROM care_area WHERE code = ?').get(careAreaCode)) throw notFound('care_area', careAreaCode);
  // Kept in the checklist's own order, each item once.
  const rules: ChecklistRules = { ...r, items: CHECKLIST_ITEMS.filter((i) => r.items.includes(i)) };
  setSetting(db, `checklist.rules.${careAreaCode}`, rules);
  return rules;
}
