import type { MenuItemConstructorOptions, MessageBoxOptions } from 'electron';

export interface MenuContext {
  platform: NodeJS.Platform;
  /** True in an installed build: no Reload, Force reload or Developer Tools there. */
  packaged: boolean;
  appName: string;
}

export interface MenuActions {
  about(): void;
  openLogFolder(): void;
}

/**
 * The application menu: the standard Edit and Window menus (so keyboard shortcuts for copy and
 * paste work everywhere, and on macOS at all), View with zoom and full screen, and Help with About
 * and "Open the log folder". Reload, Force reload and the Developer Tools are for development only:
 * in an installed build they would let anyone reload away unsaved work or read the page's memory.
 */
export function applicationMenuTemplate(context: MenuContext, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = context.platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: `About ${context.appName}`, click: () => actions.about() };
  const menus: MenuItemConstructorOptions[] = [];

  if (mac) {
    menus.push({
      label: context.appName,
      submenu: [
        about,
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }

  menus.push({
    label: 'File',
    submenu: mac ? [{ role: 'close' }] : [{ role: 'quit', label: 'Exit' }],
  });

  menus.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  });

  const development: MenuItemConstructorOptions[] = context.packaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }];
  menus.push({
    label: 'View',
    submenu: [
      ...development,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  });

  menus.push({
    role: 'windowMenu',
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  });

  menus.push({
    role: 'help',
    submenu: [about, { label: 'Open the log folder', click: () => actions.openLogFolder() }],
  });
  return menus;
}

export interface AboutFacts {
  appName: string;
  version: string;
  /** `process.versions`: electron, chrome and node are shown. */
  versions: Partial<Record<'electron' | 'chrome' | 'node', string>>;
}

/** The About box: the app's name and version, and the Electron, Chrome and Node it runs on. */
export function aboutMessageBox(facts: AboutFacts): MessageBoxOptions {
  const line = (label: string, value: string | undefined) => `${label} ${value ?? 'unknown'}`;
  return {
    type: 'info',
    title: `About ${facts.appName}`,
    message: `${facts.appName}`,
    detail: [
      line('Version', facts.version),
      line('Electron', facts.versions.electron),
      line('Chrome', facts.versions.chrome),
      line('Node.js', facts.versions.node),
    ].join('\n'),
    buttons: ['OK'],
    noLink: true,
  };
}
