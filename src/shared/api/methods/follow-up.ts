import { z } from 'zod';
import { defineMethod } from '../contract';
import type { FilePayload } from '../files';
import { codeText, isoDate } from '../limits';
import type { DurationSummary } from '../../domain/statistics';

/** Everyone who works with the assignment may read the aggregated figures (no patient data in them). */
const readers = ['administrator', 'coordinator', 'contact_nurse', 'physician'] as const;

/** A care area and a period, both dates inclusive (YYYY-MM-DD). */
export const followUpPeriodInput = z
  .object({ careAreaCode: codeText(), from: isoDate(), to: isoDate() })
  .refine((p) => p.from <= p.to, { path: ['to'], message: 'followUp.periodOrder' });
export type FollowUpPeriodInput = z.input<typeof followUpPeriodInput>;

export interface CountPerArea {
  code: string;
  name: string;
  count: number;
  population: number | null;
  /** Referrals per 100,000 inhabitants over the period (not per year). */
  per100k: number | null;
}

export interface AttendancePerRole {
  role: string;
  present: number;
  remote: number;
  absent: number;
  notRecorded: number;
}

/** The whole follow-up dashboard of one care area and period (uppföljning av det nationella uppdraget). */
export interface FollowUpDashboard {
  careArea: { code: string; nameSv: string; nameEn: string; leadTimeTargetDays: number };
  from: string;
  to: string;
  population: { source: string; sourceEn: string; year: number };
  /** Referrals received in the period (by received date). */
  volumes: {
    total: number;
    perMonth: { month: string; count: number }[];
    /** By the referring unit's healthcare region (Halland is split, so the unit decides). */
    perHealthcareRegion: CountPerArea[];
    /** By the referring unit's region. */
    perRegion: CountPerArea[];
  };
  /** Referrals received in the period that have been assessed (left status "received"). */
  completeness: {
    assessed: number;
    completeAtFirstSubmission: number;
    shareCompleteAtFirstSubmission: number | null;
    referralsWithRequest: number;
    requests: number;
    requestsAnswered: number;
    /** Calendar days from a completion request to the referral being complete. */
    answerDays: DurationSummary;
  };
  /** Referrals whose MDK date (first discussion) falls in the period; calendar days. */
  leadTimes: {
    targetDays: number;
    receivedToMdk: DurationSummary;
    suspicionToMdk: DurationSummary;
    mdkToTreatment: DurationSummary;
  };
  /** Meetings of the care area dated in the period. */
  meetings: {
    held: number;
    cancelled: number;
    casesDiscussed: number;
    casesPerMeeting: number | null;
    postponed: number;
    /** Held meetings with attendance recorded, and those where every role on the list was there. */
    withAttendance: number;
    quorumReached: number;
    quorumShare: number | null;
    attendance: AttendancePerRole[];
  };
  /** Patients discharged in the period, and care-plan handovers sent in the period. */
  carePlans: {
    discharged: number;
    withFinalisedPlan: number;
    share: number | null;
    target: number;
    handoversSent: number;
    handoversConfirmed: number;
    confirmationDays: DurationSummary;
  };
}

export const followUpMethods = {
  'followUp.dashboard': defineMethod({ input: followUpPeriodInput, roles: readers, patientData: 'none' }).returns<FollowUpDashboard>(),
  /** The dashboard's tables as a PDF for the annual report (årsrapport). */
  'followUp.exportPdf': defineMethod({ input: followUpPeriodInput, roles: readers, patientData: 'none' }).returns<FilePayload>(),
};
