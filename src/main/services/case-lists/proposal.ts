import type { Db } from '../../db/driver';
import { defaultMinutesPerCase, fillToCapacity, orderCandidates } from '../../../shared/domain/agenda';
import { stockholmToday } from '../../../shared/domain/lead-time';
import { PROPOSAL_SHOWN_ROWS, type Proposal } from '../../../shared/api/methods/case-lists';
import { loadBriefs, loadEligible, nextMeetingAfter, type MeetingRow } from './queries';

/**
 * The proposal for a meeting's list: eligible referrals in agenda order, filled into what the cases
 * already listed leave of the meeting; the rest overflows to the next meeting. Referrals received
 * after the registration deadline are kept apart (the nurse may still add them by hand).
 * Every eligible referral is ranked, but only what the screen shows is read in full (and so
 * access-logged): all that fit, and the first PROPOSAL_SHOWN_ROWS of the overflow and of the late.
 */
export function buildProposal(db: Db, m: MeetingRow, listed: { cases: number; minutes: number }): Proposal {
  const eligible = loadEligible(db, m);
  const deadlineDate = m.deadlineAt ? stockholmToday(new Date(m.deadlineAt)) : null;
  const onTime = deadlineDate ? eligible.filter((c) => c.rediscussion || c.receivedDate <= deadlineDate) : eligible;
  const late = deadlineDate ? eligible.filter((c) => !c.rediscussion && c.receivedDate > deadlineDate) : [];
  const minutes = defaultMinutesPerCase(m);
  const ordered = orderCandidates(onTime, m.localDate, m.leadTimeTargetDays);
  const { fits, overflow } = fillToCapacity(ordered, { maxCases: m.capacityCases, maxMinutes: m.durationMinutes }, listed, () => minutes);
  const lateOrdered = orderCandidates(late, m.localDate, m.leadTimeTargetDays);
  const shownOverflow = overflow.slice(0, PROPOSAL_SHOWN_ROWS);
  const shownLate = lateOrdered.slice(0, PROPOSAL_SHOWN_ROWS);
  // One read of the shown briefs, split back into the three groups.
  const briefs = loadBriefs(db, m, [...fits, ...shownOverflow, ...shownLate]);
  return {
    fits: briefs.slice(0, fits.length),
    overflow: briefs.slice(fits.length, fits.length + shownOverflow.length),
    overflowTotal: overflow.length,
    late: briefs.slice(fits.length + shownOverflow.length),
    lateTotal: lateOrdered.length,
    defaultMinutes: minutes,
    nextMeeting: nextMeetingAfter(db, m),
  };
}
