import { MessageChannelMain, utilityProcess } from 'electron';
import { eventPortChannel } from '../host/channel';
import { connectToCore, type CoreClient } from '../host/core-client';
import type { FromCore, StartCore, ToCore } from '../host/messages';

/** The core process's name in the system's process list. */
export const CORE_SERVICE_NAME = 'MDK Coordinator core';

/**
 * Starts the core (SQLite, PDF, imports) in an Electron utility process, so no long call ever
 * stalls a window, and connects to it over a MessagePort. The main process only relays.
 */
export function startCoreProcess(options: { entry: string; dataDir: string; resourcesDir?: string }): CoreClient {
  const { port1, port2 } = new MessageChannelMain();
  const child = utilityProcess.fork(options.entry, [], { serviceName: CORE_SERVICE_NAME, stdio: 'inherit' });
  const client = connectToCore(eventPortChannel<FromCore, ToCore>(port1));
  child.once('exit', () => client.gone());
  client.ready.catch(() => child.kill()); // it could not open its data folder: nothing to close
  const start: StartCore = { kind: 'start', dataDir: options.dataDir, resourcesDir: options.resourcesDir };
  child.postMessage(start, [port2]);
  return {
    ...client,
    // Waits for the core to close its database, then ends the process (within five seconds).
    stop: async () => {
      await Promise.race([client.stop(), new Promise((resolve) => setTimeout(resolve, 5_000))]);
      child.kill();
    },
  };
}
