import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, powerMonitor, session } from 'electron';
import { registerIpc } from './ipc/register-ipc';
import { REGISTER_FILE_NAME, resolveRegisterPath } from './register/paths';
import { createGate, type Gate } from './register/gate';
import { hardenSession, hardenWebContents, windowOptions } from './window/security';
import { chooseTarget } from './window/target';

/** The desktop shell: thin. Opens the register, registers the contract, shows one window. */
let gate: Gate | null = null;

function dbFlag(argv: readonly string[]): string | undefined {
  const i = argv.indexOf('--db');
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith('--db='))?.slice(5);
}

async function start(): Promise<void> {
  await app.whenReady();
  const target = chooseTarget(process.argv, process.env, app.getPath('userData'));
  hardenSession(session.defaultSession);
  if (target.kind === 'server') {
    // A unit server's register: the window shows the server's own pages, which sign in and call
    // the register over HTTPS; nothing of this laptop's register is opened, and no IPC is offered.
    const win = new BrowserWindow(windowOptions(null, 'CP Conference Register (unit server)'));
    hardenWebContents(win.webContents, target.origin);
    win.once('ready-to-show', () => win.show());
    await win.loadURL(`${target.origin}/`);
    return;
  }
  const dbPath = resolveRegisterPath(dbFlag(process.argv), process.env, app.getPath('userData'));
  // Nothing in the register is read until someone signs in: the gate holds it shut.
  gate = createGate({
    path: dbPath.endsWith('.sqlite') ? dbPath : join(dbPath, REGISTER_FILE_NAME),
    backgroundCheck: true,
  });
  const rendererFile = join(__dirname, '../renderer/index.html');
  const rendererUrl = pathToFileURL(rendererFile).toString();
  registerIpc(gate.call, rendererUrl);
  // The screen locks with the computer's own lock and when the lid closes.
  const lockNow = () => void gate?.call('session.lock', {});
  powerMonitor.on('lock-screen', lockNow);
  powerMonitor.on('suspend', lockNow);

  const win = new BrowserWindow(windowOptions(join(__dirname, '../preload/index.js'), 'CP Conference Register'));
  hardenWebContents(win.webContents, rendererUrl);
  win.once('ready-to-show', () => win.show());
  await win.loadFile(rendererFile);
}

app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});
app.on('window-all-closed', () => {
  const closing = gate?.close() ?? Promise.resolve();
  gate = null;
  void closing.finally(() => app.quit());
});

start().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : 'CP Conference Register failed to start');
  app.exit(1);
});
