/**
 * `demo.load` as a long job: the year of history is written a few days per transaction, with its
 * progress, and the calls that arrive meanwhile are answered between the chunks. A failure part-way
 * removes what the chunks wrote and puts back what was there (db/undoable-writes.ts), so a load
 * either completes or leaves the database as it found it.
 */
import type { RequestContext } from '../../router/context';
import type { Handlers } from '../../router/router';
import type { CoreMethod } from '../../router/handlers';
import { oneLongWriteAtATime, yieldToOtherCalls } from '../../router/jobs';
import { undoableWrites } from '../../db/undoable-writes';
import { demoSteps, type DemoOptions, type DemoResult, type DemoStep } from '../../demo/generate';

/** Each chunk writes steps until this much time has passed: other calls wait at most about this long. */
export const DEMO_CHUNK_MS = 100;

/** `chunkMs`: how long each chunk writes (DEMO_CHUNK_MS; 0: one step per chunk). */
export function loadDemo(
  ctx: RequestContext,
  handlers: Omit<Handlers, CoreMethod>,
  options: Pick<DemoOptions, 'historyDays'> & { chunkMs?: number } = {},
): Promise<DemoResult> {
  return oneLongWriteAtATime(ctx.db, async () => {
    const db = ctx.db;
    const steps = demoSteps(db, { now: ctx.now(), dataDir: ctx.dataDir, handlers, historyDays: options.historyDays });
    const undo = undoableWrites(db);
    let total = 1;
    try {
      for (;;) {
        await yieldToOtherCalls();
        const step = ctx.writeChunk(() => undo.chunk(() => stepsFor(steps, options.chunkMs ?? DEMO_CHUNK_MS)));
        if (step.done) {
          ctx.progress(total, total);
          return step.value;
        }
        total = step.value.total;
        ctx.progress(step.value.done, total);
      }
    } catch (error) {
      if (undo.started) ctx.writeChunk(() => undo.undo());
      throw error;
    } finally {
      undo.done();
    }
  });
}

/** Runs steps until `ms` have passed or the load is written. */
function stepsFor(steps: Generator<DemoStep, DemoResult, void>, ms: number): IteratorResult<DemoStep, DemoResult> {
  const until = performance.now() + ms;
  for (;;) {
    const step = steps.next();
    if (step.done || performance.now() >= until) return step;
  }
}
