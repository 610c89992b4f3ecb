/**
 * The one place the benchmark creates a core (issue 9): when sign-in lands, only this changes.
 * `call` goes through the router, as the app does.
 */
import { createCore, type Core } from '../../src/main/core';
import type { Input, MethodName, Output } from '../../src/shared/api';

export interface BenchCore {
  core: Core;
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
  close(): void;
}

export function openBenchCore(dataDir: string): BenchCore {
  const core = createCore({ dataDir });
  const session = core.newSession();
  return {
    core,
    async call(method, input) {
      const r = await core.router(method, input, session);
      if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
      return r.result as Output<typeof method>;
    },
    close: () => core.close(),
  };
}
