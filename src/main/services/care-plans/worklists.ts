import type { Db } from '../../db/driver';
import type { CarePlanWorklists } from '../../../shared/api/methods/care-plans';
import { handoverState } from '../../../shared/domain/care-plan';
import { handoverPendingDays } from './templates';

/** Days ahead a planned discharge counts as "due for discharge" on the worklist. */
const DUE_WITHIN_DAYS = 14;

/**
 * The care-plan worklists. Each row carries its patient id so the handler can log the access.
 */
export function worklists(db: Db, today: string): CarePlanWorklists & { patientIds: number[] } {
  const limit = handoverPendingDays(db);
  const dueBy = new Date(`${today}T00:00:00Z`);
  dueBy.setUTCDate(dueBy.getUTCDate() + DUE_WITHIN_DAYS);
  const missing = db
    .prepare(
      `SELECT r.id AS referralId, r.patient_id AS patientId, p.given_name || ' ' || p.family_name AS patientName, r.care_area_code AS careAreaCode,
              r.planned_discharge_date AS plannedDischargeDate, r.discharge_date AS dischargeDate,
              (SELECT id FROM care_plan d WHERE d.referral_id = r.id AND d.status = 'draft') AS draftId
       FROM referral r JOIN patient p ON p.id = r.patient_id
       WHERE r.status <> 'withdrawn'
         AND (r.discharge_date IS NOT NULL OR r.planned_discharge_date <= ?)
         AND NOT EXISTS (SELECT 1 FROM care_plan c WHERE c.referral_id = r.id AND c.status IN ('finalised', 'superseded'))
       ORDER BY coalesce(r.discharge_date, r.planned_discharge_date), r.id LIMIT 500`,
    )
    .all(dueBy.toISOString().slice(0, 10)) as CarePlanWorklists['missing'];
  const pending = (
    db
      .prepare(
        `SELECT h.id, h.care_plan_id AS carePlanId, p.id AS patientId, p.given_name || ' ' || p.family_name AS patientName,
                h.receiving_unit_id AS receivingUnitId, u.name AS receivingUnitName, h.receiving_contact_nurse AS receivingContactNurse,
                h.sent_date AS sentDate, h.status, h.confirmed_date AS confirmedDate, h.confirmed_by AS confirmedBy
         FROM care_plan_handover h JOIN care_plan c ON c.id = h.care_plan_id JOIN patient p ON p.id = c.patient_id JOIN unit u ON u.id = h.receiving_unit_id
         WHERE h.status = 'pending' ORDER BY h.sent_date, h.id LIMIT 500`,
      )
      .all() as (Omit<CarePlanWorklists['pendingHandovers'][number], 'nationalUnitResponsible' | 'daysPending' | 'overdue'> & { patientId: number })[]
  ).map((h) => ({ ...h, ...handoverState(h, today, limit) }));
  const candidates = db
    .prepare(
      `SELECT r.id AS referralId, r.patient_id AS patientId, p.given_name || ' ' || p.family_name AS patientName, r.care_area_code AS careAreaCode, r.status
       FROM referral r JOIN patient p ON p.id = r.patient_id
       WHERE r.status <> 'withdrawn' AND NOT EXISTS (SELECT 1 FROM care_plan c WHERE c.referral_id = r.id)
       ORDER BY r.received_date DESC, r.id DESC LIMIT 200`,
    )
    .all() as (CarePlanWorklists['candidates'][number] & { patientId: number })[];
  // The newest version of each referral's plan.
  const recent = db
    .prepare(
      `SELECT c.id, c.referral_id AS referralId, c.patient_id AS patientId, p.given_name || ' ' || p.family_name AS patientName, c.version, c.status,
              c.discharge_date AS dischargeDate, c.finalised_at AS finalisedAt
       FROM care_plan c JOIN patient p ON p.id = c.patient_id
       WHERE c.version = (SELECT max(version) FROM care_plan x WHERE x.referral_id = c.referral_id)
       ORDER BY c.updated_at DESC LIMIT 100`,
    )
    .all() as (CarePlanWorklists['recent'][number] & { patientId: number })[];
  const patientIds = [...new Set([...missing, ...pending, ...candidates, ...recent].map((r) => r.patientId))];
  return {
    missing,
    pendingHandovers: pending,
    handoverPendingDays: limit,
    candidates: candidates.map(({ patientId: _p, ...c }) => c),
    recent: recent.map(({ patientId: _p, ...c }) => c),
    patientIds,
  };
}
