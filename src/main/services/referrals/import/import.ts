import type { RequestContext } from '../../../router/context';
import type { ImportReport, ImportRowView } from '../../../../shared/api/methods/referrals';
import { ApiError } from '../../../../shared/api/errors';
import { createPatients } from '../patients';
import { insertReferrals } from '../register';
import { withDeferredSearchIndex } from '../search-index';
import { checkImport, isValid, type ValidRow } from './check';

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

/** Writes every valid row of a CSV file; rejected rows are left out. */
export function commitImport(ctx: RequestContext, fileName: string, base64: string): ImportReport {
  const { report, rows } = checkImport(ctx, base64);
  const imported = writeValidRows(ctx, `Importerad från ${fileName}`, rows.filter(isValid)).length;
  if (imported === 0 && report.rows.length === 0) throw new ApiError('validation', 'error.validation', undefined, [{ path: 'file', messageKey: 'import.noRows' }]);
  return { ...report, counts: counts(report.rows, imported) };
}

/**
 * Writes the valid rows of an import (the router runs this in one transaction) and returns the new
 * referral ids in row order. The check already found each row's existing patient; a patient named
 * twice (two care areas) is created once, by the first of its rows.
 */
export function writeValidRows(ctx: RequestContext, note: string, valid: ValidRow[]): number[] {
  const at = ctx.now().toISOString();
  return withDeferredSearchIndex(ctx.db, (createdPatients) => {
    const firstRowOfNewPatient = new Map<string, ValidRow>();
    for (const r of valid) if (r.patientId === null && !firstRowOfNewPatient.has(r.patientKey)) firstRowOfNewPatient.set(r.patientKey, r);
    const created = createPatients(ctx.db, at, [...firstRowOfNewPatient.values()].map((r) => ({ identifier: r.identifier, names: r.names })));
    createdPatients.push(...created);
    const createdByKey = new Map([...firstRowOfNewPatient.keys()].map((key, i) => [key, created[i]]));
    const referrals = valid.map((r) => ({ patientId: r.patientId ?? createdByKey.get(r.patientKey)!, fields: r.fields, importKey: r.importKey }));
    const ids = insertReferrals(ctx.db, { at, userName: ctx.caller.name, note: note.slice(0, 300) }, referrals);
    ids.forEach((id, i) => ctx.notePatientAccess({ patientId: referrals[i].patientId, objectType: 'referral', objectId: id }));
    return ids;
  });
}
