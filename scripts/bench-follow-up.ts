/**
 * Scratch benchmark (not a test): builds ten years of one care area (25,000 referrals with their
 * timeline, weekly meetings, case lists, recommendations, attendance, care plans and handovers) in
 * a temporary database and times the whole follow-up dashboard. Budget: under 100 ms.
 *   npx tsx scripts/bench-follow-up.ts        (PARTS=1 per figure, KEEP=1 keeps the database)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../src/main/core';
import { followUpDashboard } from '../src/main/services/follow-up/dashboard';
import { volumes } from '../src/main/services/follow-up/volumes';
import { completeness } from '../src/main/services/follow-up/completeness';
import { leadTimes } from '../src/main/services/follow-up/lead-times';
import { meetings } from '../src/main/services/follow-up/meetings';
import { carePlans } from '../src/main/services/follow-up/care-plans';

const parts = { volumes, completeness, leadTimes, meetings, carePlans };

const dir = mkdtempSync(join(tmpdir(), 'mdk-bench-'));
const core = createCore({ dataDir: dir });
const db = core.db;

let seed = 42;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const start = Date.UTC(2015, 0, 1);
const now = new Date().toISOString();
const unitIds = db.prepare('SELECT id FROM unit').pluck().all() as number[];

const t0 = performance.now();
db.transaction(() => {
  const insPatient = db.prepare("INSERT INTO patient (family_name, given_name, created_at, updated_at) VALUES ('B', 'B', ?, ?)");
  const insReferral = db.prepare(
    `INSERT INTO referral (patient_id, care_area_code, referring_unit_id, received_date, suspicion_date, status, status_changed_at,
       treatment_start_date, discharge_date, created_at, updated_at) VALUES (?, 'ANAL', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insEvent = db.prepare('INSERT INTO referral_event (referral_id, at, user_name, from_status, to_status) VALUES (?, ?, ?, ?, ?)');
  const insMeeting = db.prepare(
    `INSERT INTO meeting (care_area_code, local_date, starts_at, duration_minutes, status, ical_uid, created_at, updated_at)
     VALUES ('ANAL', ?, ?, 90, ?, ?, ?, ?)`,
  );
  const insPerson = db.prepare("INSERT INTO person (name, role, created_at) VALUES ('P', ?, ?)");
  const insParticipant = db.prepare('INSERT INTO meeting_participant (meeting_id, person_id, role, attendance) VALUES (?, ?, ?, ?)');
  const insCase = db.prepare('INSERT INTO case_list_item (meeting_id, referral_id, position, minutes, outcome) VALUES (?, ?, ?, 10, ?)');
  const insRec = db.prepare("INSERT INTO recommendation (referral_id, meeting_id, intent, recorded_at, recorded_by) VALUES (?, ?, 'curative', ?, 'X')");
  const insPlan = db.prepare(
    `INSERT INTO care_plan (patient_id, referral_id, version, status, discharge_date, finalised_at, created_at, updated_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?)`,
  );
  const insHandover = db.prepare(
    'INSERT INTO care_plan_handover (care_plan_id, sent_date, status, confirmed_date) VALUES (?, ?, ?, ?)',
  );

  // Weekly meetings on Wednesdays for ten years, five roles each.
  const roles = ['chair', 'surgeon', 'oncologist', 'radiologist', 'pathologist'];
  const persons = roles.map((r) => Number(insPerson.run(r, now).lastInsertRowid));
  const meetings: { id: number; day: number }[] = [];
  for (let d = start + 6 * DAY; d < start + 3652 * DAY; d += 7 * DAY) {
    const cancelled = rand() < 0.03;
    const id = Number(insMeeting.run(iso(d), new Date(d + 13 * 3600_000).toISOString(), cancelled ? 'cancelled' : 'finalised', `b${d}`, now, now).lastInsertRowid);
    if (!cancelled) {
      meetings.push({ id, day: d });
      persons.forEach((p, i) => insParticipant.run(id, p, roles[i], rand() < 0.9 ? 'present' : rand() < 0.5 ? 'remote' : 'absent'));
    }
  }
  const meetingAfter = (ms: number) => meetings.find((m) => m.day >= ms) ?? null;
  const positions = new Map<number, number>();
  for (let i = 0; i < 25_000; i++) {
    const received = start + Math.floor(rand() * 3640) * DAY;
    const patientId = Number(insPatient.run(now, now).lastInsertRowid);
    const m = meetingAfter(received + (7 + Math.floor(rand() * 30)) * DAY);
    const treatment = m && rand() < 0.7 ? iso(m.day + Math.floor(rand() * 40) * DAY) : null;
    const discharge = treatment && rand() < 0.8 ? iso(Date.parse(treatment) + Math.floor(rand() * 30) * DAY) : null;
    const id = Number(
      insReferral.run(patientId, unitIds[i % unitIds.length], iso(received), rand() < 0.8 ? iso(received - Math.floor(rand() * 20) * DAY) : null,
        m ? 'discussed' : 'complete', now, treatment, discharge, now, now).lastInsertRowid,
    );
    const at = (ms: number) => new Date(ms).toISOString();
    if (rand() < 0.3) {
      insEvent.run(id, at(received + DAY), 'u', 'received', 'awaiting_completion');
      insEvent.run(id, at(received + (2 + Math.floor(rand() * 10)) * DAY), 'u', 'awaiting_completion', 'complete');
    } else insEvent.run(id, at(received + DAY), 'u', 'received', 'complete');
    if (m) {
      const pos = (positions.get(m.id) ?? 0) + 1;
      positions.set(m.id, pos);
      insCase.run(m.id, id, pos, 'discussed');
      insRec.run(id, m.id, at(m.day + 14 * 3600_000));
    }
    if (discharge) {
      const finalised = rand() < 0.93;
      const plan = Number(insPlan.run(patientId, id, finalised ? 'finalised' : 'draft', discharge, finalised ? at(Date.parse(discharge)) : null, now, now).lastInsertRowid);
      if (finalised) {
        const confirmed = rand() < 0.85;
        insHandover.run(plan, discharge, confirmed ? 'confirmed' : 'pending', confirmed ? iso(Date.parse(discharge) + Math.floor(rand() * 10) * DAY) : null);
      }
    }
  }
})();
db.exec('ANALYZE');
console.log(`built in ${Math.round(performance.now() - t0)} ms:`, db.prepare('SELECT count(*) FROM referral').pluck().get(), 'referrals');

const input = { careAreaCode: 'ANAL', from: '2015-01-01', to: '2024-12-31' };
// KEEP=1: leave the database for EXPLAIN QUERY PLAN experiments.
if (process.env.KEEP) {
  core.close();
  console.log('kept', dir);
  process.exit(0);
}
// PARTS=1: CPU time of each figure's queries, three rounds (the first includes statement preparation).
if (process.env.PARTS) {
  const period = { ...input, lang: 'sv' as const };
  for (let round = 0; round < 3; round++) {
    for (const [name, figure] of Object.entries(parts)) {
      const before = process.cpuUsage();
      figure(db, period, 30);
      const used = process.cpuUsage(before);
      console.log(name.padEnd(14), ((used.user + used.system) / 1000).toFixed(1), 'ms CPU');
    }
  }
}
followUpDashboard(db, input, "sv"); // warm-up: statement preparation, page cache
// Wall time and CPU time: the CPU time is what the dashboard costs when the machine is shared.
const runs: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < 10; i++) {
  const t = performance.now();
  const c = process.cpuUsage();
  const d = followUpDashboard(db, input, 'sv');
  const u = process.cpuUsage(c);
  runs.push(performance.now() - t);
  cpu.push((u.user + u.system) / 1000);
  if (i === 0) console.log('total', d.volumes.total, 'received→MDK', d.leadTimes.receivedToMdk, 'meetings held', d.meetings.held, 'care plans', d.carePlans.share);
}
runs.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
console.log(`dashboard, ten years: wall median ${runs[5].toFixed(1)} ms, worst ${runs[9].toFixed(1)} ms; CPU median ${cpu[5].toFixed(1)} ms (budget 100 ms)`);
core.close();
rmSync(dir, { recursive: true, force: true });
