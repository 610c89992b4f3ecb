/**
 * What the follow-up dashboard reads that the national dataset leaves out, for the
 * dashboard's own dataset: completion requests (komplettering) on the referrals' timelines, and
 * conference series with teams and recorded attendance for the meetings. Bulk SQL in the caller's
 * transaction.
 */
import type { Db } from '../../src/main/db/driver';
import { addDays, intBetween, pick, type Random } from '../../src/main/demo/synthetic';

/**
 * About one assessed referral in eight is asked for completion the day after it arrived and completed
 * 3–12 days later (as the demo data does); one in ten of those is asked a second time.
 */
export function buildCompletionRequests(db: Db, rnd: Random, referralIds: readonly number[]): number {
  // Referrals already assessed and discussed: their timeline then runs received → … → discussed.
  const received = db.prepare("SELECT received_date FROM referral WHERE id = ? AND status IN ('discussed', 'closed')").pluck();
  const insEvent = db.prepare("INSERT INTO referral_event (referral_id, at, user_name, from_status, to_status) VALUES (?, ?, 'bench', ?, ?)");
  let requests = 0;
  for (const id of referralIds) {
    let day = received.get(id) as string | undefined;
    if (day === undefined || rnd() >= 0.12) continue;
    for (let round = 0; round === 0 || (round === 1 && rnd() < 0.1); round++) {
      const asked = addDays(day, 1);
      day = addDays(asked, intBetween(rnd, 3, 12));
      insEvent.run(id, `${asked}T09:00:00.000Z`, round === 0 ? 'received' : 'complete', 'awaiting_completion');
      insEvent.run(id, `${day}T09:00:00.000Z`, 'awaiting_completion', 'complete');
      requests++;
    }
  }
  return requests;
}

const REQUIRED = ['chair', 'surgeon', 'oncologist', 'radiologist', 'pathologist'];
const ROLES = [...REQUIRED, 'contact_nurse'];

/**
 * Each care area's meetings belong to one series requiring the demo's roles, with a team of two
 * persons per role; every meeting invites one of each role, and a meeting dated before `heldBefore`
 * has its attendance recorded, a few absent.
 */
export function buildParticipants(db: Db, rnd: Random, careAreas: readonly string[], heldBefore: string, t: string): number {
  const insSeries = db.prepare('INSERT INTO conference_series (care_area_code, name, required_roles, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const insPerson = db.prepare('INSERT INTO person (name, role, created_at) VALUES (?, ?, ?)');
  const insSeriesParticipant = db.prepare('INSERT INTO series_participant (series_id, person_id) VALUES (?, ?)');
  const insParticipant = db.prepare('INSERT INTO meeting_participant (meeting_id, person_id, role, attendance) VALUES (?, ?, ?, ?)');
  let count = 0;
  for (const area of careAreas) {
    const seriesId = Number(insSeries.run(area, `Nationell MDK ${area}`, JSON.stringify(REQUIRED), t, t).lastInsertRowid);
    const team = ROLES.map((role) =>
      [1, 2].map((n) => {
        const id = Number(insPerson.run(`Bench ${role} ${area} ${n}`, role, t).lastInsertRowid);
        insSeriesParticipant.run(seriesId, id);
        return id;
      }),
    );
    db.prepare('UPDATE meeting SET series_id = ? WHERE care_area_code = ?').run(seriesId, area);
    const meetings = db.prepare('SELECT id, local_date FROM meeting WHERE care_area_code = ?').raw().all(area) as [number, string][];
    for (const [meetingId, date] of meetings) {
      ROLES.forEach((role, r) => {
        const attendance = date < heldBefore ? (rnd() < 0.04 ? 'absent' : rnd() < 0.2 ? 'remote' : 'present') : null;
        insParticipant.run(meetingId, pick(rnd, team[r]), role, attendance);
        count++;
      });
    }
  }
  return count;
}
