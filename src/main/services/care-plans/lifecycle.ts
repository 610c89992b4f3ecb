import type { Db } from '../../db/driver';
import { conflict, invalid, notFound } from '../../../shared/api/errors';
import { isEditable, TEXT_KEYS, type CarePlanTexts, type FollowUpItem } from '../../../shared/domain/care-plan';
import { getTemplate, textColumn } from './templates';
import { followUpsOf, icd10Text, planRow, writeFollowUps } from './store';
import { assertReachable } from './reachable';
import { diagnosisLine } from '../../../shared/domain/icd10';
import { assertVersion } from '../row-version';

export interface Actor {
  name: string;
  /** The user's workplace unit: a new plan prints its contact details. */
  unitId: number | null;
  now: string;
}

/** Creates version 1 of a referral's care plan, filled from its care area's template. */
export function createFromTemplate(db: Db, referralId: number, actor: Actor): number {
  const ref = db
    .prepare('SELECT id, patient_id, care_area_code, icd10, discharge_date, planned_discharge_date, status FROM referral WHERE id = ?')
    .get(referralId) as
    | {
        id: number;
        patient_id: number;
        care_area_code: string;
        icd10: string | null;
        discharge_date: string | null;
        planned_discharge_date: string | null;
        status: string;
      }
    | undefined;
  if (!ref) throw notFound('referral', referralId);
  if (ref.status === 'withdrawn') throw conflict('carePlan.referralWithdrawn');
  const existing = db.prepare('SELECT id FROM care_plan WHERE referral_id = ? LIMIT 1').pluck().get(referralId);
  if (existing) throw conflict('carePlan.alreadyExists');
  // The referral's current recommendation (not superseded), newest first.
  const rec = db
    .prepare(
      'SELECT id, treatment_text, next_step FROM recommendation WHERE referral_id = ? AND superseded_at IS NULL ORDER BY recorded_at DESC, version DESC LIMIT 1',
    )
    .get(referralId) as { id: number; treatment_text: string | null; next_step: string | null } | undefined;
  // The code with its ICD-10-SE text (the code alone outside the list), never the care area's name.
  const diagnosis = diagnosisLine(ref.icd10, icd10Text(db, ref.icd10));
  const nationalUnitId =
    actor.unitId ??
    (db.prepare('SELECT unit_id FROM care_area_national_unit WHERE care_area_code = ? LIMIT 1').pluck().get(ref.care_area_code) as number | undefined) ??
    null;
  const tpl = getTemplate(db, ref.care_area_code);
  const cols = TEXT_KEYS.map(textColumn);
  const id = Number(
    db
      .prepare(
        `INSERT INTO care_plan (patient_id, referral_id, recommendation_id, version, status, national_unit_id, diagnosis_code, diagnosis_text, treatment_summary,
           discharge_date, ${cols.join(', ')}, created_by, created_at, updated_at)
         VALUES (?, ?, ?, 1, 'draft', ?, ?, ?, ?, ?, ${cols.map(() => '?').join(', ')}, ?, ?, ?)`,
      )
      .run(
        ref.patient_id,
        referralId,
        rec?.id ?? null,
        nationalUnitId,
        ref.icd10,
        diagnosis,
        rec?.treatment_text ?? null,
        ref.discharge_date ?? ref.planned_discharge_date,
        ...TEXT_KEYS.map((k) => tpl[k]),
        actor.name,
        actor.now,
        actor.now,
      ).lastInsertRowid,
  );
  writeFollowUps(db, id, tpl.followUps);
  return id;
}

export interface PlanEdit extends CarePlanTexts {
  id: number;
  nationalUnitId: number | null;
  contactNurse: string | null;
  contactNursePhone: string | null;
  responsiblePhysician: string | null;
  diagnosisCode: string | null;
  diagnosisPlain: string | null;
  treatmentSummary: string | null;
  dischargeDate: string | null;
  followUps: FollowUpItem[];
  /** The row version the save is based on (team mode; see row-version.ts). */
  expectedVersion?: number;
}

function assertUnits(db: Db, edit: PlanEdit) {
  const exists = db.prepare('SELECT 1 FROM unit WHERE id = ?');
  if (edit.nationalUnitId != null && !exists.get(edit.nationalUnitId)) throw invalid('nationalUnitId', 'carePlan.unknownUnit');
  edit.followUps.forEach((f, i) => {
    if (f.unitId != null && !exists.get(f.unitId)) throw invalid(`followUps.${i}.unitId`, 'carePlan.unknownUnit');
  });
}

