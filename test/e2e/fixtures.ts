import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../src/main/core';
import { startHttpBridge, type HttpBridge } from '../../src/main/transport/http-bridge';
import { projectRoot } from '../../src/main/paths';
import { createApiClient, type ApiClient } from '../../src/shared/api/client';
import type { Role } from '../../src/shared/api/contract';

/** Browser mode in-process: a real SQLite file in a per-test data folder behind the loopback bridge. */
export class AppServer {
  core!: Core;
  bridge!: HttpBridge;
  /** Calls the same API as the page, for arranging data (never for asserting what the UI shows). */
  api!: ApiClient;
  constructor(
    readonly dataDir: string,
    readonly role: Role = 'administrator',
  ) {}

  async start() {
    this.core = createCore({ dataDir: this.dataDir, localRole: this.role });
    this.bridge = await startHttpBridge({ router: this.core.router, staticDir: join(projectRoot(), 'dist', 'renderer') });
    const session = this.core.newSession();
    this.api = createApiClient((m, i) => this.core.router(m, i, session));
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

export const test = base.extend<{ role: Role; server: AppServer; openApp: (page?: Page) => Promise<Page> }>({
  /** The role the user in the browser acts in: `test.use({ role: 'physician' })`. */
  role: ['administrator', { option: true }],
  server: async ({ role }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'mdk-e2e-'));
    const server = new AppServer(dir, role);
    await server.start();
    await use(server);
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  },
  openApp: async ({ page, server }, use) => {
    await use(async (p = page) => {
      await p.goto(server.url);
      return p;
    });
  },
});

export { expect };
