import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import { isTrustedRendererUrl } from '../window/security';

/**
 * The only place that touches `ipcMain`. One handler per contract channel; each checks that the
 * call comes from the app's own renderer frame before validating and dispatching.
 */
export function registerIpc(
  call: (channel: unknown, input: unknown) => Promise<Result<unknown>>,
  rendererUrl: string,
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isTrustedRendererUrl(frameUrl, rendererUrl)) {
        return {
          ok: false,
          error: { code: 'forbidden', message: 'Calls are accepted only from the app’s own window', issues: [] },
        };
      }
      return call(channel, input);
    });
  }
}
