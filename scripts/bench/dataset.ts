/**
 * The benchmark's national ten-year dataset, written straight into a real database file in bulk:
 * 100,000 patients (one in ten by samordningsnummer or reservnummer), 50,000 referrals, 2,500 meetings
 * with case lists and recommendations, 20,000 care plans with follow-ups and handovers; `--scale`
 * multiplies every count. Rows go through the tables' triggers (the search index of
 * migration 0003 and the MDK dates are filled by them), so search and lead times see every row.
 * Features add their tables' rows in their own builders below.
 */
import type { Db } from '../../src/main/db/driver';
import { buildCarePlans } from './dataset-care-plans';
import { buildCompletionRequests, buildParticipants } from './dataset-follow-up';
import { addDays, dateBetween, FAMILY_NAMES, GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE, intBetween, pick, seededRandom } from '../../src/main/demo/synthetic';
import { syntheticIdentifier, type BenchIdentifier } from './identifiers';

export interface Scale {
  patients: number;
  referrals: number;
  meetings: number;
  carePlans: number;
}
/** The national dataset at full scale. */
export const NATIONAL: Scale = { patients: 100_000, referrals: 50_000, meetings: 2_500, carePlans: 20_000 };
/** The dashboard's budget case: ten years of one care area holding 25,000 referrals. */
export const DASHBOARD: Scale = { ...NATIONAL, referrals: 25_000 };

/** A scale's counts multiplied by `factor` (`--scale 0.1` for a quick check). */
export const scaled = (scale: Scale, factor: number): Scale => ({
  patients: Math.round(scale.patients * factor),
  referrals: Math.round(scale.referrals * factor),
  meetings: Math.max(50, Math.round(scale.meetings * factor)),
  carePlans: Math.round(scale.carePlans * factor),
});
export const PERIOD = { from: '2016-12-01', to: '2026-11-20' };
export const CARE_AREAS = ['SARCOMA', 'ANAL', 'VULVAR', 'PENILE', 'ILP'] as const;
/** The dashboard's own dataset (every row in one care area) lives in this folder of the bench folder. */
export const DASHBOARD_DATASET_FOLDER = 'dashboard-dataset';

export interface Dataset {
  patientIds: number[];
  referralIds: number[];
  meetingIds: number[];
  carePlanIds: number[];
  /** A planned meeting in the future with 1,000+ eligible referrals for the proposal benchmark. */
  proposalMeetingId: number;
  sampleSearchTerms: string[];
  /** Patients already in the database (every kind of identifier), for import rows that name them. */
  knownPatients: KnownPatient[];
}

export interface KnownPatient extends BenchIdentifier {
  familyName: string;
  givenName: string;
}

export interface DatasetOptions {
  /**
   * The care areas the referrals, meetings and care plans are spread over (most in the first).
   * The national dataset uses all five; the dashboard's own dataset puts everything in one, so that
   * one care area holds ten years of 25,000 referrals, the dashboard's budget case.
   */
  careAreas?: readonly string[];
  /**
   * Completion requests on referrals and series, teams and attendance for meetings, which the
   * follow-up dashboard reads (its own dataset; the national one has none).
   */
  followUpDetail?: boolean;
}

