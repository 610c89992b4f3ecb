import type { Db } from '../../db/driver';
import type { FollowUpDashboard } from '../../../shared/api/methods/follow-up';
import { share, summariseDurations } from '../../../shared/domain/statistics';
import { daysBetween } from '../../../shared/domain/lead-time';
import type { Period } from './period';

/**
 * Completeness of referrals received in the period, from their timeline (referral_event):
 * - assessed: the referral has left status "received" (someone judged it);
 * - complete at first submission: assessed and never sent to "awaiting_completion" (komplettering);
 * - each completion request is answered by the next awaiting_completion → complete event of the
 *   referral; its duration is counted in calendar days between the two UTC dates. A request still
 *   open (or withdrawn) has no duration.
 */
export function completeness(db: Db, p: Period): FollowUpDashboard['completeness'] {
  const args = [p.careAreaCode, p.from, p.to];
  const assessed = db
    .prepare(`SELECT count(*) FROM referral WHERE care_area_code = ? AND received_date BETWEEN ? AND ? AND status <> 'received'`)
    .pluck()
    .get(...args) as number;
  // One pass over the cohort's completion events, in time order per referral; paired up below.
  const events = db
    .prepare(
      `SELECT e.referral_id, date(e.at), e.to_status = 'awaiting_completion'
         FROM referral r JOIN referral_event e ON e.referral_id = r.id
        WHERE r.care_area_code = ? AND r.received_date BETWEEN ? AND ? AND r.status <> 'received'
          AND (e.to_status = 'awaiting_completion' OR (e.from_status = 'awaiting_completion' AND e.to_status = 'complete'))
        ORDER BY e.referral_id, e.at`,
    )
    .raw()
    .all(...args) as [number, string, 0 | 1][];

  const withRequest = new Set<number>();
  const answerDays: number[] = [];
  let requests = 0;
  let open: { referralId: number; date: string } | null = null;
  for (const [referralId, date, isRequest] of events) {
    if (open && open.referralId !== referralId) open = null;
    if (isRequest) {
      requests += 1;
      withRequest.add(referralId);
      open = { referralId, date };
    } else if (open) {
      answerDays.push(daysBetween(open.date, date));
      open = null;
    }
  }
  const firstTime = assessed - withRequest.size;
  return {
    assessed,
    completeAtFirstSubmission: firstTime,
    shareCompleteAtFirstSubmission: share(firstTime, assessed),
    referralsWithRequest: withRequest.size,
    requests,
    requestsAnswered: answerDays.length,
    answerDays: summariseDurations(answerDays),
  };
}
