/**
 * Electron's utilityProcess and MessageChannelMain for the shell's unit tests (no binary needed):
 * `fork` runs the real core process (src/main/host/core-process.ts) in this process, and the ports
 * deliver `{ data, ports }` events asynchronously, buffered until started, as MessagePortMain does.
 */
import { EventEmitter } from 'node:events';

type PortEvent = { data: unknown; ports: FakePort[] };

export class FakePort extends EventEmitter {
  other!: FakePort;
  private queue: PortEvent[] | null = [];
  postMessage(data: unknown, ports: FakePort[] = []) {
    const event = { data: structuredClone(data), ports };
    setImmediate(() => this.other.deliver(event));
  }
  private deliver(event: PortEvent) {
    if (this.queue) this.queue.push(event);
    else this.emit('message', event);
  }
  start() {
    const queued = this.queue ?? [];
    this.queue = null;
    for (const event of queued) this.emit('message', event);
  }
  close() {
    this.removeAllListeners();
  }
}

export class FakeMessageChannelMain {
  port1 = new FakePort();
  port2 = new FakePort();
  constructor() {
    this.port1.other = this.port2;
    this.port2.other = this.port1;
  }
}

export interface ForkedCore {
  entry: string;
  options: Record<string, unknown>;
  /** The messages the main process sent the child (the start message). */
  received: unknown[];
  killed: boolean;
  exit(): void;
}

/** A `utilityProcess` whose `fork` starts the real core process in-process; `forks` records each. */
export function fakeUtilityProcess() {
  const forks: ForkedCore[] = [];
  const starts: Promise<unknown>[] = [];
  let gate: Promise<void> = Promise.resolve();
  const utilityProcess = {
    fork(entry: string, _args: string[], options: Record<string, unknown>) {
      const child = new EventEmitter();
      const parentPort = new EventEmitter();
      const record: ForkedCore = {
        entry,
        options,
        received: [],
        killed: false,
        exit() {
          record.killed = true;
          child.emit('exit', 1);
        },
      };
      forks.push(record);
      const started = gate.then(() => import('../src/main/host/core-process')).then(({ runCoreProcess }) => runCoreProcess(parentPort as never));
      starts.push(started);
      return Object.assign(child, {
        postMessage(data: unknown, ports: FakePort[] = []) {
          record.received.push(data);
          void started.then(() => parentPort.emit('message', { data: structuredClone(data), ports }));
        },
        kill() {
          record.killed = true;
          setImmediate(() => child.emit('exit', 0));
          return true;
        },
      });
    },
  };
  /** Resolves once every core process started so far has loaded: a test file must not end while one still imports. */
  const settled = () => Promise.allSettled(starts);
  /** Makes the core processes started from now on wait before they load until the returned function is called. */
  const holdStart = (): (() => void) => {
    let release!: () => void;
    gate = new Promise<void>((r) => (release = r));
    return () => {
      release();
      gate = Promise.resolve();
    };
  };
  return { forks, settled, holdStart, utilityProcess, MessageChannelMain: FakeMessageChannelMain };
}
