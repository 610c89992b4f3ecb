import type { Db } from '../../db/driver';
import { notFound } from '../../../shared/api/errors';
import type { LeadTimeView, ReferralDetail, ReferralEventView } from '../../../shared/api/methods/referrals';
import { leadTime, stockholmToday } from '../../../shared/domain/lead-time';
import { isRequirableField, missingFields, type RequirableField } from '../../../shared/domain/completeness';
import type { ReferralStatus } from '../../../shared/domain/referral-status';
import { openReferrals, patientSummary } from './patients';
import { rowToFields, type ReferralRow } from './rows';

/** The clock stops when the case has been discussed, closed or withdrawn (at that status change). */
const STOPPED: readonly string[] = ['discussed', 'closed', 'withdrawn'];

export function leadTimeView(
  r: { received_date: string; suspicion_date: string | null; status: string; status_changed_at: string },
  targetDays: number,
  today: string,
): LeadTimeView {
  const end = STOPPED.includes(r.status) ? stockholmToday(new Date(r.status_changed_at)) : today;
  return { ...leadTime(r.received_date, r.suspicion_date, end, targetDays), targetDays };
}

export function loadReferralRow(db: Db, id: number): ReferralRow {
  const row = db.prepare('SELECT * FROM referral WHERE id = ?').get(id) as ReferralRow | undefined;
  if (!row) throw notFound('referral', id);
  return row;
}

export function careAreaRules(db: Db, code: string): { leadTimeTargetDays: number; requiredFields: string[]; nameSv: string } {
  const a = db.prepare('SELECT lead_time_target_days, required_fields, name_sv FROM care_area WHERE code = ?').get(code) as
    { lead_time_target_days: number; required_fields: string; name_sv: string } | undefined;
  if (!a) throw notFound('care_area', code);
  return { leadTimeTargetDays: a.lead_time_target_days, requiredFields: JSON.parse(a.required_fields) as string[], nameSv: a.name_sv };
}

export function missingFor(db: Db, row: ReferralRow): RequirableField[] {
  return missingFields(rowToFields(row), careAreaRules(db, row.care_area_code).requiredFields);
}

/** The referral's own facts; its checklists are the checklist service's, added by the handler. */
export function getReferral(db: Db, id: number, now: Date): Omit<ReferralDetail, 'checklists'> {
  const today = stockholmToday(now);
  const row = loadReferralRow(db, id);
  const rules = careAreaRules(db, row.care_area_code);
  const fields = rowToFields(row);
  const timeline = db
    .prepare(
      'SELECT at, user_name AS userName, from_status AS fromStatus, to_status AS toStatus, note FROM referral_event WHERE referral_id = ? ORDER BY at, id',
    )
    .all(id) as ReferralEventView[];
  const asked = row.completion_missing ? (JSON.parse(row.completion_missing) as string[]) : [];
  return {
    ...fields,
    id: row.id,
    patient: patientSummary(db, row.patient_id, today),
    status: row.status as ReferralStatus,
    statusChangedAt: row.status_changed_at,
    withdrawnReason: row.withdrawn_reason,
    completionRequestedAt: row.completion_requested_at,
    completionMissing: asked.filter(isRequirableField),
    missing: missingFields(fields, rules.requiredFields),
    leadTime: leadTimeView(row, rules.leadTimeTargetDays, today),
    timeline,
    otherOpen: openReferrals(db, row.patient_id, row.care_area_code, row.id),
    hasOriginalForm: db.prepare('SELECT 1 FROM referral_form_file WHERE referral_id = ?').get(id) !== undefined,
    rowVersion: row.row_version,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}
