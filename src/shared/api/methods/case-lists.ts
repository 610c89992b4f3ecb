import { z } from 'zod';
import { SHARED_SETTINGS_ROLES } from '../settings-roles';
import { defineMethod } from '../contract';
import type { FilePayload } from '../files';
import { LIMITS, codeText, id, isoDate, optionalText, requiredText, shortText } from '../limits';
import { considerationFields, type CaseConsideration } from './follow-through';
import type { Quorum } from '../../domain/quorum';
import type { ChecklistEntry } from '../../domain/checklist';
import type { MeetingChecklist } from './checklist';
import { expectedVersion } from '../row-version';

/** Who builds case lists (falllistor): everyone but a pure reader. */
const LIST_BUILDERS = ['contact_nurse', 'coordinator', 'administrator', 'physician'] as const;
/** Who records during the meeting (the chair, or the coordinator/contact nurse typing for the chair). */
const RECORDERS = ['physician', 'coordinator', 'contact_nurse'] as const;
/** Only a physician finalises the meeting or amends a finalised recommendation. */
const CHAIR = ['physician'] as const;

export const INTENTS = ['curative', 'palliative', 'undecided'] as const;
export type Intent = (typeof INTENTS)[number];
export type CaseOutcome = 'pending' | 'discussed' | 'postponed';

export interface MeetingSummary {
  id: number;
  careAreaCode: string;
  localDate: string;
  startsAt: string;
  durationMinutes: number;
  status: 'planned' | 'cancelled' | 'finalised';
  capacityCases: number | null;
  lockedAt: string | null;
  caseCount: number;
  caseMinutes: number;
}

/** One referral as the proposal shows it: patient, referrer, question, priority and lead time. */
export interface CaseBrief {
  referralId: number;
  patientId: number;
  givenName: string;
  familyName: string;
  /** Personnummer (or other identifier) as stored; null if the patient has none. */
  identifier: string | null;
  birthYear: number | null;
  referringUnitName: string;
  question: string | null;
  priority: 'urgent' | 'normal';
  receivedDate: string;
  suspicionDate: string | null;
  /** Days left to the care area's lead-time target on the meeting date (negative: over). */
  daysLeft: number;
  referralStatus: string;
  /** Already discussed; back because its re-discussion date has come. */
  rediscussion: boolean;
}

/** A case on the list: the brief plus the key facts the agenda and the meeting view show. */
export interface CaseSummary extends CaseBrief {
  icd10: string | null;
  ecog: number | null;
  history: string | null;
  comorbidity: string | null;
  patientWishes: string | null;
  psychosocial: string | null;
  patientTold: string | null;
  patientInformed: boolean | null;
}

export interface RecommendationVersion {
  version: number;
  intent: Intent;
  treatments: string[];
  treatmentText: string | null;
  placeOfTreatment: string | null;
  nextStep: string | null;
  responsibleUnitId: number | null;
  responsibleUnitName: string | null;
  rediscussDate: string | null;
  amendmentReason: string | null;
  recordedAt: string;
  recordedBy: string;
  supersededAt: string | null;
  /** What a correction or amendment names as the version it is based on (team mode). */
  rowVersion: number;
}

export interface CaseListItem extends CaseSummary {
  position: number;
  minutes: number;
  plannedStart: string;
  addedByHand: boolean;
  outcome: CaseOutcome;
  carriedFrom: { meetingId: number; localDate: string } | null;
  /** The current recommendation first, then the earlier versions it amended. */
  recommendations: RecommendationVersion[];
  /** Wishes, trial and discussion times recorded for the case at this meeting. */
  consideration: CaseConsideration | null;
  /** The nMDK checklist of the case at this meeting, as it stands today. */
  checklist: ChecklistEntry[];
}

/** Rows of the overflow and of the late referrals a proposal shows (the first, in agenda order). */
export const PROPOSAL_SHOWN_ROWS = 100;

export interface Proposal {
  /** In agenda order, within the meeting's remaining capacity. */
  fits: CaseBrief[];
  /** Do not fit: they roll to the next meeting. The first PROPOSAL_SHOWN_ROWS, of `overflowTotal`. */
  overflow: CaseBrief[];
  overflowTotal: number;
  /** Received after the registration deadline: shown apart, added only by hand. The first PROPOSAL_SHOWN_ROWS, of `lateTotal`. */
  late: CaseBrief[];
  lateTotal: number;
  defaultMinutes: number;
  nextMeeting: { id: number; localDate: string } | null;
}

/** A meeting the chair finalised without quorum: the required roles that were missing, and why it was finalised anyway. */
export interface NotQuorate {
  missingRoles: string[];
  reason: string;
}

export interface Participant {
  personId: number;
  name: string;
  role: string;
  unitName: string | null;
  attendance: 'present' | 'remote' | 'absent' | null;
}

export interface CaseListView {
  meeting: MeetingSummary & {
    careAreaNameSv: string;
    careAreaNameEn: string;
    deadlineAt: string | null;
    location: string | null;
    videoLink: string | null;
    chairName: string | null;
    minutesPerCase: number | null;
    finalisedAt: string | null;
    finalisedBy: string | null;
    leadTimeTargetDays: number;
    treatmentOptions: string[];
    /** Set once finalised without quorum. */
    notQuorate: NotQuorate | null;
    /** The list's version: a reorder names it, and is refused once someone else changed the list. */
    caseListVersion: number;
  };
  /** The quorum as attendance stands (every required role present or remote). */
  quorum: Quorum;
  items: CaseListItem[];
  /** Null once the list is locked. */
  proposal: Proposal | null;
  participants: Participant[];
  unlocks: { at: string; userName: string; reason: string }[];
  endsAt: string;
  nextMeeting: { id: number; localDate: string } | null;
  /** The meeting's own missing checklist items. */
  checklist: MeetingChecklist;
}

