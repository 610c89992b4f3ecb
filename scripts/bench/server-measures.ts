/**
 * The warm figures: one long-lived core process, signed in and settled, called as the app calls it
 * (through its channel and router); each figure beside its floor on a bare connection. Medians of
 * repeated runs; each run does what a user's repeated call does (no answer is remembered between
 * calls that a user's own repeated call would not find remembered too).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isOpenStatus, REFERRAL_STATUSES } from '../../src/shared/domain/referral-status';
import { INBOX_PAGE_ROWS } from '../../src/shared/api/methods/referrals';
import { fillToCapacity, orderCandidates } from '../../src/shared/domain/agenda';
import { eligibleKey, loadMeeting, type EligibleRow } from '../../src/main/services/case-lists/queries';
import { medianMs } from './measure';
import { openRaw, type CoreProcess } from './core';
import { handlerQueries, rawPdf, readFloor } from './floors';
import { replayer } from './record-queries';
import { PERIOD, type Dataset } from './dataset';

export interface Figure {
  ours: number;
  floor: number | null;
  /** Where the time goes, when a part explains a miss. */
  note?: string;
}

/** The renderer's first inbox query (inboxStore's defaults: open referrals, newest first, one page). */
export const INBOX_QUERY = { statuses: REFERRAL_STATUSES.filter(isOpenStatus), sort: 'received_desc' as const, limit: INBOX_PAGE_ROWS };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[Math.floor((s.length - 1) / 2)] + s[Math.ceil((s.length - 1) / 2)]) / 2;
};

export async function search(b: CoreProcess, ds: Dataset): Promise<Figure> {
  const terms = ds.sampleSearchTerms.slice(0, 8);
  const raw = await openRaw(b.dataDir);
  // The issue's figure is a median: each term's median, then the median over the terms (names and
  // number fragments alike). The slowest term is named beside it, so a common name's cost shows.
  const perTerm: { term: string; ours: number; floor: number; total: number }[] = [];
  for (const t of terms) {
    const total = (await b.call('referrals.list', { search: t })).total;
    const floor = readFloor(raw, b.dataDir, 'referrals.list', { search: t });
    perTerm.push({ term: t, total, ours: await medianMs(() => b.call('referrals.list', { search: t })), floor: await medianMs(floor) });
  }
  raw.close();
  const slowest = perTerm.reduce((a, p) => (p.ours > a.ours ? p : a));
  const note = `per term ${perTerm.map((p) => `"${p.term}" ${p.ours.toFixed(1)} ms (${p.total} referrals)`).join(', ')}; slowest "${slowest.term}"`;
  return { ours: median(perTerm.map((p) => p.ours)), floor: median(perTerm.map((p) => p.floor)), note };
}

/** The proposal's floor runs the handler's statements and ranks the eligible referrals with the agenda's rules. */
export async function proposal(b: CoreProcess, ds: Dataset): Promise<Figure> {
  const raw = await openRaw(b.dataDir);
  const input = { meetingId: ds.proposalMeetingId };
  const queries = handlerQueries(raw, b.dataDir, 'caseLists.proposal', input);
  const eligibleAt = queries.findIndex((q) => q.sql.includes('UNION ALL'));
  if (eligibleAt < 0) throw new Error('proposal: the eligible referrals query was not found among the handler statements');
  const run = replayer(raw, queries);
  const m = loadMeeting(raw, ds.proposalMeetingId);
  const floor = await medianMs(() => {
    const keys = (run()[eligibleAt] as EligibleRow[]).map(eligibleKey);
    const ordered = orderCandidates(keys, m.localDate, m.leadTimeTargetDays);
    return fillToCapacity(ordered, { maxCases: m.capacityCases, maxMinutes: m.durationMinutes }, { cases: 0, minutes: 0 }, () => 5);
  });
  const ranked = (run()[eligibleAt] as unknown[]).length;
  raw.close();
  const ours = await medianMs(() => b.call('caseLists.proposal', input));
  return { ours, floor, note: `floor: the handler's ${queries.length} statements, then the ranking of the ${ranked} eligible referrals` };
}

/** Lists 30 of the proposal's cases on the proposal meeting, then times its agenda. */
export async function agendaPdf(b: CoreProcess, ds: Dataset): Promise<Figure> {
  const p = await b.call('caseLists.proposal', { meetingId: ds.proposalMeetingId });
  const ids = [...p.fits, ...p.overflow].slice(0, 30).map((c) => c.referralId);
  await b.call('caseLists.add', { meetingId: ds.proposalMeetingId, referralIds: ids, byHand: true });
  const view = await b.call('caseLists.get', { meetingId: ds.proposalMeetingId });
  const lines = view.items.flatMap((i) => [
    `${i.position}. ${i.familyName}, ${i.givenName} ${i.identifier ?? ''}`,
    i.history ?? '',
    i.comorbidity ?? '',
    i.patientWishes ?? '',
  ]);
  const ours = await medianMs(() => b.call('caseLists.agendaPdf', { meetingId: ds.proposalMeetingId }), 5);
  const floor = await medianMs(() => rawPdf(lines), 5);
  return { ours, floor };
}

