import type { Db } from '../../db/driver';
import type { FollowUpDashboard } from '../../../shared/api/methods/follow-up';
import { summariseHistogram } from '../../../shared/domain/statistics';
import { frequencyTableSql } from './frequency';
import type { Period } from './period';
import { cached } from '../../db/statements';

/**
 * Lead times (ledtider) in calendar days for referrals whose MDK date falls in the period:
 * received → MDK, välgrundad misstanke → MDK (where the suspicion date is known), and MDK → start of
 * treatment (where recorded). The share within the care area's target applies to the two lead
 * times to MDK; the target is the care area's lead_time_target_days.
 */
export function leadTimes(db: Db, p: Period, targetDays: number): FollowUpDashboard['leadTimes'] {
  // referral_mdk_date (kept by triggers, migrations 0008 and 0010) holds each referral's MDK date and
  // its three lead times in days, each indexed by (care area, days, MDK date): three frequency tables
  // (kind, days, count) without reading a referral row.
  const kinds = ['received_to_mdk_days', 'suspicion_to_mdk_days', 'mdk_to_treatment_days'];
  const rows = cached(
    db,
    kinds
      .map(
        (days, kind) =>
          `SELECT ${kind}, * FROM (${frequencyTableSql({ table: 'referral_mdk_date', where: 'care_area_code = @area', value: days, period: 'mdk_date' })})`,
      )
      .join(' UNION ALL '),
  )
    .raw()
    .all({ area: p.careAreaCode, from: p.from, to: p.to }) as [0 | 1 | 2, number, number][];
  const hist: [number, number][][] = [[], [], []];
  for (const [kind, days, count] of rows) hist[kind].push([days, count]);
  return {
    targetDays,
    receivedToMdk: summariseHistogram(hist[0], targetDays),
    suspicionToMdk: summariseHistogram(hist[1], targetDays),
    mdkToTreatment: summariseHistogram(hist[2]),
  };
}
