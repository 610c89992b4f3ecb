import { resolve } from 'node:path';
import { exportFolderProblem } from '../exports/export-folder';
import type { Db } from '../../db/driver';
import { invalid } from '../../../shared/api/errors';
import type { BatchChunkResult, ExportFormat } from '../../../shared/api/methods/care-plans';
import type { CarePlanDetail } from '../../../shared/api/methods/care-plans';
import { loadDetail } from './store';
import { renderPdf } from '../../documents/pdf-pool';
import { carePlanBundle } from './fhir';
import { exportDestination } from '../exports/write-file';
import { yieldToOtherCalls } from '../../router/jobs';

/** Finalised (or since superseded) plans finalised in [from, to] (Swedish dates, inclusive), oldest first. */
function plansInPeriod(db: Db, from: string, to: string): number[] {
  // finalised_at is a UTC instant; a day's end in Sweden is at most 2 h past UTC midnight, so widen the window.
  return db
    .prepare(
      `SELECT id FROM care_plan WHERE finalised_at IS NOT NULL
         AND date(finalised_at, '+2 hours') >= ? AND date(finalised_at, '+1 hours') <= ?
       ORDER BY finalised_at, id`,
    )
    .pluck()
    .all(from, to) as number[];
}

export function fileStem(plan: CarePlanDetail): string {
  return `vardplan-${plan.referralId}-v${plan.version}`;
}

export function resolveOutDir(outDir: string, dataDir: string): string {
  const problem = exportFolderProblem(outDir, dataDir);
  if (problem === 'notAbsolute') throw invalid('outDir', 'carePlan.outDirAbsolute');
  if (problem === 'missing') throw invalid('outDir', 'carePlan.outDirNotWritable');
  if (problem === 'insideDataFolder') throw invalid('outDir', 'export.insideDataFolder');
  return resolve(outDir);
}

/**
 * One chunk of a batch export: loads the chunk's plans synchronously (inside the router's
 * transaction, where the handler logs them), and `write` makes the files once the log rows are
 * committed (ctx.afterCommit), each under a temporary name until complete. The PDFs render in the
 * PDF worker; where one renders on this thread (a one-shot CLI command) it settles without a turn of
 * the event loop, so `write` also lets the calls that arrived meanwhile run before each plan, and
 * reports the export's progress (plans of the period).
 */
export function batchChunk(
  db: Db,
  input: { from: string; to: string; format: ExportFormat; outDir: string | null; download: boolean; offset: number; limit: number },
  now: Date,
  demo: boolean,
  dataDir: string,
  progress: (done: number, total: number) => void = () => {},
): { patientIds: number[]; write: () => Promise<BatchChunkResult> } {
  const dir = input.download ? null : resolveOutDir(input.outDir ?? '', dataDir);
  const ids = plansInPeriod(db, input.from, input.to);
  const chunk = ids.slice(input.offset, input.offset + input.limit).map((id) => loadDetail(db, id, now));
  const bundles = input.format === 'pdf' ? [] : chunk.map((p) => carePlanBundle(db, p, now));
  return {
    patientIds: chunk.map((p) => p.patientId),
    async write() {
      const out = exportDestination(dir);
      for (const [i, plan] of chunk.entries()) {
        progress(input.offset + i, ids.length);
        await yieldToOtherCalls();
        const stem = fileStem(plan);
        if (input.format !== 'fhir') {
          out.put({ fileName: `${stem}.pdf`, mimeType: 'application/pdf', base64: (await renderPdf('carePlan', plan, { demo })).toString('base64') });
        }
        if (input.format !== 'pdf') {
          const json = JSON.stringify(bundles[i], null, 2);
          out.put({ fileName: `${stem}.fhir.json`, mimeType: 'application/fhir+json', base64: Buffer.from(json, 'utf8').toString('base64') });
        }
      }
      const processed = input.offset + chunk.length;
      progress(processed, ids.length);
      return { total: ids.length, processed, nextOffset: processed < ids.length ? processed : null, written: out.names, outDir: dir, files: out.files };
    },
  };
}
