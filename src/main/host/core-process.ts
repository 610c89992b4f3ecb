import { ApiError } from '../../shared/api/errors';
import { describeError } from '../../shared/i18n/describe-error';
import { setResourcesDir } from '../paths';
import { eventPortChannel, type EventPort } from './channel';
import type { FromCore, StartCore, ToCore } from './messages';
import { startCoreRuntime, type CoreRuntime } from './runtime';
import { serveCore } from './serve-core';

/** A utility process's `process.parentPort` (Electron), described without importing electron. */
export interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown; ports: EventPort[] }) => void): unknown;
}

/**
 * The core process: waits for the start message (data folder, resources, and the port its calls
 * arrive on), starts the core and answers on that port. Plain Node; Electron's utilityProcess runs
 * it (core-entry.ts), tests run it in-process.
 */
export function runCoreProcess(parent: ParentPort, options: { exit?: () => void } = {}): void {
  let runtime: CoreRuntime | null = null;
  parent.on('message', ({ data, ports }) => {
    const start = data as StartCore;
    if (runtime || start?.kind !== 'start' || !ports?.[0]) return;
    const channel = eventPortChannel<ToCore, FromCore>(ports[0]);
    try {
      if (start.resourcesDir) setResourcesDir(start.resourcesDir);
      runtime = startCoreRuntime({ dataDir: start.dataDir, holdDataFolder: true });
    } catch (e) {
      channel.onMessage(() => {});
      channel.post({ kind: 'failed', message: e instanceof ApiError ? describeError('sv', e) : String(e) });
      return;
    }
    const running = runtime;
    serveCore(
      {
        router: running.router,
        lockAll: () => running.core.security.sessions.lockAll(),
        stop: () => {
          running.stop();
          setImmediate(() => options.exit?.());
        },
      },
      channel,
    );
    channel.post({ kind: 'ready' });
  });
}
