import { hash } from 'node:crypto';
import type { Db } from '../../../db/driver';
import { cached } from '../../../db/statements';
import { dataGeneration } from '../../../db/generation';
import type { PatientAccess, RequestContext } from '../../../router/context';
import { yieldToOtherCalls } from '../../../router/jobs';
import type { ImportReport, ImportRowView, ReferralFields } from '../../../../shared/api/methods/referrals';
import { invalid } from '../../../../shared/api/errors';
import { stockholmToday } from '../../../../shared/domain/lead-time';
import { formatIdentifier, parseIdentifier, type ParsedIdentifier } from '../../../../shared/domain/identifiers';
import type { PatientNames } from '../patients';
import { referralIssuesAgainst, type ReferralReferences } from '../validate';
import { mapHeader, normaliseHeader, rowToReferralInput, RowCells, type Column, type ColumnIndex } from './columns';
import { parseCsv, type CsvTable } from './decode';
import { referralFieldsParser, type FieldsResult } from './fields';
import { identifierKey, lookUpKnown } from './known';

export const FIELD_COLUMN: Record<string, Column> = {
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
  psychosocial: 'psykosocial_situation',
  patientTold: 'patienten_har_fatt_veta',
  patientInformed: 'patient_informerad',
  priority: 'prioritet',
  notes: 'anteckningar',
};

/** A row that passed every check: what the commit writes. */
export interface ValidRow {
  view: ImportRowView;
  identifier: ParsedIdentifier;
  /** `identifierKey(identifier)`, computed once. */
  patientKey: string;
  names: PatientNames;
  fields: ReferralFields;
  importKey: string;
  /** The patient the identifier already belongs to; null for a patient the import creates. */
  patientId: number | null;
}
export type CheckedRow = { view: ImportRowView } | ValidRow;
export const isValid = (r: CheckedRow): r is ValidRow => r.view.status === 'valid';
const passedRowChecks = (r: CheckedRow): r is ValidRow => 'importKey' in r;

/** Same file twice adds nothing: the source's own id where given, else patient + care area + date. */
function importKey(extId: string, id: ParsedIdentifier, careAreaCode: string, receivedDate: string): string {
  const basis = extId ? `ext|${extId}` : `row|${id.system}|${id.value}|${id.issuerRegionCode ?? ''}|${careAreaCode}|${receivedDate}`;
  return 'csv:' + hash('sha256', basis, 'hex').slice(0, 40);
}

/** What every row of one file is read against: its columns, the date, the reference data. */
interface FileRules {
  index: ColumnIndex;
  headerLength: number;
  today: string;
  /** Care area by its normalised cell text (code or Swedish name), memoised per distinct cell. */
  careAreaOf(cell: string): string | undefined;
  unitOf(cell: string): number | undefined;
  regions: Set<string>;
  references: ReferralReferences;
  parseFields(input: Record<string, unknown>): FieldsResult;
}

/** The reference data rows are read against, and a fingerprint that changes when any of it does. */
interface References {
  areas: { code: string; name_sv: string; active: number }[];
  units: { id: number; code: string | null; name: string }[];
  regions: string[];
  fingerprint: string;
}

function loadReferences(db: Db): References {
  const areas = cached(db, 'SELECT code, name_sv, active FROM care_area ORDER BY code').all() as References['areas'];
  const units = cached(db, 'SELECT id, code, name FROM unit ORDER BY active DESC, id').all() as References['units'];
  const regions = cached(db, 'SELECT code FROM region ORDER BY code').pluck().all() as string[];
  return { areas, units, regions, fingerprint: hash('sha256', JSON.stringify([areas, units, regions]), 'hex') };
}

