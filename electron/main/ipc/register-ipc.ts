import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CHANNELS } from '../../../shared/ipc/contract';
import { DESKTOP_CHANNELS, type DesktopChannel } from '../../../shared/ipc/desktop';
import type { Result } from '../../../shared/ipc/result';
import { isTrustedRendererUrl } from '../window/security';

function forbidden(): Result<never> {
  return {
    ok: false,
    error: { code: 'forbidden', message: 'Calls are accepted only from the app’s own window', issues: [] },
  };
}

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
      if (!isTrustedRendererUrl(frameUrl, rendererUrl)) return forbidden();
      return call(channel, input);
    });
  }
}

/** A desktop channel's handler: the input as sent, and the window's contents that sent it. */
export type DesktopHandler = (input: unknown, sender: WebContents) => Promise<Result<unknown>>;

/**
 * The desktop app's own channels (`shared/ipc/desktop.ts`: folder and file pickers, opening a
 * folder), beside the register contract and apart from it. Each is checked as the contract's are
 * (only the app's own renderer frame may call), then validated by its handler.
 */
export function registerDesktopIpc(
  handlers: Readonly<Record<DesktopChannel, DesktopHandler>>,
  rendererUrl: string,
): void {
  for (const channel of Object.values(DESKTOP_CHANNELS)) {
    const handler = handlers[channel];
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedRendererUrl(event.senderFrame?.url ?? '', rendererUrl)) return forbidden();
      try {
        return await handler(input, event.sender);
      } catch {
        return { ok: false, error: { code: 'internal', message: 'The desktop action failed', issues: [] } };
      }
    });
  }
}
