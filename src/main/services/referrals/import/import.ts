import type { RequestContext } from '../../../router/context';
import type { ImportReport, ImportRowView } from '../../../../shared/api/methods/referrals';
import { ApiError } from '../../../../shared/api/errors';
import { createPatient } from '../patients';
import { insertReferral } from '../register';
import { withDeferredSearchIndex } from '../search-index';
import { checkImport, isValid } from './check';

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

/**
 * Writes every valid row (the router runs this in one transaction); rejected rows are left out.
 * The check already found each row's existing patient; a patient the file names twice (two care
 * areas) is created by its first row and reused by the next.
 */
export function commitImport(ctx: RequestContext, fileName: string, base64: string): ImportReport {
  const { report, rows } = checkImport(ctx, base64);
  const at = ctx.now().toISOString();
  const note = `Importerad från ${fileName}`.slice(0, 300);
  const imported = withDeferredSearchIndex(ctx.db, (createdPatients) => {
    const createdHere = new Map<string, number>();
    let n = 0;
    for (const r of rows) {
      if (!isValid(r)) continue;
      let patientId = r.patientId ?? createdHere.get(r.patientKey);
      if (patientId === undefined) {
        patientId = createPatient(ctx.db, r.identifier, r.names, at);
        createdHere.set(r.patientKey, patientId);
        createdPatients.push(patientId);
      }
      const id = insertReferral(ctx.db, { patientId, fields: r.fields, at, userName: ctx.caller.name, importKey: r.importKey, note });
      ctx.notePatientAccess({ patientId, objectType: 'referral', objectId: id });
      n++;
    }
    return n;
  });
  if (imported === 0 && report.rows.length === 0) throw new ApiError('validation', 'error.validation', undefined, [{ path: 'file', messageKey: 'import.noRows' }]);
  return { ...report, counts: counts(report.rows, imported) };
}
