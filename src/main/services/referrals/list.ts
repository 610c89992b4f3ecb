import type { Db } from '../../db/driver';
import type { RequestContext } from '../../router/context';
import type { ReferralListQuery, ReferralListRow } from '../../../shared/api/methods/referrals';
import { stockholmToday } from '../../../shared/domain/lead-time';
import { formatIdentifier, normaliseSearch, type IdentifierSystem } from '../../../shared/domain/identifiers';
import type { ReferralStatus } from '../../../shared/domain/referral-status';
import { leadTimeView } from './read';
import { cached } from './statements';

type Query = Required<{ [K in keyof ReferralListQuery]: Exclude<ReferralListQuery[K], undefined> }>;

/**
 * Ids of patients matching every search term (any part of a name or identifier). Terms of three
 * characters or more go through the trigram index (fast at 100,000 patients); shorter ones filter.
 */
export function searchPatients(db: Db, search: string): number[] | null {
  const terms = normaliseSearch(search).split(' ').filter(Boolean).slice(0, 8);
  if (!terms.length) return null;
  const long = terms.filter((t) => t.length >= 3);
  const short = terms.filter((t) => t.length < 3);
  const where: string[] = [];
  const params: string[] = [];
  if (long.length) {
    where.push('patient_search MATCH ?');
    params.push(long.map((t) => `"${t.replace(/"/g, '""')}"`).join(' '));
  }
  for (const t of short) {
    where.push("text LIKE ? ESCAPE '\\'");
    params.push(`%${t.replace(/[\\%_]/g, (c) => '\\' + c)}%`);
  }
  return cached(db, `SELECT rowid FROM patient_search WHERE ${where.join(' AND ')}`).pluck().all(...params) as number[];
}

const ORDER: Record<Query['sort'], string> = {
  received_desc: 'r.received_date DESC, r.id DESC',
  received_asc: 'r.received_date ASC, r.id ASC',
  // Longest lead time first: the clock started earliest.
  lead_time_desc: "CASE WHEN r.status IN ('discussed', 'closed', 'withdrawn') THEN 1 ELSE 0 END, coalesce(r.suspicion_date, r.received_date) ASC, r.id ASC",
};

interface Row {
  id: number;
  patient_id: number;
  family_name: string;
  given_name: string;
  id_system: IdentifierSystem | null;
  id_value: string | null;
  care_area_code: string;
  unit_name: string;
  healthcare_region_code: string;
  received_date: string;
  suspicion_date: string | null;
  priority: 'urgent' | 'normal';
  status: ReferralStatus;
  status_changed_at: string;
  lead_time_target_days: number;
}

/** The inbox: filters, search over name and identifier (any part), sort, with lead time on every row. */
export function listReferrals(ctx: RequestContext, q: Query): { rows: ReferralListRow[]; total: number; today: string } {
  const db: Db = ctx.db;
  const today = stockholmToday(ctx.now());
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (q.careAreaCodes.length) {
    where.push(`r.care_area_code IN (${q.careAreaCodes.map(() => '?').join(', ')})`);
    params.push(...q.careAreaCodes);
  }
  if (q.statuses.length) {
    where.push(`r.status IN (${q.statuses.map(() => '?').join(', ')})`);
    params.push(...q.statuses);
  }
  if (q.healthcareRegionCode) {
    where.push('u.healthcare_region_code = ?');
    params.push(q.healthcareRegionCode);
  }
  if (q.priority) {
    where.push('r.priority = ?');
    params.push(q.priority);
  }
  // A search drives the query from the matching patients (CROSS JOIN fixes that order), so a
  // specific name or number never scans the whole referral table.
  const patientIds = searchPatients(db, q.search);
  if (patientIds && !patientIds.length) return { rows: [], total: 0, today };
  const source = patientIds ? 'json_each(?) m CROSS JOIN referral r ON r.patient_id = m.value' : 'referral r';
  const head = patientIds ? [JSON.stringify(patientIds)] : [];
  const from = `FROM ${source} JOIN unit u ON u.id = r.referring_unit_id ${where.length ? 'WHERE ' + where.join(' AND ') : ''}`;
  const rows = cached(
      db,
      `SELECT r.id, r.patient_id, p.family_name, p.given_name, r.care_area_code, u.name AS unit_name, u.healthcare_region_code,
         r.received_date, r.suspicion_date, r.priority, r.status, r.status_changed_at, ca.lead_time_target_days,
         (SELECT system FROM patient_identifier WHERE patient_id = r.patient_id ORDER BY is_temporary, id LIMIT 1) AS id_system,
         (SELECT value FROM patient_identifier WHERE patient_id = r.patient_id ORDER BY is_temporary, id LIMIT 1) AS id_value
       ${from}
       ORDER BY ${ORDER[q.sort]} LIMIT ?`.replace('JOIN unit u', 'JOIN patient p ON p.id = r.patient_id JOIN care_area ca ON ca.code = r.care_area_code JOIN unit u'),
    )
    .all(...head, ...params, q.limit) as Row[];
  const total = rows.length < q.limit ? rows.length : (cached(db, `SELECT count(*) ${from}`).pluck().get(...head, ...params) as number);
  const seen = new Set<number>();
  const out = rows.map((r): ReferralListRow => {
    if (!seen.has(r.patient_id)) {
      seen.add(r.patient_id);
      ctx.notePatientAccess({ patientId: r.patient_id, objectType: 'referral_list', objectId: r.id });
    }
    return {
      id: r.id,
      patientId: r.patient_id,
      patientName: `${r.family_name}, ${r.given_name}`,
      identifier: r.id_system && r.id_value ? formatIdentifier(r.id_system, r.id_value) : '',
      careAreaCode: r.care_area_code,
      referringUnitName: r.unit_name,
      healthcareRegionCode: r.healthcare_region_code,
      receivedDate: r.received_date,
      suspicionDate: r.suspicion_date,
      priority: r.priority,
      status: r.status,
      leadTime: leadTimeView(r, r.lead_time_target_days, today),
    };
  });
  return { rows: out, total, today };
}
