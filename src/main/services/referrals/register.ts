import type { Db } from '../../db/driver';
import { cached, eachRow } from '../../db/statements';
import type { RequestContext } from '../../router/context';
import { ApiError, conflict, notFound, type FieldIssue } from '../../../shared/api/errors';
import type { PatientInput, ReferralFields } from '../../../shared/api/methods/referrals';
import { isOpenStatus, type ReferralStatus } from '../../../shared/domain/referral-status';
import { stockholmToday } from '../../../shared/domain/lead-time';
import type { ParsedIdentifier } from '../../../shared/domain/identifiers';
import { findOrCreatePatient, findPatientId, openReferrals, readIdentifier } from './patients';
import { assertReferral, referralIssues } from './validate';
import { FIELD_COLUMNS, fieldValues } from './rows';
import { assertVersion } from '../row-version';

/** What the referrals written together share: the time, the user, the first timeline row's note. */
export interface ReferralWrite {
  at: string;
  userName: string;
  /** Timeline note of the first event, e.g. "Importerad från fil.csv". */
  note?: string | null;
}

export interface NewReferral {
  patientId: number;
  fields: ReferralFields;
  importKey?: string | null;
}

const FIRST_FIELD = 2; // after id and patient_id
const insertSql = `INSERT INTO referral (id, patient_id, ${FIELD_COLUMNS.join(', ')}, status, status_changed_at, import_key, created_at, updated_at)
  SELECT j.value ->> 0, j.value ->> 1, ${FIELD_COLUMNS.map((_, i) => `j.value ->> ${FIRST_FIELD + i}`).join(', ')},
    'received', @at, j.value ->> ${FIRST_FIELD + FIELD_COLUMNS.length}, @at, @at
  FROM ${eachRow('@rows')} j`;

/**
 * Inserts referrals in status received, each with its first timeline row, and returns their ids in
 * order. Two statements for any number of rows (the rows travel as one JSON array): an import writes
 * 10,000, and a statement per row cost more in the calls than in SQLite.
 */
export function insertReferrals(db: Db, write: ReferralWrite, referrals: NewReferral[]): number[] {
  if (!referrals.length) return [];
  // Ids given explicitly (the call holds the write lock), so the timeline rows need no second lookup.
  const first = cached(db, 'SELECT coalesce(max(id), 0) + 1 FROM referral').pluck().get() as number;
  const ids = referrals.map((_, i) => first + i);
  const rows = referrals.map((r, i) => [ids[i], r.patientId, ...fieldValues(r.fields), r.importKey ?? null]);
  cached(db, insertSql).run({ at: write.at, rows: JSON.stringify(rows) });
  cached(
    db,
    "INSERT INTO referral_event (referral_id, at, user_name, from_status, to_status, note) SELECT value, ?, ?, NULL, 'received', ? FROM json_each(?)",
  ).run(write.at, write.userName, write.note ?? null, JSON.stringify(ids));
  return ids;
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
  const [id] = insertReferrals(db, { at, userName: ctx.caller.name }, [{ patientId, fields: input.referral }]);
  ctx.notePatientAccess({ patientId, objectType: 'referral', objectId: id });
  return { id, patientId };
}

/** Changes the referral's fields (completing it, correcting it) while it is open. */
export function updateReferral(ctx: RequestContext, id: number, fields: ReferralFields, expectedVersion?: number): { id: number } {
  const { db } = ctx;
  const row = cached(db, 'SELECT patient_id, status, row_version, updated_at, updated_by FROM referral WHERE id = ?').get(id) as
    { patient_id: number; status: ReferralStatus; row_version: number; updated_at: string; updated_by: string | null } | undefined;
  if (!row) throw notFound('referral', id);
  // Someone saved since this form was opened: refuse, so their change is not overwritten unseen.
  assertVersion('referral', expectedVersion, { version: row.row_version, by: row.updated_by, at: row.updated_at });
  if (!isOpenStatus(row.status)) throw conflict('referral.notOpen');
  assertReferral(db, fields, stockholmToday(ctx.now()));
  const at = ctx.now().toISOString();
  cached(db, `UPDATE referral SET ${FIELD_COLUMNS.map((c) => `${c} = ?`).join(', ')}, updated_at = ?, updated_by = ? WHERE id = ?`).run(
    ...fieldValues(fields),
    at,
    ctx.caller.name,
    id,
  );
  ctx.notePatientAccess({ patientId: row.patient_id, objectType: 'referral', objectId: id });
  return { id };
}
