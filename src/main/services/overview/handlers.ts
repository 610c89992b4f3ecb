import type { Handlers } from '../../router/router';
import type { OverviewCounts } from '../../../shared/api/methods/overview';
import { stockholmToday } from '../../../shared/domain/lead-time';
import { getWorkplace } from '../system/workplace';

const OPEN = "('received', 'awaiting_completion', 'complete', 'listed', 'discussed')";
// The lead-time clock runs to the MDK: a discussed case is no longer waiting for it.
const BEFORE_MDK = "('received', 'awaiting_completion', 'complete', 'listed')";

export const overviewHandlers: Pick<Handlers, 'overview.counts'> = {
  'overview.counts': (_input, ctx) => {
    const areas = JSON.stringify(getWorkplace(ctx.db)?.careAreaCodes ?? []);
    const inAreas = 'r.care_area_code IN (SELECT value FROM json_each(?))';
    const byStatus = ctx.db.prepare(`SELECT r.status, count(*) AS n FROM referral r WHERE ${inAreas} AND r.status IN ${OPEN} GROUP BY r.status`).all(areas) as {
      status: keyof OverviewCounts['referralsByStatus'];
      n: number;
    }[];
    // Same rule as the inbox's mark (src/shared/domain/lead-time.ts): calendar days from suspicion, else receipt.
    const overTarget = ctx.db
      .prepare(
        `SELECT count(*) FROM referral r JOIN care_area ca ON ca.code = r.care_area_code
         WHERE ${inAreas} AND r.status IN ${BEFORE_MDK}
           AND julianday(?) - julianday(coalesce(r.suspicion_date, r.received_date)) > ca.lead_time_target_days`,
      )
      .pluck()
      .get(areas, stockholmToday(ctx.now())) as number;
    const pendingHandovers = ctx.db.prepare("SELECT count(*) FROM care_plan_handover WHERE status = 'pending'").pluck().get() as number;
    return { referralsByStatus: Object.fromEntries(byStatus.map((r) => [r.status, r.n])), overTarget, pendingHandovers };
  },
};
