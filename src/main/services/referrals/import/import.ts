import { createHash } from 'node:crypto';
import type { RequestContext } from '../../../router/context';
import { referralFields, type ImportReport, type ImportRowView, type ReferralFields } from '../../../../shared/api/methods/referrals';
import { ApiError, invalid } from '../../../../shared/api/errors';
import { stockholmToday } from '../../../../shared/domain/lead-time';
import { formatIdentifier, parseIdentifier, type ParsedIdentifier } from '../../../../shared/domain/identifiers';
import { isOpenStatus, type ReferralStatus } from '../../../../shared/domain/referral-status';
import { toFieldIssues } from '../../../router/validation';
import { findOrCreatePatient, findPatientId } from '../patients';
import { insertReferral } from '../register';
import { referralIssues } from '../validate';
import { withDeferredSearchIndex } from '../search-index';
import { mapHeader, normaliseHeader, rowToReferralInput, type Column } from './columns';
import { parseCsv } from './decode';

const FIELD_COLUMN: Record<string, Column> = {
  careAreaCode: 'vardomrade',
  referringUnitId: 'remitterande_enhet',
  referringPhysician: 'remitterande_lakare',
  referringPhone: 'telefon',
  receivedDate: 'mottagen',
  suspicionDate: 'valgrundad_misstanke',
  question: 'fragestallning',
  icd10: 'icd10',
  diagnosisBasis: 'diagnosgrund',
  history: 'anamnes',
  comorbidity: 'samsjuklighet',
  ecog: 'ecog',
  imagingAvailable: 'bilder',
  radiologyReportRef: 'rontgensvar',
  pathologyRef: 'pad_referens',
  patientWishes: 'patientens_onskemal',
  patientInformed: 'patient_informerad',
  priority: 'prioritet',
  notes: 'anteckningar',
};

interface CheckedRow {
  view: ImportRowView;
  identifier?: ParsedIdentifier;
  names?: { familyName: string; givenName: string };
  fields?: ReferralFields;
  importKey?: string;
}

/** Same file twice adds nothing: the source's own id where given, else patient + care area + date. */
function importKey(extId: string, id: ParsedIdentifier, careAreaCode: string, receivedDate: string): string {
  const basis = extId ? `ext|${extId}` : `row|${id.system}|${id.value}|${id.issuerRegionCode ?? ''}|${careAreaCode}|${receivedDate}`;
  return 'csv:' + createHash('sha256').update(basis).digest('hex').slice(0, 40);
}

/**
 * Checks every row of the file against the same rules as the registration form and marks it valid,
 * rejected (row number and reason) or already imported. Writes nothing.
 */
