import type { Transport } from '../../shared/api/client';
import { createStore } from './stores';

/** How many of this window's calls are waiting for their answer (the jobs indicator asks for progress meanwhile). */
export const useCallsInFlight = createStore<{ count: number }>(() => ({ count: 0 }));

/** Counts the calls in flight, except the progress question itself. */
export function countCallsInFlight(transport: Transport): Transport {
  return async (method, input) => {
    if (method === 'system.jobs') return transport(method, input);
    useCallsInFlight.setState((s) => ({ count: s.count + 1 }));
    try {
      return await transport(method, input);
    } finally {
      useCallsInFlight.setState((s) => ({ count: Math.max(0, s.count - 1) }));
    }
  };
}
