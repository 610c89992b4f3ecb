/**
 * Our figures measured through the router (as the app calls them), each beside its floor.
 * Each returns { ours, floor } in milliseconds (medians of repeated runs).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { isOpenStatus, REFERRAL_STATUSES } from '../../src/shared/domain/referral-status';
import { INBOX_PAGE_ROWS } from '../../src/shared/api/methods/referrals';
import { medianMs } from './measure';
import { openBenchCore, type BenchCore } from './core';
import { DASHBOARD_SQL, INBOX_SQL, openRaw, PROPOSAL_SQL, rawPdf, SEARCH_SQL } from './floors';
import { PERIOD, type Dataset } from './dataset';
import { importCsv } from './import-csv';
import { SYNC_WITHIN_MS } from '../../src/main/router/read-durability';

export interface Figure {
  ours: number;
  floor: number | null;
  /** Where the time goes, when a part explains a miss. */
  note?: string;
}

/** The renderer's first inbox query (inboxStore's defaults: open referrals, newest first, one page). */
const INBOX_QUERY = { statuses: REFERRAL_STATUSES.filter(isOpenStatus), sort: 'received_desc' as const, limit: INBOX_PAGE_ROWS };

export async function openAndFirstInbox(dataDir: string): Promise<Figure> {
  const ours = await medianMs(async () => {
    const b = openBenchCore(dataDir);
    await b.call('referrals.list', INBOX_QUERY);
    b.close();
  });
  const floor = await medianMs(() => {
    const db = openRaw(dataDir);
    db.prepare(INBOX_SQL).all();
    db.close();
  });
  // Parts: opening the core alone (start-up check, migrations, router) and the list call alone.
  const open = await medianMs(() => openBenchCore(dataDir).close());
  const b = openBenchCore(dataDir);
  const list = await medianMs(() => b.call('referrals.list', INBOX_QUERY));
  const { rows: { length: rows }, total } = await b.call('referrals.list', INBOX_QUERY);
  b.close();
  return { ours, floor, note: `parts: opening the core ${open.toFixed(0)} ms, the list call ${list.toFixed(0)} ms (the first page: ${rows} of ${total} open referrals)` };
}

export async function search(b: BenchCore, ds: Dataset): Promise<Figure> {
  const terms = ds.sampleSearchTerms.slice(0, 8);
  const raw = openRaw(b.core.dataDir);
  const stmt = raw.prepare(SEARCH_SQL);
  // The bulk-built search index answers like the raw FTS table: same referrals for every term.
  for (const t of terms) {
    const got = (await b.call('referrals.list', { search: t })).total;
    const want = stmt.all(`"${t.toLowerCase()}"`).length;
    if (got !== want) throw new Error(`search "${t}": ${got} referrals through the API, ${want} in the raw index`);
  }
  // The issue's figure is a median: each term's median, then the median over the terms (names and
  // number fragments alike). The slowest term is named beside it, so a common name's cost shows.
  const perTerm: { term: string; ours: number; floor: number; total: number }[] = [];
  for (const t of terms) {
    const total = (await b.call('referrals.list', { search: t })).total;
    perTerm.push({ term: t, total, ours: await medianMs(() => b.call('referrals.list', { search: t })), floor: await medianMs(() => stmt.all(`"${t.toLowerCase()}"`)) });
  }
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return (s[Math.floor((s.length - 1) / 2)] + s[Math.ceil((s.length - 1) / 2)]) / 2;
  };
  const ours = median(perTerm.map((p) => p.ours));
  const floor = median(perTerm.map((p) => p.floor));
  const slowest = perTerm.reduce((a, p) => (p.ours > a.ours ? p : a));
  const note = `per term ${perTerm.map((p) => `"${p.term}" ${p.ours.toFixed(1)} ms (${p.total} referrals)`).join(', ')}; slowest "${slowest.term}"`;
  raw.close();
  return { ours, floor, note };
}

