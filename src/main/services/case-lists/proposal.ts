import type { Db } from '../../db/driver';
import { defaultMinutesPerCase, fillToCapacity, orderCandidates } from '../../../shared/domain/agenda';
import { stockholmToday } from '../../../shared/domain/lead-time';
import type { Proposal } from '../../../shared/api/methods/case-lists';
import { loadEligible, nextMeetingAfter, type MeetingRow } from './queries';

/**
 * The proposal for a meeting's list: eligible referrals in agenda order, filled into what the cases
 * already listed leave of the meeting; the rest overflows to the next meeting. Referrals received
 * after the registration deadline are kept apart (the nurse may still add them by hand).
 */
export function buildProposal(db: Db, m: MeetingRow, listed: { cases: number; minutes: number }): Proposal {
  const eligible = loadEligible(db, m);
  const deadlineDate = m.deadlineAt ? stockholmToday(new Date(m.deadlineAt)) : null;
  const onTime = deadlineDate ? eligible.filter((c) => c.rediscussion || c.receivedDate <= deadlineDate) : eligible;
  const late = deadlineDate ? eligible.filter((c) => !c.rediscussion && c.receivedDate > deadlineDate) : [];
  const minutes = defaultMinutesPerCase(m);
  const ordered = orderCandidates(onTime, m.localDate, m.leadTimeTargetDays);
  const { fits, overflow } = fillToCapacity(ordered, { maxCases: m.capacityCases, maxMinutes: m.durationMinutes }, listed, () => minutes);
  return {
    fits,
    overflow,
    late: orderCandidates(late, m.localDate, m.leadTimeTargetDays),
    defaultMinutes: minutes,
    nextMeeting: nextMeetingAfter(db, m),
  };
}
