import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { contextMenuTemplate, type ContextParams } from '../../electron/main/desktop/context-menu';
import { aboutMessageBox, applicationMenuTemplate, type MenuContext } from '../../electron/main/desktop/menu';

const APP = 'CP Conference Register';

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return Array.isArray(item?.submenu) ? item.submenu : [];
}
/** Every role and label in the menu, top level and below, to look for what must or must not be there. */
function everything(menu: MenuItemConstructorOptions[]): string[] {
  return menu.flatMap((item) => [item.role ?? item.label ?? item.type ?? '?', ...everything(submenu(item))]);
}
function top(menu: MenuItemConstructorOptions[], name: string): MenuItemConstructorOptions | undefined {
  return menu.find((m) => m.label === name || m.role === name);
}

function build(context: Omit<MenuContext, 'appName'>) {
  const calls: string[] = [];
  const menu = applicationMenuTemplate(
    { ...context, appName: APP },
    { about: () => calls.push('about'), openLogFolder: () => calls.push('logs') },
  );
  return { menu, calls };
}

const DEV_ONLY = ['reload', 'forceReload', 'toggleDevTools'];

describe('the application menu', () => {
  for (const platform of ['darwin', 'win32', 'linux'] as const) {
    for (const packaged of [true, false]) {
      it(`on ${platform}, ${packaged ? 'installed' : 'in development'}`, () => {
        const { menu, calls } = build({ platform, packaged });
        const all = everything(menu);
        const edit = submenu(top(menu, 'Edit')).map((i) => i.role ?? i.type);
        for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']) expect(edit).toContain(role);
        const view = submenu(top(menu, 'View')).map((i) => i.role ?? i.type);
        for (const role of ['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']) expect(view).toContain(role);
        expect(top(menu, 'windowMenu')).toBeDefined();
        expect(submenu(top(menu, 'windowMenu')).map((i) => i.role)).toContain('minimize');

        // Reload, Force reload and the Developer Tools only while developing.
        for (const role of DEV_ONLY) expect(all.includes(role), role).toBe(!packaged);

        // Help: About and the log folder, each doing what it says.
        const help = submenu(top(menu, 'help'));
        expect(help.map((i) => i.label)).toEqual([`About ${APP}`, 'Open the log folder']);
        for (const item of help) item.click?.({} as never, undefined, {} as never);
        expect(calls).toEqual(['about', 'logs']);

        // macOS has the app's own menu first, with About, Hide and Quit; elsewhere File has Exit.
        if (platform === 'darwin') {
          expect(menu[0]?.label).toBe(APP);
          const appMenu = submenu(menu[0]);
          expect(appMenu[0]?.label).toBe(`About ${APP}`);
          expect(appMenu.map((i) => i.role)).toEqual(expect.arrayContaining(['hide', 'hideOthers', 'quit']));
          expect(submenu(top(menu, 'File')).map((i) => i.role)).toEqual(['close']);
        } else {
          expect(menu[0]?.label).toBe('File');
          expect(submenu(menu[0])).toEqual([{ role: 'quit', label: 'Exit' }]);
          expect(all).not.toContain('hide');
        }
      });
    }
  }

  it('says which version is running and on what', () => {
    const box = aboutMessageBox({
      appName: APP,
      version: '0.1.0',
      versions: { electron: '45.4.1', chrome: '142.0.7444.0', node: '22.20.0' },
    });
    expect(box.title).toBe(`About ${APP}`);
    expect(box.message).toBe(APP);
    expect(box.detail).toBe('Version 0.1.0\nElectron 45.4.1\nChrome 142.0.7444.0\nNode.js 22.20.0');
    expect(aboutMessageBox({ appName: APP, version: '0.1.0', versions: {} }).detail).toContain('Electron unknown');
  });
});

const NOTHING: ContextParams = {
  isEditable: false,
  selectionText: '',
  misspelledWord: '',
  dictionarySuggestions: [],
  editFlags: { canCut: false, canCopy: false, canPaste: false, canSelectAll: false },
};

function contextMenu(params: Partial<ContextParams>) {
  const done: string[] = [];
  const items = contextMenuTemplate(
    { ...NOTHING, ...params },
    {
      replaceMisspelling: (word) => done.push(`replace:${word}`),
      addToDictionary: (word) => done.push(`add:${word}`),
    },
  );
  const click = (label: string) => items.find((i) => i.label === label)?.click?.({} as never, undefined, {} as never);
  return { items, done, click, shape: items.map((i) => i.label ?? i.role ?? i.type) };
}

describe('the right-click menu', () => {
  it('offers nothing where there is nothing to do', () => {
    expect(contextMenu({}).items).toEqual([]);
    expect(contextMenu({ selectionText: '   ' }).items).toEqual([]);
  });

  it('offers copy on selected text outside a field', () => {
    const { items } = contextMenu({ selectionText: 'Hartfield', editFlags: { ...NOTHING.editFlags, canCopy: true } });
    expect(items).toEqual([{ role: 'copy', enabled: true }]);
  });

  it('offers cut, copy, paste and select all in a field, each only when it can act', () => {
    const { items } = contextMenu({
      isEditable: true,
      editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true },
    });
    expect(items).toEqual([
      { role: 'cut', enabled: false },
      { role: 'copy', enabled: false },
      { role: 'paste', enabled: true },
      { type: 'separator' },
      { role: 'selectAll', enabled: true },
    ]);
  });

  it('offers spelling suggestions and Add to dictionary on a misspelt word', () => {
    const menu = contextMenu({
      isEditable: true,
      misspelledWord: 'confrence',
      dictionarySuggestions: ['conference', 'confluence', 'c1', 'c2', 'c3', 'c4', 'c5'],
      editFlags: { canCut: true, canCopy: true, canPaste: true, canSelectAll: true },
    });
    expect(menu.shape).toEqual([
      'conference',
      'confluence',
      'c1',
      'c2',
      'c3',
      'separator',
      'Add to dictionary',
      'separator',
      'cut',
      'copy',
      'paste',
      'separator',
      'selectAll',
    ]);
    menu.click('conference');
    menu.click('Add to dictionary');
    expect(menu.done).toEqual(['replace:conference', 'add:confrence']);
  });

  it('says so when there are no suggestions', () => {
    const menu = contextMenu({ isEditable: true, misspelledWord: 'Xqzt' });
    expect(menu.items[0]).toEqual({ label: 'No spelling suggestions', enabled: false });
    expect(menu.shape).toContain('Add to dictionary');
  });
});
