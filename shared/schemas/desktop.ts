import { z } from 'zod';
import { FILE_PURPOSES, FOLDER_PURPOSES } from '../ipc/desktop';
import { strictObject } from './common';

/** Long enough for any real path (Windows' long paths included), short enough to refuse junk. */
export const MAX_PATH_LENGTH = 4096;

/** A path as the desktop dialogs take it: text, not blank, no NUL, not absurdly long. */
function pathText(field: string, what: string) {
  return z
    .string({ error: `${field} must be ${what}, as text` })
    .min(1, `${field} must not be blank`)
    .max(MAX_PATH_LENGTH, `${field} must be ${MAX_PATH_LENGTH} characters or fewer`)
    .refine((v) => !v.includes('\0'), `${field} must not contain a NUL character`);
}

/**
 * True for a path that starts at a root: `/home/…`, `C:\…` or `C:/…`, or a network share
 * `\\server\share`. Relative paths are refused: they would depend on the app's working folder.
 */
export function isAbsolutePathText(value: string): boolean {
  return value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\\\');
}

export const chooseFolderInputSchema = strictObject({
  purpose: z.enum(FOLDER_PURPOSES, { error: `purpose must be one of ${FOLDER_PURPOSES.join(', ')}` }),
  defaultPath: pathText('defaultPath', 'the folder to start in').optional(),
});

export const chooseFileInputSchema = strictObject({
  purpose: z.enum(FILE_PURPOSES, { error: `purpose must be one of ${FILE_PURPOSES.join(', ')}` }),
  defaultPath: pathText('defaultPath', 'the folder or file to start in').optional(),
});

export const openFolderInputSchema = strictObject({
  path: pathText('path', 'the folder to open').refine(
    isAbsolutePathText,
    'path must be a full path to a folder, such as C:\\Letters or /home/you/Letters',
  ),
});

export const chosenSchema = z.object({ path: z.string().nullable() });
export const openedSchema = z.object({ opened: z.literal(true) });
