import { z } from 'zod';
import { defineMethod } from '../contract';
import { LIMITS, id, isoDate, optionalText } from '../limits';
import { followUpPeriodInput } from './follow-up';
import {
  DEVIATION_REASONS,
  IMPLEMENTATION_STATUSES,
  WISHES_CONSIDERED,
  type DeviationReason,
  type ImplementationStatus,
  type WishesConsidered,
} from '../../domain/follow-through';
import type { DurationSummary } from '../../domain/statistics';
import type { ChecklistFigures } from './checklist';

/** The national unit keeps the follow-through: everyone who works with the cases. */
const KEEPERS = ['administrator', 'coordinator', 'contact_nurse', 'physician'] as const;
/** Who records during the meeting (as for recommendations). */
const RECORDERS = ['physician', 'coordinator', 'contact_nurse'] as const;

/**
 * What the recommendation form adds about the person and trials (spread into the recommendation
 * input): all optional, so a recommendation without them is still accepted; the figures count them.
 */
export const considerationFields = {
  wishesConsidered: z
    .enum(WISHES_CONSIDERED)
    .nullish()
    .transform((v) => v ?? null),
  wishesHow: optionalText(LIMITS.mediumText),
  trialConsidered: z
    .boolean()
    .nullish()
    .transform((v) => v ?? null),
  trialName: optionalText(),
  trialEuCtNumber: optionalText(40),
  trialNotEligibleReason: optionalText(LIMITS.mediumText),
};

/** How the case was handled at the meeting beyond the recommendation itself. */
export interface CaseConsideration {
  wishesConsidered: WishesConsidered | null;
  wishesHow: string | null;
  trialConsidered: boolean | null;
  trialName: string | null;
  trialEuCtNumber: string | null;
  trialNotEligibleReason: string | null;
  openedAt: string | null;
  closedAt: string | null;
}

export interface ImplementationEvent {
  id: number;
  status: ImplementationStatus;
  deviationReason: DeviationReason | null;
  eventDate: string;
  nextCheckDate: string | null;
  note: string | null;
  recordedAt: string;
  recordedBy: string;
}

export interface FollowThroughCase {
  meetingId: number;
  referralId: number;
  status: ImplementationStatus | null;
  events: ImplementationEvent[];
  consideration: CaseConsideration | null;
}

export interface WorklistRow {
  meetingId: number;
  referralId: number;
  patientId: number;
  patientName: string;
  identifier: string | null;
  careAreaCode: string;
  meetingDate: string;
  /** The reply went home when the meeting was finalised (Stockholm date). */
  repliedOn: string;
  daysSinceReply: number;
  status: ImplementationStatus | null;
  nextCheckDate: string | null;
  /** no_status: nothing recorded N days after the reply; due: the next step's date has come. */
  why: 'no_status' | 'due';
  recommendation: string;
}

export interface FollowThroughSettings {
  /** Days after the reply before a case without an implementation status appears on the worklist. */
  noStatusAfterDays: number;
}

/** Targets per care area (fractions 0..1; minutes for discussion time), drawn as lines on the charts. */
export interface FollowThroughTargets {
  implementationRate: number | null;
  wishesRecorded: number | null;
  trialConsidered: number | null;
  postponementRate: number | null;
  checklistComplete: number | null;
}

/** Follow-up figures of what happened after the conference (definitions in the PDF's method section). */
export interface FollowThroughFigures {
  careAreaCode: string;
  from: string;
  to: string;
  /** Cases discussed (with a recommendation) at finalised meetings of the care area dated in the period. */
  discussed: number;
  implementation: {
    noStatus: number;
    awaiting: number;
    started: number;
    carriedOut: number;
    deviated: number;
    /** (started + carried out) / (started + carried out + deviated); null when none has an outcome. */
    rate: number | null;
    deviationReasons: { reason: DeviationReason; count: number }[];
  };
  /** Calendar days from the meeting date to the date treatment started. */
  conferenceToStart: DurationSummary;
  wishesRecorded: number;
  wishesRecordedShare: number | null;
  trialConsidered: number;
  trialConsideredShare: number | null;
  /** Cases postponed / cases decided (discussed + postponed) at meetings in the period. */
  postponed: number;
  postponementRate: number | null;
  /** Minutes from opening to closing a case in the meeting view, for cases with both recorded. */
  discussionMinutes: DurationSummary;
  /** The nMDK checklist: discussed cases with every item done in time. */
  checklist: ChecklistFigures;
  targets: FollowThroughTargets;
}

const caseRef = z.object({ meetingId: id(), referralId: id() });
const share = () => z.number().min(0, { message: 'followThrough.targetRange' }).max(1, { message: 'followThrough.targetRange' }).nullable();

export const followThroughMethods = {
  'followThrough.get': defineMethod({ input: caseRef, roles: KEEPERS, patientData: 'read' }).returns<FollowThroughCase>(),
  'followThrough.record': defineMethod({
    input: caseRef.extend({
      status: z.enum(IMPLEMENTATION_STATUSES, { message: 'followThrough.statusRequired' }),
      deviationReason: z
        .enum(DEVIATION_REASONS)
        .nullish()
        .transform((v) => v ?? null),
      eventDate: isoDate(),
      nextCheckDate: isoDate()
        .nullish()
        .transform((v) => v ?? null),
      note: optionalText(LIMITS.mediumText),
      /** A deviation for clinical reasons: send the case back to the conference in the same step. */
      rediscuss: z.boolean().default(false),
    }),
    roles: KEEPERS,
    patientData: 'change',
  }).returns<{ status: ImplementationStatus; rediscussed: boolean }>(),
  'followThrough.worklist': defineMethod({ input: z.object({}), roles: KEEPERS, patientData: 'read' }).returns<{
    rows: WorklistRow[];
    today: string;
    settings: FollowThroughSettings;
  }>(),
  'followThrough.saveSettings': defineMethod({
    input: z.object({
      noStatusAfterDays: z.number().int().min(1, { message: 'followThrough.daysRange' }).max(365, { message: 'followThrough.daysRange' }),
    }),
    roles: ['administrator', 'coordinator'],
    patientData: 'none',
  }).returns<FollowThroughSettings>(),
  'followThrough.saveTargets': defineMethod({
    input: z.object({
      careAreaCode: z.string().trim().min(1, { message: 'validation.required' }).max(40, { message: 'validation.tooLong' }),
      implementationRate: share(),
      wishesRecorded: share(),
      trialConsidered: share(),
      postponementRate: share(),
      checklistComplete: share()
        .optional()
        .transform((v) => v ?? null),
    }),
    roles: ['administrator', 'coordinator'],
    patientData: 'none',
  }).returns<FollowThroughTargets>(),
  'followThrough.settings': defineMethod({ input: z.object({}), roles: KEEPERS, patientData: 'none' }).returns<
    FollowThroughSettings & { targets: Record<string, FollowThroughTargets> }
  >(),
  'followThrough.figures': defineMethod({ input: followUpPeriodInput, roles: KEEPERS, patientData: 'none' }).returns<FollowThroughFigures>(),
  /** The meeting view notes when a case was opened and closed (discussion time per case). */
  'meetingCases.mark': defineMethod({
    input: caseRef.extend({ event: z.enum(['open', 'close']) }),
    roles: RECORDERS,
    patientData: 'change',
  }).returns<{ ok: true }>(),
};