/** Saves a draft's sections; finalised and superseded versions are read-only. */
export function saveDraft(db: Db, edit: PlanEdit, actor: Actor): void {
  const row = planRow(db, edit.id);
  assertVersion('carePlan', edit.expectedVersion, { version: row.row_version, by: row.updated_by ?? row.created_by, at: row.updated_at });
  if (!isEditable(row.status)) throw conflict('carePlan.readOnly');
  assertUnits(db, edit);
  const cols = TEXT_KEYS.map(textColumn);
  db.prepare(
    `UPDATE care_plan SET national_unit_id = ?, contact_nurse = ?, contact_nurse_phone = ?, responsible_physician = ?, diagnosis_code = ?,
       diagnosis_text = ?, diagnosis_plain = ?, treatment_summary = ?, discharge_date = ?, ${cols.map((c) => `${c} = ?`).join(', ')}, updated_at = ?, updated_by = ? WHERE id = ?`,
  ).run(
    edit.nationalUnitId,
    edit.contactNurse,
    edit.contactNursePhone,
    edit.responsiblePhysician,
    edit.diagnosisCode,
    diagnosisLine(edit.diagnosisCode, icd10Text(db, edit.diagnosisCode)),
    edit.diagnosisPlain,
    edit.treatmentSummary,
    edit.dischargeDate,
    ...TEXT_KEYS.map((k) => edit[k]),
    actor.now,
    actor.name,
    edit.id,
  );
  writeFollowUps(db, edit.id, edit.followUps);
}

/**
 * Draft → finalised (by whom, when). The patient must be able to reach the unit, and the sections the
 * patient needs must be there. The previous finalised version becomes superseded, and the referral
 * gets its discharge date if it had none.
 */
export function finalise(db: Db, id: number, actor: Actor): void {
  const row = planRow(db, id);
  if (row.status !== 'draft') throw conflict('carePlan.notDraft');
  assertReachable(db, row);
  const required: [string, unknown][] = [
    ['responsiblePhysician', row.responsible_physician],
    ['diagnosisCode', row.diagnosis_code],
    ['dischargeDate', row.discharge_date],
  ];
  const missing = required.find(([, v]) => v == null || v === '');
  if (missing) throw invalid(missing[0], 'carePlan.requiredToFinalise');
  if (followUpsOf(db, id).length === 0) throw invalid('followUps', 'carePlan.followUpsRequired');
  db.prepare("UPDATE care_plan SET status = 'superseded', superseded_at = ?, updated_at = ? WHERE referral_id = ? AND status = 'finalised'").run(
    actor.now,
    actor.now,
    row.referral_id,
  );
  db.prepare("UPDATE care_plan SET status = 'finalised', finalised_at = ?, finalised_by = ?, updated_at = ? WHERE id = ?").run(
    actor.now,
    actor.name,
    actor.now,
    id,
  );
  db.prepare('UPDATE referral SET discharge_date = ?, updated_at = ? WHERE id = ? AND discharge_date IS NULL').run(
    row.discharge_date,
    actor.now,
    row.referral_id,
  );
}

/** A new draft version copied from the finalised one; the finalised stays valid until the new one is finalised. */
export function newVersion(db: Db, id: number, actor: Actor): number {
  const row = planRow(db, id);
  if (row.status !== 'finalised') throw conflict('carePlan.newVersionFromFinalised');
  const draft = db.prepare("SELECT id FROM care_plan WHERE referral_id = ? AND status = 'draft'").pluck().get(row.referral_id);
  if (draft) throw conflict('carePlan.draftExists');
  const max = db.prepare('SELECT max(version) FROM care_plan WHERE referral_id = ?').pluck().get(row.referral_id) as number;
  const copied = [
    'patient_id',
    'referral_id',
    'recommendation_id',
    'national_unit_id',
    'contact_nurse',
    'contact_nurse_phone',
    'responsible_physician',
    'diagnosis_code',
    'diagnosis_text',
    'diagnosis_plain',
    'treatment_summary',
    'discharge_date',
    ...TEXT_KEYS.map(textColumn),
  ];
  const newId = Number(
    db
      .prepare(
        `INSERT INTO care_plan (${copied.join(', ')}, version, status, created_by, created_at, updated_at)
         SELECT ${copied.join(', ')}, ?, 'draft', ?, ?, ? FROM care_plan WHERE id = ?`,
      )
      .run(max + 1, actor.name, actor.now, actor.now, id).lastInsertRowid,
  );
  writeFollowUps(db, newId, followUpsOf(db, id));
  return newId;
}
