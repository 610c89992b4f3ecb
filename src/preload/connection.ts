/**
 * `window.mdkConnection`: the first-start choice and the settings tab ask the shell which way this
 * computer works (standalone or the unit's server), check a server's certificate, and remember a choice.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CONNECTION_CHANNELS, type ConnectionShell } from '../shared/api/connection';

export function exposeConnection(): void {
  const shell: ConnectionShell = {
    current: () => ipcRenderer.invoke(CONNECTION_CHANNELS.current),
    check: (address, fingerprint) => ipcRenderer.invoke(CONNECTION_CHANNELS.check, address, fingerprint),
    choose: (choice) => ipcRenderer.invoke(CONNECTION_CHANNELS.choose, choice),
  };
  contextBridge.exposeInMainWorld('mdkConnection', shell);
}
