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

export { TEST_PASSPHRASE, TEST_ADMIN, testUserName } from '../sign-in';

/** sessionStorage key the renderer keeps its session id under (src/renderer/lib/api.ts). */
const SESSION_KEY = 'mdk.session';

/**
 * Browser mode in-process: a real (encrypted) SQLite file in a per-test data folder behind the loopback
 * bridge. Since issue 7 every start signs in two sessions as the test user with `role` (creating the
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
    /** The core's clock; a test moves `clock.at` (null: the real time). */
    readonly clock: { at: Date | null } = { at: null },
  ) {}

  async start() {
    this.core = createCore({ dataDir: this.dataDir, kdfCost: TEST_KDF, autoLockMs: this.autoLockMs, now: () => this.clock.at ?? new Date() });
    this.bridge = await startHttpBridge({ router: this.core.router, staticDir: join(projectRoot(), 'dist', 'renderer') });
    signInAs(this.core, this.apiSession, this.role);
    signInAs(this.core, this.browserSession, this.role);
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

export const test = base.extend<{
  role: Role;
  autoLockMs: number | undefined;
  server: AppServer;
  openApp: (page?: Page, options?: { signedIn?: boolean }) => Promise<Page>;
}>({
  /** The role the user in the browser acts in: `test.use({ role: 'physician' })`. */
  role: ['administrator', { option: true }],
  /** Inactivity before auto-lock; undefined keeps the setting (10 minutes). */
  autoLockMs: [undefined, { option: true }],
  server: async ({ role, autoLockMs }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'mdk-e2e-'));
    const server = new AppServer(dir, role, autoLockMs);
    await server.start();
    await use(server);
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  },
  /** Opens the app signed in as the test user (`{ signedIn: false }`: at the sign-in screen). */
  openApp: async ({ page, server }, use) => {
    await use(async (p = page, options = {}) => {
      if (options.signedIn !== false) {
        await p.addInitScript(([key, id]) => sessionStorage.setItem(key, id), [SESSION_KEY, server.browserSession] as const);
      }
      await p.goto(server.url);
      return p;
    });
  },
});

export { expect };
