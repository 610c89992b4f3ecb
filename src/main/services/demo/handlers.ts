import type { Handlers } from '../../router/router';
import type { CoreMethod } from '../../router/handlers';
import { loadDemo } from './load';

/** `demo.load` replays history through the feature handlers it is given (createCore passes them). */
export const demoHandlers = (handlers: Omit<Handlers, CoreMethod>): Pick<Handlers, 'demo.load'> => ({
  // Written in chunks with progress (load.ts); a refusal or failure leaves nothing behind.
  'demo.load': async (_input, ctx) => {
    const { summary, accesses } = await loadDemo(ctx, handlers);
    const seen = new Set<number>();
    for (const a of accesses) {
      if (seen.has(a.patientId)) continue;
      seen.add(a.patientId);
      ctx.notePatientAccess({ patientId: a.patientId, objectType: 'demo', objectId: 'load', action: 'change' });
    }
    return summary;
  },
});