export function checkImport(ctx: RequestContext, base64: string): { report: Omit<ImportReport, 'counts'>; rows: CheckedRow[] } {
  const { db } = ctx;
  const table = parseCsv(Buffer.from(base64, 'base64'));
  const { index, missing } = mapHeader(table.header);
  if (missing.length === table.header.length || Object.keys(index).length === 0) throw invalid('file', 'import.notCsv');
  if (missing.length) throw invalid('file', 'import.missingColumns', { columns: missing.join(', ') });
  const today = stockholmToday(ctx.now());

  const areas = new Map<string, string>();
  for (const a of db.prepare('SELECT code, name_sv FROM care_area').all() as { code: string; name_sv: string }[]) {
    areas.set(normaliseHeader(a.code), a.code);
    areas.set(normaliseHeader(a.name_sv), a.code);
  }
  const units = new Map<string, number>();
  for (const u of db.prepare('SELECT id, code, name FROM unit ORDER BY active DESC, id').all() as { id: number; code: string | null; name: string }[]) {
    if (u.code && !units.has(u.code.toUpperCase())) units.set(u.code.toUpperCase(), u.id);
    if (!units.has(u.name.trim().toLowerCase())) units.set(u.name.trim().toLowerCase(), u.id);
  }
  const keyExists = db.prepare('SELECT 1 FROM referral WHERE import_key = ?').pluck();
  const openStatuses = db.prepare('SELECT status FROM referral WHERE patient_id = ? AND care_area_code = ?').pluck();
  const seenKeys = new Map<string, number>();
  const seenOpen = new Map<string, number>();

  const rows = table.records.map(({ row, cells }): CheckedRow => {
    const cell = (c: Column) => (index[c] === undefined ? '' : (cells[index[c]!] ?? '').trim());
    const view: ImportRowView = {
      row,
      status: 'rejected',
      reasonKey: null,
      column: null,
      patientName: `${cell('fornamn')} ${cell('efternamn')}`.trim().slice(0, 120),
      identifier: cell('personnummer').slice(0, 40),
      careAreaCode: cell('vardomrade').slice(0, 60),
      receivedDate: cell('mottagen').slice(0, 20),
    };
    const reject = (column: Column | null, reasonKey: string, reasonParams?: Record<string, string | number>): CheckedRow => {
      view.column = column;
      view.reasonKey = reasonKey;
      if (reasonParams) view.reasonParams = reasonParams;
      return { view };
    };
    if (cells.length > table.header.length + 5) return reject(null, 'import.tooManyCells');

    const regionCell = cell('reservnummer_region');
    const parsedId = parseIdentifier(cell('personnummer'), { kind: regionCell ? 'reservnummer' : 'national', issuerRegionCode: regionCell || null, reference: today });
    if (!parsedId.ok) return reject(parsedId.messageKey === 'identifier.reservnummerRegion' ? 'reservnummer_region' : 'personnummer', parsedId.messageKey);
    const identifier = parsedId.identifier;
    if (identifier.issuerRegionCode && !db.prepare('SELECT 1 FROM region WHERE code = ?').get(identifier.issuerRegionCode))
      return reject('reservnummer_region', 'reference.unknownRegion', { code: identifier.issuerRegionCode });
    view.identifier = formatIdentifier(identifier.system, identifier.value);
    for (const col of ['efternamn', 'fornamn'] as const) {
      if (!cell(col)) return reject(col, 'validation.required');
      if (cell(col).length > 200) return reject(col, 'validation.tooLong', { maximum: 200 });
    }
    const careAreaCode = areas.get(normaliseHeader(cell('vardomrade')));
    if (!careAreaCode) return reject('vardomrade', cell('vardomrade') ? 'referral.unknownCareArea' : 'validation.required', { code: cell('vardomrade').slice(0, 60) });
    view.careAreaCode = careAreaCode;
    const unitCell = cell('remitterande_enhet');
    const unitId = units.get(unitCell.toUpperCase()) ?? units.get(unitCell.toLowerCase());
    if (!unitId) return reject('remitterande_enhet', unitCell ? 'import.unknownUnit' : 'validation.required', { unit: unitCell.slice(0, 100) });

    const parsed = referralFields.safeParse(rowToReferralInput(cell, careAreaCode, unitId));
    if (!parsed.success) {
      const issue = toFieldIssues(parsed.error)[0];
      return reject(FIELD_COLUMN[issue.path.split('.')[0]] ?? null, issue.messageKey, issue.params);
    }
    const fields = parsed.data;
    const issue = referralIssues(db, fields, today)[0];
    if (issue) return reject(FIELD_COLUMN[issue.path] ?? null, issue.messageKey, issue.params);

    const key = importKey(cell('extern_id').slice(0, 100), identifier, careAreaCode, fields.receivedDate);
    const earlier = seenKeys.get(key);
    if (earlier !== undefined) return reject(null, 'import.duplicateInFile', { row: earlier });
    seenKeys.set(key, row);
    if (keyExists.get(key)) {
      view.status = 'already_imported';
      return { view };
    }
    const patientAreaKey = `${identifier.system}|${identifier.value}|${identifier.issuerRegionCode ?? ''}|${careAreaCode}`;
    const earlierOpen = seenOpen.get(patientAreaKey);
    if (earlierOpen !== undefined) return reject(null, 'import.duplicateInFile', { row: earlierOpen });
    const patientId = findPatientId(db, identifier);
    if (patientId !== null) {
      const statuses = openStatuses.all(patientId, careAreaCode) as ReferralStatus[];
      if (statuses.some(isOpenStatus)) return reject(null, 'import.openReferralExists');
      ctx.notePatientAccess({ patientId, objectType: 'referral_import', objectId: `row ${row}` });
    }
    seenOpen.set(patientAreaKey, row);
    view.status = 'valid';
    return { view, identifier, fields, importKey: key, names: { familyName: cell('efternamn'), givenName: cell('fornamn') } };
  });
  return { report: { encoding: table.encoding, delimiter: table.delimiter, rows: rows.map((r) => r.view) }, rows };
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
  const { report } = checkImport(ctx, base64);
  return { ...report, counts: counts(report.rows, 0) };
}

/** Writes every valid row (the router runs this in one transaction); rejected rows are left out. */
export function commitImport(ctx: RequestContext, fileName: string, base64: string): ImportReport {
  const { report, rows } = checkImport(ctx, base64);
  const at = ctx.now().toISOString();
  const note = `Importerad från ${fileName}`.slice(0, 300);
  const imported = withDeferredSearchIndex(ctx.db, (createdPatients) => {
    let n = 0;
    for (const r of rows) {
      if (r.view.status !== 'valid' || !r.identifier || !r.fields || !r.names) continue;
      const { patientId, created } = findOrCreatePatient(ctx.db, r.identifier, r.names, at);
      if (created) createdPatients.push(patientId);
      const id = insertReferral(ctx.db, { patientId, fields: r.fields, at, userName: ctx.caller.name, importKey: r.importKey, note });
      ctx.notePatientAccess({ patientId, objectType: 'referral', objectId: id });
      n++;
    }
    return n;
  });
  if (imported === 0 && report.rows.length === 0) throw new ApiError('validation', 'error.validation', undefined, [{ path: 'file', messageKey: 'import.noRows' }]);
  return { ...report, counts: counts(report.rows, imported) };
}
