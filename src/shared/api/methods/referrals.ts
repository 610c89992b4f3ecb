import { z } from 'zod';
import { defineMethod, type Role } from '../contract';
import { codeText, id, isoDate, LIMITS, optionalText, requiredText } from '../limits';
import { REFERRAL_STATUSES, type ReferralStatus } from '../../domain/referral-status';
import { REQUIRABLE_FIELDS, type RequirableField } from '../../domain/completeness';
import type { IdentifierSystem } from '../../domain/identifiers';
import { expectedVersion } from '../row-version';
import type { ReferralChecklist } from './checklist';

/** Contact nurses and coordinators take in registrations; administrators too. Physicians read. */
const REGISTER_ROLES: readonly Role[] = ['administrator', 'coordinator', 'contact_nurse'];
const READ_ROLES: readonly Role[] = ['administrator', 'coordinator', 'contact_nurse', 'physician'];

/** Largest import accepted: ~10 MB of CSV (base64 is 4/3 of that) and at most 20,000 rows. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;
/** Rows one inbox call returns at most (a page; the CLI and exports may ask for this many). */
export const LIST_MAX_ROWS = 10_000;
/**
 * Rows per inbox page: two screenfuls and more. The inbox loads the next page as the user scrolls, so
 * only the patients actually sent to the screen are read (and access-logged), however many match.
 */
export const INBOX_PAGE_ROWS = 50;

const optionalDate = () =>
  z
    .union([z.literal(''), isoDate()])
    .nullish()
    .transform((v) => v || null);
const icd10 = () =>
  z
    .string()
    .trim()
    .max(10, { message: 'validation.icd10' })
    .transform((s) => s.toUpperCase())
    .pipe(z.union([z.literal(''), z.string().regex(/^[A-Z]\d{2}(\.\d{1,2})?$/, { message: 'validation.icd10' })]))
    .nullish()
    .transform((v) => v || null);

/** The referral's own fields (domain.md step 1); the patient is given separately. */
export const referralFields = z.object({
  careAreaCode: codeText(),
  referringUnitId: id(),
  referringPhysician: optionalText(),
  referringPhone: optionalText(40),
  receivedDate: isoDate(),
  suspicionDate: optionalDate(), // välgrundad misstanke
  question: optionalText(LIMITS.mediumText), // frågeställning
  icd10: icd10(),
  diagnosisBasis: z
    .enum(['pad', 'clinical'])
    .nullish()
    .transform((v) => v ?? null),
  history: optionalText(LIMITS.longText), // anamnes
  comorbidity: optionalText(LIMITS.mediumText),
  ecog: z
    .number()
    .int()
    .min(0, { message: 'referral.ecogRange' })
    .max(4, { message: 'referral.ecogRange' })
    .nullish()
    .transform((v) => v ?? null),
  imagingAvailable: z
    .boolean()
    .nullish()
    .transform((v) => v ?? null),
  radiologyReportRef: optionalText(),
  pathologyRef: optionalText(),
  patientWishes: optionalText(LIMITS.mediumText),
  patientInformed: z
    .boolean()
    .nullish()
    .transform((v) => v ?? null),
  psychosocial: optionalText(LIMITS.mediumText), // psykosocial situation
  patientTold: optionalText(LIMITS.mediumText), // vad patienten har fått veta
  priority: z.enum(['urgent', 'normal']).default('normal'),
  notes: optionalText(LIMITS.mediumText),
});
export type ReferralFieldsInput = z.input<typeof referralFields>;
export type ReferralFields = z.output<typeof referralFields>;

const identifierInput = {
  identifierKind: z.enum(['national', 'reservnummer']).default('national'),
  identifier: requiredText(40),
  issuerRegionCode: z
    .string()
    .trim()
    .max(10)
    .nullish()
    .transform((v) => v || null),
};

export const patientInput = z.object({
  ...identifierInput,
  familyName: requiredText(),
  givenName: requiredText(),
});
export type PatientInput = z.input<typeof patientInput>;

export interface PatientSummary {
  id: number;
  familyName: string;
  givenName: string;
  birthDate: string | null;
  sex: 'female' | 'male' | null;
  age: number | null;
  identifiers: { system: IdentifierSystem; value: string; display: string; issuerRegionCode: string | null; isTemporary: boolean }[];
}

