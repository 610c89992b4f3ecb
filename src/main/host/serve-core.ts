import type { Router } from '../router/router';
import type { Channel } from './channel';
import type { FromCore, ToCore } from './messages';

/** What the core side of a port needs: the router, the lock on sleep, and a way to stop. */
export interface ServedCore {
  router: Router;
  lockAll(): void;
  stop(): void | Promise<void>;
}

/**
 * Answers the calls arriving on a port. Each call is handled on its own (no queue): a long job that
 * awaits between its chunks leaves room for the calls that arrive meanwhile.
 */
export function serveCore(core: ServedCore, channel: Channel<ToCore, FromCore>): void {
  channel.onMessage((message) => {
    switch (message.kind) {
      case 'call':
        void core.router(message.method, message.input, message.sessionId).then((result) => channel.post({ kind: 'result', id: message.id, result }));
        return;
      case 'lockAll':
        core.lockAll();
        return;
      case 'stop':
        void Promise.resolve(core.stop()).finally(() => channel.post({ kind: 'stopped' }));
        return;
    }
  });
}
