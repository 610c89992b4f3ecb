import type { Db } from '../../db/driver';
import type { FollowUpDashboard } from '../../../shared/api/methods/follow-up';
import { share, summariseHistogram } from '../../../shared/domain/statistics';
import type { Period } from './period';

/**
 * Completeness of referrals received in the period, from their timeline (referral_event):
 * - assessed: the referral has left status "received" (someone judged it);
 * - complete at first submission: assessed and never sent to "awaiting_completion" (komplettering);
 * - each completion request is answered by the first later awaiting_completion → complete step of
 *   the referral; its duration is counted in calendar days between the two UTC dates. A request
 *   still open (or withdrawn) has no duration.
 * The repeated "to/from awaiting_completion" condition lets SQLite use the partial covering index.
 * Each request's referral is read from the narrow index referral_id_cohort (migration 0010), which
 * SQLite would otherwise pass over for the table's own rowid lookup: thousands of wide referral rows
 * would then crowd the other figures' index pages out of the connection's cache.
 */
export function completeness(db: Db, p: Period): FollowUpDashboard['completeness'] {
  // One statement: the cohort's completion requests (from the small partial index) with their
  // answers, then the totals and a frequency table of answer times (kind 0 = totals, 1 = days).
  const rows = db
    .prepare(
      `WITH req AS MATERIALIZED (
         SELECT e.referral_id, e.at AS asked_at,
                (SELECT min(a.at) FROM referral_event a
                  WHERE a.referral_id = e.referral_id AND a.at >= e.at AND a.to_status = 'complete'
                    AND (a.to_status = 'awaiting_completion' OR a.from_status = 'awaiting_completion')) AS answered_at
           FROM referral_event e JOIN referral r INDEXED BY referral_id_cohort ON r.id = e.referral_id
          WHERE e.to_status = 'awaiting_completion' AND (e.to_status = 'awaiting_completion' OR e.from_status = 'awaiting_completion')
            AND r.care_area_code = @area AND r.received_date BETWEEN @from AND @to AND r.status <> 'received')
       SELECT 0, (SELECT count(*) FROM referral WHERE care_area_code = @area AND received_date BETWEEN @from AND @to AND status <> 'received'),
              count(*), count(DISTINCT referral_id) FROM req
       UNION ALL
       SELECT 1, CAST(julianday(date(answered_at)) - julianday(date(asked_at)) AS INTEGER) AS days, count(*), NULL
         FROM req WHERE answered_at IS NOT NULL GROUP BY days`,
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
