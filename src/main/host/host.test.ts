/**
 * The host code without Electron: a real core served on one end of a worker_threads MessageChannel
 * and called from the other, as the desktop app's main process calls its core process.
 */
import { MessageChannel } from 'node:worker_threads';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../core';
import { TEST_KDF } from '../security/crypto';
import { signInAs } from '../../../test/sign-in';
import { valuePortChannel } from './channel';
import { connectToCore } from './core-client';
import type { FromCore, ToCore } from './messages';
import { serveCore } from './serve-core';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function servedCore() {
  const dataDir = mkdtempSync(join(tmpdir(), 'mdk-host-'));
  const core = createCore({ dataDir, kdfCost: TEST_KDF });
  const { port1, port2 } = new MessageChannel();
  let closed = false;
  serveCore(
    {
      router: core.router,
      lockAll: () => core.security.sessions.lockAll(),
      stop: () => {
        core.close();
        closed = true;
      },
    },
    valuePortChannel<ToCore, FromCore>(port2),
  );
  const client = connectToCore(valuePortChannel<FromCore, ToCore>(port1));
  cleanups.push(() => {
    port1.close();
    if (!closed) core.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { core, client, dataDir, isClosed: () => closed };
}

describe('core host over a MessagePort', () => {
  it('relays calls and their answers, concurrent ones each to its caller', async () => {
    const { core, client, dataDir } = servedCore();
    await signInAs(core, 'tab-1', 'administrator');
    const [info, unknown, signedOut] = await Promise.all([
      client.call('system.info', {}, 'tab-1'),
      client.call('no.such', {}, 'tab-1'),
      client.call('system.info', {}, 'tab-2'),
    ]);
    expect(info).toMatchObject({ ok: true, result: { dataDir } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(signedOut).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('locks every session on lockAll, and closes the database on stop', async () => {
    const { core, client, isClosed } = servedCore();
    await signInAs(core, 'tab-1', 'coordinator');
    client.lockAll();
    expect(await client.call('system.info', {}, 'tab-1')).toMatchObject({ ok: false, error: { code: 'locked' } });
    await client.stop();
    expect(isClosed()).toBe(true);
  });

  it('answers waiting and later calls with an internal error once the core is gone', async () => {
    const { core, client } = servedCore();
    await signInAs(core, 'tab-1', 'coordinator');
    const waiting = client.call('system.info', {}, 'tab-1');
    client.gone();
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await client.call('system.info', {}, 'tab-1')).toMatchObject({ ok: false, error: { code: 'internal' } });
    await expect(client.ready).rejects.toThrow();
  });
});
