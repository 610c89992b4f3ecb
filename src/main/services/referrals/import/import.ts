import type { RequestContext } from '../../../router/context';
import type { ImportReport, ImportRowView } from '../../../../shared/api/methods/referrals';
import { ApiError } from '../../../../shared/api/errors';
import { createPatients } from '../patients';
import { insertReferrals } from '../register';
import { withDeferredSearchIndex } from '../search-index';
import { checkImport, isValid, type ValidRow } from './check';
import { oneLongWriteAtATime, yieldToOtherCalls } from '../../../router/jobs';

function counts(rows: ImportRowView[], imported: number): ImportReport['counts'] {
  return {
    total: rows.length,
    valid: rows.filter((r) => r.status === 'valid').length,
    rejected: rows.filter((r) => r.status === 'rejected').length,
    alreadyImported: rows.filter((r) => r.status === 'already_imported').length,
    imported,
  };
}

export function previewImport(ctx: RequestContext, base64: string): ImportReport {
  const { report } = checkImport(ctx, base64);
  return { ...report, counts: counts(report.rows, 0) };
}

/** Rows written per transaction: a few tens of milliseconds, so other calls are answered in between. */
export const IMPORT_CHUNK_ROWS = 2_000;

/**
 * Writes every valid row; rejected rows are left out. The rows go in chunks (`ctx.writeChunk`), each
 * with its access-log rows, reporting progress; the calls that arrive meanwhile are answered between
 * chunks. A row is never half written, and re-importing the file after an interruption adds only the
 * rows that were not yet written.
 */
export function commitImport(ctx: RequestContext, fileName: string, base64: string): Promise<ImportReport> {
  return oneLongWriteAtATime(ctx.db, async () => {
    const { report, rows } = checkImport(ctx, base64);
    if (report.rows.length === 0) throw new ApiError('validation', 'error.validation', undefined, [{ path: 'file', messageKey: 'import.noRows' }]);
    const valid = rows.filter(isValid);
    const note = { at: ctx.now().toISOString(), userName: ctx.caller.name, note: `Importerad från ${fileName}`.slice(0, 300) };
    const patientOf = new Map<string, number>();
    let imported = 0;
    ctx.progress(0, valid.length);
    for (let from = 0; from < valid.length; from += IMPORT_CHUNK_ROWS) {
      await yieldToOtherCalls();
      const chunk = valid.slice(from, from + IMPORT_CHUNK_ROWS);
      imported += ctx.writeChunk(() => writeValidRows(ctx, note, chunk, patientOf).length);
      ctx.progress(imported, valid.length);
    }
    return { ...report, counts: counts(report.rows, imported) };
  });
}

/**
 * Writes valid import rows (in the caller's transaction) and returns the new referral ids in row
 * order. The check already found each row's existing patient; a patient named twice (two care areas)
 * is created once, by the first of its rows: `patientOf` remembers the patients created by earlier chunks.
 */
export function writeValidRows(ctx: RequestContext, note: { at: string; userName: string; note: string }, valid: ValidRow[], patientOf = new Map<string, number>()): number[] {
  return withDeferredSearchIndex(ctx.db, (createdPatients) => {
    const newPatients = new Map<string, ValidRow>();
    for (const r of valid) if (r.patientId === null && !patientOf.has(r.patientKey) && !newPatients.has(r.patientKey)) newPatients.set(r.patientKey, r);
    const created = createPatients(ctx.db, note.at, [...newPatients.values()].map((r) => ({ identifier: r.identifier, names: r.names })));
    createdPatients.push(...created);
    [...newPatients.keys()].forEach((key, i) => patientOf.set(key, created[i]));
    const referrals = valid.map((r) => ({ patientId: r.patientId ?? patientOf.get(r.patientKey)!, fields: r.fields, importKey: r.importKey }));
    const ids = insertReferrals(ctx.db, note, referrals);
    ids.forEach((id, i) => ctx.notePatientAccess({ patientId: referrals[i].patientId, objectType: 'referral', objectId: id }));
    return ids;
  });
}
