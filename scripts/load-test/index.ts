/**
 * `npm run load-test`: the unit server under a unit's working day, loopback only and bounded.
 * A real server process (TLS, self-signed, fingerprint pinned) on 127.0.0.1 over the demo unit; 50
 * simulated users (the four roles) each run the day's mix with a short think time for DURATION_S:
 * inbox, search, open a referral, edit it, case list, the recommendations it shows, a care-plan PDF.
 * Then: p95 per action and overall (< 150 ms), errors (0), every acknowledged edit read back after the
 * server was stopped and started again (counted), and `mdk verify` on the data folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareServerData } from '../../test/server/prepare';
import { ServerClient } from '../../test/server/client';
import { signInAs, TEST_PASSPHRASE, testUserName } from '../../test/sign-in';
import { createCore } from '../../src/main/core';
import { TEST_KDF } from '../../src/main/security/crypto';
import { runCli } from '../../src/main/cli/index';
import { startServerProcess as startServer, type ServerProcess } from '../../test/server/process';
import { referralFields, type ReferralDetail, type ReferralListRow } from '../../src/shared/api/methods/referrals';
import type { MeetingSummary } from '../../src/shared/api/methods/case-lists';
import type { CarePlanWorklists } from '../../src/shared/api/methods/care-plans';
import type { Role } from '../../src/shared/api/contract';

const USERS = Number(process.env.LOAD_USERS ?? 50);
const DURATION_S = Math.min(Number(process.env.LOAD_SECONDS ?? 60), 600);
const THINK_MS = [500, 1500] as const;
const P95_BUDGET_MS = 150;
const ROLES: Role[] = ['contact_nurse', 'coordinator', 'physician', 'administrator'];
const SEARCHES = ['Lind', 'And', 'Nils', 'Karl', 'Berg', 'Johan'];

const percentile = (xs: number[], p: number) => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fieldKeys = Object.keys(referralFields.shape) as (keyof typeof referralFields.shape)[];

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'mdk-load-'));
  console.log(`Data folder: ${dataDir}`);
  // The demo unit (a year of meetings, referrals and care plans) loaded as its administrator would.
  const core = createCore({ dataDir, kdfCost: TEST_KDF });
  const session = core.newSession();
  await signInAs(core, session, 'administrator');
  const demo = await core.router('demo.load', {}, session);
  if (!demo.ok) throw new Error(`demo.load: ${demo.error.messageKey}`);
  core.close();
  await prepareServerData(dataDir);
  let server: ServerProcess = await startServer(dataDir);
  console.log(`Server ${server.url} (${server.fingerprint.slice(0, 23)}…); ${USERS} users for ${DURATION_S} s`);

  const timings = new Map<string, number[]>();
  const errors: string[] = [];
  /** referral id → the notes text of the last edit the server acknowledged, the version before the first, and how many. */
  const acknowledged = new Map<number, string>();
  const firstVersion = new Map<number, number>();
  const editsAcked = new Map<number, number>();
  let conflicts = 0;

  async function timed<T>(client: ServerClient, action: string, method: string, input: unknown): Promise<T | undefined> {
    const t0 = performance.now();
    const res = await client.call<T>(method, input).catch((e: Error) => ({ ok: false as const, error: { code: 'internal', messageKey: e.message } }));
    const ms = performance.now() - t0;
    (timings.get(action) ?? timings.set(action, []).get(action)!).push(ms);
    if (!res.ok) {
      if (res.error.code === 'conflict' && res.error.messageKey.startsWith('team.changed')) conflicts++;
      else errors.push(`${action} ${method}: ${res.error.code} ${res.error.messageKey}`);
      return undefined;
    }
    return res.result;
  }

  const end = Date.now() + DURATION_S * 1000;
  // One sign-in at a time: a user name's sixth try in flight is refused (FREE_TRIES) until the first are through.
  let signIns: Promise<unknown> = Promise.resolve();
  async function user(index: number) {
    const role = ROLES[index % ROLES.length];
    const client = new ServerClient(server.url, server.fingerprint);
    await client.open();
    const signedIn = signIns.then(() => client.must('auth.login', { userName: testUserName(role), passphrase: TEST_PASSPHRASE }));
    signIns = signedIn.catch(() => undefined);
    await signedIn;
    const meetings = (await client.must<MeetingSummary[]>('caseLists.meetings')).filter((m) => m.caseCount > 0);
    let edits = 0;
    while (Date.now() < end) {
      await sleep(THINK_MS[0] + Math.random() * (THINK_MS[1] - THINK_MS[0]));
      const inbox = await timed<{ rows: ReferralListRow[] }>(client, 'inbox', 'referrals.list', { statuses: ['received', 'awaiting_completion', 'complete'] });
      await sleep(200);
      await timed(client, 'search', 'referrals.list', { search: SEARCHES[Math.floor(Math.random() * SEARCHES.length)] });
      // Each user edits only its own share of the open referrals (id mod USERS), so edits never collide.
      const mine = inbox?.rows.filter((r) => r.id % USERS === index) ?? [];
      const pick = mine.length ? mine[edits % mine.length] : inbox?.rows[Math.floor(Math.random() * (inbox?.rows.length ?? 1))];
      if (!pick) continue;
      const detail = await timed<ReferralDetail>(client, 'open referral', 'referrals.get', { id: pick.id });
      if (detail && mine.length && role !== 'physician') {
        const note = `belastningstest ${index}-${++edits}`;
        const referral = Object.fromEntries(fieldKeys.map((k) => [k, detail[k]]));
        const saved = await timed(client, 'edit referral', 'referrals.update', {
          id: pick.id,
          referral: { ...referral, notes: note },
          expectedVersion: detail.rowVersion,
        });
        if (!firstVersion.has(pick.id)) firstVersion.set(pick.id, detail.rowVersion);
        if (saved) {
          acknowledged.set(pick.id, note);
          editsAcked.set(pick.id, (editsAcked.get(pick.id) ?? 0) + 1);
        }
      }
      if (meetings.length)
        await timed(client, 'case list + recommendations', 'caseLists.get', { meetingId: meetings[Math.floor(Math.random() * meetings.length)].id });
      if (index % 3 === 0) {
        const lists = await timed<CarePlanWorklists>(client, 'care-plan worklists', 'carePlans.worklists', {});
        const plan = lists?.recent[Math.floor(Math.random() * lists.recent.length)];
        if (plan) await timed(client, 'care-plan PDF', 'carePlans.pdf', { id: plan.id, purpose: 'export' });
      }
    }
    client.close();
  }
  await Promise.all(Array.from({ length: USERS }, (_, i) => user(i)));

  // Every acknowledged write must be there after a restart of the server (read through a new process).
  await server.stop();
  server = await startServer(dataDir);
  const checker = new ServerClient(server.url, server.fingerprint);
  await checker.open();
  await checker.must('auth.login', { userName: testUserName('administrator'), passphrase: TEST_PASSPHRASE });
  // Each referral is edited by one user only, so its version rose by exactly its acknowledged edits.
  let present = 0;
  let writesCounted = 0;
  const ackedWrites = [...editsAcked.values()].reduce((a, b) => a + b, 0);
  for (const [id, note] of acknowledged) {
    const now = await checker.must<ReferralDetail>('referrals.get', { id });
    if (now.notes === note) present++;
    writesCounted += now.rowVersion - firstVersion.get(id)!;
  }
  checker.close();
  await server.stop();

  process.env.MDK_PASSPHRASE = TEST_PASSPHRASE;
  const verifyLines: string[] = [];
  const verified = await runCli(['verify', '--data', dataDir, '--user', 'admin'], { out: (l) => verifyLines.push(l), err: (l) => verifyLines.push(l) });

  const all = [...timings.values()].flat();
  console.log('\n| action | calls | median ms | p95 ms |\n|---|---:|---:|---:|');
  for (const [action, xs] of timings) console.log(`| ${action} | ${xs.length} | ${percentile(xs, 50).toFixed(1)} | ${percentile(xs, 95).toFixed(1)} |`);
  const p95 = percentile(all, 95);
  console.log(`| all | ${all.length} | ${percentile(all, 50).toFixed(1)} | ${p95.toFixed(1)} |`);
  console.log(`\nCalls: ${all.length} in ${DURATION_S} s (${(all.length / DURATION_S).toFixed(1)}/s); errors: ${errors.length}; conflicts: ${conflicts}`);
  for (const e of errors.slice(0, 10)) console.log(`  ${e}`);
  console.log(
    `Acknowledged edits after restart: ${writesCounted} of ${ackedWrites} counted by row version; last text present on ${present} of ${acknowledged.size} referrals`,
  );
  console.log(`mdk verify: ${verified === 0 ? 'clean' : 'FAILED'} (${verifyLines.filter((l) => /check/.test(l)).join('; ')})`);
  const ok = p95 < P95_BUDGET_MS && errors.length === 0 && present === acknowledged.size && writesCounted === ackedWrites && verified === 0;
  console.log(ok ? `PASS: p95 ${p95.toFixed(1)} ms < ${P95_BUDGET_MS} ms` : 'FAIL');
  if (!process.env.KEEP) rmSync(dataDir, { recursive: true, force: true });
  process.exit(ok ? 0 : 1);
}

void main();
