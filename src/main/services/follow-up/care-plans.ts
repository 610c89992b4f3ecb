import type { Db } from '../../db/driver';
import type { FollowUpDashboard } from '../../../shared/api/methods/follow-up';
import { share, summariseHistogram } from '../../../shared/domain/statistics';
import { frequencyTableSql } from './frequency';
import type { Period } from './period';
import { cached } from '../../db/statements';

/** Quality registers aim at a care plan (Min vårdplan) for 95 % of patients. */
export const CARE_PLAN_TARGET = 0.95;

/**
 * Care plans (tables care_plan and care_plan_handover):
 * - discharged: referrals of the care area with a discharge date (utskrivning) in the period;
 *   with a finalised plan when some version of the referral's plan was finalised (a superseded
 *   version was finalised before it was replaced);
 * - handovers (aktiv överlämning) sent in the period; confirmed ones with the calendar days from
 *   sent to confirmed.
 */
export function carePlans(db: Db, p: Period): FollowUpDashboard['carePlans'] {
  const args = { area: p.careAreaCode, from: p.from, to: p.to };
  // follow_up_discharge (kept by triggers, migration 0010): one row per discharged referral saying
  // whether some version of its plan was finalised; each count is one range of its index.
  const [withoutPlan, finalised] = cached(
    db,
    `SELECT (SELECT count(*) FROM follow_up_discharge WHERE care_area_code = @area AND finalised_care_plan = 0 AND discharge_date BETWEEN @from AND @to),
              (SELECT count(*) FROM follow_up_discharge WHERE care_area_code = @area AND finalised_care_plan = 1 AND discharge_date BETWEEN @from AND @to)`,
  )
    .raw()
    .get(args) as [number, number];
  const discharged = withoutPlan + finalised;

  // Handovers sent in the period (their care area and days to confirmation are on the handover's
  // index, migration 0010): the pending ones counted, the confirmed ones as a frequency table of days.
  // A confirmed handover always has its confirmation date (CHECK of migration 0006), so its days.
  const pending = cached(db, `SELECT count(*) FROM care_plan_handover WHERE care_area_code = @area AND status = 'pending' AND sent_date BETWEEN @from AND @to`)
    .pluck()
    .get(args) as number;
  const confirmationDays = cached(
    db,
    frequencyTableSql({
      table: 'care_plan_handover',
      where: "care_area_code = @area AND status = 'confirmed'",
      value: 'confirmation_days',
      period: 'sent_date',
    }),
  )
    .raw()
    .all(args) as [number, number][];
  const confirmed = confirmationDays.reduce((s, [, n]) => s + n, 0);
  return {
    discharged,
    withFinalisedPlan: finalised,
    share: share(finalised, discharged),
    target: CARE_PLAN_TARGET,
    handoversSent: pending + confirmed,
    handoversConfirmed: confirmed,
    confirmationDays: summariseHistogram(confirmationDays),
  };
}