const meetingRef = z.object({ meetingId: id() });
const caseRef = z.object({ meetingId: id(), referralId: id() });

const recommendationInput = z.object({
  meetingId: id(),
  referralId: id(),
  intent: z.enum(INTENTS, { message: 'recommendation.intentRequired' }),
  treatments: z.array(shortText()).max(30),
  treatmentText: optionalText(LIMITS.mediumText),
  placeOfTreatment: optionalText(),
  nextStep: optionalText(LIMITS.mediumText),
  responsibleUnitId: id()
    .nullish()
    .transform((v) => v ?? null),
  rediscussDate: isoDate()
    .nullish()
    .transform((v) => v ?? null),
  ...considerationFields,
  /** The current recommendation's rowVersion this save is based on; 0 when none was recorded yet. */
  expectedVersion: expectedVersion(),
});
export type RecommendationInput = z.input<typeof recommendationInput>;

export const caseListMethods = {
  'caseLists.meetings': defineMethod({ input: z.object({}), roles: 'any', patientData: 'none' }).returns<MeetingSummary[]>(),
  'caseLists.get': defineMethod({ input: meetingRef, roles: 'any', patientData: 'read' }).returns<CaseListView>(),
  'caseLists.proposal': defineMethod({ input: meetingRef, roles: 'any', patientData: 'read' }).returns<Proposal>(),
  'caseLists.add': defineMethod({
    input: z.object({ meetingId: id(), referralIds: z.array(id()).min(1).max(LIMITS.listItems), byHand: z.boolean().default(true) }),
    roles: LIST_BUILDERS,
    patientData: 'change',
  }).returns<{ added: number }>(),
  'caseLists.remove': defineMethod({ input: caseRef, roles: LIST_BUILDERS, patientData: 'change' }).returns<{ ok: true }>(),
  'caseLists.reorder': defineMethod({
    input: z.object({ meetingId: id(), referralIds: z.array(id()).max(LIMITS.listItems), expectedVersion: expectedVersion() }),
    roles: LIST_BUILDERS,
    patientData: 'change',
  }).returns<{ ok: true }>(),
  'caseLists.setMinutes': defineMethod({
    input: z.object({
      meetingId: id(),
      referralId: id(),
      minutes: z
        .number({ message: 'caseList.minutesNumber' })
        .int({ message: 'caseList.minutesNumber' })
        .min(1, { message: 'caseList.minutesRange' })
        .max(120, { message: 'caseList.minutesRange' }),
    }),
    roles: LIST_BUILDERS,
    patientData: 'change',
  }).returns<{ ok: true }>(),
  'caseLists.lock': defineMethod({ input: meetingRef, roles: LIST_BUILDERS, patientData: 'change' }).returns<{ lockedAt: string }>(),
  'caseLists.unlock': defineMethod({
    input: z.object({ meetingId: id(), reason: requiredText(LIMITS.mediumText) }),
    roles: LIST_BUILDERS,
    patientData: 'change',
  }).returns<{ ok: true }>(),
  'caseLists.agendaPdf': defineMethod({
    input: z.object({ meetingId: id(), minimal: z.boolean().default(false), purpose: z.enum(['export', 'print']).default('export') }),
    roles: 'any',
    patientData: 'read',
  }).returns<FilePayload>(),
  'caseLists.replyPdf': defineMethod({ input: caseRef, roles: 'any', patientData: 'read' }).returns<FilePayload>(),
  /** Into the folder the user picked (`dir`), or with `download` back in the answer for the browser to save. */
  'caseLists.exportReplies': defineMethod({
    input: z.object({ meetingId: id(), dir: optionalText(LIMITS.mediumText), download: z.boolean().default(false) }),
    roles: LIST_BUILDERS,
    patientData: 'read',
  }).returns<{ dir: string | null; files: string[]; downloads?: FilePayload[] }>(),
  // Without quorum the chair confirms with a reason (`withoutQuorum`); the missing roles go on record.
  'caseLists.finalise': defineMethod({
    input: z.object({ meetingId: id(), withoutQuorum: z.object({ reason: requiredText(LIMITS.mediumText) }).optional() }),
    roles: CHAIR,
    patientData: 'change',
  }).returns<{ finalisedAt: string; postponed: number; notQuorate: NotQuorate | null }>(),
  'caseLists.saveTreatmentOptions': defineMethod({
    input: z.object({ careAreaCode: codeText(), options: z.array(requiredText()).max(100) }),
    roles: SHARED_SETTINGS_ROLES,
    patientData: 'none',
  }).returns<{ options: string[] }>(),
  'recommendations.record': defineMethod({ input: recommendationInput, roles: RECORDERS, patientData: 'change' }).returns<{ version: number }>(),
  'recommendations.amend': defineMethod({
    input: recommendationInput.extend({ amendmentReason: requiredText(LIMITS.mediumText) }),
    roles: CHAIR,
    patientData: 'change',
  }).returns<{ version: number }>(),
  'recommendations.postpone': defineMethod({ input: caseRef, roles: RECORDERS, patientData: 'change' }).returns<{
    nextMeeting: { id: number; localDate: string } | null;
  }>(),
  // The undo offered for a few seconds after postponing: the case back where it was.
  'recommendations.undoPostpone': defineMethod({ input: caseRef, roles: RECORDERS, patientData: 'change' }).returns<{ ok: true }>(),
};
