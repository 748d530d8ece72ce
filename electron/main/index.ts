import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  crashReporter,
  dialog,
  Menu,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
  type OpenDialogOptions,
  type WebContents,
} from 'electron';
import { DESKTOP_CHANNELS } from '../../shared/ipc/desktop';
import { contextMenuTemplate } from './desktop/context-menu';
import { chooseFile, chooseFolder, openFolder } from './desktop/dialogs';
import { openLog, type AppLog } from './desktop/log';
import { LOG_FILE_NAME, registerKind, startRecord } from './desktop/log-records';
import { aboutMessageBox, applicationMenuTemplate } from './desktop/menu';
import { APP_SCHEME, appProtocolHandler, privilegedSchemes, RENDERER_URL } from './desktop/protocol';
import {
  crashReporterOptions,
  focusExisting,
  signInAtStart,
  STARTUP_FAILURE_EXIT_CODE,
  startMode,
  startupFailureDialog,
  unexpectedErrorDialog,
} from './desktop/startup';
import { loadWindowState, restoreBounds, saveWindowState, stateOf, WINDOW_STATE_FILE } from './desktop/window-state';
import { registerDesktopIpc, registerIpc } from './ipc/register-ipc';
import { REGISTER_FILE_NAME, resolveRegisterPath } from './register/paths';
import { createGate, type Gate } from './register/gate';
import { hardenSession, hardenWebContents, windowOptions } from './window/security';
import { chooseTarget } from './window/target';

/**
 * The desktop shell: thin wiring. Every decision (start mode, menus, dialogs, window place, log
 * records, the app:// resolver, the start-up failure text) is a pure module in ./desktop/ with
 * its unit test; this file only hands Electron's objects to them.
 */
let gate: Gate | null = null;
let mainWindow: BrowserWindow | null = null;
let savingWindow: Promise<void> = Promise.resolve();

function dbFlag(argv: readonly string[]): string | undefined {
  const i = argv.indexOf('--db');
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith('--db='))?.slice(5);
}

/** `<app> --cpreg <args…>`: the command line, with no window, menu, lock or protocol. */
async function runCliMode(args: string[]): Promise<void> {
  app.dock?.hide();
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') app.exit(0);
  });
  let code = 1;
  try {
    const { runCli } = await import('./cli/program');
    code = await runCli(args);
  } catch (error) {
    process.stderr.write(`cpreg: ${error instanceof Error ? error.message : 'failed'}\n`);
  }
  app.exit(code);
}

async function showOpenDialog(sender: WebContents, options: OpenDialogOptions) {
  const owner = BrowserWindow.fromWebContents(sender);
  return owner ? dialog.showOpenDialog(owner, options) : dialog.showOpenDialog(options);
}

async function openWindow(preloadPath: string | null, title: string, rendererUrl: string): Promise<BrowserWindow> {
  const stateFile = join(app.getPath('userData'), WINDOW_STATE_FILE);
  const saved = await loadWindowState(stateFile);
  const primary = screen.getPrimaryDisplay();
  const displays = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)];
  const bounds = restoreBounds(
    saved,
    displays.map((d) => d.workArea),
  );
  const win = new BrowserWindow({ ...windowOptions(preloadPath, title), ...bounds });
  mainWindow = win;
  hardenWebContents(win.webContents, rendererUrl);
  win.once('ready-to-show', () => {
    if (saved?.maximized) win.maximize();
    win.show();
  });
  win.on('close', () => {
    savingWindow = saveWindowState(stateFile, stateOf(win)).catch(() => undefined);
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.webContents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, {
      replaceMisspelling: (word) => win.webContents.replaceMisspelling(word),
      addToDictionary: (word) => win.webContents.session.addWordToSpellCheckerDictionary(word),
    });
    if (template.length > 0) Menu.buildFromTemplate(template).popup({ window: win });
  });
  return win;
}

