import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES } from '../../shared/ipc/channels';
import { DESKTOP_CHANNELS, type DesktopApi } from '../../shared/ipc/desktop';

/**
 * The renderer's whole view of the main process: one `invoke(channel, input)`, only for the
 * channels in the contract. No Node, no ipcRenderer, nothing else crosses.
 */
const allowed = new Set<string>(CHANNEL_NAMES);

contextBridge.exposeInMainWorld('cpreg', {
  async invoke(channel: string, input: unknown): Promise<unknown> {
    if (!allowed.has(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'unknown-channel', message: 'That operation does not exist', issues: [] },
      });
    }
    return ipcRenderer.invoke(channel, input);
  },
});

/**
 * The desktop app's own small API (native pickers, opening a folder): three fixed calls, apart
 * from the register contract. Only the desktop app has it; browser mode keeps typed paths.
 */
const desktop: DesktopApi = {
  async chooseFolder(input) {
    return ipcRenderer.invoke(DESKTOP_CHANNELS.chooseFolder, input) as ReturnType<DesktopApi['chooseFolder']>;
  },
  async chooseFile(input) {
    return ipcRenderer.invoke(DESKTOP_CHANNELS.chooseFile, input) as ReturnType<DesktopApi['chooseFile']>;
  },
  async openFolder(path) {
    return ipcRenderer.invoke(DESKTOP_CHANNELS.openFolder, { path }) as ReturnType<DesktopApi['openFolder']>;
  },
};
contextBridge.exposeInMainWorld('cpregDesktop', desktop);
