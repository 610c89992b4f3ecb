import type { RequestContext } from '../../../router/context';
import type { ImportReport, ImportRowView } from '../../../../shared/api/methods/referrals';
import { ApiError } from '../../../../shared/api/errors';
import { createPatients } from '../patients';
import { insertReferrals } from '../register';
import { withDeferredSearchIndex } from '../search-index';
import { oneLongWriteAtATime, yieldToOtherCalls } from '../../../router/jobs';
import { checkImport, isValid, type CheckedRow, type ValidRow } from './check';
import { missingFields, type RequirableField } from '../../../../shared/domain/completeness';
import { changeReferralStatus } from '../status';

/** What each valid row leaves empty of its care area's required fields: none means complete on arrival. */
function missingOf(ctx: RequestContext, rows: CheckedRow[]): Map<number, RequirableField[]> {
  const required = new Map(
    (ctx.db.prepare('SELECT code, required_fields FROM care_area').all() as { code: string; required_fields: string }[]).map((a) => [
      a.code,
      JSON.parse(a.required_fields) as string[],
    ]),
  );
  return new Map(rows.filter(isValid).map((r) => [r.view.row, missingFields(r.fields, required.get(r.fields.careAreaCode) ?? [])]));
}

/** The report's rows, each valid one with what it lacks (copies: the checked rows are remembered between calls). */
function withMissing(views: ImportRowView[], missing: Map<number, RequirableField[]>): ImportRowView[] {
  return views.map((v) => (missing.has(v.row) ? { ...v, missing: missing.get(v.row) } : v));
}

/** The counts of an import's rows (a CSV file's, or filled forms'). */
export function counts(rows: ImportRowView[], imported: number): ImportReport['counts'] {
  return {
    total: rows.length,
    valid: rows.filter((r) => r.status === 'valid').length,
    rejected: rows.filter((r) => r.status === 'rejected').length,
    alreadyImported: rows.filter((r) => r.status === 'already_imported').length,
    imported,
  };
}

export async function previewImport(ctx: RequestContext, base64: string): Promise<ImportReport> {
  const { report, rows } = await checkImport(ctx, base64, ctx.progress);
  return { ...report, rows: withMissing(report.rows, missingOf(ctx, rows)), counts: counts(report.rows, 0) };
}

/** Rows written per transaction: a few tens of milliseconds, so other calls are answered in between. */
export const IMPORT_CHUNK_ROWS = 2_000;

/**
 * Writes every valid row; rejected rows are left out. The rows go in chunks (`ctx.writeChunk`), each
 * with its access-log rows, reporting progress; the calls that arrive meanwhile are answered between
 * chunks. A row is never half written, and re-importing the file after an interruption adds only the
 * rows that were not yet written. With `markComplete`, the rows that leave no required field empty
 * are marked complete in their chunk ("Markera som kompletta"); the others stay received.
 */
export function commitImport(ctx: RequestContext, fileName: string, base64: string, markComplete = false): Promise<ImportReport> {
  return oneLongWriteAtATime(ctx.db, async () => {
    const { report, rows } = await checkImport(ctx, base64);
    if (report.rows.length === 0) throw new ApiError('validation', 'error.validation', undefined, [{ path: 'file', messageKey: 'import.noRows' }]);
    const valid = rows.filter(isValid);
    const missing = missingOf(ctx, rows);
    const note = { at: ctx.now().toISOString(), userName: ctx.caller.name, note: `Importerad från ${fileName}`.slice(0, 300) };
    const patientOf = new Map<string, number>();
    let imported = 0;
    let markedComplete = 0;
    ctx.progress(0, valid.length);
    for (let from = 0; from < valid.length; from += IMPORT_CHUNK_ROWS) {
      await yieldToOtherCalls();
      const chunk = valid.slice(from, from + IMPORT_CHUNK_ROWS);
      imported += ctx.writeChunk(() => {
        const ids = writeValidRows(ctx, note, chunk, patientOf);
        if (markComplete)
          ids.forEach((id, i) => {
            if (missing.get(chunk[i].view.row)?.length) return;
            changeReferralStatus(ctx.db, id, { to: 'complete', userName: ctx.caller.name, at: ctx.now() });
            markedComplete++;
          });
        return ids.length;
      });
      ctx.progress(imported, valid.length);
    }
    return { ...report, rows: withMissing(report.rows, missing), counts: { ...counts(report.rows, imported), ...(markComplete ? { markedComplete } : {}) } };
  });
}

/**
 * Writes valid import rows (in the caller's transaction) and returns the new referral ids in row
 * order. The check already found each row's existing patient; a patient named twice (two care areas)
 * is created once, by the first of its rows: `patientOf` remembers the patients created by earlier chunks.
 */
export function writeValidRows(
  ctx: RequestContext,
  note: { at: string; userName: string; note: string },
  valid: ValidRow[],
  patientOf = new Map<string, number>(),
): number[] {
  return withDeferredSearchIndex(ctx.db, (createdPatients) => {
    const newPatients = new Map<string, ValidRow>();
    for (const r of valid) if (r.patientId === null && !patientOf.has(r.patientKey) && !newPatients.has(r.patientKey)) newPatients.set(r.patientKey, r);
    const created = createPatients(
      ctx.db,
      note.at,
      [...newPatients.values()].map((r) => ({ identifier: r.identifier, names: r.names })),
    );
    createdPatients.push(...created);
    [...newPatients.keys()].forEach((key, i) => patientOf.set(key, created[i]));
    const referrals = valid.map((r) => ({ patientId: r.patientId ?? patientOf.get(r.patientKey)!, fields: r.fields, importKey: r.importKey }));
    const ids = insertReferrals(ctx.db, note, referrals);
    ids.forEach((id, i) => ctx.notePatientAccess({ patientId: referrals[i].patientId, objectType: 'referral', objectId: id }));
    return ids;
  });
}