export function buildDataset(db: Db, scale: Scale, options: DatasetOptions = {}): Dataset {
  const areas = options.careAreas ?? CARE_AREAS;
  const rnd = seededRandom(20261123);
  const t = new Date().toISOString();
  const unitIds = db.prepare('SELECT id FROM unit WHERE is_university_hospital = 0').pluck().all() as number[];
  const regions = db.prepare('SELECT code FROM region').pluck().all() as string[];
  const patientIds: number[] = [];
  const referralIds: number[] = [];
  const meetingIds: number[] = [];
  const sampleSearchTerms: string[] = [];
  const carePlanIds: number[] = [];
  const knownPatients: KnownPatient[] = [];

  db.transaction(() => {
    const insPatient = db.prepare(
      'INSERT INTO patient (family_name, given_name, birth_date, sex, home_region_code, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const insId = db.prepare(
      'INSERT OR IGNORE INTO patient_identifier (patient_id, system, value, issuer_region_code, is_temporary, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (let i = 0; i < scale.patients; i++) {
      const sex = rnd() < 0.5 ? 'female' : 'male';
      const birth = dateBetween(rnd, '1930-01-01', '2008-12-31');
      const given = pick(rnd, sex === 'female' ? GIVEN_NAMES_FEMALE : GIVEN_NAMES_MALE);
      const family = pick(rnd, FAMILY_NAMES);
      const id = Number(insPatient.run(family, given, birth, sex, pick(rnd, regions), t, t).lastInsertRowid);
      const ident = syntheticIdentifier(rnd, birth, sex, regions, `B${i}`);
      insId.run(id, ident.system, ident.value, ident.region, ident.system === 'reservnummer' ? 1 : 0, t);
      patientIds.push(id);
      if (i % Math.max(1, Math.floor(scale.patients / 10)) === 5) sampleSearchTerms.push(family.slice(0, 5), ident.value.slice(2, 8));
      if (i % 20 === 7) knownPatients.push({ ...ident, familyName: family, givenName: given });
    }

    // Meetings over ten years (500 weeks): with 5 care areas each meets weekly (5 × 500 = 2,500);
    // with fewer, an area meets several days a week.
    const insMeeting = db.prepare(
      `INSERT INTO meeting (care_area_code, local_date, starts_at, duration_minutes, deadline_at, status, capacity_cases, minutes_per_case, ical_uid, created_at, updated_at)
       VALUES (?, ?, ?, 60, ?, ?, 12, 5, ?, ?, ?)`,
    );
    const weeks = Math.ceil(scale.meetings / CARE_AREAS.length);
    const perArea = Math.ceil(scale.meetings / areas.length);
    const perWeek = Math.ceil(perArea / weeks);
    const meetingsByArea = new Map<string, { id: number; date: string }[]>();
    for (const [a, area] of areas.entries()) {
      const list: { id: number; date: string }[] = [];
      for (let w = 0; w < perArea && meetingIds.length < scale.meetings; w++) {
        // Ten years of meetings ending a few weeks ahead, so planned meetings exist to build lists for.
        const date = addDays('2026-12-29', (Math.floor(w / perWeek) - weeks + 1) * 7 + a + (w % perWeek));
        const status = date < '2026-11-20' ? 'finalised' : 'planned';
        const id = Number(
          insMeeting.run(area, date, `${date}T13:00:00.000Z`, `${addDays(date, -2)}T11:00:00.000Z`, status, `bench-${area}-${w}@mdk`, t, t).lastInsertRowid,
        );
        list.push({ id, date });
        meetingIds.push(id);
      }
      meetingsByArea.set(area, list);
    }

    const insReferral = db.prepare(
      `INSERT INTO referral (patient_id, care_area_code, referring_unit_id, referring_physician, referring_phone, received_date, suspicion_date, question, icd10,
         diagnosis_basis, history, comorbidity, ecog, imaging_available, patient_wishes, patient_informed, priority, status, status_changed_at, created_at, updated_at)
       VALUES (?, ?, ?, 'Dr Remiss', '010-123 45 67', ?, ?, 'Ställningstagande till fortsatt behandling?', ?, 'pad', 'Anamnes.', 'Ingen känd.', ?, 1, 'Önskar behandling nära hemmet.', 1, ?, ?, ?, ?, ?)`,
    );
    const insEvent = db.prepare("INSERT INTO referral_event (referral_id, at, user_name, from_status, to_status) VALUES (?, ?, 'bench', ?, ?)");
    const insItem = db.prepare("INSERT INTO case_list_item (meeting_id, referral_id, position, minutes, outcome) VALUES (?, ?, ?, 5, 'discussed')");
    const insRec = db.prepare(
      "INSERT INTO recommendation (referral_id, meeting_id, intent, treatments, next_step, recorded_at, recorded_by) VALUES (?, ?, ?, '[\"Kirurgi\"]', 'Återremiss till hemortssjukhus', ?, 'bench')",
    );
    const icd: Record<string, string> = { SARCOMA: 'C49.2', ANAL: 'C21.1', VULVAR: 'C51.9', PENILE: 'C60.1', ILP: 'C43.7' };
    const positions = new Map<number, number>();
    for (let i = 0; i < scale.referrals; i++) {
      const area = areas[Math.min(areas.length - 1, Math.floor(rnd() ** 1.6 * areas.length))];
      const received = dateBetween(rnd, PERIOD.from, PERIOD.to);
      const suspicion = addDays(received, -intBetween(rnd, 3, 40));
      const recent = received > '2026-10-15';
      const status = recent
        ? pick(rnd, ['received', 'awaiting_completion', 'complete', 'complete', 'complete'] as const)
        : rnd() < 0.85
          ? 'closed'
          : 'discussed';
      const id = Number(
        insReferral.run(
          pick(rnd, patientIds),
          area,
          pick(rnd, unitIds),
          received,
          suspicion,
          icd[area],
          intBetween(rnd, 0, 3),
          rnd() < 0.12 ? 'urgent' : 'normal',
          status,
          `${received}T09:00:00.000Z`,
          t,
          t,
        ).lastInsertRowid,
      );
      referralIds.push(id);
      insEvent.run(id, `${received}T09:00:00.000Z`, null, 'received');
      if (!recent) {
        const earliest = addDays(received, 6);
        const meeting = meetingsByArea.get(area)!.find((m) => m.date > earliest);
        if (meeting) {
          const pos = (positions.get(meeting.id) ?? 0) + 1;
          positions.set(meeting.id, pos);
          insItem.run(meeting.id, id, pos);
          insRec.run(id, meeting.id, rnd() < 0.8 ? 'curative' : 'palliative', `${meeting.date}T14:00:00.000Z`);
          insEvent.run(id, `${meeting.date}T14:00:00.000Z`, 'listed', 'discussed');
        }
      }
    }
    carePlanIds.push(...buildCarePlans(db, rnd, scale.carePlans, unitIds, t));
    if (options.followUpDetail) {
      buildCompletionRequests(db, rnd, referralIds);
      buildParticipants(db, rnd, areas, PERIOD.to, t);
    }
  }).immediate();

  // The proposal benchmark needs 1,000 eligible (complete, undiscussed) referrals of one care area.
  const proposalMeetingId = db
    .prepare("SELECT id FROM meeting WHERE care_area_code = 'SARCOMA' AND status = 'planned' ORDER BY local_date LIMIT 1")
    .pluck()
    .get() as number;
  db.transaction(() => {
    const eligible = db.prepare("SELECT count(*) FROM referral WHERE care_area_code = 'SARCOMA' AND status = 'complete'").pluck().get() as number;
    const wanted = Math.min(1000, Math.round(scale.referrals / 50));
    if (eligible < wanted) {
      db.prepare(
        `UPDATE referral SET status = 'complete' WHERE id IN (SELECT id FROM referral WHERE care_area_code = 'SARCOMA' AND status = 'closed' ORDER BY received_date DESC LIMIT ?)`,
      ).run(wanted - eligible);
    }
  }).immediate();
  return { patientIds, referralIds, meetingIds, carePlanIds, proposalMeetingId, sampleSearchTerms, knownPatients };
}
