/**
 * Demo data after the conference, in the proportions the audits report (domain.md): about 84 % of
 * recommendations implemented, deviations led by the patient's choice, the patient's wishes recorded
 * in about 60 % of cases, a trial considered in about a third, 3–12 minutes per case, and a few cases
 * without a status or with a check due, so the worklist and the figures are filled. Statuses go
 * through the real handler on each event's date; the wishes, trial and times of the finalised
 * meetings are written with the consideration service (the meeting view would have noted them).
 */
import type { Db } from '../db/driver';
import type { DirectCaller } from './direct-call';
import { addDays, intBetween, pick, seededRandom, type Random } from './synthetic';
import { saveConsideration } from '../services/follow-through/consideration';
import { DEVIATION_REASONS, type DeviationReason, type WishesConsidered } from '../../shared/domain/follow-through';

const REASON_WEIGHTS: [DeviationReason, number][] = [
  ['patient_choice', 0.4],
  ['comorbidity_or_performance', 0.25],
  ['progression', 0.2],
  ['other_clinical', 0.1],
  ['not_known', 0.05],
];
const TRIALS = [
  { name: 'NORDIC-ANAL-RT (demo)', euCt: '2023-503456-12-00' },
  { name: 'SARC-NEO (demo)', euCt: '2024-510022-31-00' },
  { name: 'MEL-ILP-IMMUNO (demo)', euCt: '2022-500871-40-01' },
];

function weighted(rnd: Random): DeviationReason {
  let r = rnd();
  for (const [reason, w] of REASON_WEIGHTS) if ((r -= w) < 0) return reason;
  return DEVIATION_REASONS[0];
}

export function addFollowThroughDemo(db: Db, api: DirectCaller, today: string): void {
  const rnd = seededRandom(2026_0019);
  const cases = db
    .prepare(
      `SELECT ci.meeting_id meetingId, ci.referral_id referralId, m.local_date date, m.starts_at startsAt, ci.position
         FROM case_list_item ci JOIN meeting m ON m.id = ci.meeting_id
        WHERE m.status = 'finalised' AND ci.outcome = 'discussed' ORDER BY m.starts_at, ci.position`,
    )
    .all() as { meetingId: number; referralId: number; date: string; startsAt: string; position: number }[];
  const times = db.prepare('UPDATE case_consideration SET opened_at = ?, closed_at = ? WHERE meeting_id = ? AND referral_id = ?');
  for (const c of cases) {
    const wishes: WishesConsidered | null = rnd() < 0.6 ? pick(rnd, ['yes', 'yes', 'yes', 'partly', 'no'] as const) : rnd() < 0.5 ? 'not_known' : null;
    const trial = rnd() < 0.33 ? (rnd() < 0.3 ? pick(rnd, TRIALS) : 'not_eligible') : rnd() < 0.5 ? false : null;
    saveConsideration(db, {
      meetingId: c.meetingId,
      referralId: c.referralId,
      wishesConsidered: wishes,
      wishesHow:
        wishes && wishes !== 'not_known'
          ? pick(rnd, [
              'Behandling nära hemmet enligt önskemål.',
              'Avstår cytostatika, strålbehandling accepterad.',
              'Önskar ingen kirurgi; alternativ diskuterat.',
            ])
          : null,
      trialConsidered: trial === null ? null : trial !== false,
      trialName: typeof trial === 'object' && trial ? trial.name : null,
      trialEuCtNumber: typeof trial === 'object' && trial ? trial.euCt : null,
      trialNotEligibleReason:
        trial === 'not_eligible'
          ? pick(rnd, ['Funktionsstatus WHO 2 (kräver 0–1).', 'Tidigare strålbehandling i området.', 'Ingen öppen studie för diagnosen.'])
          : null,
    });
    const opened = Date.parse(c.startsAt) + (c.position - 1) * 6 * 60_000;
    times.run(new Date(opened).toISOString(), new Date(opened + intBetween(rnd, 3, 12) * 60_000).toISOString(), c.meetingId, c.referralId);
    recordStatuses(api, db, rnd, c, today);
  }
}

function recordStatuses(api: DirectCaller, db: Db, rnd: Random, c: { meetingId: number; referralId: number; date: string }, today: string): void {
  const record = (status: 'awaiting' | 'started' | 'carried_out' | 'deviated', eventDate: string, extra: Record<string, unknown> = {}) => {
    api.setClock(new Date(`${eventDate}T09:00:00.000Z`));
    api.call('followThrough.record', { meetingId: c.meetingId, referralId: c.referralId, status, eventDate, ...extra });
  };
  if (rnd() < 0.08) return; // no status: the worklist shows it once the reply is old enough
  const start = addDays(c.date, intBetween(rnd, 7, 35));
  if (start >= today) {
    if (rnd() < 0.5) record('awaiting', c.date, { nextCheckDate: start });
    return;
  }
  if (rnd() < 0.16) {
    const reason = weighted(rnd);
    // Only a case still at "discussed" can go back; one closed meanwhile keeps the deviation alone.
    const discussed = db.prepare('SELECT status FROM referral WHERE id = ?').pluck().get(c.referralId) === 'discussed';
    record('deviated', start, { deviationReason: reason, note: 'Demodata.', rediscuss: discussed && reason === 'progression' && rnd() < 0.5 });
    return;
  }
  if (rnd() < 0.04) {
    const check = addDays(c.date, intBetween(rnd, 10, 20));
    record('awaiting', c.date, { nextCheckDate: check < today ? check : today });
    return;
  }
  record('started', start);
  const done = addDays(start, intBetween(rnd, 14, 90));
  if (done < today) record('carried_out', done);
}