async function start(log: AppLog): Promise<void> {
  await app.whenReady();
  const target = chooseTarget(process.argv, process.env, app.getPath('userData'));
  log.info(
    startRecord({
      version: app.getVersion(),
      packaged: app.isPackaged,
      platform: process.platform,
      arch: process.arch,
      versions: process.versions,
      register: registerKind(target),
    }),
  );
  hardenSession(session.defaultSession);
  const appName = app.getName();
  const menu = applicationMenuTemplate(
    { platform: process.platform, packaged: app.isPackaged, appName },
    {
      about: () => {
        const options = aboutMessageBox({ appName, version: app.getVersion(), versions: process.versions });
        void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
      },
      openLogFolder: () => {
        const folder = app.getPath('logs');
        void mkdir(folder, { recursive: true }).then(async () => shell.openPath(folder));
      },
    },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(menu));

  if (target.kind === 'server') {
    // A unit server's register: the window shows the server's own pages, which sign in and call
    // the register over HTTPS; nothing of this laptop's register is opened, and no IPC is offered.
    const win = await openWindow(null, 'CP Conference Register (unit server)', target.origin);
    await win.loadURL(`${target.origin}/`);
    return;
  }
  const dbPath = resolveRegisterPath(dbFlag(process.argv), process.env, app.getPath('userData'));
  // Nothing in the register is read until someone signs in: the gate holds it shut.
  gate = createGate({
    path: dbPath.endsWith('.sqlite') ? dbPath : join(dbPath, REGISTER_FILE_NAME),
    backgroundCheck: true,
  });
  // `npm run demo` opens the app signed in as its demo user (never in an installed app).
  const signIn = signInAtStart(process.argv, process.env, app.isPackaged);
  if (signIn) await gate.signIn(signIn.name, signIn.password);
  // The renderer is served from app://renderer/, only from the built renderer folder.
  protocol.handle(APP_SCHEME, appProtocolHandler(join(__dirname, '../renderer'), readFile));
  registerIpc(gate.call, RENDERER_URL);
  registerDesktopIpc(
    {
      [DESKTOP_CHANNELS.chooseFolder]: async (input, sender) =>
        chooseFolder(input, async (options) => showOpenDialog(sender, options)),
      [DESKTOP_CHANNELS.chooseFile]: async (input, sender) =>
        chooseFile(input, async (options) => showOpenDialog(sender, options)),
      [DESKTOP_CHANNELS.openFolder]: async (input) =>
        openFolder(input, { stat, openPath: async (folder) => shell.openPath(folder) }),
    },
    RENDERER_URL,
  );
  // The screen locks with the computer's own lock and when the lid closes.
  const lockNow = () => void gate?.call('session.lock', {});
  powerMonitor.on('lock-screen', lockNow);
  powerMonitor.on('suspend', lockNow);

  const win = await openWindow(join(__dirname, '../preload/index.js'), 'CP Conference Register', RENDERER_URL);
  await win.loadURL(RENDERER_URL);
}

function runDesktop(): void {
  // Crash dumps stay in this computer's crash folder; nothing is uploaded.
  crashReporter.start(crashReporterOptions());
  // Before ready: app:// is a standard, secure scheme with its own origin.
  protocol.registerSchemesAsPrivileged(privilegedSchemes());
  const log = openLog(join(app.getPath('logs'), LOG_FILE_NAME), { console: !app.isPackaged });
  process.on('unhandledRejection', (reason) => log.error('unhandled rejection', reason));
  let toldOfError = false;
  process.on('uncaughtException', (error) => {
    log.error('uncaught exception', error);
    if (!app.isReady()) {
      // Still starting: this is a start-up failure.
      const failed = startupFailureDialog(error, log.file);
      dialog.showErrorBox(failed.title, failed.message);
      app.exit(STARTUP_FAILURE_EXIT_CODE);
      return;
    }
    if (toldOfError) return;
    toldOfError = true;
    const { title, message } = unexpectedErrorDialog(log.file);
    dialog.showErrorBox(title, message);
  });

  // One window: a second start brings the running one to the front and ends.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    focusExisting(mainWindow);
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.on('window-all-closed', () => {
    const closing = Promise.all([gate?.close(), savingWindow]);
    gate = null;
    void closing.finally(() => app.quit());
  });

  start(log).catch((error: unknown) => {
    log.error('start-up failed', error);
    const { title, message } = startupFailureDialog(error, log.file);
    dialog.showErrorBox(title, message);
    app.exit(STARTUP_FAILURE_EXIT_CODE);
  });
}

const mode = startMode(process.argv);
if (mode.kind === 'cli') void runCliMode(mode.args);
else runDesktop();
