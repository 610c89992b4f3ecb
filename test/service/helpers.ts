import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../src/main/core';
import { createApiClient, type ApiClient } from '../../src/shared/api/client';
import { TEST_KDF } from '../../src/main/security/crypto';
import { signInAs, TEST_PASSPHRASE, testUserName } from '../sign-in';
import type { Role } from '../../src/shared/api/contract';
import { TEST_NOW, testNow } from '../clock';
import type { RecommendationInput } from '../../src/shared/api/methods/case-lists';

export { TEST_PASSPHRASE, TEST_ADMIN, testUserName, signInAs } from '../sign-in';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

export function tempDir(prefix = 'mdk-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * A core on a real (encrypted) SQLite file in a fresh folder, with a typed client through the router,
 * signed in as a test user: `localRole` makes the caller a physician, contact nurse … (default
 * administrator). The administrator "admin" and a user per role share TEST_PASSPHRASE (test/sign-in.ts).
 * Its clock is the tests' fixed instant (test/clock.ts) unless `now` is given: no test reads the calendar.
 */
export async function testCore(options: Partial<CoreOptions> & { localRole?: Role } = {}): Promise<{ core: Core; api: ApiClient; dataDir: string }> {
  const dataDir = options.dataDir ?? tempDir();
  const { localRole, ...coreOptions } = options;
  const core = createCore({ kdfCost: TEST_KDF, now: testNow, ...coreOptions, dataDir });
  cleanups.push(() => core.close());
  const session = core.newSession();
  await signInAs(core, session, localRole ?? 'administrator');
  return { core, dataDir, api: createApiClient((m, i) => core.router(m, i, session)) };
}

/** Sets the workplace the first-run step would (Sahlgrenska, ILP + anal cancer + sarcoma). */
export async function withWorkplace(api: ApiClient, unitCode = 'SU', careAreaCodes = ['ILP', 'ANAL', 'SARCOMA']) {
  const ref = await api.call('reference.get', {});
  const unit = ref.units.find((u) => u.code === unitCode)!;
  await api.call('workplace.set', { unitId: unit.id, careAreaCodes });
  return { ref, unit };
}

/**
 * CLI commands sign in (--user or MDK_USER, MDK_PASSPHRASE): for every test of the
 * calling file, the environment names the test user of `role`. The data folder must already have its
 * users: create it with `await testCore({ dataDir, localRole: role })` first.
 */
export function useCliSignIn(role: Role = 'administrator'): void {
  useTestClock();
  const saved = { user: process.env.MDK_USER, pass: process.env.MDK_PASSPHRASE };
  beforeEach(() => {
    process.env.MDK_USER = testUserName(role);
    process.env.MDK_PASSPHRASE = TEST_PASSPHRASE;
  });
  afterEach(() => {
    for (const [k, v] of [
      ['MDK_USER', saved.user],
      ['MDK_PASSPHRASE', saved.pass],
    ] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
}

/**
 * For every test of the calling file, `Date` starts at the tests' instant (test/clock.ts) and runs on
 * from there: code that builds its own core with the system clock (a CLI run) sees the same day as
 * `testCore()`. Only `Date` is faked; timers stay real.
 */
export function useTestClock(at: Date = TEST_NOW): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: at, shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

/** The error a call was refused with (fails the test when the call succeeds). */
export async function errorOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e as { code: string; messageKey: string; issues?: { path: string; messageKey: string }[] };
  }
  throw new Error('expected an error');
}

/** A curative recommendation of radiochemotherapy, with what a test adds. */
export const recommendation = (meetingId: number, referralId: number, over: Partial<RecommendationInput> = {}): RecommendationInput => ({
  meetingId,
  referralId,
  intent: 'curative',
  treatments: ['Radiokemoterapi'],
  ...over,
});
