import type { Db } from '../../db/driver';
import type { FollowUpDashboard } from '../../../shared/api/methods/follow-up';
import { share, summariseDurations } from '../../../shared/domain/statistics';
import type { Period } from './period';

/**
 * Completeness of referrals received in the period, from their timeline (referral_event):
 * - assessed: the referral has left status "received" (someone judged it);
 * - complete at first submission: assessed and never sent to "awaiting_completion" (komplettering);
 * - each completion request is answered by the first later awaiting_completion → complete event;
 *   its duration is counted in calendar days between the two UTC dates.
 */
export function completeness(db: Db, p: Period): FollowUpDashboard['completeness'] {
  const cohort = `cohort AS (
      SELECT id FROM referral
       WHERE care_area_code = ? AND received_date BETWEEN ? AND ? AND status <> 'received')`;
  const counts = db
    .prepare(
      `WITH ${cohort}
       SELECT count(*) AS assessed,
              sum(NOT EXISTS (SELECT 1 FROM referral_event e WHERE e.referral_id = c.id AND e.to_status = 'awaiting_completion')) AS first_time
         FROM cohort c`,
    )
    .get(p.careAreaCode, p.from, p.to) as { assessed: number; first_time: number | null };

  const requests = db
    .prepare(
      `WITH ${cohort}
       SELECT e.referral_id AS referral_id,
              (SELECT julianday(date(min(a.at))) FROM referral_event a
                WHERE a.referral_id = e.referral_id AND a.from_status = 'awaiting_completion'
                  AND a.to_status = 'complete' AND a.at >= e.at) - julianday(date(e.at)) AS days
         FROM cohort c JOIN referral_event e ON e.referral_id = c.id
        WHERE e.to_status = 'awaiting_completion'`,
    )
    .all(p.careAreaCode, p.from, p.to) as { referral_id: number; days: number | null }[];

  const answered = requests.filter((r) => r.days !== null).map((r) => Math.round(r.days!));
  const firstTime = counts.first_time ?? 0;
  return {
    assessed: counts.assessed,
    completeAtFirstSubmission: firstTime,
    shareCompleteAtFirstSubmission: share(firstTime, counts.assessed),
    referralsWithRequest: new Set(requests.map((r) => r.referral_id)).size,
    requests: requests.length,
    requestsAnswered: answered.length,
    answerDays: summariseDurations(answered),
  };
}
