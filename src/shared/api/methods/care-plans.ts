import { z } from 'zod';
import { SHARED_SETTINGS_ROLES } from '../settings-roles';
import { defineMethod, type Role } from '../contract';
import type { FilePayload } from '../files';
import { codeText, id, isoDate, LIMITS, mediumText, optionalText, requiredText } from '../limits';
import { expectedVersion } from '../row-version';
import { FOLLOW_UP_PLACES, INTERVAL_UNITS, type CarePlanStatus, type CarePlanTemplate, type CarePlanTexts, type FollowUpItem } from '../../domain/care-plan';

/** Coordinators, contact nurses and physicians write care plans; administrators too. */
const WRITERS: readonly Role[] = ['administrator', 'coordinator', 'contact_nurse', 'physician'];

const followUpInput = z
  .object({
    what: requiredText(),
    dueDate: isoDate()
      .nullish()
      .transform((v) => v ?? null),
    intervalValue: z
      .number()
      .int()
      .min(1, { message: 'validation.tooSmall' })
      .max(520, { message: 'validation.tooBig' })
      .nullish()
      .transform((v) => v ?? null),
    intervalUnit: z
      .enum(INTERVAL_UNITS)
      .nullish()
      .transform((v) => v ?? null),
    place: z.enum(FOLLOW_UP_PLACES),
    unitId: id()
      .nullish()
      .transform((v) => v ?? null),
    responsible: requiredText(),
  })
  .superRefine((f, ctx) => {
    // "When" is a date or an interval after discharge: exactly one of them.
    const hasInterval = f.intervalValue != null || f.intervalUnit != null;
    if (!f.dueDate && !hasInterval) ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'carePlan.followUpWhenMissing' });
    else if (f.dueDate && hasInterval) ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'carePlan.followUpWhenBoth' });
    else if (hasInterval && (f.intervalValue == null || f.intervalUnit == null))
      ctx.addIssue({ code: 'custom', path: ['intervalValue'], message: 'carePlan.followUpIntervalIncomplete' });
  });

const textsInput = {
  rehabilitationNeeds: mediumText(),
  rehabilitationPlan: mediumText(),
  selfCareAdvice: mediumText(),
  warningSigns: mediumText(),
  callWeekdays: mediumText(),
  callOtherTimes: mediumText(),
  practicalMatters: mediumText(),
  patientRights: mediumText(),
};

const carePlanInput = z.object({
  id: id(),
  nationalUnitId: id()
    .nullish()
    .transform((v) => v ?? null),
  contactNurse: optionalText(),
  contactNursePhone: optionalText(40),
  responsiblePhysician: optionalText(),
  // The patient reads the code with its ICD-10-SE text (never the care area's name), plus an optional sentence.
  diagnosisCode: optionalText(10)
    .transform((v) => (v ? v.toUpperCase() : null))
    .refine((v) => v === null || /^[A-Z]\d{2}(\.\d{1,2})?$/.test(v), { message: 'carePlan.diagnosisUnknownCode' }),
  diagnosisPlain: optionalText(LIMITS.mediumText),
  treatmentSummary: optionalText(LIMITS.mediumText),
  dischargeDate: isoDate()
    .nullish()
    .transform((v) => v ?? null),
  ...textsInput,
  followUps: z.array(followUpInput).max(50, { message: 'validation.tooBig' }),
  expectedVersion: expectedVersion(),
});
export type CarePlanInput = z.input<typeof carePlanInput>;
export type FollowUpInput = z.input<typeof followUpInput>;

