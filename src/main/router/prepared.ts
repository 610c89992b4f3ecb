import type { RequestContext } from './context';

/**
 * A handler whose input needs asynchronous work that touches no database (reading a PDF) before
 * its synchronous part runs in the call's transaction. better-sqlite3 cannot keep a transaction
 * open across an await, so the router awaits `prepare` first, then runs `run` in the transaction.
 */
export interface Preparation<I, P, O> {
  prepare(input: I): Promise<P>;
  run(input: I, ctx: RequestContext, prepared: P): O;
}

const PREPARATION = Symbol('preparation');

/** The handler for the contract's map; called directly (demo, tests) it prepares, then runs. */
export function withPreparation<I, P, O>(
  preparation: Preparation<I, P, O>,
): ((input: I, ctx: RequestContext) => Promise<O>) & { [PREPARATION]: Preparation<I, P, O> } {
  const handler = async (input: I, ctx: RequestContext) => preparation.run(input, ctx, await preparation.prepare(input));
  return Object.assign(handler, { [PREPARATION]: preparation });
}

/** The handler's preparation, when it has one. */
export function preparationOf(handler: unknown): Preparation<unknown, unknown, unknown> | undefined {
  return (handler as { [PREPARATION]?: Preparation<unknown, unknown, unknown> })[PREPARATION];
}
