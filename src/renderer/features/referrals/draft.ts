import type { ReferralFields, ReferralFieldsInput } from '../../../shared/api/methods/referrals';

/** The form's view of a referral: every control holds a string ('' = not stated). */
export interface ReferralDraft {
  careAreaCode: string;
  referringUnitId: string;
  referringPhysician: string;
  referringPhone: string;
  receivedDate: string;
  suspicionDate: string;
  question: string;
  icd10: string;
  diagnosisBasis: '' | 'pad' | 'clinical';
  history: string;
  comorbidity: string;
  ecog: string;
  imagingAvailable: '' | 'yes' | 'no';
  radiologyReportRef: string;
  pathologyRef: string;
  patientWishes: string;
  patientInformed: '' | 'yes' | 'no';
  psychosocial: string;
  patientTold: string;
  priority: 'normal' | 'urgent';
  notes: string;
}

export const emptyDraft = (today: string, careAreaCode = ''): ReferralDraft => ({
  careAreaCode,
  referringUnitId: '',
  referringPhysician: '',
  referringPhone: '',
  receivedDate: today,
  suspicionDate: '',
  question: '',
  icd10: '',
  diagnosisBasis: '',
  history: '',
  comorbidity: '',
  ecog: '',
  imagingAvailable: '',
  radiologyReportRef: '',
  pathologyRef: '',
  patientWishes: '',
  patientInformed: '',
  psychosocial: '',
  patientTold: '',
  priority: 'normal',
  notes: '',
});

const yesNo = (v: '' | 'yes' | 'no') => (v === '' ? null : v === 'yes');
const fromBool = (v: boolean | null): '' | 'yes' | 'no' => (v === null ? '' : v ? 'yes' : 'no');

export function draftToInput(d: ReferralDraft): ReferralFieldsInput {
  return {
    ...d,
    // Left unpicked, the unit is sent as missing so the schema says "Måste fyllas i".
    referringUnitId: d.referringUnitId ? Number(d.referringUnitId) : (undefined as unknown as number),
    diagnosisBasis: d.diagnosisBasis || null,
    ecog: d.ecog === '' ? null : Number(d.ecog),
    imagingAvailable: yesNo(d.imagingAvailable),
    patientInformed: yesNo(d.patientInformed),
  };
}

export function fieldsToDraft(f: ReferralFields): ReferralDraft {
  const s = (v: string | null) => v ?? '';
  return {
    careAreaCode: f.careAreaCode,
    referringUnitId: String(f.referringUnitId),
    referringPhysician: s(f.referringPhysician),
    referringPhone: s(f.referringPhone),
    receivedDate: f.receivedDate,
    suspicionDate: s(f.suspicionDate),
    question: s(f.question),
    icd10: s(f.icd10),
    diagnosisBasis: f.diagnosisBasis ?? '',
    history: s(f.history),
    comorbidity: s(f.comorbidity),
    ecog: f.ecog === null ? '' : String(f.ecog),
    imagingAvailable: fromBool(f.imagingAvailable),
    radiologyReportRef: s(f.radiologyReportRef),
    pathologyRef: s(f.pathologyRef),
    patientWishes: s(f.patientWishes),
    patientInformed: fromBool(f.patientInformed),
    psychosocial: s(f.psychosocial),
    patientTold: s(f.patientTold),
    priority: f.priority,
    notes: s(f.notes),
  };
}