export const EXPORT_FORMATS = ['pdf', 'fhir', 'both'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface UnitContact {
  id: number;
  name: string;
  phone: string | null;
  phoneHours: string | null;
  address: string | null;
  email: string | null;
}

export interface CarePlanHandover {
  id: number;
  receivingUnitId: number;
  receivingUnitName: string;
  receivingContactNurse: string;
  sentDate: string;
  status: 'pending' | 'confirmed';
  confirmedDate: string | null;
  confirmedBy: string | null;
  /** Until confirmation the national unit keeps responsibility for the patient. */
  nationalUnitResponsible: boolean;
  daysPending: number;
  overdue: boolean;
}

export interface CarePlanDetail extends CarePlanTexts {
  id: number;
  patientId: number;
  patientName: string;
  patientIdentifier: string | null;
  referralId: number;
  careAreaCode: string;
  recommendation: { id: number; intent: string; treatmentText: string | null; nextStep: string | null } | null;
  version: number;
  status: CarePlanStatus;
  nationalUnitId: number | null;
  nationalUnit: UnitContact | null;
  contactNurse: string | null;
  contactNursePhone: string | null;
  responsiblePhysician: string | null;
  /** The diagnosis as the patient reads it: the ICD-10 code with its ICD-10-SE text, or the code alone. */
  diagnosisText: string | null;
  diagnosisCode: string | null;
  /** ICD-10-SE's Swedish text of the code; null for a code outside the shipped list. */
  diagnosisIcdText: string | null;
  /** An optional plain-language sentence under the code. */
  diagnosisPlain: string | null;
  treatmentSummary: string | null;
  dischargeDate: string | null;
  followUps: (FollowUpItem & { date: string | null })[];
  finalisedAt: string | null;
  finalisedBy: string | null;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  /** What a save names as the version it is based on (team mode). */
  rowVersion: number;
  handover: CarePlanHandover | null;
  /** Every version of this referral's plan, newest first (history is kept). */
  versions: { id: number; version: number; status: CarePlanStatus; finalisedAt: string | null; finalisedBy: string | null }[];
}

export interface CarePlanWorklists {
  /** Discharged or due for discharge without a finalised care plan. */
  missing: {
    referralId: number;
    patientId: number;
    patientName: string;
    careAreaCode: string;
    plannedDischargeDate: string | null;
    dischargeDate: string | null;
    draftId: number | null;
  }[];
  pendingHandovers: (CarePlanHandover & { carePlanId: number; patientName: string })[];
  handoverPendingDays: number;
  /** Referrals that have no care plan yet, to start one for. */
  candidates: { referralId: number; patientName: string; careAreaCode: string; status: string }[];
  recent: {
    id: number;
    referralId: number;
    patientName: string;
    version: number;
    status: CarePlanStatus;
    dischargeDate: string | null;
    finalisedAt: string | null;
  }[];
}

export interface BatchChunkResult {
  total: number;
  processed: number;
  nextOffset: number | null;
  /** The files' names, written to `outDir` or (download) carried in `files`. */
  written: string[];
  /** Null for a download. */
  outDir: string | null;
  /** With `download`: the chunk's files, for the browser to save (browser mode has no folder dialog). */
  files?: FilePayload[];
}

const templateInput = z.object({
  careAreaCode: codeText(),
  ...textsInput,
  followUps: z.array(followUpInput).max(50, { message: 'validation.tooBig' }),
});
export type CarePlanTemplateInput = z.input<typeof templateInput>;

export const carePlanMethods = {
  'carePlans.worklists': defineMethod({ input: z.object({}), roles: WRITERS, patientData: 'read' }).returns<CarePlanWorklists>(),
  'carePlans.get': defineMethod({ input: z.object({ id: id() }), roles: WRITERS, patientData: 'read' }).returns<CarePlanDetail>(),
  'carePlans.create': defineMethod({ input: z.object({ referralId: id() }), roles: WRITERS, patientData: 'change' }).returns<{ id: number }>(),
  'carePlans.save': defineMethod({ input: carePlanInput, roles: WRITERS, patientData: 'change' }).returns<CarePlanDetail>(),
  'carePlans.finalise': defineMethod({ input: z.object({ id: id() }), roles: WRITERS, patientData: 'change' }).returns<CarePlanDetail>(),
  'carePlans.newVersion': defineMethod({ input: z.object({ id: id() }), roles: WRITERS, patientData: 'change' }).returns<{ id: number }>(),
  'carePlans.sendHandover': defineMethod({
    input: z.object({ carePlanId: id(), receivingUnitId: id(), receivingContactNurse: requiredText(), sentDate: isoDate() }),
    roles: WRITERS,
    patientData: 'change',
  }).returns<CarePlanDetail>(),
  'carePlans.confirmHandover': defineMethod({
    input: z.object({ carePlanId: id(), confirmedDate: isoDate(), confirmedBy: requiredText() }),
    roles: WRITERS,
    patientData: 'change',
  }).returns<CarePlanDetail>(),
  'carePlans.pdf': defineMethod({
    input: z.object({ id: id(), purpose: z.enum(['export', 'print']).default('export') }),
    roles: WRITERS,
    patientData: 'read',
  }).returns<FilePayload>(),
  'carePlans.fhir': defineMethod({ input: z.object({ id: id() }), roles: WRITERS, patientData: 'read' }).returns<FilePayload>(),
  /** One chunk of a batch export; callers loop on nextOffset, so the UI can show progress. */
  'carePlans.batchExport': defineMethod({
    input: z
      .object({
        from: isoDate(),
        to: isoDate(),
        format: z.enum(EXPORT_FORMATS),
        /** The folder the user picked; never a default. */
        outDir: optionalText(1_000),
        /** No folder: the files come back in the answer (a browser download). */
        download: z.boolean().default(false),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(25),
      })
      .refine((b) => b.from <= b.to, { path: ['to'], message: 'carePlan.periodReversed' })
      .refine((b) => b.download || b.outDir !== null, { path: ['outDir'], message: 'validation.required' }),
    roles: WRITERS,
    patientData: 'read',
  }).returns<BatchChunkResult>(),
  'carePlans.templates': defineMethod({ input: z.object({}), roles: WRITERS, patientData: 'none' }).returns<{
    templates: CarePlanTemplate[];
    handoverPendingDays: number;
  }>(),
  'carePlans.saveTemplate': defineMethod({ input: templateInput, roles: SHARED_SETTINGS_ROLES, patientData: 'none' }).returns<CarePlanTemplate>(),
  'carePlans.saveSettings': defineMethod({
    input: z.object({
      handoverPendingDays: z
        .number({ message: 'validation.invalidType' })
        .int({ message: 'validation.invalidValue' })
        .min(1, { message: 'validation.tooSmall' })
        .max(365, { message: 'validation.tooBig' }),
    }),
    roles: SHARED_SETTINGS_ROLES,
    patientData: 'none',
  }).returns<{ handoverPendingDays: number }>(),
};
