import type { Db } from '../../db/driver';
import { canTransition, type ReferralStatus } from '../../../shared/domain/referral-status';
import { conflict, notFound } from '../../../shared/api/errors';

export interface StatusChange {
  to: ReferralStatus;
  userName: string;
  at: Date;
  note?: string | null;
}

/**
 * The one way a referral's status changes: checks the transition, updates the referral and writes
 * its timeline row (time, user, from/to). Call inside the request's transaction.
 */
export function changeReferralStatus(db: Db, referralId: number, change: StatusChange): void {
  const row = db.prepare('SELECT status FROM referral WHERE id = ?').get(referralId) as { status: ReferralStatus } | undefined;
  if (!row) throw notFound('referral', referralId);
  if (row.status === change.to) return;
  if (!canTransition(row.status, change.to)) throw conflict('referral.badTransition', { from: row.status, to: change.to });
  const at = change.at.toISOString();
  db.prepare('UPDATE referral SET status = ?, status_changed_at = ?, updated_at = ? WHERE id = ?').run(change.to, at, at, referralId);
  db.prepare('INSERT INTO referral_event (referral_id, at, user_name, from_status, to_status, note) VALUES (?, ?, ?, ?, ?, ?)').run(
    referralId,
    at,
    change.userName,
    row.status,
    change.to,
    change.note ?? null,
  );
}
