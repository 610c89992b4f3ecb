/**
 * The shell's folder dialog: exports go only to a folder the user picks in the system's own dialog
 * (never a path typed or defaulted beside the database). Only the app's own top frame may ask.
 */
import { BrowserWindow, dialog, ipcMain, type OpenDialogOptions } from 'electron';
import { isTrustedSender } from './ipc';

export const PICK_FOLDER_CHANNEL = 'mdk:pick-folder'; // same as src/preload/index.ts

const OPTIONS: OpenDialogOptions = { properties: ['openDirectory', 'createDirectory'] };

/** Answers with the picked folder's absolute path, or null when the user cancelled. */
export function registerFolderDialog(): void {
  ipcMain.handle(PICK_FOLDER_CHANNEL, async (event) => {
    if (!isTrustedSender(event)) return null;
    const owner = BrowserWindow.fromWebContents(event.sender);
    const picked = owner ? await dialog.showOpenDialog(owner, OPTIONS) : await dialog.showOpenDialog(OPTIONS);
    return picked.canceled || picked.filePaths.length === 0 ? null : picked.filePaths[0];
  });
}