export async function proposal(b: BenchCore, ds: Dataset): Promise<Figure> {
  const raw = openRaw(b.core.dataDir);
  const ours = await medianMs(() => b.call('caseLists.proposal', { meetingId: ds.proposalMeetingId }));
  const floor = await medianMs(() => raw.prepare(PROPOSAL_SQL).all('SARCOMA'));
  raw.close();
  return { ours, floor };
}

/** Lists 30 of the proposal's cases on the proposal meeting, then times its agenda. */
export async function agendaPdf(b: BenchCore, ds: Dataset): Promise<Figure> {
  const p = await b.call('caseLists.proposal', { meetingId: ds.proposalMeetingId });
  const ids = [...p.fits, ...p.overflow].slice(0, 30).map((c) => c.referralId);
  await b.call('caseLists.add', { meetingId: ds.proposalMeetingId, referralIds: ids, byHand: true });
  const view = await b.call('caseLists.get', { meetingId: ds.proposalMeetingId });
  const lines = view.items.flatMap((i) => [`${i.position}. ${i.familyName}, ${i.givenName} ${i.identifier ?? ''}`, i.history ?? '', i.comorbidity ?? '', i.patientWishes ?? '']);
  const ours = await medianMs(() => b.call('caseLists.agendaPdf', { meetingId: ds.proposalMeetingId }), 5);
  const floor = await medianMs(() => rawPdf(lines), 5);
  return { ours, floor };
}

export async function carePlanPdf(b: BenchCore, ds: Dataset): Promise<Figure> {
  const id = ds.carePlanIds[Math.floor(ds.carePlanIds.length / 2)];
  const plan = await b.call('carePlans.get', { id });
  const lines = Object.values(plan).filter((v): v is string => typeof v === 'string');
  const ours = await medianMs(() => b.call('carePlans.pdf', { id }), 7);
  const floor = await medianMs(() => rawPdf(lines), 7);
  return { ours, floor };
}

/** Batch export (PDF + FHIR) of the 200 plans discharged in a period, chunk by chunk as the UI does. */
export async function batch200(b: BenchCore): Promise<Figure> {
  const raw = openRaw(b.core.dataDir);
  const dates = raw.prepare("SELECT discharge_date FROM care_plan WHERE status = 'finalised' AND discharge_date >= '2025-01-01' ORDER BY discharge_date LIMIT 200").pluck().all() as string[];
  const [from, to] = [dates[0], dates[dates.length - 1]];
  const count = raw.prepare("SELECT count(*) FROM care_plan WHERE status = 'finalised' AND discharge_date BETWEEN ? AND ?").pluck().get(from, to) as number;
  const texts = raw.prepare("SELECT diagnosis_text, treatment_summary, self_care_advice, warning_signs FROM care_plan WHERE status = 'finalised' AND discharge_date BETWEEN ? AND ?").raw().all(from, to) as string[][];
  raw.close();
  const run = async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'mdk-bench-batch-'));
    let offset: number | null = 0;
    while (offset !== null) offset = (await b.call('carePlans.batchExport', { from, to, format: 'both', outDir, offset, limit: 25 })).nextOffset;
    rmSync(outDir, { recursive: true, force: true });
  };
  const ours = await medianMs(run, 3, 0);
  const floor = await medianMs(async () => { for (const t of texts) { await rawPdf(t); JSON.stringify({ resourceType: 'Bundle', entry: t }); } }, 3, 0);
  console.log(`  (batch: ${count} plans discharged ${from} … ${to})`);
  return { ours, floor };
}

/**
 * Preview + commit of 10,000 new CSV rows, as the user does them: pick the file, see the preview,
 * confirm. A fresh file each run (so none is already imported), made before the clock starts; the
 * runs are apart by more than the idle checkpoint's second (router/read-durability.ts).
 */
