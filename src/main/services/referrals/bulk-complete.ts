import type { RequestContext } from '../../router/context';
import type { MarkCompleteManyResult } from '../../../shared/api/methods/referrals';
import type { ReferralStatus } from '../../../shared/domain/referral-status';
import { AWAITS_COMPLETENESS } from '../../../shared/api/methods/referrals';
import { changeReferralStatus } from './status';
import { loadReferralRow, missingFor } from './read';

/**
 * "Markera som kompletta" for many referrals at once (the router runs it in one transaction): each
 * referral whose completeness check passes becomes complete; the others stay as they are and come back
 * with what they lack (or their status, when they are past that step: a listed case is never
 * moved back, as the transition to complete from listed would). Every referral read is logged.
 */
export function markCompleteMany(ctx: RequestContext, ids: number[]): MarkCompleteManyResult {
  const name = ctx.db.prepare("SELECT given_name || ' ' || family_name FROM patient WHERE id = ?").pluck();
  const result: MarkCompleteManyResult = { completed: [], notCompleted: [] };
  const at = ctx.now();
  for (const id of [...new Set(ids)]) {
    const row = loadReferralRow(ctx.db, id);
    ctx.notePatientAccess({ patientId: row.patient_id, objectType: 'referral', objectId: id });
    const patientName = name.get(row.patient_id) as string;
    const status = row.status as ReferralStatus;
    const missing = missingFor(ctx.db, row);
    if (missing.length || !AWAITS_COMPLETENESS.includes(status)) {
      result.notCompleted.push({ id, patientName, status, missing });
      continue;
    }
    changeReferralStatus(ctx.db, id, { to: 'complete', userName: ctx.caller.name, at });
    result.completed.push({ id, patientName });
  }
  return result;
}
