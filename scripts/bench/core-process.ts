/**
 * A benchmark core process: the desktop app's core runtime (slow-call log, daily backups) started on
 * the data folder given as argument, answering the parent over the Node IPC channel with the same
 * messages as the app's utility process (host/serve-core.ts). Besides those, it answers the bench's
 * own questions: its peak memory, and whether the work that follows a sign-in is done.
 */
import type { Channel } from '../../src/main/host/channel';
import type { FromCore, ToCore } from '../../src/main/host/messages';
import { startCoreRuntime } from '../../src/main/host/runtime';
import { serveCore } from '../../src/main/host/serve-core';

export type BenchRequest = { kind: 'bench'; id: string; what: 'memory' | 'settled' };
export type BenchReply = { kind: 'bench'; id: string; maxRssKb?: number };

/** Only when run as the child (core.ts imports the types of this file). */
if (process.send && process.argv[2]) {
  const send = (message: FromCore | BenchReply) => process.send!(message);
  let backupDone!: () => void;
  const firstBackup = new Promise<void>((resolve) => (backupDone = resolve));
  const runtime = startCoreRuntime({ dataDir: process.argv[2], holdDataFolder: true }, { log: () => backupDone() });
  const listeners: ((message: ToCore) => void)[] = [];
  const channel: Channel<ToCore, FromCore> = {
    post: send,
    onMessage: (listener) => listeners.push(listener),
    close: () => process.disconnect(),
  };
  process.on('message', (message) => {
    const m = message as ToCore | BenchRequest;
    if (m.kind !== 'bench') {
      for (const l of listeners) l(m);
      return;
    }
    if (m.what === 'memory') send({ kind: 'bench', id: m.id, maxRssKb: process.resourceUsage().maxRSS });
    else void Promise.all([runtime.core.healthChecked, firstBackup]).then(() => send({ kind: 'bench', id: m.id }));
  });
  serveCore(
    {
      router: runtime.router,
      lockAll: () => runtime.core.security.sessions.lockAll(),
      stop: () => {
        runtime.stop();
        setImmediate(() => process.exit(0));
      },
    },
    channel,
  );
  send({ kind: 'ready' });
}
