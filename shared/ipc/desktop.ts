import type { Result } from './result';

/**
 * The desktop app's own small API beside the register contract: native folder and file pickers,
 * and opening a folder in the system's file manager. Only the desktop app's preload offers it, as
 * `window.cpregDesktop`; browser mode and a unit server's pages have none and keep the typed path.
 * No zod here, so the sandboxed preload can import the channel names (schemas:
 * `shared/schemas/desktop.ts`).
 */
export const DESKTOP_CHANNELS = {
  chooseFolder: 'desktop.chooseFolder',
  chooseFile: 'desktop.chooseFile',
  openFolder: 'desktop.openFolder',
} as const;
export type DesktopChannel = (typeof DESKTOP_CHANNELS)[keyof typeof DESKTOP_CHANNELS];

/** What a folder is chosen for: each gives the dialog its title. */
export const FOLDER_PURPOSES = ['documents', 'export', 'backups'] as const;
export type FolderPurpose = (typeof FOLDER_PURPOSES)[number];
/** What a file is chosen for: each gives the dialog its title and file types. */
export const FILE_PURPOSES = ['agencies-csv', 'bank-holidays'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

/** The path chosen, or null when the dialog was cancelled. */
export interface Chosen {
  path: string | null;
}

export interface DesktopApi {
  chooseFolder(input: { purpose: FolderPurpose; defaultPath?: string }): Promise<Result<Chosen>>;
  chooseFile(input: { purpose: FilePurpose; defaultPath?: string }): Promise<Result<Chosen>>;
  /** Opens an existing folder in the file manager (never a file: opening a file could run it). */
  openFolder(path: string): Promise<Result<{ opened: true }>>;
}
