/** The folder dialog's IPC, with only the `electron` module mocked. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fake } from '../../../test/electron-fake';

vi.mock('electron', () => import('../../../test/electron-fake').then((f) => f.electronModule()));

const { registerFolderDialog, PICK_FOLDER_CHANNEL } = await import('./folder-dialog');

const appFrame = { senderFrame: { parent: null, url: 'app://mdk/index.html' }, sender: { id: 1 } };
const pick = (event: unknown) => fake.ipc.get(PICK_FOLDER_CHANNEL)!(event) as Promise<string | null>;

describe('the export folder dialog', () => {
  beforeEach(() => {
    fake.showOpenDialog.mockReset();
    registerFolderDialog();
  });

  it("opens the system's folder dialog (folders only, may create one) on the app's window and answers the picked path", async () => {
    fake.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/home/anna/Export'] });
    expect(await pick(appFrame)).toBe('/home/anna/Export');
    expect(fake.showOpenDialog).toHaveBeenCalledWith(fake.focusedWindow, { properties: ['openDirectory', 'createDirectory'] });
  });

  it('answers null when the user cancels', async () => {
    fake.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    expect(await pick(appFrame)).toBeNull();
  });

  it('opens no dialog for a frame that is not the app (an embedded or foreign page)', async () => {
    expect(await pick({ ...appFrame, senderFrame: { parent: {}, url: 'app://mdk/index.html' } })).toBeNull();
    expect(await pick({ ...appFrame, senderFrame: { parent: null, url: 'https://example.com/' } })).toBeNull();
    expect(fake.showOpenDialog).not.toHaveBeenCalled();
  });
});
