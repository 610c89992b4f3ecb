import type { Handlers } from '../../router/router';
import type { RequestContext } from '../../router/context';
import { getSetting } from '../settings';
import { getWorkplace } from '../system/workplace';
import { createFromTemplate, finalise, newVersion, saveDraft, type Actor, type PlanEdit } from './lifecycle';
import { confirmHandover, sendHandover } from './handover';
import { loadDetail, planRow, swedishToday } from './store';
import { worklists } from './worklists';
import { handoverPendingDays, listTemplates, saveTemplate, setHandoverPendingDays } from './templates';
import { renderPdf } from '../../documents/pdf-pool';
import { carePlanBundle } from './fhir';
import { batchChunk, fileStem } from './batch';

const actor = (ctx: RequestContext): Actor => ({ name: ctx.caller.name, unitId: workplaceUnit(ctx), now: ctx.now().toISOString() });
const workplaceUnit = (ctx: RequestContext) => ctx.caller.unitId ?? getWorkplace(ctx.db)?.unitId ?? null;
const demo = (ctx: RequestContext) => getSetting<boolean>(ctx.db, 'demo.loaded', false);

/** Loads a plan for the caller and notes the access (Patientdatalagen: every read is logged). */
function detail(ctx: RequestContext, id: number, action?: string) {
  const plan = loadDetail(ctx.db, id, ctx.now());
  ctx.notePatientAccess({ patientId: plan.patientId, objectType: 'care_plan', objectId: id, action });
  return plan;
}

export const carePlanHandlers: Pick<
  Handlers,
  | 'carePlans.worklists'
  | 'carePlans.get'
  | 'carePlans.create'
  | 'carePlans.save'
  | 'carePlans.finalise'
  | 'carePlans.newVersion'
  | 'carePlans.sendHandover'
  | 'carePlans.confirmHandover'
  | 'carePlans.pdf'
  | 'carePlans.fhir'
  | 'carePlans.batchExport'
  | 'carePlans.templates'
  | 'carePlans.saveTemplate'
  | 'carePlans.saveSettings'
> = {
  'carePlans.worklists': (_input, ctx) => {
    const { patientIds, ...lists } = worklists(ctx.db, swedishToday(ctx.now()));
    for (const patientId of patientIds) ctx.notePatientAccess({ patientId, objectType: 'care_plan_worklist', objectId: 'worklist' });
    return lists;
  },
  'carePlans.get': ({ id }, ctx) => detail(ctx, id),
  'carePlans.create': ({ referralId }, ctx) => {
    const id = createFromTemplate(ctx.db, referralId, actor(ctx));
    ctx.notePatientAccess({ patientId: planRow(ctx.db, id).patient_id, objectType: 'care_plan', objectId: id });
    return { id };
  },
  'carePlans.save': (input, ctx) => {
    saveDraft(ctx.db, input as PlanEdit, actor(ctx));
    return detail(ctx, input.id);
  },
  'carePlans.finalise': ({ id }, ctx) => {
    finalise(ctx.db, id, actor(ctx));
    return detail(ctx, id);
  },
  'carePlans.newVersion': ({ id }, ctx) => {
    const newId = newVersion(ctx.db, id, actor(ctx));
    ctx.notePatientAccess({ patientId: planRow(ctx.db, newId).patient_id, objectType: 'care_plan', objectId: newId });
    return { id: newId };
  },
  'carePlans.sendHandover': (input, ctx) => {
    sendHandover(ctx.db, input, actor(ctx));
    return detail(ctx, input.carePlanId);
  },
  'carePlans.confirmHandover': (input, ctx) => {
    confirmHandover(ctx.db, input, actor(ctx));
    return detail(ctx, input.carePlanId);
  },
  'carePlans.pdf': async ({ id, purpose }, ctx) => {
    const plan = detail(ctx, id, purpose);
    const bytes = await renderPdf('carePlan', plan, { demo: demo(ctx) });
    return { fileName: `${fileStem(plan)}.pdf`, mimeType: 'application/pdf', base64: bytes.toString('base64') };
  },
  'carePlans.fhir': ({ id }, ctx) => {
    const plan = detail(ctx, id, 'export');
    const json = JSON.stringify(carePlanBundle(ctx.db, plan, ctx.now()), null, 2);
    return { fileName: `${fileStem(plan)}.fhir.json`, mimeType: 'application/fhir+json', base64: Buffer.from(json, 'utf8').toString('base64') };
  },
  'carePlans.batchExport': (input, ctx) => {
    const job = batchChunk(ctx.db, input, ctx.now(), demo(ctx), ctx.dataDir, ctx.progress);
    for (const patientId of job.patientIds) ctx.notePatientAccess({ patientId, objectType: 'care_plan', objectId: 'batch', action: 'export' });
    return ctx.afterCommit(() => job.write());
  },
  'carePlans.templates': (_input, ctx) => ({ templates: listTemplates(ctx.db), handoverPendingDays: handoverPendingDays(ctx.db) }),
  'carePlans.saveTemplate': (input, ctx) => saveTemplate(ctx.db, input as Parameters<typeof saveTemplate>[1], ctx.caller.name, ctx.now().toISOString()),
  'carePlans.saveSettings': ({ handoverPendingDays: days }, ctx) => ({ handoverPendingDays: setHandoverPendingDays(ctx.db, days) }),
};
