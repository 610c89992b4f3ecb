import type { Db } from '../../db/driver';
import type { FollowUpDashboard } from '../../../shared/api/methods/follow-up';
import { summariseDurations } from '../../../shared/domain/statistics';
import { MDK_DATE_CTE, type Period } from './period';

/**
 * Lead times (ledtider) in calendar days for referrals whose MDK date falls in the period:
 * received → MDK, välgrundad misstanke → MDK (where the suspicion date is known), and MDK → start of
 * treatment (where recorded). The share within the care area's target applies to the two lead
 * times to MDK; the target is the care area's lead_time_target_days.
 */
export function leadTimes(db: Db, p: Period, targetDays: number): FollowUpDashboard['leadTimes'] {
  const rows = db
    .prepare(
      `WITH ${MDK_DATE_CTE}
       SELECT CAST(julianday(mdk.mdk_date) - julianday(r.received_date) AS INTEGER) AS received,
              CAST(julianday(mdk.mdk_date) - julianday(r.suspicion_date) AS INTEGER) AS suspicion,
              CAST(julianday(r.treatment_start_date) - julianday(mdk.mdk_date) AS INTEGER) AS treatment
         FROM mdk JOIN referral r ON r.id = mdk.referral_id
        WHERE mdk.mdk_date BETWEEN ? AND ? AND r.care_area_code = ?`,
    )
    .raw()
    .all(p.careAreaCode, p.careAreaCode, p.from, p.to, p.careAreaCode) as [number, number | null, number | null][];

  const received: number[] = [];
  const suspicion: number[] = [];
  const treatment: number[] = [];
  for (const [a, b, c] of rows) {
    received.push(a);
    if (b !== null) suspicion.push(b);
    if (c !== null) treatment.push(c);
  }
  return {
    targetDays,
    receivedToMdk: summariseDurations(received, targetDays),
    suspicionToMdk: summariseDurations(suspicion, targetDays),
    mdkToTreatment: summariseDurations(treatment),
  };
}
