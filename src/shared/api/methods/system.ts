import { z } from 'zod';
import { SHARED_SETTINGS_ROLES } from '../settings-roles';
import { defineMethod } from '../contract';
import type { ReferenceData, Workplace } from '../../domain/reference';
import { codeText, id, optionalText, requiredText } from '../limits';

export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface SystemInfo {
  appVersion: string;
  /** Absolute paths: for the administrator only (null for other roles; they reveal the account and disk layout). */
  dataDir: string | null;
  databaseFile: string | null;
  schemaVersion: string;
  language: Language;
  workplace: Workplace | null;
  /** Set while demo data is loaded: every screen and document says DEMO. */
  demo: boolean;
}

const unitInput = z.object({
  id: id().optional(),
  code: optionalText(40),
  name: requiredText(),
  regionCode: codeText(),
  healthcareRegionCode: codeText(),
  city: optionalText(),
  isUniversityHospital: z.boolean().default(false),
  phone: optionalText(40),
  phoneHours: optionalText(),
  address: optionalText(400),
  email: optionalText(200),
  active: z.boolean().default(true),
});
export type UnitInput = z.input<typeof unitInput>;

const careAreaInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9_]{2,20}$/, { message: 'careArea.codeFormat' }),
  nameSv: requiredText(),
  nameEn: requiredText(),
  icd10: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[A-Z]\d{2}(\.\d{1,2})?(-[A-Z]\d{2}(\.\d{1,2})?)?$/, { message: 'validation.icd10' }),
    )
    .max(50),
  nationalUnitIds: z.array(id()).max(20),
  active: z.boolean().default(true),
});
export type CareAreaInput = z.input<typeof careAreaInput>;

/** A long call of this session still running (import, batch export, demo load, backup, rekey). */
export interface JobProgress {
  method: string;
  done: number;
  total: number;
  startedAt: string;
}

/** Foundation methods: system facts, language, first-run workplace, reference data. */
export const systemMethods = {
  'system.info': defineMethod({ input: z.object({}), roles: 'any', patientData: 'none' }).returns<SystemInfo>(),
  /** Asked by a window while it waits for a long call: how far that call has come. */
  'system.jobs': defineMethod({ input: z.object({}), roles: 'any', patientData: 'none' }).returns<JobProgress[]>(),
  'settings.setLanguage': defineMethod({
    input: z.object({ language: z.enum(LANGUAGES) }),
    roles: 'any',
    patientData: 'none',
  }).returns<{ language: Language }>(),
  'workplace.set': defineMethod({
    input: z.object({ unitId: id(), careAreaCodes: z.array(codeText()).min(1, { message: 'workplace.pickCareArea' }).max(50) }),
    roles: ['administrator'],
    patientData: 'none',
  }).returns<Workplace>(),
  'reference.get': defineMethod({ input: z.object({}), roles: 'any', patientData: 'none' }).returns<ReferenceData>(),
  'reference.saveUnit': defineMethod({ input: unitInput, roles: SHARED_SETTINGS_ROLES, patientData: 'none' }).returns<{ id: number }>(),
  /** A new referring unit, added while registering: creates only, so no one's letters change under them. */
  'reference.addReferringUnit': defineMethod({
    input: unitInput.omit({ id: true }),
    roles: ['administrator', 'coordinator', 'contact_nurse'],
    patientData: 'none',
  }).returns<{ id: number }>(),
  'reference.saveCareArea': defineMethod({ input: careAreaInput, roles: ['administrator'], patientData: 'none' }).returns<{ code: string }>(),
};
