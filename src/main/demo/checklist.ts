/**
 * Demo data for the nMDK checklist, in proportions a national unit would recognise: images made
 * available before most meetings (a few arrive late or not at all), the patient informed where the
 * referral did not say so in most cases, and the patient told of the recommendation, by the referring
 * unit's contact nurse or physician, mostly within a week (some later, some never recorded). The lists
 * of the coming meetings are only partly ready, so the agenda shows its marks.
 */
import type { Db } from '../db/driver';
import { writeTick } from '../services/checklist/tick';
import { workingDaysAfter, workingDaysBefore } from '../../shared/domain/holidays';
import { intBetween, pick, seededRandom } from './synthetic';

const TOLD_BY = ['Kontaktsjuksköterska, remitterande enhet', 'Behandlande läkare, remitterande enhet', 'Demo Kontaktsköterska (nationell enhet)'];
const RECORDER = 'Demo Koordinatorsdotter';

export function addChecklistDemo(db: Db, today: string): void {
  const rnd = seededRandom(2026_0033);
  const cases = db
    .prepare(
      `SELECT ci.meeting_id meetingId, ci.referral_id referralId, ci.outcome, m.status, m.local_date date, r.patient_informed informed
         FROM case_list_item ci JOIN meeting m ON m.id = ci.meeting_id JOIN referral r ON r.id = ci.referral_id
        WHERE m.status IN ('planned', 'finalised') ORDER BY m.starts_at, ci.position`,
    )
    .all() as { meetingId: number; referralId: number; outcome: string; status: string; date: string; informed: number | null }[];
  for (const c of cases) {
    const held = c.status === 'finalised';
    // Ticked the working day before the meeting or earlier (never after today).
    const before = workingDaysBefore(c.date, intBetween(rnd, 1, 4));
    const at = (date: string) =>
      `${date < today ? date : today}T${String(intBetween(rnd, 7, 15)).padStart(2, '0')}:${String(intBetween(rnd, 0, 59)).padStart(2, '0')}:00.000Z`;
    const tick = (item: 'images_available' | 'patient_informed', date: string) =>
      writeTick(db, { meetingId: c.meetingId, referralId: c.referralId, item, doneBy: null, doneOn: null, recordedAt: at(date), recordedBy: RECORDER });
    if (rnd() < (held ? 0.9 : 0.5)) tick('images_available', before);
    if (c.informed !== 1 && rnd() < (held ? 0.75 : 0.5)) tick('patient_informed', before);
    if (!held || c.outcome !== 'discussed' || rnd() >= 0.8) continue;
    // Most within the week; one in five later than the five working days.
    const told = workingDaysAfter(c.date, rnd() < 0.8 ? intBetween(rnd, 0, 5) : intBetween(rnd, 6, 12));
    if (told > today) continue;
    writeTick(db, {
      meetingId: c.meetingId,
      referralId: c.referralId,
      item: 'patient_told',
      doneBy: pick(rnd, TOLD_BY),
      doneOn: told,
      recordedAt: at(told),
      recordedBy: RECORDER,
    });
  }
}