export async function carePlanPdf(b: CoreProcess, ds: Dataset): Promise<Figure> {
  const id = ds.carePlanIds[Math.floor(ds.carePlanIds.length / 2)];
  const plan = await b.call('carePlans.get', { id });
  const lines = Object.values(plan).filter((v): v is string => typeof v === 'string');
  const ours = await medianMs(() => b.call('carePlans.pdf', { id }), 7);
  const floor = await medianMs(() => rawPdf(lines), 7);
  return { ours, floor };
}

/** The period holding the (at most) `plans` most recent finalised care plans' discharges. */
export async function batchPeriod(dataDir: string, plans: number): Promise<{ from: string; to: string; count: number; texts: string[][] }> {
  const raw = await openRaw(dataDir);
  const dates = raw
    .prepare("SELECT discharge_date FROM care_plan WHERE status = 'finalised' AND discharge_date >= '2025-01-01' ORDER BY discharge_date LIMIT ?")
    .pluck()
    .all(plans) as string[];
  const [from, to] = [dates[0], dates[dates.length - 1]];
  const count = raw.prepare("SELECT count(*) FROM care_plan WHERE status = 'finalised' AND discharge_date BETWEEN ? AND ?").pluck().get(from, to) as number;
  const texts = raw
    .prepare(
      "SELECT diagnosis_text, treatment_summary, self_care_advice, warning_signs FROM care_plan WHERE status = 'finalised' AND discharge_date BETWEEN ? AND ?",
    )
    .raw()
    .all(from, to) as string[][];
  raw.close();
  return { from, to, count, texts };
}

/** Batch export (PDF + FHIR) of a period's plans, chunk by chunk as the window does. */
export async function runBatchExport(b: CoreProcess, period: { from: string; to: string }): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'mdk-bench-batch-'));
  try {
    let offset: number | null = 0;
    while (offset !== null) offset = (await b.call('carePlans.batchExport', { ...period, format: 'both', outDir, offset, limit: 25 })).nextOffset;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

export async function batch200(b: CoreProcess, plans: number): Promise<Figure> {
  const period = await batchPeriod(b.dataDir, plans);
  const ours = await medianMs(() => runBatchExport(b, period), 3, 0);
  const floor = await medianMs(
    async () => {
      for (const t of period.texts) {
        await rawPdf(t);
        JSON.stringify({ resourceType: 'Bundle', entry: t });
      }
    },
    3,
    0,
  );
  return { ours, floor, note: `${period.count} plans discharged ${period.from} … ${period.to}` };
}

/**
 * The whole dashboard of SARCOMA over the ten years, on the dashboard's dataset (`b`: every referral
 * in that care area, with completion requests and attendance). Its floor runs the same statements.
 * The note adds the same call on the national dataset (`national`: SARCOMA's share of five care areas).
 */
export async function dashboard(b: CoreProcess, national: CoreProcess): Promise<Figure> {
  const input = { careAreaCode: 'SARCOMA', from: PERIOD.from, to: PERIOD.to };
  const raw = await openRaw(b.dataDir);
  const count = (sql: string) => (raw.prepare(sql).pluck().get(input) as number).toLocaleString('en');
  const referrals = count('SELECT count(*) FROM referral WHERE care_area_code = @careAreaCode AND received_date BETWEEN @from AND @to');
  const requests = count("SELECT count(*) FROM referral_event WHERE to_status = 'awaiting_completion'");
  const participants = count('SELECT count(*) FROM meeting_participant');
  const queries = handlerQueries(raw, b.dataDir, 'followUp.dashboard', input);
  const floor = await medianMs(replayer(raw, queries));
  const ours = await medianMs(() => b.call('followUp.dashboard', input));
  raw.close();
  const nationalMs = await medianMs(() => national.call('followUp.dashboard', input));
  return {
    ours,
    floor,
    note:
      `followUp.dashboard for SARCOMA ${input.from} … ${input.to} (${referrals} referrals received in the period, ${requests} completion requests, ` +
      `${participants} meeting participants; floor: its ${queries.length} statements); on the national dataset (five care areas) ${nationalMs.toFixed(0)} ms`,
  };
}
