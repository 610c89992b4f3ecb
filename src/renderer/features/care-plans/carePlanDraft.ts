import type { CarePlanDetail, CarePlanInput } from '../../../shared/api/methods/care-plans';
import { TEXT_KEYS, type CarePlanTexts } from '../../../shared/domain/care-plan';

/** A saved care-plan version as the editor edits it (empty texts for the missing ones). */
export const planToInput = (p: CarePlanDetail): CarePlanInput => ({
  id: p.id,
  nationalUnitId: p.nationalUnitId,
  contactNurse: p.contactNurse ?? '',
  contactNursePhone: p.contactNursePhone ?? '',
  responsiblePhysician: p.responsiblePhysician ?? '',
  diagnosisCode: p.diagnosisCode ?? '',
  diagnosisPlain: p.diagnosisPlain ?? '',
  treatmentSummary: p.treatmentSummary ?? '',
  dischargeDate: p.dischargeDate,
  ...(Object.fromEntries(TEXT_KEYS.map((k) => [k, p[k]])) as unknown as CarePlanTexts),
  followUps: p.followUps.map(({ date: _date, ...f }) => f),
});

/** Sets one field of the draft (what each section of the editor is given). */
export type SetCarePlanField = <K extends keyof CarePlanInput>(key: K, value: CarePlanInput[K]) => void;
