import type { CallResult } from '../../shared/api/errors';

/** What the main process (or any host) sends the core, and what the core answers, over one port. */
export type ToCore =
  | { kind: 'call'; id: number; method: string; input: unknown; sessionId: string }
  /** The computer locked or went to sleep: every session asks for its passphrase again. */
  | { kind: 'lockAll' }
  | { kind: 'stop' };

export type FromCore =
  | { kind: 'ready' }
  /** The core could not start (e.g. a data folder it cannot write); `message` is shown to the user. */
  | { kind: 'failed'; message: string }
  | { kind: 'result'; id: number; result: CallResult<unknown> }
  | { kind: 'stopped' };

/** The first message to a core process: where its data is, and the port its calls arrive on. */
export interface StartCore {
  kind: 'start';
  dataDir: string;
  /** Reference data, fonts and templates (the packaged app's resources folder). */
  resourcesDir?: string;
}
