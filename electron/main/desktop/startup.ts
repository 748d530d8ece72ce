import type { CrashReporterStartOptions } from 'electron';

/** How the app was started: the desktop window, or the `cpreg` command run by the app's executable. */
export type StartMode = { kind: 'app' } | { kind: 'cli'; args: string[] };

export const CLI_FLAG = '--cpreg';

/**
 * `<app executable> --cpreg <cpreg args…>` runs the command line (the installed `cpreg` command
 * calls the app this way) and everything after the flag is the CLI's, untouched; otherwise the
 * window opens. argv[0] is the executable; in development Electron puts the app folder (`.`)
 * next, and Chromium may add its own switches before ours, so the flag is looked for anywhere
 * after argv[0], its first appearance counting.
 */
export function startMode(argv: readonly string[]): StartMode {
  const at = argv.indexOf(CLI_FLAG, 1);
  if (at < 0) return { kind: 'app' };
  return { kind: 'cli', args: argv.slice(at + 1) };
}

/**
 * Who to sign in as when the window opens: `--user NAME` with the password in CPREG_PASSWORD, as
 * `npm run demo` starts the app on its demo register. Only in a checkout: an installed app always
 * opens at "Sign in", whatever its command line or environment says.
 */
export function signInAtStart(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  packaged: boolean,
): { name: string; password: string } | null {
  if (packaged) return null;
  const at = argv.indexOf('--user', 1);
  const name = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--user='))?.slice('--user='.length);
  const password = env['CPREG_PASSWORD'];
  if (!name || !password) return null;
  return { name, password };
}

export interface StartupFailure {
  title: string;
  message: string;
}

/**
 * The dialog shown when the app cannot start, in plain words: what failed, what to try, and where
 * the log file is for IT. Shown on this computer's screen only, so the error's own message
 * (which says which setting or file is wrong) is included; the log holds only its kind.
 */
export function startupFailureDialog(error: unknown, logFile: string): StartupFailure {
  const named = error instanceof Error ? error.name : '';
  const what = error instanceof Error && error.message.trim() !== '' ? error.message.trim() : 'An unexpected error.';
  const hint =
    named === 'TargetError'
      ? 'Check the unit server setting (--server, CPREG_SERVER or unit-server.json) and start the app again.'
      : 'Start the app again. If it fails again, send the log file to your IT service desk.';
  return {
    title: 'CP Conference Register could not start',
    message: [
      'CP Conference Register could not start, and has closed. Nothing in the register was changed.',
      '',
      `What went wrong: ${what}`,
      '',
      hint,
      '',
      `The log file is: ${logFile}`,
    ].join('\n'),
  };
}

/**
 * The dialog shown once for an error the app did not expect after it started (Electron's own
 * would show a stack trace): that something went wrong, to save work and restart, and where the
 * log is. The error itself is only in the log, as its kind and stack.
 */
export function unexpectedErrorDialog(logFile: string): StartupFailure {
  return {
    title: 'CP Conference Register hit an unexpected error',
    message: [
      'Something went wrong inside CP Conference Register. What you have saved is in the register.',
      '',
      'Finish what you are doing, then close the app and start it again. If this happens again, send the log file to your IT service desk.',
      '',
      `The log file is: ${logFile}`,
    ].join('\n'),
  };
}

/** The exit code after a start-up failure: not 0, so scripts and deployment tools see it. */
export const STARTUP_FAILURE_EXIT_CODE = 1;

/**
 * Crash dumps are written to this computer's crash folder (`app.getPath('crashDumps')`) for IT to
 * collect, and never sent anywhere: no upload, no server address, nothing from the page attached.
 */
export function crashReporterOptions(): CrashReporterStartOptions {
  return {
    uploadToServer: false,
    compress: true,
    ignoreSystemCrashHandler: false,
    rateLimit: false,
    globalExtra: {},
    extra: {},
  };
}

/** What a second start does to the running window: shows it, restored and in front. */
export function focusExisting(
  win: { isMinimized(): boolean; restore(): void; show(): void; focus(): void } | null | undefined,
): boolean {
  if (!win) return false;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
  return true;
}
