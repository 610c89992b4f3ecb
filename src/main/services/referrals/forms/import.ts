import { hash } from 'node:crypto';
import type { RequestContext } from '../../../router/context';
import type { FormImportReport, FormImportRow } from '../../../../shared/api/methods/referral-forms';
import { stockholmToday } from '../../../../shared/domain/lead-time';
import { checkRecords, isValid, type CheckedRow, type SourceRecord } from '../import/check';
import { counts, writeValidRows } from '../import/import';
import { getWorkplace } from '../../system/workplace';
import { readFilledForm, type ReadForm } from './read';
import { FORM_FIELDS, FORM_VERSION } from './spec';
import type { FilePayload } from '../../../../shared/api/files';

/** A form file as read before the transaction: its bytes, hash and fields (or why it was refused). */
export interface ReadFormFile {
  fileName: string;
  bytes: Buffer;
  sha256: string;
  read: ReadForm;
}

/** Reads every file of the call; touches no database, so it runs before the call's transaction. */
export async function readFormFiles(input: { files: { fileName: string; base64: string }[] }): Promise<ReadFormFile[]> {
  const out: ReadFormFile[] = [];
  for (const f of input.files) {
    const bytes = Buffer.from(f.base64, 'base64');
    out.push({ fileName: f.fileName, bytes, sha256: hash('sha256', bytes, 'hex'), read: await readFilledForm(bytes) });
  }
  return out;
}

const refusedRow = (file: ReadFormFile, row: number, reasonKey: string, reasonParams?: Record<string, string | number>): FormImportRow => ({
  row,
  fileName: file.fileName,
  status: 'rejected',
  reasonKey,
  ...(reasonParams ? { reasonParams } : {}),
  column: null,
  fieldLabelKey: null,
  patientName: '',
  identifier: '',
  careAreaCode: '',
  receivedDate: '',
});

/**
 * The same checks as a CSV row for each readable form (one form, one row; `row` is the file's place
 * in the call), after the form's own: its care area must be one the unit takes referrals for. A form
 * without a date is received today. Each file is identified by its hash, so reading it again adds nothing.
 */
function checkForms(ctx: RequestContext, files: ReadFormFile[]): { rows: FormImportRow[]; checked: Map<number, CheckedRow> } {
  const workplaceAreas = getWorkplace(ctx.db)?.careAreaCodes;
  const active = new Set(ctx.db.prepare('SELECT code FROM care_area WHERE active = 1').pluck().all() as string[]);
  const today = stockholmToday(ctx.now());
  const rows: FormImportRow[] = [];
  const records: SourceRecord[] = [];
  files.forEach((file, i) => {
    const row = i + 1;
    const { read } = file;
    if (!read.ok) return void rows.push(refusedRow(file, row, read.reasonKey, read.reasonParams));
    if (!active.has(read.careAreaCode) || (workplaceAreas && !workplaceAreas.includes(read.careAreaCode)))
      return void rows.push(refusedRow(file, row, 'forms.otherCareArea', { code: read.careAreaCode }));
    const cells = new Map(read.cells);
    cells.set('vardomrade', read.careAreaCode);
    if (!cells.get('mottagen')) cells.set('mottagen', today);
    records.push({ row, cells, importKey: `form:${file.sha256.slice(0, 40)}` });
    rows.push(refusedRow(file, row, 'forms.notChecked')); // replaced by the check below
  });
  const checked = new Map<number, CheckedRow>();
  for (const c of checkRecords(ctx, records)) {
    checked.set(c.view.row, c);
    const i = rows.findIndex((r) => r.row === c.view.row);
    rows[i] = { ...c.view, fileName: rows[i].fileName, fieldLabelKey: FORM_FIELDS.find((f) => f.column === c.view.column)?.labelKey ?? null };
  }
  return { rows, checked };
}

export function previewForms(ctx: RequestContext, files: ReadFormFile[]): FormImportReport {
  const { rows } = checkForms(ctx, files);
  return { rows, counts: counts(rows, 0) };
}

/** Writes a referral for every valid form, each with its original file (the router's one transaction). */
export function commitForms(ctx: RequestContext, files: ReadFormFile[]): FormImportReport {
  const { rows, checked } = checkForms(ctx, files);
  const valid = [...checked.values()].filter(isValid);
  const ids = writeValidRows(ctx, { at: ctx.now().toISOString(), userName: ctx.caller.name, note: 'Inläst från anmälningsblankett' }, valid);
  const keep = ctx.db.prepare('INSERT INTO referral_form_file (referral_id, file_name, sha256, bytes, form_version, read_at) VALUES (?, ?, ?, ?, ?, ?)');
  valid.forEach((v, i) => {
    const file = files[v.view.row - 1];
    keep.run(ids[i], file.fileName, file.sha256, file.bytes, FORM_VERSION, ctx.now().toISOString());
  });
  return { rows, counts: counts(rows, ids.length) };
}

/** The original form of a referral read in from one, logged as a read of its patient. */
export function originalForm(ctx: RequestContext, referralId: number): FilePayload | null {
  const row = ctx.db
    .prepare(
      'SELECT f.file_name AS fileName, f.bytes, r.patient_id AS patientId FROM referral_form_file f JOIN referral r ON r.id = f.referral_id WHERE f.referral_id = ?',
    )
    .get(referralId) as { fileName: string; bytes: Buffer; patientId: number } | undefined;
  if (!row) return null;
  ctx.notePatientAccess({ patientId: row.patientId, objectType: 'referral_form', objectId: referralId });
  return { fileName: row.fileName, mimeType: 'application/pdf', base64: row.bytes.toString('base64') };
}
