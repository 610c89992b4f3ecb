/**
 * One end of a message port, whatever made it: Electron's MessagePortMain and a utility process's
 * parentPort deliver `{ data }` events, Node's worker_threads ports deliver the value itself.
 */
export interface Channel<In, Out> {
  post(message: Out): void;
  onMessage(listener: (message: In) => void): void;
  close(): void;
}

/** Electron's MessagePortMain (structurally; this folder never imports electron). */
export interface EventPort {
  on(event: 'message', listener: (event: { data: unknown; ports?: EventPort[] }) => void): unknown;
  postMessage(message: unknown): void;
  start?(): void;
  close?(): void;
}

export function eventPortChannel<In, Out>(port: EventPort): Channel<In, Out> {
  return {
    post: (message) => port.postMessage(message),
    onMessage(listener) {
      port.on('message', (event) => listener(event.data as In));
      port.start?.();
    },
    close: () => port.close?.(),
  };
}

/** Node's worker_threads MessagePort (also used by tests and by a core in a worker thread). */
export interface ValuePort {
  on(event: 'message', listener: (value: unknown) => void): unknown;
  postMessage(message: unknown): void;
  close?(): void;
  unref?(): void;
}

export function valuePortChannel<In, Out>(port: ValuePort): Channel<In, Out> {
  return {
    post: (message) => port.postMessage(message),
    onMessage: (listener) => port.on('message', (value) => listener(value as In)),
    close: () => port.close?.(),
  };
}
