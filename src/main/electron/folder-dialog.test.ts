/** The folder dialog's IPC, with only the `electron` module mocked. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const m = vi.hoisted(() => {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const owner = { id: 'main window' };
  const module = {
    ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn) },
    dialog: { showOpenDialog: vi.fn() },
    BrowserWindow: { fromWebContents: vi.fn(() => owner) },
  };
  return { handlers, owner, module };
});
vi.mock('electron', () => ({ ...m.module, default: m.module }));

const { registerFolderDialog, PICK_FOLDER_CHANNEL } = await import('./folder-dialog');

const appFrame = { senderFrame: { parent: null, url: 'app://mdk/index.html' }, sender: { id: 1 } };
const pick = (event: unknown) => m.handlers.get(PICK_FOLDER_CHANNEL)!(event) as Promise<string | null>;

describe('the export folder dialog', () => {
  beforeEach(() => {
    m.module.dialog.showOpenDialog.mockReset();
    registerFolderDialog();
  });

  it("opens the system's folder dialog (folders only, may create one) on the app's window and answers the picked path", async () => {
    m.module.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/home/anna/Export'] });
    expect(await pick(appFrame)).toBe('/home/anna/Export');
    expect(m.module.dialog.showOpenDialog).toHaveBeenCalledWith(m.owner, { properties: ['openDirectory', 'createDirectory'] });
  });

  it('answers null when the user cancels', async () => {
    m.module.dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    expect(await pick(appFrame)).toBeNull();
  });

  it('opens no dialog for a frame that is not the app (an embedded or foreign page)', async () => {
    expect(await pick({ ...appFrame, senderFrame: { parent: {}, url: 'app://mdk/index.html' } })).toBeNull();
    expect(await pick({ ...appFrame, senderFrame: { parent: null, url: 'https://example.com/' } })).toBeNull();
    expect(m.module.dialog.showOpenDialog).not.toHaveBeenCalled();
  });
});
