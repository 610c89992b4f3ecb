import type { Db } from '../../db/driver';
import { invalid } from '../../../shared/api/errors';
import type { FollowThroughFigures } from '../../../shared/api/methods/follow-through';
import { DEVIATION_REASONS, daysBetween, type DeviationReason, type ImplementationStatus, type WishesConsidered } from '../../../shared/domain/follow-through';
import { share, summariseDurations } from '../../../shared/domain/statistics';
import { targetsOf } from './settings';
import { checklistFigures } from '../checklist/figures';

interface CaseRow {
  localDate: string;
  status: ImplementationStatus | null;
  deviationReason: DeviationReason | null;
  startDate: string | null;
  wishesConsidered: WishesConsidered | null;
  trialConsidered: number | null;
  openedAt: string | null;
  closedAt: string | null;
}

/**
 * Follow-up of what happened after the conference, for a care area and the meetings dated in a period
 * (definitions, also in the PDF's method section, `followThrough.method.*`):
 * - discussed: cases with a current recommendation at the care area's finalised meetings in the period;
 * - implementation rate: (started + carried out) / (started + carried out + deviated), by each case's latest status;
 * - conference to start: calendar days from the meeting date to the first "started" date (else "carried out");
 * - wishes recorded: the recommendation says whether the patient's wishes were followed (yes, partly or no);
 * - trial considered: the case records that a trial was considered;
 * - postponement rate: postponed / (discussed + postponed) over the care area's held meetings in the period;
 * - discussion time: minutes from opening to closing the case in the meeting view;
 * - checklist completion: discussed cases with every item of the care area's nMDK checklist done in time.
 */
export function followThroughFigures(db: Db, p: { careAreaCode: string; from: string; to: string }): FollowThroughFigures {
  if (!db.prepare('SELECT 1 FROM care_area WHERE code = ?').get(p.careAreaCode))
    throw invalid('careAreaCode', 'followUp.unknownCareArea', { code: p.careAreaCode });
  const cases = db
    .prepare(
      `SELECT m.local_date localDate, last.status, last.deviation_reason deviationReason,
              coalesce((SELECT min(s.event_date) FROM implementation_event s WHERE s.meeting_id = ci.meeting_id AND s.referral_id = ci.referral_id AND s.status = 'started'),
                       (SELECT min(s.event_date) FROM implementation_event s WHERE s.meeting_id = ci.meeting_id AND s.referral_id = ci.referral_id AND s.status = 'carried_out')) startDate,
              cc.wishes_considered wishesConsidered, cc.trial_considered trialConsidered, cc.opened_at openedAt, cc.closed_at closedAt
         FROM meeting m JOIN case_list_item ci ON ci.meeting_id = m.id
         LEFT JOIN implementation_event last ON last.id = (SELECT max(e.id) FROM implementation_event e WHERE e.meeting_id = ci.meeting_id AND e.referral_id = ci.referral_id)
         LEFT JOIN case_consideration cc ON cc.meeting_id = ci.meeting_id AND cc.referral_id = ci.referral_id
        WHERE m.care_area_code = @area AND m.local_date BETWEEN @from AND @to AND m.status = 'finalised' AND ci.outcome = 'discussed'
          AND EXISTS (SELECT 1 FROM recommendation rc WHERE rc.meeting_id = m.id AND rc.referral_id = ci.referral_id AND rc.superseded_at IS NULL)`,
    )
    .all({ area: p.careAreaCode, from: p.from, to: p.to }) as CaseRow[];
  const decided = db
    .prepare(
      `SELECT count(*) FILTER (WHERE ci.outcome = 'discussed') discussed, count(*) FILTER (WHERE ci.outcome = 'postponed') postponed
         FROM meeting m JOIN case_list_item ci ON ci.meeting_id = m.id
        WHERE m.care_area_code = @area AND m.local_date BETWEEN @from AND @to AND m.status <> 'cancelled'`,
    )
    .get({ area: p.careAreaCode, from: p.from, to: p.to }) as { discussed: number; postponed: number };

  const count = (s: ImplementationStatus | null) => cases.filter((c) => c.status === s).length;
  const started = count('started');
  const carriedOut = count('carried_out');
  const deviated = count('deviated');
  const wishesRecorded = cases.filter((c) => c.wishesConsidered !== null && c.wishesConsidered !== 'not_known').length;
  const trialConsidered = cases.filter((c) => c.trialConsidered === 1).length;
  const minutes = cases.filter((c) => c.openedAt && c.closedAt).map((c) => Math.round((Date.parse(c.closedAt!) - Date.parse(c.openedAt!)) / 6_000) / 10);
  return {
    careAreaCode: p.careAreaCode,
    from: p.from,
    to: p.to,
    discussed: cases.length,
    implementation: {
      noStatus: count(null),
      awaiting: count('awaiting'),
      started,
      carriedOut,
      deviated,
      rate: share(started + carriedOut, started + carriedOut + deviated),
      deviationReasons: DEVIATION_REASONS.map((reason) => ({ reason, count: cases.filter((c) => c.deviationReason === reason).length })),
    },
    conferenceToStart: summariseDurations(cases.filter((c) => c.startDate).map((c) => daysBetween(c.localDate, c.startDate!))),
    wishesRecorded,
    wishesRecordedShare: share(wishesRecorded, cases.length),
    trialConsidered,
    trialConsideredShare: share(trialConsidered, cases.length),
    postponed: decided.postponed,
    postponementRate: share(decided.postponed, decided.discussed + decided.postponed),
    discussionMinutes: summariseDurations(minutes),
    checklist: checklistFigures(db, p, p.to),
    targets: targetsOf(db, p.careAreaCode),
  };
}
