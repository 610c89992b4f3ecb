import type { Db } from '../../db/driver';
import type { RequestContext } from '../../router/context';
import type { ReferralListQuery, ReferralListRow } from '../../../shared/api/methods/referrals';
import { stockholmToday } from '../../../shared/domain/lead-time';
import { formatIdentifier, normaliseSearch, type IdentifierSystem } from '../../../shared/domain/identifiers';
import type { ReferralStatus } from '../../../shared/domain/referral-status';
import { leadTimeView } from './read';
import { cached } from '../../db/statements';

type Query = Required<{ [K in keyof ReferralListQuery]: Exclude<ReferralListQuery[K], undefined> }>;

/** Trigrams a term is indexed under (FTS5's trigram tokenizer folds case). */
function trigrams(term: string): string[] {
  const chars = [...term];
  return [...new Set(chars.slice(0, -2).map((_, i) => chars.slice(i, i + 3).join('')))];
}

const counts = new WeakMap<Db, Map<string, number>>();

/**
 * Patients holding a trigram. fts5vocab counts by reading the whole doclist (milliseconds for "son"),
 * so non-zero counts are remembered: they only choose where to start, and a stale one costs speed,
 * never a result. Zero is never remembered, because "nobody has it" ends the search.
 */
function trigramCount(db: Db, trigram: string): number {
  let known = counts.get(db);
  if (!known) counts.set(db, (known = new Map()));
  const hit = known.get(trigram);
  if (hit !== undefined) return hit;
  const n = (cached(db, 'SELECT doc FROM patient_search_vocab WHERE term = ?').pluck().get(trigram) as number | undefined) ?? 0;
  if (n > 0) {
    if (known.size > 100_000) known.clear();
    known.set(trigram, n);
  }
  return n;
}

/** Below this many candidates, checking each one's text beats FTS5's positional phrase match. */
const VERIFY_MAX = 300;

/** A query yielding the ids of the matching patients (one column), to be joined where it is used. */
export interface PatientMatch {
  sql: string;
  params: (string | number)[];
}
const NOBODY: PatientMatch = { sql: 'SELECT NULL WHERE 0', params: [] };

/**
 * The patients matching every search term (any part of a name or identifier), fast at 100,000
 * patients. A trigram no patient has answers "none" at once (fts5vocab counts). Otherwise the two
 * rarest trigrams of each term pick candidates; few candidates have their text checked for every
 * term, many go through FTS5's exact phrase match, as a query the caller joins to its referrals (a
 * common name matches thousands: they are never copied out and back in). Terms under three
 * characters filter by LIKE.
 */
