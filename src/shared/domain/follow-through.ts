/**
 * After the conference (efter konferensen): whether the patient's wishes were taken into account, which
 * trial was considered, and what became of the recommendation (genomförande). Pure: services, UI, tests.
 */

/** Whether the recommendation took the patient's own wishes into account; 'not_known' when the wishes were not known. */
export const WISHES_CONSIDERED = ['yes', 'partly', 'no', 'not_known'] as const;
export type WishesConsidered = (typeof WISHES_CONSIDERED)[number];

/** The implementation status the national unit keeps: awaiting → started → carried out, or deviated. */
export const IMPLEMENTATION_STATUSES = ['awaiting', 'started', 'carried_out', 'deviated'] as const;
export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];

/** Reasons for deviating, as the audit literature names them (domain.md, "After the conference"). */
export const DEVIATION_REASONS = ['patient_choice', 'comorbidity_or_performance', 'progression', 'other_clinical', 'not_known'] as const;
export type DeviationReason = (typeof DEVIATION_REASONS)[number];

/** Clinical reasons: a deviation for one of these may send the case back to the conference. */
export const CLINICAL_DEVIATION_REASONS: readonly DeviationReason[] = ['comorbidity_or_performance', 'progression', 'other_clinical'];

const NEXT: Record<ImplementationStatus | 'none', readonly ImplementationStatus[]> = {
  none: ['awaiting', 'started', 'carried_out', 'deviated'],
  awaiting: ['started', 'carried_out', 'deviated'],
  started: ['carried_out', 'deviated'],
  // Final: a later change needs a new recommendation (re-discussion), not a new status.
  carried_out: [],
  deviated: [],
};

/** Whether the status may follow the current one (null: no status recorded yet). */
export function canFollow(current: ImplementationStatus | null, next: ImplementationStatus): boolean {
  return NEXT[current ?? 'none'].includes(next);
}

/**
 * EU clinical trial number (CTIS), `YYYY-NNNNNN-NN-NN`, e.g. 2023-503456-12-00. CTIS opened in 2022,
 * so earlier years are no EU CT number (an older EudraCT number has another shape, YYYY-NNNNNN-NN).
 */
const EU_CT = /^(\d{4})-(\d{6})-(\d{2})-(\d{2})$/;
export function isEuCtNumber(value: string): boolean {
  const m = EU_CT.exec(value.trim());
  if (!m) return false;
  const year = Number(m[1]);
  return year >= 2022 && year <= 2099;
}

/** The trial part of a case: considered or not; if so, the trial (name and EU CT number) or why the patient is not eligible. */
export interface TrialConsideration {
  considered: boolean | null;
  name: string | null;
  euCtNumber: string | null;
  notEligibleReason: string | null;
}

/** Field issues of a trial consideration, as [field, message key] pairs. */
export function trialIssues(t: TrialConsideration): [keyof TrialConsideration, string][] {
  const issues: [keyof TrialConsideration, string][] = [];
  if (t.euCtNumber && !isEuCtNumber(t.euCtNumber)) issues.push(['euCtNumber', 'trial.euCtFormat']);
  if (t.considered === true && !t.notEligibleReason && !(t.name && t.euCtNumber)) issues.push(['name', 'trial.nameOrReason']);
  if (t.considered !== true && (t.name || t.euCtNumber || t.notEligibleReason)) issues.push(['considered', 'trial.notConsidered']);
  return issues;
}

/** Whole calendar days from one YYYY-MM-DD date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
