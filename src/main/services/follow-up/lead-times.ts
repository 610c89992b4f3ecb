import type { Db } from '../../db/driver';
import type { FollowUpDashboard } from '../../../shared/api/methods/follow-up';
import { summariseHistogram } from '../../../shared/domain/statistics';
import type { Period } from './period';

/**
 * Lead times (ledtider) in calendar days for referrals whose MDK date falls in the period:
 * received → MDK, välgrundad misstanke → MDK (where the suspicion date is known), and MDK → start of
 * treatment (where recorded). The share within the care area's target applies to the two lead
 * times to MDK; the target is the care area's lead_time_target_days.
 */
export function leadTimes(db: Db, p: Period, targetDays: number): FollowUpDashboard['leadTimes'] {
  // One pass over the MDK dates in the period (referral_mdk_date, kept by triggers, migration 0008):
  // the three lead times handed back as a frequency table (kind, days, count), a few hundred rows
  // instead of one per referral.
  const rows = db
    .prepare(
      `WITH lt AS MATERIALIZED (
         SELECT CAST(julianday(d.mdk_date) - julianday(r.received_date) AS INTEGER) AS received,
                CAST(julianday(d.mdk_date) - julianday(r.suspicion_date) AS INTEGER) AS suspicion,
                CAST(julianday(r.treatment_start_date) - julianday(d.mdk_date) AS INTEGER) AS treatment
           FROM referral_mdk_date d JOIN referral r ON r.id = d.referral_id
          WHERE d.care_area_code = ? AND d.mdk_date BETWEEN ? AND ?)
       SELECT 0, received, count(*) FROM lt GROUP BY received
       UNION ALL SELECT 1, suspicion, count(*) FROM lt WHERE suspicion IS NOT NULL GROUP BY suspicion
       UNION ALL SELECT 2, treatment, count(*) FROM lt WHERE treatment IS NOT NULL GROUP BY treatment`,
    )
    .raw()
    .all(p.careAreaCode, p.from, p.to) as [0 | 1 | 2, number, number][];
  const hist: [number, number][][] = [[], [], []];
  for (const [kind, days, count] of rows) hist[kind].push([days, count]);
  return {
    targetDays,
    receivedToMdk: summariseHistogram(hist[0], targetDays),
    suspicionToMdk: summariseHistogram(hist[1], targetDays),
    mdkToTreatment: summariseHistogram(hist[2]),
  };
}
