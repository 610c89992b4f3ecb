import type { Db } from '../../db/driver';
import type { FollowUpDashboard } from '../../../shared/api/methods/follow-up';
import { share, summariseHistogram } from '../../../shared/domain/statistics';
import type { Period } from './period';

/** Quality registers aim at a care plan (Min vårdplan) for 95 % of patients. */
export const CARE_PLAN_TARGET = 0.95;

/**
 * Care plans (issue 6's tables care_plan and care_plan_handover):
 * - discharged: referrals of the care area with a discharge date (utskrivning) in the period;
 *   with a finalised plan when some version of the referral's plan was finalised (a superseded
 *   version was finalised before it was replaced);
 * - handovers (aktiv överlämning) sent in the period; confirmed ones with the calendar days from
 *   sent to confirmed.
 */
export function carePlans(db: Db, p: Period): FollowUpDashboard['carePlans'] {
  const args = [p.careAreaCode, p.from, p.to];
  // Discharges from the partial index; plans scanned once and matched to their referral by key.
  const discharged = db
    .prepare('SELECT count(*) FROM referral WHERE care_area_code = ? AND discharge_date BETWEEN ? AND ?')
    .pluck()
    .get(...args) as number;
  const finalised = db
    .prepare(
      `SELECT count(DISTINCT cp.referral_id) FROM care_plan cp JOIN referral r ON r.id = cp.referral_id
        WHERE cp.finalised_at IS NOT NULL AND cp.status IN ('finalised', 'superseded')
          AND r.care_area_code = ? AND r.discharge_date BETWEEN ? AND ?`,
    )
    .pluck()
    .get(...args) as number;
  const plans = { discharged, finalised };

  // Handovers as (status, days to confirmation, count): a frequency table, not one row each.
  const handovers = db
    .prepare(
      `SELECT h.status = 'confirmed', CAST(julianday(h.confirmed_date) - julianday(h.sent_date) AS INTEGER) AS days, count(*)
         FROM care_plan_handover h
         JOIN care_plan cp ON cp.id = h.care_plan_id
         JOIN referral r ON r.id = cp.referral_id
        WHERE r.care_area_code = ? AND h.sent_date BETWEEN ? AND ?
        GROUP BY 1, 2`,
    )
    .raw()
    .all(...args) as [0 | 1, number | null, number][];
  const sent = handovers.reduce((s, [, , n]) => s + n, 0);
  const confirmed = handovers.filter(([isConfirmed]) => isConfirmed === 1);
  return {
    discharged: plans.discharged,
    withFinalisedPlan: plans.finalised,
    share: share(plans.finalised, plans.discharged),
    target: CARE_PLAN_TARGET,
    handoversSent: sent,
    handoversConfirmed: confirmed.reduce((s, [, , n]) => s + n, 0),
    confirmationDays: summariseHistogram(confirmed.filter(([, days]) => days !== null).map(([, days, n]) => [days!, n] as const)),
  };
}
