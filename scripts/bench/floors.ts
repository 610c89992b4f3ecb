/**
 * The floors: the same work done directly, without our layers (router, validation, services, access
 * log), so that the ratio means the same on every row. A read's floor runs the very statements its
 * handler runs (recorded once, record-queries.ts) on a bare connection to the same encrypted file;
 * the proposal's floor also ranks; PDFs are pdfkit alone; the import's floor writes the same rows into
 * the same indexed tables with plain prepared statements (import-floor.ts).
 */
import PDFDocument from 'pdfkit';
import { join } from 'node:path';
import { resourcesDir } from '../../src/main/paths';
import type { Db } from '../../src/main/db/driver';
import { handlers } from '../../src/main/router/handlers';
import type { RequestContext } from '../../src/main/router/context';
import { api, type Input, type MethodName } from '../../src/shared/api';
import { recordQueries, replayer, type RecordedQuery } from './record-queries';

/** A context for calling a read handler directly: no caller checks, no log, no transaction. */
function bareContext(db: Db, method: string, dataDir: string): RequestContext {
  return {
    db,
    caller: { userId: 1, name: 'Bench', role: 'administrator', unitId: null },
    method,
    sessionId: 'floor',
    now: () => new Date(),
    notePatientAccess: () => {},
    dataDir,
    progress: () => {},
    writeChunk: (write) => write(),
    afterCommit: () => {
      throw new Error('a floor records reads only');
    },
  };
}

/** The statements the handler of `method` runs for `input`, recorded on `db` (which it reads, and may warm). */
export function handlerQueries<M extends MethodName>(db: Db, dataDir: string, method: M, input: Input<M>): RecordedQuery[] {
  const parsed = api[method].input.parse(input) as never;
  const handler = (handlers as Record<string, (input: never, ctx: RequestContext) => unknown>)[method];
  return recordQueries(db, (watched) => handler(parsed, bareContext(watched, method, dataDir)));
}

/** The floor of a read: its handler's statements, prepared on `db` once, each run materialising its rows. */
export function readFloor<M extends MethodName>(db: Db, dataDir: string, method: M, input: Input<M>): () => unknown[] {
  return replayer(db, handlerQueries(db, dataDir, method, input));
}

/** pdfkit alone, with the same embedded font, writing the given lines. */
export function rawPdf(lines: string[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56 });
  doc.registerFont('DejaVu', join(resourcesDir(), 'fonts', 'DejaVuSans.ttf'));
  doc.font('DejaVu').fontSize(10);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (const l of lines) doc.text(l);
  doc.end();
  return done;
}
