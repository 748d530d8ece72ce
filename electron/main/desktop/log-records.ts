/**
 * What the desktop app's log file may hold, built here so a test can check it: start-up facts
 * (version, runtime, which kind of register), and errors as their kind, code and stack frames.
 * Never an error's message (a register's message can quote a name or a date of birth), never a
 * value thrown that is not an Error, never a call's input or answer, never a path's contents.
 */

/** Codes are short identifiers (ENOENT, SQLITE_CORRUPT, invalid-input); anything else is dropped. */
const CODE = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
/** Error class names, likewise. */
const NAME = /^[A-Za-z][A-Za-z0-9_$]{0,63}$/;
/** How many stack frames are kept. */
export const MAX_FRAMES = 15;
/** How deep `cause` is followed. */
const MAX_CAUSES = 3;

function frames(stack: unknown): string[] {
  if (typeof stack !== 'string') return [];
  return stack
    .split('\n')
    .filter((line) => /^\s+at\s/.test(line))
    .slice(0, MAX_FRAMES)
    .map((line) => `    ${line.trim()}`);
}

function describe(error: unknown, depth: number): string {
  if (!(error instanceof Error)) {
    return `a thrown ${error === null ? 'null' : typeof error} (not an Error; its value is not recorded)`;
  }
  const name = NAME.test(error.name) ? error.name : 'Error';
  const rawCode = (error as { code?: unknown }).code;
  const code = typeof rawCode === 'string' && CODE.test(rawCode) ? ` code=${rawCode}` : '';
  const lines = [`${name}${code}`, ...frames(error.stack)];
  const cause = (error as { cause?: unknown }).cause;
  if (cause !== undefined && depth < MAX_CAUSES) lines.push(`  caused by ${describe(cause, depth + 1)}`);
  return lines.join('\n');
}

/** An error for the log: its class, its code if it has a safe one, and its stack frames; never its message. */
export function errorForLog(error: unknown): string {
  return describe(error, 0);
}

export interface StartFacts {
  version: string;
  packaged: boolean;
  platform: string;
  arch: string;
  versions: Partial<Record<'electron' | 'chrome' | 'node', string>>;
  /** The laptop's own register (a file) or a unit server's; never its path or address. */
  register: 'file' | 'server';
}

/** The line logged at start-up. */
export function startRecord(facts: StartFacts): string {
  return [
    `start: CP Conference Register ${facts.version}`,
    facts.packaged ? 'installed' : 'development',
    `${facts.platform}-${facts.arch}`,
    `Electron ${facts.versions.electron ?? '?'}`,
    `Chrome ${facts.versions.chrome ?? '?'}`,
    `Node ${facts.versions.node ?? '?'}`,
    `register: ${facts.register}`,
  ].join(', ');
}

/** The register kind for the log from the desktop target: a file on this computer or a unit server. */
export function registerKind(target: { kind: 'register' | 'server' }): 'file' | 'server' {
  return target.kind === 'server' ? 'server' : 'file';
}

/** Log file size before electron-log rolls it over to main.old.log (one old file is kept). */
export const LOG_MAX_BYTES = 1024 * 1024;
export const LOG_FILE_NAME = 'main.log';
