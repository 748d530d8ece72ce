import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES } from '../../shared/ipc/channels';

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
