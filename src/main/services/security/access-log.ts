/**
 * Writing and reading the access log (åtkomstlogg). Rows are written by the router's hook inside the
 * calling method's transaction, so a change and its log row commit together or not at all.
 */
import type { Db } from '../../db/driver';
import { eachRow } from '../../db/statements';
import type { MethodSpec } from '../../../shared/api/contract';
import type { AccessLogEntry } from '../../../shared/api/methods/security';
import type { PatientAccess, RequestContext } from '../../router/context';
import { getWorkplace } from '../system/workplace';
import { LOG_IDS_OF_PATIENTS } from './access-log-index';
import { clientAddressOf } from '../../security/client-address';

const ACTIONS = new Set(['read', 'change', 'export', 'print', 'search']);

/**
 * All of a call's rows in one statement: the accesses travel as one JSON array and each row's
 * identifier is looked up in SQL (personnummer first, then samordningsnummer, reservnummer). The inbox logs up to 10,000
 * patients per load; a statement per row (and a lookup per row) cost several times the query itself.
 */
const INSERT_ALL = `
  INSERT INTO access_log (at, user_id, user_name, user_full_name, role, unit_id, unit_name, client_address, patient_id, patient_identifier, action, object_type, object_id, method)
  SELECT ?, ?, ?, ?, ?, ?, ?, ?, j.value ->> '$[0]',
    (SELECT value FROM patient_identifier WHERE patient_id = j.value ->> '$[0]'
      ORDER BY is_temporary, CASE system WHEN 'personnummer' THEN 0 WHEN 'samordningsnummer' THEN 1 ELSE 2 END, id LIMIT 1),
    j.value ->> '$[1]', j.value ->> '$[2]', j.value ->> '$[3]', ?
  FROM ${eachRow('?')} j`;
const statements = new WeakMap<Db, { run(...params: unknown[]): unknown }>();

export function recordPatientAccess(ctx: RequestContext, accesses: PatientAccess[], spec: MethodSpec, userName: string): void {
  if (!accesses.length) return;
  const db = ctx.db;
  const unitId = ctx.caller.unitId ?? getWorkplace(db)?.unitId ?? null;
  const unitName = unitId === null ? null : ((db.prepare('SELECT name FROM unit WHERE id = ?').pluck().get(unitId) as string | undefined) ?? null);
  const at = new Date().toISOString(); // the real time of access, whatever the domain clock says
  const seen = new Set<string>();
  const rows: [number, string, string, string][] = [];
  for (const a of accesses) {
    const action = a.action ?? spec.patientData;
    if (!ACTIONS.has(action)) throw new Error(`Unknown access action "${action}" in ${ctx.method}`);
    const key = `${a.patientId}|${a.objectType}|${a.objectId}|${action}`;
    if (seen.has(key)) continue; // a handler noting the same object twice is one access
    seen.add(key);
    rows.push([a.patientId, action, a.objectType, String(a.objectId)]);
  }
  let insert = statements.get(db);
  if (!insert) statements.set(db, (insert = db.prepare(INSERT_ALL)));
  insert.run(
    at,
    ctx.caller.userId,
    userName,
    ctx.caller.name,
    ctx.caller.role,
    unitId,
    unitName,
    clientAddressOf(ctx.sessionId),
    ctx.method,
    JSON.stringify(rows),
  );
}

interface Row {
  id: number;
  at: string;
  user_name: string;
  user_full_name: string;
  role: AccessLogEntry['role'];
  unit_name: string | null;
  patient_id: number;
  patient_identifier: string | null;
  action: AccessLogEntry['action'];
  object_type: string;
  object_id: string;
  method: string;
}

const toEntry = (r: Row): AccessLogEntry => ({
  id: r.id,
  at: r.at,
  userName: r.user_name,
  userFullName: r.user_full_name,
  role: r.role,
  unitName: r.unit_name,
  patientId: r.patient_id,
  patientIdentifier: r.patient_identifier,
  action: r.action,
  objectType: r.object_type,
  objectId: r.object_id,
  method: r.method,
});

/** Identifiers are stored as 12 digits; the user may type 19121212-1212 or 191212121212. */
export const normalizeIdentifier = (s: string) => s.replace(/[\s-]/g, '');

export interface LogQuery {
  from?: string | null;
  to?: string | null;
  userName?: string | null;
  patientIdentifier?: string | null;
  action?: AccessLogEntry['action'] | null;
  limit: number;
}

/**
 * Newest first; `to` is inclusive of the whole day (dates are compared in UTC). An identifier finds
 * every access to the patient who holds it, also those made under another of the patient's numbers
 * (a reservnummer later replaced by a personnummer).
 */
export function listAccessLog(db: Db, q: LogQuery): { entries: AccessLogEntry[]; truncated: boolean } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (clause: string, name: string, value: unknown) => {
    where.push(clause);
    params[name] = value;
  };
  if (q.from) add('at >= @from', 'from', `${q.from}T00:00:00.000Z`);
  if (q.to) add('at < @to', 'to', nextDay(q.to));
  if (q.userName) add('lower(user_name) = lower(@user)', 'user', q.userName);
  if (q.patientIdentifier) add(`id IN (${LOG_IDS_OF_PATIENTS})`, 'patients', JSON.stringify(patientsHolding(db, q.patientIdentifier)));
  if (q.action) add('action = @action', 'action', q.action);
  const rows = db
    .prepare(`SELECT * FROM access_log ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY at DESC, id DESC LIMIT @limit`)
    .all({ ...params, limit: q.limit + 1 }) as Row[];
  return { entries: rows.slice(0, q.limit).map(toEntry), truncated: rows.length > q.limit };
}

function patientsHolding(db: Db, identifier: string): number[] {
  return db.prepare('SELECT DISTINCT patient_id FROM patient_identifier WHERE value = ?').pluck().all(normalizeIdentifier(identifier)) as number[];
}

/** Every access to one patient, oldest first (the log extract). */
export function patientLogRows(db: Db, patientId: number): AccessLogEntry[] {
  const rows = db
    .prepare(`SELECT * FROM access_log WHERE id IN (${LOG_IDS_OF_PATIENTS}) ORDER BY at, id`)
    .all({ patients: JSON.stringify([patientId]) }) as Row[];
  return rows.map(toEntry);
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}
