import type { DesktopApi } from '../../../shared/ipc/desktop';

/**
 * The desktop app's own small API (`shared/ipc/desktop.ts`): native folder and file pickers, and
 * opening a folder in the file manager. Only the desktop app's preload offers it; in browser mode
 * and on a unit server's pages it is absent, and people type paths as before.
 */
declare global {
  interface Window {
    cpregDesktop?: DesktopApi;
  }
}

/** The desktop API, or null where there is none (browser mode, a unit server's pages). */
export function desktopApi(): DesktopApi | null {
  return typeof window !== 'undefined' ? (window.cpregDesktop ?? null) : null;
}
