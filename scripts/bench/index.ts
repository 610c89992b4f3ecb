/**
 * `npm run bench`: builds the national ten-year dataset in a temporary folder and measures
 * each figure of bench/budgets.json as the median of repeated runs, beside its floor (the same work
 * without our layers). Prints the table, writes bench/last-results.md and the README's section.
 * The dashboard measure has its own dataset (same scale, every row in one care area), built
 * in the folder's `dashboard-dataset/` only when that measure runs.
 * Not part of `npm test`. KEEP=1 keeps the temporary folder.
 * While tuning: BENCH_DIR=/some/dir builds the dataset there once and reuses it on later runs (the
 * import and agenda measures add rows, so figures drift; the published table comes from a fresh run),
 * ONLY=search_ms,agenda_proposal_ms runs just those measures and writes no report. BENCH_DIR reuses the
 * dashboard's dataset the same way.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { projectRoot } from '../../src/main/paths';
import { closeKeyHolders, holdKey, openBenchCore, releaseKey } from './core';
import { buildDataset, DASHBOARD_DATASET_FOLDER, SCALE, type Dataset, type DatasetOptions } from './dataset';
import * as server from './server-measures';
import { chromiumFirstInboxRows, rendererJsGzip } from './browser-measures';
import { writeResults, type Row } from './report';

const root = projectRoot();
const budgets = (JSON.parse(readFileSync(join(root, 'bench', 'budgets.json'), 'utf8')) as { budgets: Record<string, number> }).budgets;
const started = performance.now();
const reuseDir = process.env.BENCH_DIR;
const only = process.env.ONLY?.split(',').filter(Boolean);
const dir = reuseDir ?? mkdtempSync(join(tmpdir(), 'mdk-bench-'));
const rows: Row[] = [];
const step = (label: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${label}`);

async function measure(key: string, label: string, unit: Row['unit'], fn: () => Promise<server.Figure> | server.Figure, note?: string) {
  if (only && !only.includes(key)) return;
  step(label);
  const f = await fn();
  rows.push({ key, label, unit, ours: f.ours, floor: f.floor, budget: budgets[key], note: [note, f.note].filter(Boolean).join('; ') || undefined });
  console.log(`         ours ${f.ours.toFixed(2)} ${unit}, floor ${f.floor?.toFixed(2) ?? '–'} ${unit}, budget ${budgets[key]} ${unit}${f.note ? `\n         ${f.note}` : ''}`);
}

const selected = (key: string) => !only || only.includes(key);

/** Builds a dataset in `folder`, or with BENCH_DIR reads the one an earlier run built there. */
async function dataset(folder: string, what: string, options: DatasetOptions = {}): Promise<Dataset> {
  const saved = join(folder, 'bench-dataset.json');
  if (reuseDir && existsSync(saved)) {
    step(`reusing the ${what} in ${folder}`);
    return JSON.parse(readFileSync(saved, 'utf8')) as Dataset;
  }
  step(`building the ${what} in ${folder}`);
  mkdirSync(folder, { recursive: true });
  const setup = openBenchCore(folder);
  const ref = await setup.call('reference.get', {});
  await setup.call('workplace.set', { unitId: ref.units.find((u) => u.code === 'SU')!.id, careAreaCodes: ['SARCOMA', 'ANAL', 'VULVAR', 'PENILE', 'ILP'] });
  const t0 = performance.now();
  const ds = buildDataset(setup.core.db, SCALE, options);
  setup.core.db.pragma('optimize');
  setup.close();
  step(`${what} built in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${SCALE.patients} patients, ${ds.referralIds.length} referrals, ${ds.meetingIds.length} meetings, ${ds.carePlanIds.length} care plans`);
  if (reuseDir) writeFileSync(saved, JSON.stringify(ds));
  return ds;
}

try {
  const ds = await dataset(dir, 'dataset');

  await holdKey(dir); // the floors' connection, signed in and checked before anything is timed
  await measure('open_first_inbox_page_ms', 'Open database + first inbox page', 'ms', () => server.openAndFirstInbox(dir));
  releaseKey(dir); // from here the measured core holds it (core.ts)
  const b = openBenchCore(dir);
  // Steady state: the check after sign-in scans the whole file in a worker for a few seconds.
  await Promise.all([b.settled, holdKey(dir)]);
  await measure('search_ms', `Search (${Math.min(8, ds.sampleSearchTerms.length)} terms, median per search)`, 'ms', () => server.search(b, ds));
  await measure('agenda_proposal_ms', 'Agenda proposal (1,000+ eligible)', 'ms', () => server.proposal(b, ds));
  await measure('agenda_pdf_30_cases_ms', 'Agenda PDF, 30 cases', 'ms', () => server.agendaPdf(b, ds));
  await measure('care_plan_pdf_ms', 'Care-plan PDF', 'ms', () => server.carePlanPdf(b, ds));
  await measure('care_plan_batch_200_ms', 'Batch export, 200 care plans (PDF+FHIR)', 'ms', () => server.batch200(b));
  if (selected('dashboard_ten_years_ms')) {
    // The dashboard's budget is for ten years of ONE care area holding 25,000 referrals: the national dataset spreads
    // its referrals over five, so the dashboard gets its own dataset with every row in SARCOMA.
    const dashboardDir = join(dir, DASHBOARD_DATASET_FOLDER);
    const dashboardDs = await dataset(dashboardDir, 'dashboard dataset (one care area)', { careAreas: ['SARCOMA'], followUpDetail: true });
    const bd = openBenchCore(dashboardDir);
    await Promise.all([bd.settled, holdKey(dashboardDir)]);
    await measure('dashboard_ten_years_ms', `Follow-up dashboard, ten years of a care area (${dashboardDs.referralIds.length.toLocaleString('en')} referrals)`, 'ms', () =>
      server.dashboard(bd, b),
    );
    bd.close();
  }
  await measure('renderer_js_gzip_kb', 'Renderer JavaScript (gzip)', 'kB', () => rendererJsGzip(), 'floor: React + ReactDOM production builds alone, gzip');
  await measure('chromium_first_inbox_rows_ms', 'Chromium: load → first inbox rows', 'ms', () => chromiumFirstInboxRows(b), 'floor: a static HTML page with the same rows (raw SQL)');
  // Last: the import adds 10,000 referrals per run.
  await measure('import_10000_rows_ms', 'Import 10,000 CSV rows (preview + commit)', 'ms', () => server.import10k(b), 'floor: papaparse + plain INSERT of the same rows');
  b.close();

  const context = [
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}; ` +
      `dataset ${SCALE.patients.toLocaleString('en')} patients, ${ds.referralIds.length.toLocaleString('en')} referrals, ${ds.meetingIds.length.toLocaleString('en')} meetings, ${ds.carePlanIds.length.toLocaleString('en')} care plans; medians; total ${((performance.now() - started) / 1000).toFixed(0)} s.`,
  ];
  if (only || reuseDir) console.log(rows.map((r) => `${r.key}: ${r.ours.toFixed(2)} ${r.unit} (budget ${r.budget})`).join('\n'));
  else console.log(['', ...context, '', ...writeResults(root, rows, context)].join('\n'));
} finally {
  closeKeyHolders();
  if (!process.env.KEEP && !reuseDir) rmSync(dir, { recursive: true, force: true });
}