export function searchPatients(db: Db, search: string): PatientMatch | null {
  const terms = normaliseSearch(search).split(' ').filter(Boolean).slice(0, 8);
  if (!terms.length) return null;
  const long = terms.filter((t) => t.length >= 3);
  const short = terms.filter((t) => t.length < 3);
  const quote = (t: string) => `"${t.replace(/"/g, '""')}"`;
  if (long.length) {
    const rare = new Set<string>();
    for (const term of long) {
      const counted = trigrams(term).map((t) => ({ t, n: trigramCount(db, t) }));
      if (counted.some((c) => c.n === 0)) return NOBODY;
      counted
        .sort((a, b) => a.n - b.n)
        .slice(0, 2)
        .forEach((c) => rare.add(c.t));
    }
    // Stops at VERIFY_MAX + 1: past that, the exact phrase match below answers anyway.
    const candidates = cached(db, `SELECT rowid FROM patient_search WHERE patient_search MATCH ? LIMIT ${VERIFY_MAX + 1}`)
      .pluck()
      .all([...rare].map(quote).join(' AND ')) as number[];
    if (candidates.length <= VERIFY_MAX) {
      const rows = cached(db, 'SELECT rowid AS id, text FROM patient_search WHERE rowid IN (SELECT value FROM json_each(?))').all(
        JSON.stringify(candidates),
      ) as { id: number; text: string }[];
      const ids = rows.filter((r) => terms.every((t) => r.text.toLowerCase().includes(t))).map((r) => r.id);
      return ids.length ? { sql: 'SELECT value FROM json_each(?)', params: [JSON.stringify(ids)] } : NOBODY;
    }
  }
  const where: string[] = [];
  const params: string[] = [];
  if (long.length) {
    where.push('patient_search MATCH ?');
    params.push(long.map(quote).join(' '));
  }
  for (const t of short) {
    where.push("text LIKE ? ESCAPE '\\'");
    params.push(`%${t.replace(/[\\%_]/g, (c) => '\\' + c)}%`);
  }
  return { sql: `SELECT rowid FROM patient_search WHERE ${where.join(' AND ')}`, params };
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

/**
 * The ids of one page in the list's order, and how many match. A search drives the query from the
 * matching patients (CROSS JOIN fixes that order), so a specific name or number never scans the whole
 * referral table; its matches (a few thousand at most) are ordered in one pass and counted as they
 * come. Without a search the page is read by LIMIT/OFFSET and counted apart only when it is full.
 */
function pageOfIds(
  db: Db,
  q: Query,
  where: string[],
  params: (string | number)[],
  patients: PatientMatch | null,
): { ids: number[]; total: number; counted: number[] } {
  const unit = q.healthcareRegionCode ? 'JOIN unit u ON u.id = r.referring_unit_id' : '';
  const filter = where.length ? 'WHERE ' + where.join(' AND ') : '';
  if (patients) {
    // The covering index of migration 0011: the join reads index entries only, never referral rows.
    const all = cached(
      db,
      `WITH m(value) AS (${patients.sql}) SELECT r.id, r.patient_id FROM m CROSS JOIN referral r INDEXED BY referral_patient_list ON r.patient_id = m.value ${unit} ${filter} ORDER BY ${ORDER[q.sort]}`,
    )
      .raw()
      .all(...patients.params, ...params) as [number, number][];
    return { ids: all.slice(q.offset, q.offset + q.limit).map((r) => r[0]), total: all.length, counted: [...new Set(all.map((r) => r[1]))] };
  }
  const ids = cached(db, `SELECT r.id FROM referral r ${unit} ${filter} ORDER BY ${ORDER[q.sort]} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...params, q.limit, q.offset) as number[];
  // A short first page is the whole answer; otherwise count what matches (cheaper than reading it).
  const total =
    q.offset === 0 && ids.length < q.limit
      ? ids.length
      : (cached(db, `SELECT count(*) FROM referral r ${unit} ${filter}`)
          .pluck()
          .get(...params) as number);
  return { ids, total, counted: [] };
}

/**
 * The inbox: filters, search over name and identifier (any part), sort, with lead time on every row;
 * one page of rows (offset, limit) and the number of all that match.
 */
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
  const patients = searchPatients(db, q.search);
  if (patients === NOBODY) return { rows: [], total: 0, today };
  const { ids, total, counted } = pageOfIds(db, q, where, params, patients);
  // Details (names, identifiers, units) only for the page: a page of 50 from thousands of matches.
  const rows = cached(
    db,
    `SELECT r.id, r.patient_id, p.family_name, p.given_name, r.care_area_code, u.name AS unit_name, u.healthcare_region_code,
       r.received_date, r.suspicion_date, r.priority, r.status, r.status_changed_at, ca.lead_time_target_days,
       (SELECT system FROM patient_identifier WHERE patient_id = r.patient_id ORDER BY is_temporary, id LIMIT 1) AS id_system,
       (SELECT value FROM patient_identifier WHERE patient_id = r.patient_id ORDER BY is_temporary, id LIMIT 1) AS id_value
     FROM json_each(?) k CROSS JOIN referral r ON r.id = k.value
     JOIN patient p ON p.id = r.patient_id JOIN care_area ca ON ca.code = r.care_area_code JOIN unit u ON u.id = r.referring_unit_id
     ORDER BY k.key`,
  ).all(JSON.stringify(ids)) as Row[];
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
  // A search's count says that each patient it counts exists and matches (with the filters, for which
  // care area and at what status): that is a patient access, logged as a search for every counted
  // patient not on this page, before the count leaves. Lists without a search count referrals by
  // care area, status and region only, which names nobody.
  for (const patientId of counted) {
    if (!seen.has(patientId)) ctx.notePatientAccess({ patientId, objectType: 'referral_search', objectId: 'search', action: 'search' });
  }
  return { rows: out, total, today };
}