export interface OpenReferralRef {
  id: number;
  careAreaCode: string;
  status: ReferralStatus;
  receivedDate: string;
}

export interface LeadTimeView {
  sinceReceived: number;
  sinceSuspicion: number | null;
  targetDays: number;
  overTarget: boolean;
}

export interface ReferralListRow {
  id: number;
  patientId: number;
  patientName: string;
  identifier: string;
  careAreaCode: string;
  referringUnitName: string;
  healthcareRegionCode: string;
  receivedDate: string;
  suspicionDate: string | null;
  priority: 'urgent' | 'normal';
  status: ReferralStatus;
  leadTime: LeadTimeView;
}

export interface ReferralEventView {
  at: string;
  userName: string;
  fromStatus: ReferralStatus | null;
  toStatus: ReferralStatus;
  note: string | null;
}

export interface ReferralDetail extends ReferralFields {
  id: number;
  patient: PatientSummary;
  status: ReferralStatus;
  statusChangedAt: string;
  withdrawnReason: string | null;
  completionRequestedAt: string | null;
  completionMissing: RequirableField[];
  /** Required fields without an answer now (the care area's rules). */
  missing: RequirableField[];
  leadTime: LeadTimeView;
  timeline: ReferralEventView[];
  /** Other open referrals of the same patient in the same care area (possible duplicates). */
  otherOpen: OpenReferralRef[];
  /** The referral was read in from a filled registration form, kept to be opened. */
  hasOriginalForm: boolean;
  /** The row's version (team mode): a save names the version it was based on. */
  rowVersion: number;
  updatedAt: string;
  /** Who last changed the referral's fields (null before anyone edited it). */
  updatedBy: string | null;
  /** Its nMDK checklist at each meeting (not cancelled) whose case list it is on, the latest first. */
  checklists: ReferralChecklist[];
}

/** What a bulk "mark complete" did: the referrals now complete, and the others with what they lack. */
export interface MarkCompleteManyResult {
  completed: { id: number; patientName: string }[];
  /** Not marked: `missing` lists the required fields without an answer; `status` when the referral is past that step. */
  notCompleted: { id: number; patientName: string; status: ReferralStatus; missing: RequirableField[] }[];
}
/** The statuses a bulk "mark complete" acts on: before the completeness step, never after it. */
export const AWAITS_COMPLETENESS: readonly ReferralStatus[] = ['received', 'awaiting_completion'];
/** Referrals one bulk "mark complete" takes at most (far more than a screen can select). */
export const MARK_COMPLETE_MAX = 1000;

export type ImportRowStatus = 'valid' | 'rejected' | 'already_imported';
export interface ImportRowView {
  /** Line of the data row in the file, counting the header as row 1 (as a spreadsheet shows it). */
  row: number;
  status: ImportRowStatus;
  reasonKey: string | null;
  reasonParams?: Record<string, string | number>;
  /** Which column the reason is about, when one is. */
  column: string | null;
  /** A valid row that deserves a look before confirming, e.g. its identifier is a patient's under another name. */
  warningKey?: string;
  warningParams?: Record<string, string | number>;
  /** A valid row: the required fields of its care area it leaves empty (none: it can be imported as complete). */
  missing?: RequirableField[];
  patientName: string;
  identifier: string;
  careAreaCode: string;
  receivedDate: string;
}
export interface ImportReport {
  encoding: 'utf-8' | 'windows-1252';
  delimiter: string;
  rows: ImportRowView[];
  counts: { total: number; valid: number; rejected: number; alreadyImported: number; imported: number; markedComplete?: number };
}

const listQuery = z.object({
  careAreaCodes: z.array(codeText()).max(50).default([]),
  statuses: z.array(z.enum(REFERRAL_STATUSES)).max(REFERRAL_STATUSES.length).default([]),
  healthcareRegionCode: z
    .string()
    .trim()
    .max(40)
    .nullish()
    .transform((v) => v || null),
  priority: z
    .enum(['urgent', 'normal'])
    .nullish()
    .transform((v) => v ?? null),
  search: z.string().max(100, { message: 'validation.tooLong' }).default(''),
  sort: z.enum(['received_desc', 'received_asc', 'lead_time_desc']).default('received_desc'),
  /** Rows to skip: the rows already shown, when the inbox loads the next page. */
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(LIST_MAX_ROWS).default(INBOX_PAGE_ROWS),
});
export type ReferralListQuery = z.input<typeof listQuery>;

