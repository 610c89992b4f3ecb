import type { Db } from '../../db/driver';
import { cached } from '../../db/statements';
import type { RequestContext } from '../../router/context';
import { ApiError, conflict, notFound, type FieldIssue } from '../../../shared/api/errors';
import type { PatientInput, ReferralFields } from '../../../shared/api/methods/referrals';
import { isOpenStatus, type ReferralStatus } from '../../../shared/domain/referral-status';
import { stockholmToday } from '../../../shared/domain/lead-time';
import type { ParsedIdentifier } from '../../../shared/domain/identifiers';
import { findOrCreatePatient, findPatientId, openReferrals, readIdentifier } from './patients';
import { referralIssues } from './validate';
import { FIELD_COLUMNS, fieldValues } from './rows';

export interface NewReferral {
  patientId: number;
  fields: ReferralFields;
  at: string;
  userName: string;
  importKey?: string | null;
  /** Timeline note of the first event, e.g. "Importerad från fil.csv". */
  note?: string | null;
}

const insertSql = `INSERT INTO referral (patient_id, ${FIELD_COLUMNS.join(', ')}, status, status_changed_at, import_key, created_at, updated_at)
  VALUES (?, ${FIELD_COLUMNS.map(() => '?').join(', ')}, 'received', ?, ?, ?, ?)`;

/** Inserts a referral in status received, with its first timeline row. */
export function insertReferral(db: Db, r: NewReferral): number {
  const id = Number(cached(db, insertSql).run(r.patientId, ...fieldValues(r.fields), r.at, r.importKey ?? null, r.at, r.at).lastInsertRowid);
  cached(db, "INSERT INTO referral_event (referral_id, at, user_name, from_status, to_status, note) VALUES (?, ?, ?, NULL, 'received', ?)").run(
    id,
    r.at,
    r.userName,
    r.note ?? null,
  );
  return id;
}

type CreateInput = { patient: Required<PatientInput> & { issuerRegionCode: string | null }; referral: ReferralFields; allowDuplicate: boolean };

/**
 * Registers a referral: reads the identifier, reuses the patient found by it, refuses a second open
 * referral for the same patient and care area unless the user confirmed it. All field errors at once.
 */
export function createReferral(ctx: RequestContext, input: CreateInput): { id: number; patientId: number } {
  const { db } = ctx;
  const today = stockholmToday(ctx.now());
  const issues: FieldIssue[] = referralIssues(db, input.referral, today).map((i) => ({ ...i, path: 'referral.' + i.path }));
  let identifier: ParsedIdentifier | null = null;
  try {
    identifier = readIdentifier(db, input.patient, today, 'patient.');
  } catch (e) {
    if (!(e instanceof ApiError) || !e.issues) throw e;
    issues.push(...e.issues);
  }
  if (issues.length || !identifier) throw new ApiError('validation', 'error.validation', undefined, issues);

  const existing = findPatientId(db, identifier);
  if (existing !== null && !input.allowDuplicate) {
    const open = openReferrals(db, existing, input.referral.careAreaCode);
    if (open.length) throw conflict('referral.duplicateOpen', { receivedDate: open[0].receivedDate, id: open[0].id });
  }
  const at = ctx.now().toISOString();
  const { patientId } = findOrCreatePatient(db, identifier, input.patient, at);
  const id = insertReferral(db, { patientId, fields: input.referral, at, userName: ctx.caller.name });
  ctx.notePatientAccess({ patientId, objectType: 'referral', objectId: id });
  return { id, patientId };
}

/** Changes the referral's fields (completing it, correcting it) while it is open. */
export function updateReferral(ctx: RequestContext, id: number, fields: ReferralFields): { id: number } {
  const { db } = ctx;
  const row = cached(db, 'SELECT patient_id, status FROM referral WHERE id = ?').get(id) as { patient_id: number; status: ReferralStatus } | undefined;
  if (!row) throw notFound('referral', id);
  if (!isOpenStatus(row.status)) throw conflict('referral.notOpen');
  const issues = referralIssues(db, fields, stockholmToday(ctx.now()));
  if (issues.length) throw new ApiError('validation', 'error.validation', undefined, issues.map((i) => ({ ...i, path: 'referral.' + i.path })));
  const at = ctx.now().toISOString();
  cached(db, `UPDATE referral SET ${FIELD_COLUMNS.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(...fieldValues(fields), at, id);
  ctx.notePatientAccess({ patientId: row.patient_id, objectType: 'referral', objectId: id });
  return { id };
}