export async function import10k(b: BenchCore): Promise<Figure> {
  // Seeds follow the files already imported, so a reused BENCH_DIR gets new rows too (0 on a fresh dataset).
  const imported = b.core.db.prepare("SELECT count(*) FROM referral WHERE referring_physician = 'Dr Bench'").pluck().get() as number;
  let run = Math.ceil(imported / 10_000);
  // Five runs of preview + commit, then three of a commit alone.
  const files = Array.from({ length: 8 }, () => ({ fileName: 'bench.csv', base64: Buffer.from(importCsv(10_000, run++)).toString('base64') }));
  let next = 0;
  const ours = await medianMs(
    async () => {
      const input = files[next++];
      await b.call('referrals.importPreview', input);
      const r = await b.call('referrals.importCommit', input);
      // A few synthetic numbers collide with an existing patient's open referral and are refused as duplicates.
      if (r.counts.imported < 9_900) throw new Error(`import: ${JSON.stringify(r.counts)}`);
    },
    5,
    0,
    SYNC_WITHIN_MS + 500,
  );
  // The command line checks and writes in one call, with no preview to build on.
  const oneCall = await medianMs(() => b.call('referrals.importCommit', files[next++]), 3, 0, SYNC_WITHIN_MS + 500);
  const raw = openRaw(b.core.dataDir);
  raw.exec('CREATE TEMP TABLE bench_import (a, b, c, d, e, f, g)');
  const ins = raw.prepare('INSERT INTO bench_import VALUES (?, ?, ?, ?, ?, ?, ?)');
  const floorFiles = [0, 1, 2].map(() => importCsv(10_000, 1000 + run++));
  const floor = await medianMs(() => {
    const rows = Papa.parse<string[]>(floorFiles.pop()!, { delimiter: ';' }).data.slice(1);
    raw.transaction(() => { for (const r of rows) if (r.length > 6) ins.run(r[0], r[2], r[3], r[4], r[5], r[8], r[10]); })();
  }, 3, 0);
  raw.close();
  return { ours, floor, note: `preview, then commit of the confirmed file, through the router; a commit alone (as the command line imports: every check and the write in one call) ${oneCall.toFixed(0)} ms` };
}

/**
 * The whole dashboard of SARCOMA over the ten years, on the dashboard's dataset (`b`: every one of
 * the 25,000 referrals in that care area, with completion requests and attendance). The note adds
 * the same call on the national dataset (`national`: SARCOMA's share of five care areas), where the
 * other areas' rows sit in between.
 */
export async function dashboard(b: BenchCore, national: BenchCore): Promise<Figure> {
  const input = { careAreaCode: 'SARCOMA', from: PERIOD.from, to: PERIOD.to };
  const count = (db: ReturnType<typeof openRaw>, sql: string) => (db.prepare(sql).pluck().get(input) as number).toLocaleString('en');
  const received = 'SELECT count(*) FROM referral WHERE care_area_code = @careAreaCode AND received_date BETWEEN @from AND @to';
  const raw = openRaw(b.core.dataDir);
  const referrals = count(raw, received);
  const requests = count(raw, "SELECT count(*) FROM referral_event WHERE to_status = 'awaiting_completion'");
  const participants = count(raw, 'SELECT count(*) FROM meeting_participant');
  const ours = await medianMs(() => b.call('followUp.dashboard', input));
  const floor = await medianMs(() => raw.prepare(DASHBOARD_SQL).all(input.careAreaCode, input.from, input.to));
  raw.close();
  const nationalRaw = openRaw(national.core.dataDir);
  const nationalReferrals = count(nationalRaw, received);
  nationalRaw.close();
  const nationalMs = await medianMs(() => national.call('followUp.dashboard', input));
  return {
    ours,
    floor,
    note:
      `followUp.dashboard through the router for SARCOMA ${input.from} … ${input.to}, on a dataset of the national scale with every referral, meeting and ` +
      `care plan in that care area (${referrals} referrals received in the period), plus what the national dataset leaves out: ${requests} completion requests ` +
      `and ${participants} meeting participants with attendance; on the national dataset (five care areas, SARCOMA ${nationalReferrals} referrals) ${nationalMs.toFixed(0)} ms`,
  };
}