function fileRules(refs: References, index: ColumnIndex, headerLength: number, today: string): FileRules {
  const areas = new Map<string, string>();
  const areaState = new Map<string, 'active' | 'inactive'>();
  for (const a of refs.areas) {
    areas.set(normaliseHeader(a.code), a.code);
    areas.set(normaliseHeader(a.name_sv), a.code);
    areaState.set(a.code, a.active === 1 ? 'active' : 'inactive');
  }
  const areaByCell = new Map<string, string | undefined>();
  const units = new Map<string, number>();
  const unitIds = new Set<number>();
  for (const u of refs.units) {
    if (u.code && !units.has(u.code.toUpperCase())) units.set(u.code.toUpperCase(), u.id);
    if (!units.has(u.name.trim().toLowerCase())) units.set(u.name.trim().toLowerCase(), u.id);
    unitIds.add(u.id);
  }
  return {
    index,
    headerLength,
    today,
    careAreaOf(cell) {
      if (!areaByCell.has(cell)) areaByCell.set(cell, areas.get(normaliseHeader(cell)));
      return areaByCell.get(cell);
    },
    unitOf: (cell) => units.get(cell.toUpperCase()) ?? units.get(cell.toLowerCase()),
    regions: new Set(refs.regions),
    references: { careArea: (code) => areaState.get(code), unitExists: (id) => unitIds.has(id) },
    parseFields: referralFieldsParser(),
  };
}

function rejected(view: ImportRowView, column: Column | null, reasonKey: string, reasonParams?: Record<string, string | number>): CheckedRow {
  view.column = column;
  view.reasonKey = reasonKey;
  if (reasonParams) view.reasonParams = reasonParams;
  return { view };
}

/**
 * The checks a row passes on its own, in the order the user is told about them: identifier, names,
 * care area, unit, the contract's schema, the form's rules. The view stays 'rejected' until the
 * file-wide checks (`judgeInFileOrder`) have accepted the row.
 */
function checkRow(f: FileRules, row: number, cells: string[]): CheckedRow {
  const c = new RowCells(f.index, cells);
  const familyName = c.get('efternamn');
  const givenName = c.get('fornamn');
  const areaCell = c.get('vardomrade');
  const view: ImportRowView = {
    row,
    status: 'rejected',
    reasonKey: null,
    column: null,
    patientName: `${givenName} ${familyName}`.trim().slice(0, 120),
    identifier: c.get('personnummer').slice(0, 40),
    careAreaCode: areaCell.slice(0, 60),
    receivedDate: c.get('mottagen').slice(0, 20),
  };
  if (cells.length > f.headerLength + 5) return rejected(view, null, 'import.tooManyCells');

  const regionCell = c.get('reservnummer_region');
  const parsedId = parseIdentifier(c.get('personnummer'), {
    kind: regionCell ? 'reservnummer' : 'national',
    issuerRegionCode: regionCell || null,
    reference: f.today,
  });
  if (!parsedId.ok)
    return rejected(view, parsedId.messageKey === 'identifier.reservnummerRegion' ? 'reservnummer_region' : 'personnummer', parsedId.messageKey);
  const identifier = parsedId.identifier;
  if (identifier.issuerRegionCode && !f.regions.has(identifier.issuerRegionCode))
    return rejected(view, 'reservnummer_region', 'reference.unknownRegion', { code: identifier.issuerRegionCode });
  view.identifier = formatIdentifier(identifier.system, identifier.value);
  if (!familyName) return rejected(view, 'efternamn', 'validation.required');
  if (familyName.length > 200) return rejected(view, 'efternamn', 'validation.tooLong', { maximum: 200 });
  if (!givenName) return rejected(view, 'fornamn', 'validation.required');
  if (givenName.length > 200) return rejected(view, 'fornamn', 'validation.tooLong', { maximum: 200 });
  const careAreaCode = f.careAreaOf(areaCell);
  if (!careAreaCode) return rejected(view, 'vardomrade', areaCell ? 'referral.unknownCareArea' : 'validation.required', { code: areaCell.slice(0, 60) });
  view.careAreaCode = careAreaCode;
  const unitCell = c.get('remitterande_enhet');
  const unitId = f.unitOf(unitCell);
  if (!unitId) return rejected(view, 'remitterande_enhet', unitCell ? 'import.unknownUnit' : 'validation.required', { unit: unitCell.slice(0, 100) });

  const parsed = f.parseFields(rowToReferralInput(c, careAreaCode, unitId));
  if (!parsed.ok) return rejected(view, FIELD_COLUMN[parsed.issue.path.split('.')[0]] ?? null, parsed.issue.messageKey, parsed.issue.params);
  const fields = parsed.fields;
  const issue = referralIssuesAgainst(f.references, fields, f.today)[0];
  if (issue) return rejected(view, FIELD_COLUMN[issue.path] ?? null, issue.messageKey, issue.params);

  return {
    view,
    identifier,
    patientKey: identifierKey(identifier),
    names: { familyName, givenName },
    fields,
    importKey: importKey(c.get('extern_id').slice(0, 100), identifier, careAreaCode, fields.receivedDate),
    patientId: null,
  };
}

