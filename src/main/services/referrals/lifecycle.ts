import type { RequestContext } from '../../router/context';
import { conflict } from '../../../shared/api/errors';
import { completionRequestText, type RequirableField } from '../../../shared/domain/completeness';
import { stockholmToday } from '../../../shared/domain/lead-time';
import { formatIdentifier, type IdentifierSystem } from '../../../shared/domain/identifiers';
import type { ReferralStatus } from '../../../shared/domain/referral-status';
import { translate } from '../../../shared/i18n';
import { changeReferralStatus } from './status';
import { careAreaRules, loadReferralRow, missingFor } from './read';
import { getWorkplace } from '../system/workplace';

/** The Swedish completion request for what the referral lacks now (komplettering). */
export function completionText(ctx: RequestContext, id: number): { text: string; missing: RequirableField[] } {
  const { db } = ctx;
  const row = loadReferralRow(db, id);
  const missing = missingFor(db, row);
  const patient = db.prepare('SELECT given_name, family_name FROM patient WHERE id = ?').get(row.patient_id) as { given_name: string; family_name: string };
  const ident = db.prepare('SELECT system, value FROM patient_identifier WHERE patient_id = ? ORDER BY is_temporary, id LIMIT 1').get(row.patient_id) as
    { system: IdentifierSystem; value: string } | undefined;
  const unit = db.prepare('SELECT name FROM unit WHERE id = ?').get(row.referring_unit_id) as { name: string };
  const workplace = getWorkplace(db);
  const sender = workplace
    ? (db.prepare('SELECT name, phone FROM unit WHERE id = ?').get(workplace.unitId) as { name: string; phone: string | null } | undefined)
    : undefined;
  const text = completionRequestText({
    careAreaName: careAreaRules(db, row.care_area_code).nameSv,
    referringUnitName: unit.name,
    referringPhysician: row.referring_physician,
    patientName: `${patient.given_name} ${patient.family_name}`,
    patientIdentifier: ident ? formatIdentifier(ident.system, ident.value) : '',
    receivedDate: row.received_date,
    missing,
    senderUnitName: sender?.name ?? null,
    senderPhone: sender?.phone ?? null,
    today: stockholmToday(ctx.now()),
  });
  ctx.notePatientAccess({ patientId: row.patient_id, objectType: 'referral', objectId: id });
  return { text, missing };
}

/** received/complete → awaiting completion: records what was asked for and when. */
export function requestCompletion(ctx: RequestContext, id: number): { text: string; missing: RequirableField[] } {
  const { db } = ctx;
  const result = completionText(ctx, id);
  if (!result.missing.length) throw conflict('referral.nothingMissing');
  const at = ctx.now();
  const note = result.missing.map((m) => translate('sv', `referral.field.${m}`)).join(', ');
  changeReferralStatus(db, id, { to: 'awaiting_completion', userName: ctx.caller.name, at, note });
  db.prepare('UPDATE referral SET completion_requested_at = ?, completion_missing = ?, updated_at = ? WHERE id = ?').run(
    at.toISOString(),
    JSON.stringify(result.missing),
    at.toISOString(),
    id,
  );
  return result;
}

/** → complete, only when every field the care area requires has an answer. */
export function markComplete(ctx: RequestContext, id: number): { status: ReferralStatus } {
  const row = loadReferralRow(ctx.db, id);
  const missing = missingFor(ctx.db, row);
  if (missing.length) throw conflict('referral.stillMissing', { fields: missing.map((m) => translate('sv', `referral.field.${m}`)).join(', ') });
  changeReferralStatus(ctx.db, id, { to: 'complete', userName: ctx.caller.name, at: ctx.now() });
  ctx.notePatientAccess({ patientId: row.patient_id, objectType: 'referral', objectId: id });
  return { status: 'complete' };
}

/** Withdrawn (återkallad) from any open state, with the reason on the referral and in the timeline. */
export function withdraw(ctx: RequestContext, id: number, reason: string): { status: ReferralStatus } {
  const row = loadReferralRow(ctx.db, id);
  changeReferralStatus(ctx.db, id, { to: 'withdrawn', userName: ctx.caller.name, at: ctx.now(), note: reason });
  ctx.db.prepare('UPDATE referral SET withdrawn_reason = ? WHERE id = ?').run(reason, id);
  ctx.notePatientAccess({ patientId: row.patient_id, objectType: 'referral', objectId: id });
  return { status: 'withdrawn' };
}

export function close(ctx: RequestContext, id: number, note: string | null): { status: ReferralStatus } {
  const row = loadReferralRow(ctx.db, id);
  changeReferralStatus(ctx.db, id, { to: 'closed', userName: ctx.caller.name, at: ctx.now(), note });
  ctx.notePatientAccess({ patientId: row.patient_id, objectType: 'referral', objectId: id });
  return { status: 'closed' };
}
