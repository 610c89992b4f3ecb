/**
 * Completeness of a referral (anmälan, domain.md step 1): which fields a care area requires before a
 * case may be discussed, what is missing, and the Swedish completion request (komplettering) text.
 */
import { translate } from '../i18n';

/** Referral fields a care area can require; each has a label under `referral.field.<name>`. */
export const REQUIRABLE_FIELDS = [
  'referringPhysician',
  'referringPhone',
  'suspicionDate',
  'question',
  'icd10',
  'diagnosisBasis',
  'history',
  'comorbidity',
  'ecog',
  'imagingAvailable',
  'radiologyReportRef',
  'pathologyRef',
  'patientWishes',
  'patientInformed',
  'psychosocial',
  'patientTold',
] as const;
export type RequirableField = (typeof REQUIRABLE_FIELDS)[number];

/** What a new care area asks for until someone edits its rules (and what migration 0003 sets). */
export const DEFAULT_REQUIRED_FIELDS: readonly RequirableField[] = [
  'referringPhysician',
  'referringPhone',
  'question',
  'icd10',
  'diagnosisBasis',
  'history',
  'ecog',
  'imagingAvailable',
  'patientInformed',
];

export type CompletenessValues = Partial<Record<RequirableField, string | number | boolean | null | undefined>>;

export function isRequirableField(name: string): name is RequirableField {
  return (REQUIRABLE_FIELDS as readonly string[]).includes(name);
}

/** A required field is missing when it has no answer: empty text or not stated (a "no" is an answer). */
export function missingFields(values: CompletenessValues, required: readonly string[]): RequirableField[] {
  return REQUIRABLE_FIELDS.filter((f) => required.includes(f)).filter((f) => {
    const v = values[f];
    return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
  });
}

export interface CompletionRequestFacts {
  careAreaName: string;
  referringUnitName: string;
  referringPhysician: string | null;
  patientName: string;
  patientIdentifier: string;
  receivedDate: string;
  missing: readonly RequirableField[];
  /** The national unit asking, with its phone, so the referrer knows where to answer. */
  senderUnitName: string | null;
  senderPhone: string | null;
  today: string;
}

/** Ready-to-send Swedish completion request: addressed, listing exactly what is missing. */
export function completionRequestText(f: CompletionRequestFacts): string {
  const lines = [
    `Begäran om komplettering av anmälan till nationell MDK – ${f.careAreaName}`,
    '',
    `Till: ${f.referringUnitName}${f.referringPhysician ? `, ${f.referringPhysician}` : ''}`,
    `Datum: ${f.today}`,
    `Patient: ${f.patientName}, ${f.patientIdentifier}`,
    `Anmälan mottagen: ${f.receivedDate}`,
    '',
    'Vi har tagit emot anmälan. För att patienten ska kunna tas upp på nationell multidisciplinär konferens behöver vi följande uppgifter:',
    ...f.missing.map((m) => `– ${translate('sv', `referral.field.${m}`)}`),
    '',
    'Fallet tas upp på konferensen när kompletteringen har kommit in. Skicka kompletteringen så snart som möjligt.',
    '',
    'Med vänlig hälsning',
    [f.senderUnitName, f.senderPhone ? `tel. ${f.senderPhone}` : null].filter(Boolean).join(', ') || 'Nationell vårdenhet',
  ];
  return lines.join('\n');
}
