/**
 * PDFs render in a worker thread (src/main/documents/pdf-pool.ts): the core's thread answers other
 * calls meanwhile, the document is the one the renderer made on the core's thread before, a failure
 * comes back as the renderer's own error, and no worker outlives the cores.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { threadId } from 'node:worker_threads';
import { holdPdfWorkers, renderPdf, runningPdfWorkers, stopPdfWorkers } from '../../src/main/documents/pdf-pool';
import { carePlanPdf } from '../../src/main/services/care-plans/pdf';
import { samplePlan } from '../care-plans/sample-plan';
import { pdfText } from '../pdf-text';
import { testCore, withWorkplace } from './helpers';
import { arrangeDischarge } from '../care-plans/arrange';

/** The PDF without what differs between any two renderings: its creation time and the ID made from it. */
const stable = (bytes: Buffer) =>
  bytes
    .toString('latin1')
    .replace(/\(D:\d{14}Z\)/g, '(D:)')
    .replace(/<xmp:CreateDate>[^<]*</g, '<xmp:CreateDate><')
    .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/g, '/ID []');

describe('PDF worker', () => {
  let release = () => {};
  beforeEach(() => {
    release = holdPdfWorkers(); // as an open core does
  });
  afterEach(async () => {
    release();
    await stopPdfWorkers();
  });

  it('renders off the calling thread: the main thread runs its next task before any PDF is back', async () => {
    await renderPdf('carePlan', samplePlan(), { demo: false }); // warm: the worker and its fonts
    expect(runningPdfWorkers()).toBeGreaterThan(0);
    const order: string[] = [];
    const pdfs = [1, 2, 3].map(() => renderPdf('carePlan', samplePlan(), { demo: false }).then(() => order.push('pdf')));
    // Rendered on this thread (as before), the three documents were made before this line ran and
    // their promises settled ahead of the next turn of the event loop.
    await new Promise<void>((resolve) => setImmediate(() => resolve(void order.push('main thread'))));
    await Promise.all(pdfs);
    expect(order).toEqual(['main thread', 'pdf', 'pdf', 'pdf']);
    expect(threadId).toBe(0);
  });

  it('makes the same document as rendering on the core thread', async () => {
    const plan = samplePlan();
    const [inWorker, here] = await Promise.all([renderPdf('carePlan', plan, { demo: true }), carePlanPdf(plan, { demo: true })]);
    expect(inWorker.subarray(0, 8).toString()).toBe('%PDF-1.7');
    expect(inWorker.length).toBe(here.length);
    expect(stable(inWorker)).toBe(stable(here));
    const { pages, text } = await pdfText(inWorker);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toContain('Märta Åström');
    expect(text).toContain('DEMO');
  });

  it('fails with the renderer’s own error, and the next PDF renders', async () => {
    const broken = { ...samplePlan(), followUps: [{ ...samplePlan().followUps[0], dueDate: null, intervalUnit: 'years' as 'months' }] };
    const direct = await carePlanPdf(broken, { demo: false }).then(
      () => null,
      (e: Error) => e,
    );
    expect(direct).toBeInstanceOf(TypeError);
    await expect(renderPdf('carePlan', broken, { demo: false })).rejects.toMatchObject({ name: 'TypeError', message: direct!.message });
    const bytes = await renderPdf('carePlan', samplePlan(), { demo: false });
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('fails a render whose worker is stopped, and starts a new worker for the next one', async () => {
    await renderPdf('carePlan', samplePlan(), { demo: false });
    const cut = renderPdf('carePlan', samplePlan(), { demo: false });
    await stopPdfWorkers();
    await expect(cut).rejects.toThrow(/PDF worker/);
    expect((await renderPdf('carePlan', samplePlan(), { demo: false })).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('ends its worker when the last core closes', async () => {
    release();
    const a = await testCore();
    const b = await testCore();
    await withWorkplace(a.api);
    const { referralId } = arrangeDischarge(a.core.db);
    const { id } = await a.api.call('carePlans.create', { referralId });
    const file = await a.api.call('carePlans.pdf', { id });
    expect(Buffer.from(file.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(runningPdfWorkers()).toBe(1);
    a.core.close();
    expect(runningPdfWorkers()).toBe(1); // the other core may still want it
    b.core.close();
    await vi.waitFor(() => expect(runningPdfWorkers()).toBe(0));
  });

  it('renders on the calling thread when no core holds the workers (a one-shot CLI command)', async () => {
    release();
    const bytes = await renderPdf('carePlan', samplePlan(), { demo: false });
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(runningPdfWorkers()).toBe(0);
  });
});
