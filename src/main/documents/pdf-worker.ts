/**
 * Entry of the PDF worker thread (pdf-pool.ts starts it; built to out/main/pdf-worker.js). Renders one
 * document per message and answers with its bytes, or with the error's name and message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { setResourcesDir } from '../paths';
import { pdfJobs, type PdfKind } from './pdf-jobs';
import { ApiError, type ApiErrorShape } from '../../shared/api/errors';

export interface PdfRequest {
  id: number;
  kind: PdfKind;
  args: unknown[];
}

export type PdfAnswer = { id: number; bytes: ArrayBuffer } | { id: number; error: { name: string; message: string; stack?: string; api?: ApiErrorShape } };

// The packaged app's resources are not where this thread's own paths.ts would look.
setResourcesDir((workerData as { resourcesDir: string }).resourcesDir);

parentPort!.on('message', async ({ id, kind, args }: PdfRequest) => {
  try {
    const render = pdfJobs[kind] as (...a: unknown[]) => Promise<Buffer>;
    const bytes = await render(...args);
    // A whole ArrayBuffer moves to the core's thread without a copy; a slice of a pooled one is copied.
    const own =
      bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
        ? (bytes.buffer as ArrayBuffer)
        : (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    parentPort!.postMessage({ id, bytes: own } satisfies PdfAnswer, [own]);
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    const api = error instanceof ApiError ? error.toJSON() : undefined;
    parentPort!.postMessage({ id, error: { name: error.name, message: error.message, stack: error.stack, api } } satisfies PdfAnswer);
  }
});
