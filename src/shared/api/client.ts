import type { Input, MethodName, Output } from './index';
import { ApiError, type CallResult } from './errors';

/** Moves one call across a boundary (Electron IPC or the loopback HTTP bridge). */
export type Transport = (method: string, input: unknown) => Promise<CallResult<unknown>>;

export interface ApiClient {
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
}

/** The typed client the renderer (and e2e helpers) use; throws ApiError on failure. */
export function createApiClient(transport: Transport): ApiClient {
  return {
    async call(method, input) {
      const res = await transport(method, input);
      if (!res.ok) throw ApiError.from(res.error);
      return res.result as never;
    },
  };
}