/** Names compared as a person reads them: case, spacing and Unicode form aside. */
const sameName = (a: PatientNames, b: PatientNames) => {
  const norm = (n: PatientNames) => `${n.givenName} ${n.familyName}`.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv');
  return norm(a) === norm(b);
};
const fullName = (n: PatientNames) => `${n.givenName} ${n.familyName}`;

/**
 * A row is linked to the patient its identifier belongs to, whatever name it gives: when that name
 * differs from the register's (or from an earlier row's, for a patient the file creates), the preview
 * says so, since a typo in the number would otherwise file the referral under another person.
 */
function warnIfAnotherName(row: ValidRow, registered: PatientNames | null | undefined, earlier: ValidRow | undefined): void {
  if (registered) {
    if (!sameName(registered, row.names)) {
      row.view.warningKey = 'import.nameDiffersFromRegister';
      row.view.warningParams = { name: fullName(registered) };
    }
  } else if (earlier && !sameName(earlier.names, row.names)) {
    row.view.warningKey = 'import.nameDiffersInFile';
    row.view.warningParams = { name: fullName(earlier.names), row: earlier.view.row };
  }
}

/**
 * The checks that need the database and the earlier rows, in file order, so that "row N" in a
 * duplicate's reason is the first of them: a second row with the same import key, a row already
 * imported, a second open referral for the same patient and care area (in the file or in the
 * database). The database is asked once for all rows. Returns the existing patients it read.
 */
function judgeInFileOrder(db: Db, candidates: ValidRow[]): PatientAccess[] {
  const reads: PatientAccess[] = [];
  const known = lookUpKnown(
    db,
    candidates.map((c) => c.importKey),
    candidates.map((c) => c.identifier),
  );
  const seenKeys = new Map<string, number>();
  const seenOpen = new Map<string, number>();
  /** The first valid row of each patient in the file: later rows under another name get a warning. */
  const firstOfPatient = new Map<string, ValidRow>();
  for (const c of candidates) {
    const { view } = c;
    const earlier = seenKeys.get(c.importKey);
    if (earlier !== undefined) {
      rejected(view, null, 'import.duplicateInFile', { row: earlier });
      continue;
    }
    seenKeys.set(c.importKey, view.row);
    if (known.importedKeys.has(c.importKey)) {
      view.status = 'already_imported';
      continue;
    }
    const patientAreaKey = `${c.patientKey}|${c.fields.careAreaCode}`;
    const earlierOpen = seenOpen.get(patientAreaKey);
    if (earlierOpen !== undefined) {
      rejected(view, null, 'import.duplicateInFile', { row: earlierOpen });
      continue;
    }
    const patientId = known.patientIds.get(c.patientKey) ?? null;
    if (patientId !== null) {
      if (known.openAreas.has(`${patientId}|${c.fields.careAreaCode}`)) {
        rejected(view, null, 'import.openReferralExists');
        continue;
      }
      reads.push({ patientId, objectType: 'referral_import', objectId: `row ${view.row}` });
    }
    seenOpen.set(patientAreaKey, view.row);
    c.patientId = patientId;
    view.status = 'valid';
    warnIfAnotherName(c, patientId === null ? null : known.patientNames.get(patientId), firstOfPatient.get(c.patientKey));
    if (!firstOfPatient.has(c.patientKey)) firstOfPatient.set(c.patientKey, c);
  }
  return reads;
}

/**
 * A file's rows after their own checks (a function of the file, the reference data and the date
 * only), and the last verdict of the file-wide checks with the data generation it holds for.
 */
interface RowChecks {
  key: string;
  checkedAt: number;
  encoding: CsvTable['encoding'];
  delimiter: string;
  rows: CheckedRow[];
  judged?: { generation: string; rows: CheckedRow[]; reads: PatientAccess[] };
}

/**
 * The checks of the file a session last previewed, so that confirming the preview does not repeat
 * them (a third of a 10,000-row import's time). The row checks hold while the reference data and the
 * date do (they are in the key); the checks against patients and referrals (`judgeInFileOrder`)
 * only while no call has changed data since (`dataGeneration`). One file per connection, for a
 * quarter of an hour.
 */
