/**
 * The benchmark's 20,000 care plans (schema of migration 0006) with follow-ups and handovers, for
 * discussed referrals: the referral gets its treatment start and discharge date, as the care-plan
 * worklist and the follow-up dashboard expect. Bulk SQL in the caller's transaction.
 */
import type { Db } from '../../src/main/db/driver';
import { addDays, intBetween, pick, type Random } from '../../src/main/demo/synthetic';

export function buildCarePlans(db: Db, rnd: Random, count: number, unitIds: number[], t: string): number[] {
  const candidates = db
    .prepare(
      `SELECT r.id, r.patient_id, rec.id rec, m.local_date date, m.care_area_code area FROM recommendation rec
         JOIN referral r ON r.id = rec.referral_id JOIN meeting m ON m.id = rec.meeting_id
        WHERE r.status IN ('discussed', 'closed') ORDER BY rec.id`,
    )
    .all() as { id: number; patient_id: number; rec: number; date: string; area: string }[];
  const national = db.prepare('SELECT care_area_code, min(unit_id) unit FROM care_area_national_unit GROUP BY care_area_code').all() as {
    care_area_code: string;
    unit: number;
  }[];
  const nationalOf = new Map(national.map((n) => [n.care_area_code, n.unit]));
  const setDates = db.prepare('UPDATE referral SET treatment_start_date = ?, discharge_date = ? WHERE id = ?');
  const insPlan = db.prepare(
    `INSERT INTO care_plan (patient_id, referral_id, recommendation_id, version, status, national_unit_id, contact_nurse, contact_nurse_phone, responsible_physician,
       diagnosis_text, treatment_summary, discharge_date, self_care_advice, warning_signs, call_weekdays, finalised_at, finalised_by, created_by, created_at, updated_at)
     VALUES (?, ?, ?, 1, ?, ?, 'Ksk Bench', '010-000 00 00', 'Dr Bench', 'C49.2 Sarkom', 'Kirurgi med kurativ intention.', ?, 'Egenvårdsråd.', 'Feber, smärta.',
       'Vardagar 8–16: 010-000 00 00', ?, ?, 'bench', ?, ?)`,
  );
  const insFollowUp = db.prepare(
    "INSERT INTO care_plan_follow_up (care_plan_id, position, what, interval_value, interval_unit, place, responsible) VALUES (?, 1, 'Återbesök med DT', 3, 'months', 'home_region', 'Hemortens ksk')",
  );
  const insHandover = db.prepare(
    `INSERT INTO care_plan_handover (care_plan_id, receiving_unit_id, receiving_contact_nurse, sent_date, status, confirmed_date, confirmed_by, recorded_by, created_at)
     VALUES (?, ?, 'Ksk Hemort', ?, ?, ?, ?, 'bench', ?)`,
  );
  const ids: number[] = [];
  // Spread evenly over the ten years: every k-th discussed referral gets a plan.
  const step = Math.max(1, candidates.length / count);
  for (let i = 0; ids.length < count && Math.floor(i) < candidates.length; i += step) {
    const c = candidates[Math.floor(i)];
    const start = addDays(c.date, intBetween(rnd, 7, 28));
    const discharge = addDays(start, intBetween(rnd, 2, 10));
    setDates.run(start, discharge, c.id);
    const final = rnd() < 0.9;
    const finalisedAt = final ? `${discharge}T10:00:00.000Z` : null;
    const id = Number(
      insPlan.run(
        c.patient_id,
        c.id,
        c.rec,
        final ? 'finalised' : 'draft',
        nationalOf.get(c.area) ?? null,
        discharge,
        finalisedAt,
        final ? 'bench' : null,
        t,
        t,
      ).lastInsertRowid,
    );
    insFollowUp.run(id);
    if (final) {
      const confirmed = rnd() < 0.85;
      const sent = addDays(discharge, 1);
      insHandover.run(
        id,
        pick(rnd, unitIds),
        sent,
        confirmed ? 'confirmed' : 'pending',
        confirmed ? addDays(sent, intBetween(rnd, 1, 10)) : null,
        confirmed ? 'Ksk Hemort' : null,
        t,
      );
    }
    ids.push(id);
  }
  return ids;
}
