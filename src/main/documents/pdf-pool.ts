/**
 * PDFs are rendered off the core's thread: a document takes tens of milliseconds of pure JavaScript,
 * and on the unit server every other user's call waited behind it. The caller reads the data and notes
 * its access on the core's thread as before; only rendering the finished document model moves here.
 *
 * A small pool of worker threads (one, or two where there are cores to spare), started at the first
 * PDF and reused. An idle worker never keeps a process alive; the cores hold the pool
 * (`holdPdfWorkers`) and the workers end when the last core closes. With no holder (a one-shot CLI
 * command, which has no other caller waiting) a document renders on the calling thread: starting a
 * worker would only add to its wait.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { projectRoot, resourcesDir } from '../paths';
import { ApiError } from '../../shared/api/errors';
import type { PdfAnswer, PdfRequest } from './pdf-worker';
import type { PdfJobs, PdfKind } from './pdf-jobs';

const SIZE = Math.max(1, Math.min(2, availableParallelism() - 1));

interface Job {
  request: PdfRequest;
  resolve(bytes: Buffer): void;
  reject(error: Error): void;
}

interface PoolWorker {
  worker: Worker;
  job: Job | null;
}

/**
 * Where the worker's entry is. From source (tsx, vitest) the TypeScript file, loaded through tsx; in
 * the built app the entry electron-vite builds beside the others (electron.vite.config.ts).
 */
function workerEntry(): { file: string; execArgv?: string[] } {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    return { file: join(dirname(here), 'pdf-worker.ts'), execArgv: ['--import', tsx] };
  }
  const built = join(projectRoot(), 'out', 'main', 'pdf-worker.js');
  if (!existsSync(built)) throw new Error(`The PDF worker is missing: ${built}`);
  return { file: built };
}

const workers: PoolWorker[] = [];
/** Threads started and not yet exited (a stopped worker stays here until its thread has ended). */
const running = new Set<Worker>();
const queue: Job[] = [];
let nextId = 1;
let holders = 0;

function start(): PoolWorker {
  const entry = workerEntry();
  const worker = new Worker(entry.file, { execArgv: entry.execArgv, workerData: { resourcesDir: resourcesDir() } });
  const slot: PoolWorker = { worker, job: null };
  running.add(worker);
  worker.unref();
  worker.on('message', (answer: PdfAnswer) => {
    const job = slot.job;
    if (!job || job.request.id !== answer.id) return;
    slot.job = null;
    worker.unref();
    if ('bytes' in answer) job.resolve(Buffer.from(answer.bytes));
    else job.reject(errorOf(answer.error));
    dispatch();
  });
  // A worker that fails outside a job (it could not start) or ends takes its job with it; the next job starts a new one.
  const lost = (error: Error) => {
    const i = workers.indexOf(slot);
    if (i >= 0) workers.splice(i, 1);
    const job = slot.job;
    slot.job = null;
    job?.reject(error);
    dispatch();
  };
  worker.on('error', lost);
  worker.on('exit', (code) => {
    running.delete(worker);
    lost(new Error(`The PDF worker stopped (exit code ${code}).`));
  });
  workers.push(slot);
  return slot;
}

/** The renderer's error as it was thrown: an ApiError stays one (its message reaches the user). */
function errorOf(shape: Extract<PdfAnswer, { error: unknown }>['error']): Error {
  if (shape.api) return ApiError.from(shape.api);
  const error = new Error(shape.message);
  error.name = shape.name;
  if (shape.stack) error.stack = shape.stack;
  return error;
}

function dispatch(): void {
  while (queue.length) {
    const slot = workers.find((w) => !w.job) ?? (workers.length < SIZE ? start() : null);
    if (!slot) return;
    const job = queue.shift()!;
    slot.job = job;
    // While it works for a caller, the worker keeps the process alive until the answer is back.
    slot.worker.ref();
    slot.worker.postMessage(job.request);
  }
}

/** Renders a document in a worker thread (on this one when nothing holds the pool); rejects with the renderer's own error. */
export async function renderPdf<K extends PdfKind>(kind: K, ...args: Parameters<PdfJobs[K]>): Promise<Buffer> {
  if (holders === 0) {
    const { pdfJobs } = await import('./pdf-jobs');
    return (pdfJobs[kind] as (...a: Parameters<PdfJobs[K]>) => Promise<Buffer>)(...args);
  }
  return new Promise<Buffer>((resolve, reject) => {
    queue.push({ request: { id: nextId++, kind, args }, resolve, reject });
    try {
      dispatch();
    } catch (e) {
      queue.splice(0).forEach((job) => job.reject(e as Error));
    }
  });
}

/** A core holds the pool while it is open; the returned release ends the workers when no core holds it. */
export function holdPdfWorkers(): () => void {
  holders++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holders === 0) stopPdfWorkers();
  };
}

/** Ends every worker; waiting and running jobs fail. The next PDF starts a new worker. */
export function stopPdfWorkers(): Promise<void> {
  const stopping = workers.splice(0);
  for (const job of queue.splice(0)) job.reject(new Error('The PDF workers were stopped.'));
  return Promise.all(stopping.map((w) => w.worker.terminate())).then(() => undefined);
}

/** How many PDF worker threads are running (tests: none is left behind once the cores are closed). */
export const runningPdfWorkers = (): number => running.size;
