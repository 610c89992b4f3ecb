/**
 * Arrange-only helpers for tests: insert rows straight into a real database so a feature's tests do
 * not depend on another feature's screens. Never used to assert what the product does.
 */
import type { Db } from '../src/main/db/driver';
import { testNow } from './clock';

const now = () => testNow().toISOString();

export function unitIdByCode(db: Db, code: string): number {
  return db.prepare('SELECT id FROM unit WHERE code = ?').pluck().get(code) as number;
}

export function insertPatient(
  db: Db,
  p: { familyName?: string; givenName?: string; personnummer?: string; birthDate?: string; sex?: 'female' | 'male'; homeRegionCode?: string } = {},
): number {
  const t = now();
  const id = Number(
    db
      .prepare('INSERT INTO patient (family_name, given_name, birth_date, sex, home_region_code, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(p.familyName ?? 'Testsson', p.givenName ?? 'Tolvan', p.birthDate ?? '1950-01-01', p.sex ?? 'male', p.homeRegionCode ?? '12', t, t).lastInsertRowid,
  );
  if (p.personnummer) {
    db.prepare("INSERT INTO patient_identifier (patient_id, system, value, created_at) VALUES (?, 'personnummer', ?, ?)").run(id, p.personnummer, t);
  }
  return id;
}

export function insertReferral(
  db: Db,
  r: {
    patientId: number;
    careAreaCode?: string;
    referringUnitCode?: string;
    receivedDate?: string;
    suspicionDate?: string | null;
    priority?: 'urgent' | 'normal';
    status?: string;
    question?: string;
    icd10?: string;
  },
): number {
  const t = now();
  return Number(
    db
      .prepare(
        `INSERT INTO referral (patient_id, care_area_code, referring_unit_id, referring_physician, referring_phone, received_date, suspicion_date,
           question, icd10, diagnosis_basis, history, ecog, imaging_available, patient_informed, priority, status, status_changed_at, created_at, updated_at)
         VALUES (?, ?, ?, 'Dr Remiss', '040-33 10 00', ?, ?, ?, ?, 'pad', 'Anamnes.', 1, 1, 1, ?, ?, ?, ?, ?)`,
      )
      .run(
        r.patientId,
        r.careAreaCode ?? 'ANAL',
        unitIdByCode(db, r.referringUnitCode ?? 'HELSINGBORG'),
        r.receivedDate ?? '2026-11-02',
        r.suspicionDate === undefined ? '2026-10-20' : r.suspicionDate,
        r.question ?? 'Ställningstagande till kurativt syftande radiokemoterapi?',
        r.icd10 ?? 'C21.1',
        r.priority ?? 'normal',
        r.status ?? 'complete',
        t,
        t,
        t,
      ).lastInsertRowid,
  );
}

export function insertMeeting(
  db: Db,
  m: {
    careAreaCode?: string;
    localDate: string;
    startsAt: string;
    durationMinutes?: number;
    deadlineAt?: string;
    capacityCases?: number;
    minutesPerCase?: number;
    seriesId?: number | null;
  },
): number {
  const t = now();
  return Number(
    db
      .prepare(
        `INSERT INTO meeting (series_id, care_area_code, local_date, starts_at, duration_minutes, deadline_at, capacity_cases, minutes_per_case, ical_uid, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        m.seriesId ?? null,
        m.careAreaCode ?? 'ANAL',
        m.localDate,
        m.startsAt,
        m.durationMinutes ?? 60,
        m.deadlineAt ?? null,
        m.capacityCases ?? 10,
        m.minutesPerCase ?? 6,
        `test-${Math.random().toString(36).slice(2)}@mdk-coordinator`,
        t,
        t,
      ).lastInsertRowid,
  );
}
