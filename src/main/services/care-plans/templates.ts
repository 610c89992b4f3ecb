import type { Db } from '../../db/driver';
import { getSetting, setSetting } from '../settings';
import { ApiError, invalid } from '../../../shared/api/errors';
import {
  DEFAULT_HANDOVER_PENDING_DAYS,
  defaultTemplate,
  TEXT_KEYS,
  type CarePlanTemplate,
  type CarePlanTexts,
  type FollowUpItem,
} from '../../../shared/domain/care-plan';

const HANDOVER_DAYS_KEY = 'carePlans.handoverPendingDays';

interface TemplateRow {
  care_area_code: string;
  follow_ups: string;
  rehabilitation_needs: string;
  rehabilitation_plan: string;
  self_care_advice: string;
  warning_signs: string;
  call_weekdays: string;
  call_other_times: string;
  practical_matters: string;
  patient_rights: string;
}

/** camelCase text key → snake_case column (the same eight texts on plan and template). */
export const textColumn = (key: keyof CarePlanTexts) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function fromRow(row: TemplateRow): CarePlanTemplate {
  const texts = Object.fromEntries(TEXT_KEYS.map((k) => [k, row[textColumn(k) as keyof TemplateRow]])) as unknown as CarePlanTexts;
  return { careAreaCode: row.care_area_code, saved: true, ...texts, followUps: JSON.parse(row.follow_ups) as FollowUpItem[] };
}

/** The care area's template, or the built-in default while none is saved. */
export function getTemplate(db: Db, careAreaCode: string): CarePlanTemplate {
  const row = db.prepare('SELECT * FROM care_plan_template WHERE care_area_code = ?').get(careAreaCode) as TemplateRow | undefined;
  return row ? fromRow(row) : defaultTemplate(careAreaCode);
}

export function listTemplates(db: Db): CarePlanTemplate[] {
  const codes = db.prepare('SELECT code FROM care_area WHERE active = 1 ORDER BY name_sv').pluck().all() as string[];
  return codes.map((c) => getTemplate(db, c));
}

export function saveTemplate(db: Db, input: Omit<CarePlanTemplate, 'saved'>, userName: string, now: string): CarePlanTemplate {
  const exists = db.prepare('SELECT 1 FROM care_area WHERE code = ?').get(input.careAreaCode);
  if (!exists) throw invalid('careAreaCode', 'carePlan.unknownCareArea');
  const cols = TEXT_KEYS.map(textColumn);
  db.prepare(
    `INSERT INTO care_plan_template (care_area_code, follow_ups, ${cols.join(', ')}, updated_by, updated_at)
     VALUES (?, ?, ${cols.map(() => '?').join(', ')}, ?, ?)
     ON CONFLICT(care_area_code) DO UPDATE SET follow_ups = excluded.follow_ups, ${cols.map((c) => `${c} = excluded.${c}`).join(', ')},
       updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  ).run(input.careAreaCode, JSON.stringify(input.followUps), ...TEXT_KEYS.map((k) => input[k]), userName, now);
  return getTemplate(db, input.careAreaCode);
}

export function handoverPendingDays(db: Db): number {
  return getSetting<number>(db, HANDOVER_DAYS_KEY, DEFAULT_HANDOVER_PENDING_DAYS);
}

export function setHandoverPendingDays(db: Db, days: number): number {
  if (!Number.isInteger(days) || days < 1) throw new ApiError('validation', 'error.validation');
  setSetting(db, HANDOVER_DAYS_KEY, days);
  return days;
}
