import type { ReferralFields } from '../../../shared/api/methods/referrals';
import type { CompletenessValues } from '../../../shared/domain/completeness';

/** The referral table's row (migration 0002), as SELECT * returns it. */
export interface ReferralRow {
  id: number;
  patient_id: number;
  care_area_code: string;
  referring_unit_id: number;
  referring_physician: string | null;
  referring_phone: string | null;
  received_date: string;
  suspicion_date: string | null;
  question: string | null;
  icd10: string | null;
  diagnosis_basis: 'pad' | 'clinical' | null;
  history: string | null;
  comorbidity: string | null;
  ecog: number | null;
  imaging_available: number | null;
  radiology_report_ref: string | null;
  pathology_ref: string | null;
  patient_wishes: string | null;
  patient_informed: number | null;
  psychosocial: string | null;
  patient_told: string | null;
  priority: 'urgent' | 'normal';
  notes: string | null;
  status: string;
  status_changed_at: string;
  withdrawn_reason: string | null;
  completion_requested_at: string | null;
  completion_missing: string | null;
  import_key: string | null;
  updated_at: string;
  /** Raised by every UPDATE (migration 0023): what a save must be based on. */
  row_version: number;
  updated_by: string | null;
}

const bool = (v: number | null) => (v === null ? null : v === 1);
const bit = (v: boolean | null) => (v === null ? null : v ? 1 : 0);

export function rowToFields(r: ReferralRow): ReferralFields {
  return {
    careAreaCode: r.care_area_code,
    referringUnitId: r.referring_unit_id,
    referringPhysician: r.referring_physician,
    referringPhone: r.referring_phone,
    receivedDate: r.received_date,
    suspicionDate: r.suspicion_date,
    question: r.question,
    icd10: r.icd10,
    diagnosisBasis: r.diagnosis_basis,
    history: r.history,
    comorbidity: r.comorbidity,
    ecog: r.ecog,
    imagingAvailable: bool(r.imaging_available),
    radiologyReportRef: r.radiology_report_ref,
    pathologyRef: r.pathology_ref,
    patientWishes: r.patient_wishes,
    patientInformed: bool(r.patient_informed),
    priority: r.priority,
    notes: r.notes,
    psychosocial: r.psychosocial,
    patientTold: r.patient_told,
  };
}

/** Column order shared by INSERT and UPDATE. */
export const FIELD_COLUMNS = [
  'care_area_code',
  'referring_unit_id',
  'referring_physician',
  'referring_phone',
  'received_date',
  'suspicion_date',
  'question',
  'icd10',
  'diagnosis_basis',
  'history',
  'comorbidity',
  'ecog',
  'imaging_available',
  'radiology_report_ref',
  'pathology_ref',
  'patient_wishes',
  'patient_informed',
  'priority',
  'notes',
  'psychosocial',
  'patient_told',
] as const;

export function fieldValues(f: ReferralFields): (string | number | null)[] {
  return [
    f.careAreaCode,
    f.referringUnitId,
    f.referringPhysician,
    f.referringPhone,
    f.receivedDate,
    f.suspicionDate,
    f.question,
    f.icd10,
    f.diagnosisBasis,
    f.history,
    f.comorbidity,
    f.ecog,
    bit(f.imagingAvailable),
    f.radiologyReportRef,
    f.pathologyRef,
    f.patientWishes,
    bit(f.patientInformed),
    f.priority,
    f.notes,
    f.psychosocial,
    f.patientTold,
  ];
}

export const completenessValues = (f: ReferralFields): CompletenessValues => f;
