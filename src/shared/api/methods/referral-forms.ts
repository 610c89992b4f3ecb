import { z } from 'zod';
import { defineMethod, type Role } from '../contract';
import { codeText, id, requiredText } from '../limits';
import type { ImportRowView } from './referrals';
import type { FilePayload } from '../files';

const REGISTER_ROLES: readonly Role[] = ['administrator', 'coordinator', 'contact_nurse'];
const ALL_ROLES: readonly Role[] = ['administrator', 'coordinator', 'contact_nurse', 'physician'];

/** A filled form is at most 5 MB; one call reads at most 20 forms and 20 MB in all. */
export const FORM_FILE_MAX_BYTES = 5 * 1024 * 1024;
export const FORMS_PER_CALL = 20;
export const FORMS_TOTAL_MAX_BYTES = 20 * 1024 * 1024;
const base64Max = (bytes: number) => Math.ceil((bytes * 4) / 3) + 4;

const formFiles = z.object({
  files: z
    .array(
      z.object({
        fileName: requiredText(255),
        base64: z
          .string()
          .max(base64Max(FORM_FILE_MAX_BYTES), { message: 'forms.tooLarge' })
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'forms.notPdf' }),
      }),
    )
    .min(1, { message: 'validation.required' })
    .max(FORMS_PER_CALL, { message: 'forms.tooMany' })
    .refine((files) => files.reduce((n, f) => n + f.base64.length, 0) <= base64Max(FORMS_TOTAL_MAX_BYTES), { message: 'forms.tooMuchInAll' }),
});

/** One form file read in: the same row view as a CSV row, with the file it came from. */
export interface FormImportRow extends ImportRowView {
  fileName: string;
  /** The label (i18n key) of the form field the reason is about, as the form prints it. */
  fieldLabelKey: string | null;
}
export interface FormImportReport {
  rows: FormImportRow[];
  counts: { total: number; valid: number; rejected: number; alreadyImported: number; imported: number };
}

/** Registration forms (anmälningsblanketter): a fillable PDF per care area, read back in as referrals. */
export const referralFormMethods = {
  'referralForms.pdf': defineMethod({ input: z.object({ careAreaCode: codeText() }), roles: ALL_ROLES, patientData: 'none' }).returns<FilePayload>(),
  'referralForms.importPreview': defineMethod({ input: formFiles, roles: REGISTER_ROLES, patientData: 'read' }).returns<FormImportReport>(),
  'referralForms.importCommit': defineMethod({ input: formFiles, roles: REGISTER_ROLES, patientData: 'change' }).returns<FormImportReport>(),
  /** The original filled form kept with a referral. */
  'referralForms.original': defineMethod({ input: z.object({ referralId: id() }), roles: ALL_ROLES, patientData: 'read' }).returns<FilePayload | null>(),
};