const lastRowChecks = new WeakMap<Db, RowChecks>();
const REUSE_WITHIN_MS = 15 * 60_000;

/** Rows checked between two turns of the event loop: a few tens of milliseconds, so other calls are answered meanwhile. */
export const CHECK_SLICE_ROWS = 2_000;

async function rowChecks(ctx: RequestContext, base64: string, today: string, progress?: RequestContext['progress']): Promise<RowChecks> {
  const db = ctx.db;
  const refs = loadReferences(db);
  const key = [ctx.sessionId, today, refs.fingerprint, hash('sha256', base64, 'hex')].join('|');
  const last = lastRowChecks.get(db);
  if (last?.key === key && Date.now() - last.checkedAt < REUSE_WITHIN_MS) return last;
  const table = parseCsv(Buffer.from(base64, 'base64'));
  const { index, missing } = mapHeader(table.header);
  if (missing.length === table.header.length || Object.keys(index).length === 0) throw invalid('file', 'import.notCsv');
  if (missing.length) throw invalid('file', 'import.missingColumns', { columns: missing.join(', ') });
  const rules = fileRules(refs, index, table.header.length, today);
  const rows: CheckedRow[] = [];
  for (let from = 0; from < table.records.length; from += CHECK_SLICE_ROWS) {
    progress?.(from, table.records.length);
    if (from > 0) await yieldToOtherCalls();
    for (const r of table.records.slice(from, from + CHECK_SLICE_ROWS)) rows.push(checkRow(rules, r.row, r.cells));
  }
  const checks = { key, checkedAt: Date.now(), encoding: table.encoding, delimiter: table.delimiter, rows };
  lastRowChecks.set(db, checks);
  return checks;
}

/** A copy the file-wide checks may mark, so the remembered row checks stay as they were. */
const freshCopy = (r: CheckedRow): CheckedRow => (passedRowChecks(r) ? { ...r, view: { ...r.view }, patientId: null } : { view: { ...r.view } });

/**
 * Checks every row of the file against the same rules as the registration form and marks it valid,
 * rejected (row number and reason) or already imported, a slice of rows at a time (`progress`: rows
 * checked so far). Writes nothing.
 */
export async function checkImport(
  ctx: RequestContext,
  base64: string,
  progress?: RequestContext['progress'],
): Promise<{ report: Omit<ImportReport, 'counts'>; rows: CheckedRow[] }> {
  const checks = await rowChecks(ctx, base64, stockholmToday(ctx.now()), progress);
  const generation = dataGeneration(ctx.db);
  if (checks.judged?.generation !== generation) {
    const rows = checks.rows.map(freshCopy);
    checks.judged = { generation, rows, reads: judgeInFileOrder(ctx.db, rows.filter(passedRowChecks)) };
  }
  // Read again, for this call's access log, whether or not the verdict was remembered.
  for (const read of checks.judged.reads) ctx.notePatientAccess(read);
  const { rows } = checks.judged;
  return { report: { encoding: checks.encoding, delimiter: checks.delimiter, rows: rows.map((r) => r.view) }, rows };
}

/** One record from a source other than a CSV file (a filled form): its cells by column and its own import key. */
export interface SourceRecord {
  row: number;
  cells: Map<Column, string>;
  importKey: string;
}

/**
 * The same row and file-wide checks for records that come from elsewhere: each record is a row,
 * identified by its source's own import key (a form's file hash). Writes nothing.
 */
export function checkRecords(ctx: RequestContext, records: SourceRecord[]): CheckedRow[] {
  const columns = [...new Set(records.flatMap((r) => [...r.cells.keys()]))];
  const { index } = mapHeader(columns);
  const rules = fileRules(loadReferences(ctx.db), index, columns.length, stockholmToday(ctx.now()));
  const rows = records.map((r) => {
    const checked = checkRow(
      rules,
      r.row,
      columns.map((c) => r.cells.get(c) ?? ''),
    );
    if (passedRowChecks(checked)) checked.importKey = r.importKey;
    return checked;
  });
  for (const read of judgeInFileOrder(ctx.db, rows.filter(passedRowChecks))) ctx.notePatientAccess(read);
  return rows;
}
