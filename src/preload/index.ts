/**
 * The whole bridge between the page and the main process: one function, `call(method, input)`, and
 * the shell's own capabilities (`mdkShell`: the system's folder dialog). Never raw ipcRenderer.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { exposeConnection } from './connection';

const IPC_CHANNEL = 'mdk:call'; // same as src/main/electron/ipc.ts; preload is bundled on its own
const PICK_FOLDER_CHANNEL = 'mdk:pick-folder'; // same as src/main/electron/folder-dialog.ts

contextBridge.exposeInMainWorld('mdk', {
  call: (method: string, input: unknown) => ipcRenderer.invoke(IPC_CHANNEL, method, input),
});

exposeConnection();

contextBridge.exposeInMainWorld('mdkShell', {
  pickFolder: (): Promise<string | null> => ipcRenderer.invoke(PICK_FOLDER_CHANNEL),
});
