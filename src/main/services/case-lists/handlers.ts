import type { Handlers } from '../../router/router';
import { addCases, getCaseList, listMeetings, lockList, removeCase, reorderCases, saveTreatmentOptions, setMinutes, unlockList } from './list';
import { amendRecommendation, finaliseMeeting, postponeCase, recordRecommendation, undoPostpone } from './meeting-run';
import { buildProposal } from './proposal';
import { loadMeeting } from './queries';
import { agendaPdf } from './agenda-pdf';
import { exportReplies, replyPdf } from './reply-pdf';
import { withConsideration } from '../follow-through/consideration';

type CaseListMethod = Extract<keyof Handlers, `caseLists.${string}` | `recommendations.${string}`>;

export const caseListHandlers: Pick<Handlers, CaseListMethod> = {
  'caseLists.meetings': (_input, ctx) => listMeetings(ctx),
  'caseLists.get': ({ meetingId }, ctx) => getCaseList(ctx, meetingId),
  'caseLists.proposal': ({ meetingId }, ctx) => {
    const m = loadMeeting(ctx.db, meetingId);
    const used = ctx.db.prepare('SELECT count(*) cases, ifnull(sum(minutes), 0) minutes FROM case_list_item WHERE meeting_id = ?').get(m.id) as {
      cases: number;
      minutes: number;
    };
    const proposal = buildProposal(ctx.db, m, used);
    const seen = new Set([...proposal.fits, ...proposal.overflow, ...proposal.late].map((c) => c.patientId));
    for (const patientId of seen) ctx.notePatientAccess({ patientId, objectType: 'case_list', objectId: m.id });
    return proposal;
  },
  'caseLists.add': ({ meetingId, referralIds, byHand }, ctx) => addCases(ctx, meetingId, referralIds, byHand),
  'caseLists.remove': ({ meetingId, referralId }, ctx) => removeCase(ctx, meetingId, referralId),
  'caseLists.reorder': ({ meetingId, referralIds, expectedVersion }, ctx) => reorderCases(ctx, meetingId, referralIds, expectedVersion),
  'caseLists.setMinutes': ({ meetingId, referralId, minutes }, ctx) => setMinutes(ctx, meetingId, referralId, minutes),
  'caseLists.lock': ({ meetingId }, ctx) => lockList(ctx, meetingId),
  'caseLists.unlock': ({ meetingId, reason }, ctx) => unlockList(ctx, meetingId, reason),
  'caseLists.agendaPdf': ({ meetingId, minimal, purpose }, ctx) => agendaPdf(ctx, meetingId, minimal, purpose),
  'caseLists.replyPdf': ({ meetingId, referralId }, ctx) => replyPdf(ctx, meetingId, referralId),
  'caseLists.exportReplies': ({ meetingId, dir, download }, ctx) => exportReplies(ctx, meetingId, dir, download),
  'caseLists.finalise': ({ meetingId, withoutQuorum }, ctx) => finaliseMeeting(ctx, meetingId, withoutQuorum),
  'caseLists.saveTreatmentOptions': ({ careAreaCode, options }, ctx) => saveTreatmentOptions(ctx, careAreaCode, options),
  'recommendations.record': (input, ctx) => withConsideration(ctx, input, () => recordRecommendation(ctx, input)),
  'recommendations.amend': ({ amendmentReason, ...input }, ctx) => withConsideration(ctx, input, () => amendRecommendation(ctx, input, amendmentReason)),
  'recommendations.postpone': ({ meetingId, referralId }, ctx) => postponeCase(ctx, meetingId, referralId),
  'recommendations.undoPostpone': ({ meetingId, referralId }, ctx) => undoPostpone(ctx, meetingId, referralId),
};
