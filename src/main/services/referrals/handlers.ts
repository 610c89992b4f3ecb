import type { Handlers } from '../../router/router';
import { stockholmToday } from '../../../shared/domain/lead-time';
import { ageOn, formatIdentifier } from '../../../shared/domain/identifiers';
import { findPatientId, openReferrals, patientSummary, readIdentifier } from './patients';
import { createReferral, updateReferral } from './register';
import { getReferral } from './read';
import { referralChecklists } from '../checklist/of-referral';
import { listReferrals } from './list';
import { close, completionText, markComplete, requestCompletion, withdraw } from './lifecycle';
import { commitImport, previewImport } from './import/import';
import { saveReferralRules } from './rules';
import { markCompleteMany } from './bulk-complete';

type Methods =
  | 'patients.lookup'
  | 'referrals.create'
  | 'referrals.update'
  | 'referrals.get'
  | 'referrals.list'
  | 'referrals.requestCompletion'
  | 'referrals.completionText'
  | 'referrals.markComplete'
  | 'referrals.markCompleteMany'
  | 'referrals.withdraw'
  | 'referrals.close'
  | 'referrals.importPreview'
  | 'referrals.importCommit'
  | 'referralRules.save';

export const referralHandlers: Pick<Handlers, Methods> = {
  'patients.lookup': (input, ctx) => {
    const today = stockholmToday(ctx.now());
    const id = readIdentifier(ctx.db, input, today);
    const patientId = findPatientId(ctx.db, id);
    if (patientId !== null) ctx.notePatientAccess({ patientId, objectType: 'patient', objectId: patientId });
    return {
      system: id.system,
      value: id.value,
      display: formatIdentifier(id.system, id.value),
      birthDate: id.birthDate,
      sex: id.sex,
      age: id.birthDate ? ageOn(id.birthDate, today) : null,
      patient: patientId === null ? null : patientSummary(ctx.db, patientId, today),
      openReferrals: patientId === null ? [] : openReferrals(ctx.db, patientId),
    };
  },
  'referrals.create': (input, ctx) => createReferral(ctx, input as Parameters<typeof createReferral>[1]),
  'referrals.update': (input, ctx) => updateReferral(ctx, input.id, input.referral, input.expectedVersion),
  'referrals.get': ({ id }, ctx) => {
    const detail = getReferral(ctx.db, id, ctx.now());
    ctx.notePatientAccess({ patientId: detail.patient.id, objectType: 'referral', objectId: id });
    return { ...detail, checklists: referralChecklists(ctx.db, id, stockholmToday(ctx.now())) };
  },
  'referrals.list': (input, ctx) => listReferrals(ctx, input as Parameters<typeof listReferrals>[1]),
  'referrals.requestCompletion': ({ id }, ctx) => requestCompletion(ctx, id),
  'referrals.completionText': ({ id }, ctx) => completionText(ctx, id),
  'referrals.markComplete': ({ id }, ctx) => markComplete(ctx, id),
  'referrals.markCompleteMany': ({ ids }, ctx) => markCompleteMany(ctx, ids),
  'referrals.withdraw': ({ id, reason }, ctx) => withdraw(ctx, id, reason),
  'referrals.close': ({ id, note }, ctx) => close(ctx, id, note),
  'referrals.importPreview': ({ base64 }, ctx) => previewImport(ctx, base64),
  'referrals.importCommit': ({ fileName, base64, markComplete }, ctx) => commitImport(ctx, fileName, base64, markComplete),
  'referralRules.save': (input, ctx) => saveReferralRules(ctx.db, input),
};
