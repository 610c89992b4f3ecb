/**
 * The registration form (anmälningsblankett) a referring unit fills in: one PDF form field per
 * import column, so a filled form reads in through the same row checks as a CSV row.
 */
import { REQUIRABLE_FIELDS, type RequirableField } from '../../../../shared/domain/completeness';
import { LIMITS } from '../../../../shared/api/limits';
import { FIELD_COLUMN } from '../import/check';
import { FORM_FILE_MAX_BYTES } from '../../../../shared/api/methods/referral-forms';
import type { Column } from '../import/columns';

/** What the hidden identity field holds: `MDK-ANMALAN;<care area code>;<version>`. */
export const FORM_KIND = 'MDK-ANMALAN';
/** Raised whenever the fields change; an older form is refused with a pointer to the current one. */
export const FORM_VERSION = 1;
export const FORM_ID_FIELD = 'mdk_blankett';
/** Largest form read in (and kept with its referral, inside the encrypted database). */
export const FORM_MAX_BYTES = FORM_FILE_MAX_BYTES;

export type FormFieldKind = 'text' | 'multiline' | 'date' | 'choice' | 'unit';

export interface FormField {
  column: Column;
  /** i18n key of the label printed on the form. */
  labelKey: string;
  kind: FormFieldKind;
  maxLength: number;
  /** Values offered in a combo box (the import reads them as a CSV cell). */
  choices?: readonly string[];
  /** The requirable referral field behind it, when the care area's rules can require it. */
  requirable?: RequirableField;
}

const YES_NO = ['ja', 'nej'] as const;

/** Kind, length and choices of each requirable field (labels: `referral.field.<name>`). */
const REQUIRABLE_SHAPE: Record<RequirableField, Pick<FormField, 'kind' | 'maxLength' | 'choices'>> = {
  referringPhysician: { kind: 'text', maxLength: LIMITS.shortText },
  referringPhone: { kind: 'text', maxLength: 40 },
  suspicionDate: { kind: 'date', maxLength: 10 },
  question: { kind: 'multiline', maxLength: LIMITS.mediumText },
  icd10: { kind: 'text', maxLength: 10 },
  diagnosisBasis: { kind: 'choice', maxLength: 10, choices: ['PAD', 'klinisk'] },
  history: { kind: 'multiline', maxLength: LIMITS.longText },
  comorbidity: { kind: 'multiline', maxLength: LIMITS.mediumText },
  ecog: { kind: 'choice', maxLength: 1, choices: ['0', '1', '2', '3', '4'] },
  imagingAvailable: { kind: 'choice', maxLength: 3, choices: YES_NO },
  radiologyReportRef: { kind: 'text', maxLength: LIMITS.shortText },
  pathologyRef: { kind: 'text', maxLength: LIMITS.shortText },
  patientWishes: { kind: 'multiline', maxLength: LIMITS.mediumText },
  patientInformed: { kind: 'choice', maxLength: 3, choices: YES_NO },
  psychosocial: { kind: 'multiline', maxLength: LIMITS.mediumText },
  patientTold: { kind: 'multiline', maxLength: LIMITS.mediumText },
};

/** The patient and the sender come first; every form has them, and they are always required. */
const IDENTITY_FIELDS: FormField[] = [
  { column: 'personnummer', labelKey: 'forms.field.identifier', kind: 'text', maxLength: 40 },
  { column: 'reservnummer_region', labelKey: 'forms.field.reservnummerRegion', kind: 'text', maxLength: 10 },
  { column: 'efternamn', labelKey: 'forms.field.familyName', kind: 'text', maxLength: LIMITS.shortText },
  { column: 'fornamn', labelKey: 'forms.field.givenName', kind: 'text', maxLength: LIMITS.shortText },
  { column: 'remitterande_enhet', labelKey: 'forms.field.referringUnit', kind: 'unit', maxLength: LIMITS.shortText },
  { column: 'mottagen', labelKey: 'forms.field.sentDate', kind: 'date', maxLength: 10 },
];
export const ALWAYS_REQUIRED: readonly Column[] = ['personnummer', 'efternamn', 'fornamn', 'remitterande_enhet'];

const CLOSING_FIELDS: FormField[] = [
  { column: 'prioritet', labelKey: 'forms.field.priority', kind: 'choice', maxLength: 10, choices: ['normal', 'brådskande'] },
  { column: 'anteckningar', labelKey: 'forms.field.notes', kind: 'multiline', maxLength: LIMITS.mediumText },
];

/**
 * Every field of the form, in print order: the patient and sender, each field the care area's
 * completeness rules can require (the required ones marked), then priority and notes.
 */
export const FORM_FIELDS: readonly FormField[] = [
  ...IDENTITY_FIELDS,
  ...REQUIRABLE_FIELDS.filter((f) => FIELD_COLUMN[f]).map((f) => ({
    column: FIELD_COLUMN[f],
    labelKey: `referral.field.${f}`,
    requirable: f,
    ...REQUIRABLE_SHAPE[f],
  })),
  ...CLOSING_FIELDS,
];

export interface FormIdentity {
  careAreaCode: string;
  version: number;
}

export const formIdentityText = (careAreaCode: string) => `${FORM_KIND};${careAreaCode};${FORM_VERSION}`;

/** Reads the hidden identity field; null when it is not one of our forms. */
export function parseFormIdentity(text: string | undefined): FormIdentity | null {
  const m = /^MDK-ANMALAN;([A-Z0-9_]{1,40});(\d{1,4})$/.exec((text ?? '').trim());
  return m ? { careAreaCode: m[1], version: Number(m[2]) } : null;
}
