/**
 * `npm run bench`: builds the national ten-year dataset in a temporary folder and measures each
 * figure of bench/budgets.json beside its floor (the same work without our layers, floors.ts), as
 * ours / floor / ratio / budget. The measured core runs in a process of its own, as in the app
 * (core.ts); the first calls after sign-in are measured in new processes (cold-measures.ts), the
 * rest in one long-lived process (server-measures.ts, load-measures.ts). Prints the table, writes
 * bench/last-results.md and the README's section.
 *
 * `npm run bench -- --scale 0.1` (or BENCH_SCALE=0.1) builds a tenth of every count and imports a
 * tenth of the rows: a quick check that every measure runs; its figures are not the budgets' case.
 * Not part of `npm test`. KEEP=1 keeps the temporary folder.
 * While tuning: BENCH_DIR=/some/dir builds the dataset there once and reuses it on later runs (the
 * import and agenda measures add rows, so figures drift; the published table comes from a fresh run),
 * ONLY=search_ms,agenda_proposal_ms runs just those measures and writes no report.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { projectRoot } from '../../src/main/paths';
import { databaseFile } from '../../src/main/core-files';
import { corePeakRssMb, databaseKey, openRaw, openSetupCore, signedInProcess, stopAll, type CoreProcess } from './core';
import { buildDataset, DASHBOARD, DASHBOARD_DATASET_FOLDER, NATIONAL, scaled, type Dataset, type DatasetOptions, type Scale } from './dataset';
import * as server from './server-measures';
import { firstSearch, importFirstCall, signInFirstInbox } from './cold-measures';
import { readsUnderLoad } from './load-measures';
import { chromiumFirstInboxRows, rendererJsGzip } from './browser-measures';
import { handlerQueries } from './floors';
import { memoryFloorMb } from './memory-floor';
import { table, writeResults, type Row } from './report';

const { values: args } = parseArgs({ options: { scale: { type: 'string' } }, strict: false });
const factor = Number(args.scale ?? process.env.BENCH_SCALE ?? 1);
if (!(factor > 0 && factor <= 1)) throw new Error(`--scale: a number above 0 and at most 1, not ${String(args.scale)}`);
const root = projectRoot();
const config = JSON.parse(readFileSync(join(root, 'bench', 'budgets.json'), 'utf8')) as { budgets: Record<string, number>; maxRatio: number };
const budgets = config.budgets;
const started = performance.now();
const reuseDir = process.env.BENCH_DIR;
const only = process.env.ONLY?.split(',').filter(Boolean);
const dir = reuseDir ?? mkdtempSync(join(tmpdir(), 'mdk-bench-'));
const rows: Row[] = [];
const loads: number[] = [loadavg()[0]];
const step = (label: string) => {
  loads.push(loadavg()[0]);
  console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${label}`);
};
const IMPORT_ROWS = Math.round(20_000 * factor);
const BATCH_PLANS = Math.max(25, Math.round(200 * factor));
const COLD_RUNS = 5;
const IMPORT_RUNS = 3;

async function measure(key: string, label: string, unit: Row['unit'], fn: () => Promise<server.Figure> | server.Figure, note?: string) {
  if (only && !only.includes(key)) return;
  step(label);
  const f = await fn();
  rows.push({ key, label, unit, ours: f.ours, floor: f.floor, budget: budgets[key], note: [note, f.note].filter(Boolean).join('; ') || undefined });
  console.log(
    `         ours ${f.ours.toFixed(2)} ${unit}, floor ${f.floor?.toFixed(2) ?? '–'} ${unit}, budget ${budgets[key]} ${unit}${f.note ? `\n         ${f.note}` : ''}`,
  );
}

const selected = (...keys: string[]) => !only || keys.some((k) => only.includes(k));

/** Builds a dataset in `folder` (first start: the bench user with the app's KDF), or with BENCH_DIR reads the one an earlier run built there. */
async function dataset(folder: string, what: string, scale: Scale, options: DatasetOptions = {}): Promise<Dataset> {
  const saved = join(folder, 'bench-dataset.json');
  if (reuseDir && existsSync(saved)) {
    step(`reusing the ${what} in ${folder}`);
    return JSON.parse(readFileSync(saved, 'utf8')) as Dataset;
  }
  step(`building the ${what} in ${folder}`);
  mkdirSync(folder, { recursive: true });
  const setup = await openSetupCore(folder);
  const ref = await setup.call('reference.get', {});
  await setup.call('workplace.set', { unitId: ref.units.find((u) => u.code === 'SU')!.id, careAreaCodes: ['SARCOMA', 'ANAL', 'VULVAR', 'PENILE', 'ILP'] });
  const t0 = performance.now();
  const ds = buildDataset(setup.core.db, scale, options);
  setup.core.db.pragma('optimize');
  await setup.core.healthChecked;
  setup.core.close();
  step(
    `${what} built in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${scale.patients} patients, ${ds.referralIds.length} referrals, ${ds.meetingIds.length} meetings, ${ds.carePlanIds.length} care plans`,
  );
  if (reuseDir) writeFileSync(saved, JSON.stringify(ds));
  return ds;
}

/** A signed-in core process whose after-sign-in work (check, first backup) is done. */
async function settledProcess(folder: string, label: string): Promise<CoreProcess> {
  const p = await signedInProcess(folder, label);
  await p.settled();
  return p;
}

