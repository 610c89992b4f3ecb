import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createCore, type Core } from '../../src/main/core';
import { startHttpBridge, type HttpBridge } from '../../src/main/transport/http-bridge';
import { projectRoot } from '../../src/main/paths';
import { createApiClient, type ApiClient } from '../../src/shared/api/client';
import type { Role } from '../../src/shared/api/contract';
import { TEST_KDF } from '../../src/main/security/crypto';
import { signInAs } from '../sign-in';
import { TEST_NOW } from '../clock';

export { TEST_PASSPHRASE, TEST_ADMIN, testUserName } from '../sign-in';

/** sessionStorage key the renderer keeps its session id under (src/renderer/lib/api.ts). */
const SESSION_KEY = 'mdk.session';

/**
 * Browser mode in-process: a real (encrypted) SQLite file in a per-test data folder behind the loopback
 * bridge. Every start signs in two sessions as the test user with `role` (creating the
 * administrator "admin" and that user on first start, passphrase TEST_PASSPHRASE): `api`'s, and the
 * browser session `openApp` hands the page, so tests start past the sign-in screen.
 */
export class AppServer {
  core!: Core;
  bridge!: HttpBridge;
  /** Calls the same API as the page, for arranging data (never for asserting what the UI shows). */
  api!: ApiClient;
  /** The session id `openApp` gives the page; signed in again after every restart. */
  readonly browserSession = randomUUID();
  private readonly apiSession = randomUUID();
  constructor(
    readonly dataDir: string,
    readonly role: Role = 'administrator',
    /** Auto-lock after this many ms of inactivity instead of the setting (`test.use({ autoLockMs })`). */
    readonly autoLockMs?: number,
    /** The instant the test's clock starts at (`test.use({ now })`); it then runs at the real pace. */
    startAt: Date = TEST_NOW,
  ) {
    this.offset = startAt.getTime() - Date.now();
  }

  private offset: number;
  /** The test's clock, which the core and (through `openApp`) the page both read: never the calendar. */
  readonly now = (): Date => new Date(Date.now() + this.offset);
  /** Moves the core's clock (an open page keeps its own until it is opened again). */
  setNow(at: Date): void {
    this.offset = at.getTime() - Date.now();
  }

  async start() {
    this.core = createCore({ dataDir: this.dataDir, kdfCost: TEST_KDF, autoLockMs: this.autoLockMs, now: this.now });
    this.bridge = await startHttpBridge({ router: this.core.router, staticDir: join(projectRoot(), 'dist', 'renderer') });
    await signInAs(this.core, this.apiSession, this.role);
    await signInAs(this.core, this.browserSession, this.role);
    this.api = createApiClient((m, i) => this.core.router(m, i, this.apiSession));
  }

  async stop() {
    await this.bridge.close();
    this.core.close();
  }

  /** Stops the server and starts a new one on the same data folder (a new launch, a new token). */
  async restart() {
    await this.stop();
    await this.start();
  }

  get url() {
    return this.bridge.url;
  }
}

/** Picks the national unit and care areas through the API, for tests that start past the first run. */
export async function completeFirstRun(server: AppServer, unitCode = 'SU', careAreaCodes = ['ILP', 'ANAL', 'SARCOMA']) {
  const ref = await server.api.call('reference.get', {});
  const unit = ref.units.find((u) => u.code === unitCode)!;
  await server.api.call('workplace.set', { unitId: unit.id, careAreaCodes });
}

/** Runs in the page before its scripts: `new Date()` and `Date.now()` read the test's clock. */
function shiftDate(offset: number) {
  const RealDate = Date;
  class TestDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [string]));
    }
    static now() {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = TestDate as DateConstructor;
}

export const test = base.extend<{
  role: Role;
  autoLockMs: number | undefined;
  now: string;
  server: AppServer;
  openApp: (page?: Page, options?: { signedIn?: boolean }) => Promise<Page>;
}>({
  /** The role the user in the browser acts in: `test.use({ role: 'physician' })`. */
  role: ['administrator', { option: true }],
  /** Inactivity before auto-lock; undefined keeps the setting (10 minutes). */
  autoLockMs: [undefined, { option: true }],
  /** Where the clock of the core and the page starts (ISO instant): `test.use({ now: '2027-01-15T09:00:00Z' })`. */
  now: [TEST_NOW.toISOString(), { option: true }],
  server: async ({ role, autoLockMs, now }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'mdk-e2e-'));
    const server = new AppServer(dir, role, autoLockMs, new Date(now));
    await server.start();
    await use(server);
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  },
  /**
   * Opens the app signed in as the test user (`{ signedIn: false }`: at the sign-in screen). The page's
   * `Date` is shifted to the server's clock and runs on naturally, so both agree on "today"; timers are
   * left alone (Playwright's clock would fake them too, and slow the virtualised lists).
   */
  openApp: async ({ page, server }, use) => {
    const shifted = new Set<Page>();
    await use(async (p = page, options = {}) => {
      if (!shifted.has(p)) {
        await p.addInitScript(shiftDate, server.now().getTime() - Date.now());
        shifted.add(p);
      }
      if (options.signedIn !== false) {
        await p.addInitScript(([key, id]) => sessionStorage.setItem(key, id), [SESSION_KEY, server.browserSession] as const);
      }
      await p.goto(server.url);
      return p;
    });
  },
});

export { expect };
