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
 */
export function completeness(db: Db, p: Period): FollowUpDashboard['completeness'] {
  const args = [p.careAreaCode, p.from, p.to];
  const cohort = `cohort AS MATERIALIZED (
      SELECT id FROM referral WHERE care_area_code = ? AND received_date BETWEEN ? AND ? AND status <> 'received')`;
  const totals = db
    .prepare(
      `WITH ${cohort}
       SELECT (SELECT count(*) FROM cohort),
              count(*), count(DISTINCT e.referral_id)
         FROM cohort c JOIN referral_event e ON e.referral_id = c.id
        WHERE e.to_status = 'awaiting_completion' AND (e.to_status = 'awaiting_completion' OR e.from_status = 'awaiting_completion')`,
    )
    .raw()
    .get(...args) as [number, number, number];
  // Each request's answer: the next awaiting_completion → complete step of the same referral
  // (the small covering partial index); calendar days between the UTC dates, as a frequency table.
  const answered = db
    .prepare(
      `WITH ${cohort},
       answer AS (
         SELECT (SELECT min(a.at) FROM referral_event a
                  WHERE a.referral_id = e.referral_id AND a.at >= e.at AND a.to_status = 'complete'
                    AND (a.to_status = 'awaiting_completion' OR a.from_status = 'awaiting_completion')) AS answered_at, e.at AS asked_at
           FROM cohort c JOIN referral_event e ON e.referral_id = c.id
          WHERE e.to_status = 'awaiting_completion' AND (e.to_status = 'awaiting_completion' OR e.from_status = 'awaiting_completion'))
       SELECT CAST(julianday(date(answered_at)) - julianday(date(asked_at)) AS INTEGER) AS days, count(*)
         FROM answer WHERE answered_at IS NOT NULL GROUP BY days`,
    )
    .raw()
    .all(...args) as [number, number][];
  const [assessed, requests, withRequest] = totals;
  const answerDays = summariseHistogram(answered);
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
