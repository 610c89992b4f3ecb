/**
 * The whole bridge between the page and the main process: one function, `call(method, input)`.
 * Never raw ipcRenderer.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { exposeConnection } from './connection';

const IPC_CHANNEL = 'mdk:call'; // same as src/main/electron/ipc.ts; preload is bundled on its own

contextBridge.exposeInMainWorld('mdk', {
  call: (method: string, input: unknown) => ipcRenderer.invoke(IPC_CHANNEL, method, input),
});

exposeConnection();
