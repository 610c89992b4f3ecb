import type { Db } from '../../db/driver';
import type { FollowUpDashboard } from '../../../shared/api/methods/follow-up';
import { share, summariseHistogram } from '../../../shared/domain/statistics';
import type { Period } from './period';
import { cached } from '../../db/statements';

/**
 * Completeness of referrals received in the period, from their timeline (referral_event):
 * - assessed: the referral has left status "received" (someone judged it);
 * - complete at first submission: assessed and never sent to "awaiting_completion" (komplettering);
 * - each completion request is answered by the first later awaiting_completion → complete step of
 *   the referral; its duration is counted in calendar days between the two UTC dates. A request
 *   still open (or withdrawn) has no duration.
 * The requests with their days are kept by triggers in follow_up_completion_request (migration
 * 0010, where the rule above is written in SQL), beside their referral's care area, received date
 * and assessment: the cohort's requests are one range of its index, no referral row is read.
 */
export function completeness(db: Db, p: Period): FollowUpDashboard['completeness'] {
  // One statement: the totals, then a frequency table of answer times (kind 0 = totals, 1 = days).
  const rows = cached(
    db,
    `WITH req AS (
         SELECT referral_id, answer_days FROM follow_up_completion_request
          WHERE care_area_code = @area AND assessed = 1 AND received_date BETWEEN @from AND @to)
       SELECT 0, (SELECT count(*) FROM referral WHERE care_area_code = @area AND received_date BETWEEN @from AND @to AND status <> 'received'),
              count(*), count(DISTINCT referral_id) FROM req
       UNION ALL
       SELECT 1, answer_days, count(*), NULL FROM req WHERE answer_days IS NOT NULL GROUP BY answer_days`,
  )
    .raw()
    .all({ area: p.careAreaCode, from: p.from, to: p.to }) as [0 | 1, number, number, number | null][];
  const [, assessed, requests, distinctReferrals] = rows.find((r) => r[0] === 0)!;
  const withRequest = distinctReferrals ?? 0;
  const answerDays = summariseHistogram(rows.filter((r) => r[0] === 1).map(([, days, n]) => [days, n] as const));
  const firstTime = assessed - withRequest;
  return {
    assessed,
    completeAtFirstSubmission: firstTime,
    shareCompleteAtFirstSubmission: share(firstTime, assessed),
    referralsWithRequest: withRequest,
    requests,
    requestsAnswered: answerDays.count,
    answerDays,
  };
}
