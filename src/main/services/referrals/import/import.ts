import type { RequestContext } from '../../../router/context';
import type { ImportReport, ImportRowView } from '../../../../shared/api/methods/referrals';
import { ApiError } from '../../../../shared/api/errors';
import { createPatients } from '../patients';
import { insertReferrals } from '../register';
import { withDeferredSearchIndex } from '../search-index';
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
  const { report, rows } = checkImport(ctx, base64);
  return { ...report, rows: withMissing(report.rows, missingOf(ctx, rows)), counts: counts(report.rows, 0) };
}

/**
 * Writes every valid row (the router runs this in one transaction); rejected rows are left out.
 * The check already found each row's existing patient; a patient the file names twice (two care
 * areas) is created once, by the first of its rows. With `markComplete`, the rows that leave no required
 * field empty are marked complete in the same transaction ("Markera som kompletta"); the others stay received.
 */
export function commitImport(ctx: RequestContext, fileName: string, base64: string, markComplete = false): ImportReport {
  const { report, rows } = checkImport(ctx, base64);
  const valid = rows.filter(isValid);
  const at = ctx.now().toISOString();
  let newIds: number[] = [];
  const imported = withDeferredSearchIndex(ctx.db, (createdPatients) => {
    const firstRowOfNewPatient = new Map<string, ValidRow>();
    for (const r of valid) if (r.patientId === null && !firstRowOfNewPatient.has(r.patientKey)) firstRowOfNewPatient.set(r.patientKey, r);
    const created = createPatients(ctx.db, at, [...firstRowOfNewPatient.values()].map((r) => ({ identifier: r.identifier, names: r.names })));
    createdPatients.push(...created);
    const createdByKey = new Map([...firstRowOfNewPatient.keys()].map((key, i) => [key, created[i]]));
    const referrals = valid.map((r) => ({ patientId: r.patientId ?? createdByKey.get(r.patientKey)!, fields: r.fields, importKey: r.importKey }));
    const ids = insertReferrals(ctx.db, { at, userName: ctx.caller.name, note: `Importerad från ${fileName}`.slice(0, 300) }, referrals);
    ids.forEach((id, i) => ctx.notePatientAccess({ patientId: referrals[i].patientId, objectType: 'referral', objectId: id }));
    newIds = ids;
    return ids.length;
  });
  const missing = missingOf(ctx, rows);
  let markedComplete = 0;
  if (markComplete) {
    newIds.forEach((id, i) => {
      if (missing.get(valid[i].view.row)?.length) return;
      changeReferralStatus(ctx.db, id, { to: 'complete', userName: ctx.caller.name, at: ctx.now() });
      markedComplete++;
    });
  }
  if (imported === 0 && report.rows.length === 0) throw new ApiError('validation', 'error.validation', undefined, [{ path: 'file', messageKey: 'import.noRows' }]);
  return { ...report, rows: withMissing(report.rows, missing), counts: { ...counts(report.rows, imported), ...(markComplete ? { markedComplete } : {}) } };
}
