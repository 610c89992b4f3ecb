import type { Handlers } from '../../router/router';
import { handlers } from '../../router/handlers';
import { generateDemoData } from '../../demo/generate';

export const demoHandlers: Pick<Handlers, 'demo.load'> = {
  // Runs inside the router's one transaction: a refusal or failure leaves nothing behind.
  'demo.load': (_input, ctx) => {
    const { summary, accesses } = generateDemoData(ctx.db, { now: ctx.now(), dataDir: ctx.dataDir, handlers });
    const seen = new Set<number>();
    for (const a of accesses) {
      if (seen.has(a.patientId)) continue;
      seen.add(a.patientId);
      ctx.notePatientAccess({ patientId: a.patientId, objectType: 'demo', objectId: 'load', action: 'change' });
    }
    return summary;
  },
};