try {
  const scale = scaled(NATIONAL, factor);
  const ds = await dataset(dir, 'dataset', scale);
  await databaseKey(dir); // the floors' key, learnt before anything is timed
  const n = (x: number) => x.toLocaleString('en');

  await measure('sign_in_first_inbox_page_ms', 'Sign-in (real KDF) + first inbox page, new process', 'ms', () => signInFirstInbox(dir, COLD_RUNS));
  await measure('search_cold_ms', 'First search after sign-in, new process', 'ms', () => firstSearch(ds, dir, COLD_RUNS));

  if (
    selected(
      'search_ms',
      'agenda_proposal_ms',
      'agenda_pdf_30_cases_ms',
      'care_plan_pdf_ms',
      'care_plan_batch_200_ms',
      'dashboard_ten_years_ms',
      'chromium_first_inbox_rows_ms',
    )
  ) {
    const b = await settledProcess(dir, 'warm measures');
    await measure('search_ms', `Search, warm (${Math.min(8, ds.sampleSearchTerms.length)} terms, median per search)`, 'ms', () => server.search(b, ds));
    await measure('agenda_proposal_ms', `Agenda proposal (${n(Math.min(1000, Math.round(scale.referrals / 50)))}+ eligible, ranked)`, 'ms', () =>
      server.proposal(b, ds),
    );
    await measure('agenda_pdf_30_cases_ms', 'Agenda PDF, 30 cases', 'ms', () => server.agendaPdf(b, ds));
    await measure('care_plan_pdf_ms', 'Care-plan PDF', 'ms', () => server.carePlanPdf(b, ds));
    await measure('care_plan_batch_200_ms', `Batch export, ${BATCH_PLANS} care plans (PDF+FHIR)`, 'ms', () => server.batch200(b, BATCH_PLANS));
    if (selected('dashboard_ten_years_ms')) {
      // The dashboard's budget is for ten years of ONE care area holding 25,000 referrals: the national dataset spreads
      // its referrals over five, so the dashboard gets its own dataset with every row in SARCOMA.
      const dashboardDir = join(dir, DASHBOARD_DATASET_FOLDER);
      const dashboardDs = await dataset(dashboardDir, 'dashboard dataset (one care area)', scaled(DASHBOARD, factor), {
        careAreas: ['SARCOMA'],
        followUpDetail: true,
      });
      const bd = await settledProcess(dashboardDir, 'dashboard');
      await measure('dashboard_ten_years_ms', `Follow-up dashboard, ten years of a care area (${n(dashboardDs.referralIds.length)} referrals)`, 'ms', () =>
        server.dashboard(bd, b),
      );
      await bd.stop();
    }
    await measure(
      'renderer_js_gzip_kb',
      'Renderer JavaScript at start (gzip)',
      'kB',
      () => rendererJsGzip(),
      'floor: React + ReactDOM production builds alone, gzip',
    );
    await measure(
      'chromium_first_inbox_rows_ms',
      'Chromium: load → first inbox rows',
      'ms',
      () => chromiumFirstInboxRows(b),
      'floor: a static HTML page with the same rows (the same statements)',
    );
    await b.stop();
  }
  // The imports add rows: after the figures that read the national dataset as built.
  await measure('import_20000_rows_ms', `Import ${n(IMPORT_ROWS)} mixed rows (preview + commit), first calls after sign-in`, 'ms', () =>
    importFirstCall(ds, dir, IMPORT_ROWS, IMPORT_RUNS, 1),
  );
  if (selected('reads_under_load_p95_ms')) {
    const b = await settledProcess(dir, 'reads under load');
    await measure('reads_under_load_p95_ms', `Small reads (p95) during an import of ${n(IMPORT_ROWS)} rows and a ${BATCH_PLANS}-plan export`, 'ms', () =>
      readsUnderLoad(b, ds, IMPORT_ROWS, BATCH_PLANS, 100),
    );
    await b.stop();
  }
  await measure('core_peak_rss_mb', 'Peak memory (RSS) of the core processes', 'MB', async () => {
    const raw = await openRaw(dir);
    const queries = handlerQueries(raw, dir, 'referrals.list', server.INBOX_QUERY);
    raw.close();
    const peak = await corePeakRssMb();
    return {
      ours: peak.mb,
      floor: await memoryFloorMb(databaseFile(dir), await databaseKey(dir), queries),
      note:
        `highest in the process for ${peak.by}; the core processes run the TypeScript sources through tsx, as does the floor: ` +
        'a process that derives a key at the same scrypt cost (128 MiB), opens the database and reads the first inbox page',
    };
  });

  const load = Math.max(...loads);
  const context = [
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, load average (1 min) up to ${load.toFixed(1)}; ` +
      `${factor === 1 ? '' : `SCALE ${factor} (not the budgets' case); `}dataset ${n(scale.patients)} patients, ${n(ds.referralIds.length)} referrals, ${n(ds.meetingIds.length)} meetings, ${n(ds.carePlanIds.length)} care plans; ` +
      `medians unless p95; total ${((performance.now() - started) / 1000).toFixed(0)} s.`,
  ];
  if (only || reuseDir || factor !== 1) console.log(['', ...context, '', ...table(rows, config.maxRatio)].join('\n'));
  else console.log(['', ...context, '', ...writeResults(root, rows, config.maxRatio, context)].join('\n'));
} finally {
  await stopAll();
  if (!process.env.KEEP && !reuseDir) rmSync(dir, { recursive: true, force: true });
}
