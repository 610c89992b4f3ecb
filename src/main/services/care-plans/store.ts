import { DateTime } from 'luxon';
import type { Db } from '../../db/driver';
import { notFound } from '../../../shared/api/errors';
import type { CarePlanDetail, CarePlanHandover, UnitContact } from '../../../shared/api/methods/care-plans';
import { followUpDate, handoverState, TEXT_KEYS, type CarePlanStatus, type CarePlanTexts, type FollowUpItem } from '../../../shared/domain/care-plan';
import { handoverPendingDays, textColumn } from './templates';
import { diagnosisLine } from '../../../shared/domain/icd10';

/** Today in Sweden: dates in care plans are Swedish calendar dates whatever the computer's zone. */
export function swedishToday(now: Date): string {
  return DateTime.fromJSDate(now).setZone('Europe/Stockholm').toISODate()!;
}

export interface PlanRow {
  id: number;
  patient_id: number;
  referral_id: number;
  recommendation_id: number | null;
  version: number;
  status: CarePlanStatus;
  national_unit_id: number | null;
  contact_nurse: string | null;
  contact_nurse_phone: string | null;
  responsible_physician: string | null;
  diagnosis_text: string | null;
  diagnosis_code: string | null;
  diagnosis_plain: string | null;
  treatment_summary: string | null;
  discharge_date: string | null;
  finalised_at: string | null;
  finalised_by: string | null;
  created_by: string;
  updated_at: string;
  updated_by: string | null;
  row_version: number;
  [text: string]: unknown;
}

export function planRow(db: Db, id: number): PlanRow {
  const row = db.prepare('SELECT * FROM care_plan WHERE id = ?').get(id) as PlanRow | undefined;
  if (!row) throw notFound('care_plan', id);
  return row;
}

export function unitContact(db: Db, unitId: number | null): UnitContact | null {
  if (unitId == null) return null;
  return (
    (db.prepare('SELECT id, name, phone, phone_hours AS phoneHours, address, email FROM unit WHERE id = ?').get(unitId) as UnitContact | undefined) ?? null
  );
}

export function followUpsOf(db: Db, carePlanId: number): FollowUpItem[] {
  return db
    .prepare(
      `SELECT what, due_date AS dueDate, interval_value AS intervalValue, interval_unit AS intervalUnit, place, unit_id AS unitId, responsible
       FROM care_plan_follow_up WHERE care_plan_id = ? ORDER BY position`,
    )
    .all(carePlanId) as FollowUpItem[];
}

export function writeFollowUps(db: Db, carePlanId: number, items: FollowUpItem[]): void {
  db.prepare('DELETE FROM care_plan_follow_up WHERE care_plan_id = ?').run(carePlanId);
  const ins = db.prepare(
    `INSERT INTO care_plan_follow_up (care_plan_id, position, what, due_date, interval_value, interval_unit, place, unit_id, responsible)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  items.forEach((f, i) =>
    ins.run(carePlanId, i + 1, f.what, f.dueDate, f.dueDate ? null : f.intervalValue, f.dueDate ? null : f.intervalUnit, f.place, f.unitId, f.responsible),
  );
}

/** The episode's handover: recorded on one version, it belongs to every version of the referral's plan. */
export function handoverOf(db: Db, referralId: number, today: string, limitDays: number): CarePlanHandover | null {
  const h = db
    .prepare(
      `SELECT h.id, h.receiving_unit_id AS receivingUnitId, u.name AS receivingUnitName, h.receiving_contact_nurse AS receivingContactNurse,
              h.sent_date AS sentDate, h.status, h.confirmed_date AS confirmedDate, h.confirmed_by AS confirmedBy
       FROM care_plan_handover h JOIN unit u ON u.id = h.receiving_unit_id JOIN care_plan cp ON cp.id = h.care_plan_id
       WHERE cp.referral_id = ? ORDER BY h.id DESC LIMIT 1`,
    )
    .get(referralId) as Omit<CarePlanHandover, 'nationalUnitResponsible' | 'daysPending' | 'overdue'> | undefined;
  return h ? { ...h, ...handoverState(h, today, limitDays) } : null;
}

export function patientName(db: Db, patientId: number): { name: string; identifier: string | null } {
  const p = db.prepare('SELECT given_name, family_name FROM patient WHERE id = ?').get(patientId) as { given_name: string; family_name: string };
  const ident = db.prepare('SELECT value FROM patient_identifier WHERE patient_id = ? ORDER BY is_temporary, id LIMIT 1').pluck().get(patientId) as
    string | undefined;
  return { name: `${p.given_name} ${p.family_name}`, identifier: ident ?? null };
}

/** ICD-10-SE's Swedish text of a code (resources/reference/icd10-se.json), or null outside the list. */
export function icd10Text(db: Db, code: string | null): string | null {
  if (!code) return null;
  return (db.prepare('SELECT text_sv FROM icd10_code WHERE code = ?').pluck().get(code) as string | undefined) ?? null;
}

/** The code, its ICD-10-SE text and the line the patient reads (the code alone when the text is unknown). */
export function diagnosisOf(db: Db, code: string | null): Pick<CarePlanDetail, 'diagnosisCode' | 'diagnosisIcdText' | 'diagnosisText'> {
  const text = icd10Text(db, code);
  return { diagnosisCode: code, diagnosisIcdText: text, diagnosisText: diagnosisLine(code, text) };
}

/** Everything the editor, the PDF and the FHIR writer need about one plan version. */
export function loadDetail(db: Db, id: number, now: Date): CarePlanDetail {
  const row = planRow(db, id);
  const today = swedishToday(now);
  const patient = patientName(db, row.patient_id);
  const careAreaCode = db.prepare('SELECT care_area_code FROM referral WHERE id = ?').pluck().get(row.referral_id) as string;
  const rec = row.recommendation_id
    ? (db
        .prepare('SELECT id, intent, treatment_text AS treatmentText, next_step AS nextStep FROM recommendation WHERE id = ?')
        .get(row.recommendation_id) as CarePlanDetail['recommendation'])
    : null;
  const texts = Object.fromEntries(TEXT_KEYS.map((k) => [k, (row[textColumn(k)] as string | null) ?? ''])) as unknown as CarePlanTexts;
  const versions = db
    .prepare('SELECT id, version, status, finalised_at AS finalisedAt, finalised_by AS finalisedBy FROM care_plan WHERE referral_id = ? ORDER BY version DESC')
    .all(row.referral_id) as CarePlanDetail['versions'];
  return {
    id: row.id,
    patientId: row.patient_id,
    patientName: patient.name,
    patientIdentifier: patient.identifier,
    referralId: row.referral_id,
    careAreaCode,
    recommendation: rec ?? null,
    version: row.version,
    status: row.status,
    nationalUnitId: row.national_unit_id,
    nationalUnit: unitContact(db, row.national_unit_id),
    contactNurse: row.contact_nurse,
    contactNursePhone: row.contact_nurse_phone,
    responsiblePhysician: row.responsible_physician,
    ...diagnosisOf(db, row.diagnosis_code),
    diagnosisPlain: row.diagnosis_plain,
    treatmentSummary: row.treatment_summary,
    dischargeDate: row.discharge_date,
    ...texts,
    followUps: followUpsOf(db, id).map((f) => ({ ...f, date: followUpDate(f, row.discharge_date) })),
    finalisedAt: row.finalised_at,
    finalisedBy: row.finalised_by,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by ?? row.created_by,
    rowVersion: row.row_version,
    handover: handoverOf(db, row.referral_id, today, handoverPendingDays(db)),
    versions,
  };
}
