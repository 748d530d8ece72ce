import path from 'node:path';
import type { OpenDialogOptions, OpenDialogReturnValue } from 'electron';
import type { z } from 'zod';
import type { Chosen, FilePurpose, FolderPurpose } from '../../../shared/ipc/desktop';
import { issuesFromZod, type Result } from '../../../shared/ipc/result';
import { chooseFileInputSchema, chooseFolderInputSchema, openFolderInputSchema } from '../../../shared/schemas/desktop';

/** Each folder purpose's dialog title and button. */
export const FOLDER_DIALOGS: Readonly<Record<FolderPurpose, { title: string }>> = {
  documents: { title: 'Choose the folder to write the documents to' },
  export: { title: 'Choose the folder to write the export to' },
  backups: { title: 'Choose the backup folder' },
};

/** Each file purpose's dialog title and the file types offered. */
export const FILE_DIALOGS: Readonly<Record<FilePurpose, { title: string; filters: OpenDialogOptions['filters'] }>> = {
  'agencies-csv': {
    title: 'Choose the agencies CSV file',
    filters: [{ name: 'CSV files', extensions: ['csv'] }],
  },
  'bank-holidays': {
    title: 'Choose the GOV.UK bank holidays file',
    filters: [{ name: 'GOV.UK bank holidays (JSON)', extensions: ['json'] }],
  },
};

function refused(error: z.ZodError): {
  ok: false;
  error: { code: 'invalid-input'; message: string; issues: ReturnType<typeof issuesFromZod> };
} {
  const issues = issuesFromZod(error);
  return {
    ok: false,
    error: { code: 'invalid-input', message: issues[0]?.message ?? 'The input is not valid', issues },
  };
}

export function folderDialogOptions(purpose: FolderPurpose, defaultPath: string | undefined): OpenDialogOptions {
  return {
    title: FOLDER_DIALOGS[purpose].title,
    buttonLabel: 'Choose folder',
    properties: ['openDirectory', 'createDirectory', 'promptToCreate', 'dontAddToRecent'],
    ...(defaultPath === undefined ? {} : { defaultPath }),
  };
}

export function fileDialogOptions(purpose: FilePurpose, defaultPath: string | undefined): OpenDialogOptions {
  return {
    title: FILE_DIALOGS[purpose].title,
    buttonLabel: 'Choose file',
    properties: ['openFile', 'dontAddToRecent'],
    filters: FILE_DIALOGS[purpose].filters ?? [],
    ...(defaultPath === undefined ? {} : { defaultPath }),
  };
}

type ShowOpenDialog = (options: OpenDialogOptions) => Promise<Pick<OpenDialogReturnValue, 'canceled' | 'filePaths'>>;

function chosen(answer: Pick<OpenDialogReturnValue, 'canceled' | 'filePaths'>): Result<Chosen> {
  return { ok: true, value: { path: answer.canceled ? null : (answer.filePaths[0] ?? null) } };
}

/** `desktop.chooseFolder`: validates, shows the native folder picker, answers the folder or null. */
export async function chooseFolder(input: unknown, showOpenDialog: ShowOpenDialog): Promise<Result<Chosen>> {
  const parsed = chooseFolderInputSchema.safeParse(input);
  if (!parsed.success) return refused(parsed.error);
  return chosen(await showOpenDialog(folderDialogOptions(parsed.data.purpose, parsed.data.defaultPath)));
}

/** `desktop.chooseFile`: validates, shows the native file picker, answers the file or null. */
export async function chooseFile(input: unknown, showOpenDialog: ShowOpenDialog): Promise<Result<Chosen>> {
  const parsed = chooseFileInputSchema.safeParse(input);
  if (!parsed.success) return refused(parsed.error);
  return chosen(await showOpenDialog(fileDialogOptions(parsed.data.purpose, parsed.data.defaultPath)));
}

export interface OpenFolderDeps {
  /** fs.promises.stat in the app. */
  stat(file: string): Promise<{ isDirectory(): boolean }>;
  /** shell.openPath in the app: answers '' on success, else what went wrong. */
  openPath(folder: string): Promise<string>;
}

/**
 * `desktop.openFolder`: opens a folder in the system's file manager, and only a folder that
 * exists: never a file (opening a file runs it, or its program), never a relative path.
 */
export async function openFolder(input: unknown, deps: OpenFolderDeps): Promise<Result<{ opened: true }>> {
  const parsed = openFolderInputSchema.safeParse(input);
  if (!parsed.success) return refused(parsed.error);
  if (!path.isAbsolute(parsed.data.path)) {
    const message = 'path must be a full path to a folder on this computer';
    return { ok: false, error: { code: 'invalid-input', message, issues: [{ path: 'path', message }] } };
  }
  const folder = path.normalize(parsed.data.path);
  let isFolder = false;
  try {
    isFolder = (await deps.stat(folder)).isDirectory();
  } catch {
    const message = 'path: that folder does not exist (it may have been moved or deleted)';
    return { ok: false, error: { code: 'not-found', message, issues: [{ path: 'path', message }] } };
  }
  if (!isFolder) {
    const message = 'path must be a folder, not a file';
    return { ok: false, error: { code: 'invalid-input', message, issues: [{ path: 'path', message }] } };
  }
  const problem = await deps.openPath(folder);
  if (problem !== '') {
    return { ok: false, error: { code: 'internal', message: 'The folder could not be opened', issues: [] } };
  }
  return { ok: true, value: { opened: true } };
}
