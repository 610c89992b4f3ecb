import type { Db } from '../../db/driver';
import { cached, eachRow } from '../../db/statements';
import { ApiError, invalid } from '../../../shared/api/errors';
import {
  ageOn,
  formatIdentifier,
  parseIdentifier,
  type IdentifierKind,
  type IdentifierSystem,
  type ParsedIdentifier,
} from '../../../shared/domain/identifiers';
import { isOpenStatus, type ReferralStatus } from '../../../shared/domain/referral-status';
import type { OpenReferralRef, PatientSummary } from '../../../shared/api/methods/referrals';

export interface IdentifierQuery {
  identifierKind: IdentifierKind;
  identifier: string;
  issuerRegionCode: string | null;
}

/**
 * Reads an identifier as typed, or throws a field error (`<prefix>identifier`) in Swedish/English:
 * "Kontrollsiffran stämmer inte", "Datumet finns inte", an unknown issuing region …
 */
export function readIdentifier(db: Db, q: IdentifierQuery, today: string, prefix = ''): ParsedIdentifier {
  const res = parseIdentifier(q.identifier, { kind: q.identifierKind, issuerRegionCode: q.issuerRegionCode, reference: today });
  if (!res.ok) {
    const path = res.messageKey === 'identifier.reservnummerRegion' ? 'issuerRegionCode' : 'identifier';
    throw invalid(prefix + path, res.messageKey);
  }
  const region = res.identifier.issuerRegionCode;
  if (region && !cached(db, 'SELECT 1 FROM region WHERE code = ?').get(region))
    throw invalid(prefix + 'issuerRegionCode', 'reference.unknownRegion', { code: region });
  return res.identifier;
}

export function findPatientId(db: Db, id: ParsedIdentifier): number | null {
  const row = cached(db, "SELECT patient_id FROM patient_identifier WHERE system = ? AND value = ? AND ifnull(issuer_region_code, '') = ?").get(
    id.system,
    id.value,
    id.issuerRegionCode ?? '',
  ) as { patient_id: number } | undefined;
  return row?.patient_id ?? null;
}

/** One patient, many referrals: an existing patient is found by identifier and reused, else created. */
export function findOrCreatePatient(db: Db, id: ParsedIdentifier, names: PatientNames, at: string): { patientId: number; created: boolean } {
  const existing = findPatientId(db, id);
  if (existing !== null) return { patientId: existing, created: false };
  return { patientId: createPatient(db, id, names, at), created: true };
}

export interface PatientNames {
  familyName: string;
  givenName: string;
}

export interface NewPatient {
  identifier: ParsedIdentifier;
  names: PatientNames;
}

/** A new patient with its identifier; the caller has made sure no patient holds the identifier yet. */
export const createPatient = (db: Db, identifier: ParsedIdentifier, names: PatientNames, at: string): number =>
  createPatients(db, at, [{ identifier, names }])[0];

/**
 * New patients with their identifiers, in two statements for any number (an import creates
 * thousands); returns their ids in order. Ids are given explicitly: the call holds the write lock.
 */
export function createPatients(db: Db, at: string, patients: NewPatient[]): number[] {
  if (!patients.length) return [];
  const first = cached(db, 'SELECT coalesce(max(id), 0) + 1 FROM patient').pluck().get() as number;
  const ids = patients.map((_, i) => first + i);
  cached(
    db,
    `INSERT INTO patient (id, family_name, given_name, birth_date, sex, created_at, updated_at)
     SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, @at, @at FROM ${eachRow('@rows')} j`,
  ).run({ at, rows: JSON.stringify(patients.map((p, i) => [ids[i], p.names.familyName, p.names.givenName, p.identifier.birthDate, p.identifier.sex])) });
  cached(
    db,
    `INSERT INTO patient_identifier (patient_id, system, value, issuer_region_code, is_temporary, created_at)
     SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, @at FROM ${eachRow('@rows')} j`,
  ).run({ at, rows: JSON.stringify(patients.map(({ identifier: id }, i) => [ids[i], id.system, id.value, id.issuerRegionCode, id.isTemporary ? 1 : 0])) });
  return ids;
}

export function patientSummary(db: Db, patientId: number, today: string): PatientSummary {
  const p = cached(db, 'SELECT id, family_name, given_name, birth_date, sex FROM patient WHERE id = ?').get(patientId) as
    { id: number; family_name: string; given_name: string; birth_date: string | null; sex: 'female' | 'male' | null } | undefined;
  if (!p) throw new ApiError('not_found', 'error.notFound', { what: 'patient', id: patientId });
  const ids = cached(db, 'SELECT system, value, issuer_region_code, is_temporary FROM patient_identifier WHERE patient_id = ? ORDER BY is_temporary, id').all(
    patientId,
  ) as { system: IdentifierSystem; value: string; issuer_region_code: string | null; is_temporary: number }[];
  return {
    id: p.id,
    familyName: p.family_name,
    givenName: p.given_name,
    birthDate: p.birth_date,
    sex: p.sex,
    age: p.birth_date ? ageOn(p.birth_date, today) : null,
    identifiers: ids.map((i) => ({
      system: i.system,
      value: i.value,
      display: formatIdentifier(i.system, i.value),
      issuerRegionCode: i.issuer_region_code,
      isTemporary: i.is_temporary === 1,
    })),
  };
}

/** The patient's open referrals, optionally in one care area (the duplicate check). */
export function openReferrals(db: Db, patientId: number, careAreaCode?: string, exceptId?: number): OpenReferralRef[] {
  const rows = cached(
    db,
    `SELECT id, care_area_code AS careAreaCode, status, received_date AS receivedDate FROM referral
       WHERE patient_id = ? AND (? IS NULL OR care_area_code = ?) AND id IS NOT ? ORDER BY received_date DESC, id DESC`,
  ).all(patientId, careAreaCode ?? null, careAreaCode ?? null, exceptId ?? null) as OpenReferralRef[];
  return rows.filter((r) => isOpenStatus(r.status as ReferralStatus));
}
