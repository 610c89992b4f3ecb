import type { CallResult } from '../../shared/api/errors';
import type { Router } from '../router/router';
import type { Channel } from './channel';
import type { FromCore, ToCore } from './messages';

/** The host's view of a core running elsewhere (a utility process, a worker thread). */
export interface CoreClient {
  /** The router's signature: the IPC handler and the HTTP bridge call it as they would the router. */
  call: Router;
  /** Settles when the core reports it started; rejects with its message when it could not. */
  ready: Promise<void>;
  lockAll(): void;
  /** Asks the core to close its database; settles when it has (or when the process is gone). */
  stop(): Promise<void>;
  /** The process or thread ended: unanswered calls get an internal error, later ones at once. */
  gone(): void;
}

const GONE: CallResult<unknown> = { ok: false, error: { code: 'internal', messageKey: 'error.internal' } };

export function connectToCore(channel: Channel<FromCore, ToCore>): CoreClient {
  const pending = new Map<number, (result: CallResult<unknown>) => void>();
  let nextId = 1;
  let alive = true;
  let settleReady!: { resolve: () => void; reject: (e: Error) => void };
  const ready = new Promise<void>((resolve, reject) => (settleReady = { resolve, reject }));
  ready.catch(() => {}); // a host that never waits for it is not told twice
  let stopped: (() => void) | null = null;

  channel.onMessage((message) => {
    switch (message.kind) {
      case 'ready':
        settleReady.resolve();
        return;
      case 'failed':
        settleReady.reject(new Error(message.message));
        return;
      case 'result': {
        const answer = pending.get(message.id);
        pending.delete(message.id);
        answer?.(message.result);
        return;
      }
      case 'stopped':
        stopped?.();
        return;
    }
  });

  const gone = () => {
    if (!alive) return;
    alive = false;
    settleReady.reject(new Error('core process ended'));
    for (const answer of pending.values()) answer(GONE);
    pending.clear();
    stopped?.();
  };

  return {
    call: (method, input, sessionId) => {
      if (!alive) return Promise.resolve(GONE);
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        channel.post({ kind: 'call', id, method, input, sessionId });
      });
    },
    ready,
    lockAll: () => {
      if (alive) channel.post({ kind: 'lockAll' });
    },
    stop: () =>
      alive
        ? new Promise<void>((resolve) => {
            stopped = resolve;
            channel.post({ kind: 'stop' });
          })
        : Promise.resolve(),
    gone,
  };
}
