import type { Db } from '../../db/driver';
import { conflict, invalid } from '../../../shared/api/errors';
import { planRow } from './store';
import type { Actor } from './lifecycle';

/**
 * Active handover (aktiv överlämning) of a finalised plan to a unit in the home region. One per
 * episode: it stays pending, and the national unit responsible, until confirmation is recorded.
 */
export function sendHandover(
  db: Db,
  input: { carePlanId: number; receivingUnitId: number; receivingContactNurse: string; sentDate: string },
  actor: Actor,
): void {
  const plan = planRow(db, input.carePlanId);
  if (plan.status !== 'finalised') throw conflict('carePlan.handoverNeedsFinalised');
  const existing = db
    .prepare('SELECT h.id FROM care_plan_handover h JOIN care_plan cp ON cp.id = h.care_plan_id WHERE cp.referral_id = ?')
    .pluck()
    .get(plan.referral_id);
  if (existing) throw conflict('carePlan.handoverExists');
  if (!db.prepare('SELECT 1 FROM unit WHERE id = ?').get(input.receivingUnitId)) throw invalid('receivingUnitId', 'carePlan.unknownUnit');
  // The receiving unit gets the finalised plan: it cannot have been sent before the plan was final.
  if (input.sentDate < plan.finalised_at!.slice(0, 10)) throw invalid('sentDate', 'carePlan.sentBeforeFinalised');
  if (input.sentDate > todayPlusOne(actor.now)) throw invalid('sentDate', 'carePlan.dateInFuture');
  db.prepare(
    `INSERT INTO care_plan_handover (care_plan_id, receiving_unit_id, receiving_contact_nurse, sent_date, status, recorded_by, created_at)
     VALUES (?, ?, ?, ?, 'pending', ?, ?)`,
  ).run(input.carePlanId, input.receivingUnitId, input.receivingContactNurse, input.sentDate, actor.name, actor.now);
}

/** Records the receiving side's confirmation (date, by whom): responsibility moves to the home region. */
export function confirmHandover(db: Db, input: { carePlanId: number; confirmedDate: string; confirmedBy: string }, actor: Actor): void {
  const plan = planRow(db, input.carePlanId);
  const h = db
    .prepare('SELECT h.id, h.status, h.sent_date FROM care_plan_handover h JOIN care_plan cp ON cp.id = h.care_plan_id WHERE cp.referral_id = ?')
    .get(plan.referral_id) as { id: number; status: string; sent_date: string } | undefined;
  if (!h) throw conflict('carePlan.noHandover');
  if (h.status === 'confirmed') throw conflict('carePlan.handoverAlreadyConfirmed');
  if (input.confirmedDate < h.sent_date) throw invalid('confirmedDate', 'carePlan.confirmedBeforeSent', { sent: h.sent_date });
  if (input.confirmedDate > todayPlusOne(actor.now)) throw invalid('confirmedDate', 'carePlan.dateInFuture');
  db.prepare("UPDATE care_plan_handover SET status = 'confirmed', confirmed_date = ?, confirmed_by = ? WHERE id = ?").run(
    input.confirmedDate,
    input.confirmedBy,
    h.id,
  );
}

/** Tolerates the Swedish date being a day ahead of UTC around midnight. */
function todayPlusOne(nowIso: string): string {
  const d = new Date(nowIso);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