const importFile = z.object({
  fileName: requiredText(255),
  base64: z
    .string()
    .max(Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 4, { message: 'import.tooLarge' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'import.notCsv' }),
});

/** Referrals: patients, registration, completeness, status, inbox and import. */
export const referralMethods = {
  'patients.lookup': defineMethod({ input: z.object(identifierInput), roles: REGISTER_ROLES, patientData: 'read' }).returns<{
    system: IdentifierSystem;
    value: string;
    display: string;
    birthDate: string | null;
    sex: 'female' | 'male' | null;
    age: number | null;
    patient: PatientSummary | null;
    openReferrals: OpenReferralRef[];
  }>(),
  'referrals.create': defineMethod({
    input: z.object({ patient: patientInput, referral: referralFields, allowDuplicate: z.boolean().default(false) }),
    roles: REGISTER_ROLES,
    patientData: 'change',
  }).returns<{ id: number; patientId: number }>(),
  'referrals.update': defineMethod({
    input: z.object({ id: id(), referral: referralFields, expectedVersion: expectedVersion() }),
    roles: REGISTER_ROLES,
    patientData: 'change',
  }).returns<{ id: number }>(),
  'referrals.get': defineMethod({ input: z.object({ id: id() }), roles: READ_ROLES, patientData: 'read' }).returns<ReferralDetail>(),
  'referrals.list': defineMethod({ input: listQuery, roles: READ_ROLES, patientData: 'read' }).returns<{
    rows: ReferralListRow[];
    total: number;
    today: string;
  }>(),
  'referrals.requestCompletion': defineMethod({ input: z.object({ id: id() }), roles: REGISTER_ROLES, patientData: 'change' }).returns<{
    text: string;
    missing: RequirableField[];
  }>(),
  'referrals.completionText': defineMethod({ input: z.object({ id: id() }), roles: REGISTER_ROLES, patientData: 'read' }).returns<{
    text: string;
    missing: RequirableField[];
  }>(),
  'referrals.markComplete': defineMethod({ input: z.object({ id: id() }), roles: REGISTER_ROLES, patientData: 'change' }).returns<{ status: ReferralStatus }>(),
  'referrals.markCompleteMany': defineMethod({
    input: z.object({ ids: z.array(id()).min(1).max(MARK_COMPLETE_MAX) }),
    roles: REGISTER_ROLES,
    patientData: 'change',
  }).returns<MarkCompleteManyResult>(),
  'referrals.withdraw': defineMethod({
    input: z.object({ id: id(), reason: requiredText(LIMITS.mediumText) }),
    roles: REGISTER_ROLES,
    patientData: 'change',
  }).returns<{ status: ReferralStatus }>(),
  'referrals.close': defineMethod({
    input: z.object({ id: id(), note: optionalText(LIMITS.mediumText) }),
    roles: REGISTER_ROLES,
    patientData: 'change',
  }).returns<{ status: ReferralStatus }>(),
  'referrals.importPreview': defineMethod({ input: importFile, roles: REGISTER_ROLES, patientData: 'read' }).returns<ImportReport>(),
  'referrals.importCommit': defineMethod({
    input: importFile.extend({ markComplete: z.boolean().default(false) }),
    roles: REGISTER_ROLES,
    patientData: 'change',
  }).returns<ImportReport>(),
  'referralRules.save': defineMethod({
    input: z.object({
      careAreaCode: codeText(),
      leadTimeTargetDays: z.number().int().min(1, { message: 'rules.targetRange' }).max(365, { message: 'rules.targetRange' }),
      requiredFields: z.array(z.enum(REQUIRABLE_FIELDS)).max(REQUIRABLE_FIELDS.length),
    }),
    roles: ['administrator', 'coordinator'],
    patientData: 'none',
  }).returns<{ careAreaCode: string }>(),
};
