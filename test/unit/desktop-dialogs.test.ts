import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenDialogOptions } from 'electron';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseFile, chooseFolder, openFolder } from '../../electron/main/desktop/dialogs';
import { CHANNEL_NAMES } from '../../shared/ipc/channels';
import { DESKTOP_CHANNELS, FILE_PURPOSES, FOLDER_PURPOSES } from '../../shared/ipc/desktop';

/** A stand-in for Electron's dialog: records what it was asked to show and answers as told. */
function fakeDialog(answer: { canceled: boolean; filePaths: string[] }) {
  const shown: OpenDialogOptions[] = [];
  return {
    shown,
    show: async (options: OpenDialogOptions) => {
      shown.push(options);
      return answer;
    },
  };
}

describe('the desktop channels', () => {
  it('are apart from the register contract', () => {
    for (const channel of Object.values(DESKTOP_CHANNELS)) {
      expect((CHANNEL_NAMES as readonly string[]).includes(channel)).toBe(false);
      expect(channel.startsWith('desktop.')).toBe(true);
    }
  });
});

describe('choosing a folder', () => {
  it('shows a folder picker titled for its purpose and answers the folder', async () => {
    for (const purpose of FOLDER_PURPOSES) {
      const dialog = fakeDialog({ canceled: false, filePaths: ['/home/chair/Letters'] });
      expect(await chooseFolder({ purpose, defaultPath: '/home/chair' }, dialog.show)).toEqual({
        ok: true,
        value: { path: '/home/chair/Letters' },
      });
      const [options] = dialog.shown;
      expect(options?.properties).toContain('openDirectory');
      expect(options?.properties).not.toContain('openFile');
      expect(options?.defaultPath).toBe('/home/chair');
      expect(options?.title).toMatch(/^Choose the /);
    }
  });

  it('answers null when cancelled', async () => {
    const dialog = fakeDialog({ canceled: true, filePaths: [] });
    expect(await chooseFolder({ purpose: 'backups' }, dialog.show)).toEqual({ ok: true, value: { path: null } });
    expect(dialog.shown[0]?.title).toBe('Choose the backup folder');
    expect(dialog.shown[0]).not.toHaveProperty('defaultPath');
  });

  it('refuses bad input, naming the field, and shows nothing', async () => {
    const dialog = fakeDialog({ canceled: false, filePaths: ['/x'] });
    const cases: [unknown, string][] = [
      [{ purpose: 'agencies-csv' }, 'purpose'],
      [{}, 'purpose'],
      [{ purpose: 'export', defaultPath: '' }, 'defaultPath'],
      [{ purpose: 'export', defaultPath: 'a\0b' }, 'defaultPath'],
      [{ purpose: 'export', defaultPath: 'x'.repeat(5000) }, 'defaultPath'],
      [{ purpose: 'export', multi: true }, 'multi'],
    ];
    for (const [input, field] of cases) {
      const result = await chooseFolder(input, dialog.show);
      expect(result.ok, JSON.stringify(input).slice(0, 60)).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid-input');
        expect(result.error.issues[0]?.path).toBe(field);
        expect(result.error.message).toMatch(new RegExp(field === 'multi' ? 'multi' : `^${field}`));
      }
    }
    expect(await chooseFolder('documents', dialog.show)).toMatchObject({ ok: false });
    expect(dialog.shown).toEqual([]);
  });
});

describe('choosing a file', () => {
  it('offers only the file types its purpose reads', async () => {
    const dialog = fakeDialog({ canceled: false, filePaths: ['/home/chair/agencies.csv'] });
    expect(await chooseFile({ purpose: 'agencies-csv' }, dialog.show)).toEqual({
      ok: true,
      value: { path: '/home/chair/agencies.csv' },
    });
    await chooseFile({ purpose: 'bank-holidays' }, dialog.show);
    expect(dialog.shown.map((o) => o.filters?.flatMap((f) => f.extensions))).toEqual([['csv'], ['json']]);
    expect(dialog.shown.map((o) => o.properties)).toEqual([
      ['openFile', 'dontAddToRecent'],
      ['openFile', 'dontAddToRecent'],
    ]);
    expect(FILE_PURPOSES).toEqual(['agencies-csv', 'bank-holidays']);
  });

  it('refuses a folder purpose', async () => {
    const dialog = fakeDialog({ canceled: false, filePaths: ['/x'] });
    const result = await chooseFile({ purpose: 'documents' }, dialog.show);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'purpose' }] } });
    expect(dialog.shown).toEqual([]);
  });
});

describe('opening a folder', () => {
  const base = mkdtempSync(join(tmpdir(), 'cpreg-open-'));
  const file = join(base, 'letter.pdf');
  writeFileSync(file, '%PDF-1.7');
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  function shell(answer = '') {
    const opened: string[] = [];
    return { opened, deps: { stat, openPath: async (p: string) => (opened.push(p), answer) } };
  }

  it('opens an existing folder', async () => {
    const s = shell();
    expect(await openFolder({ path: base }, s.deps)).toEqual({ ok: true, value: { opened: true } });
    expect(s.opened).toEqual([base]);
  });

  it('never opens a file, which could run it', async () => {
    const s = shell();
    const result = await openFolder({ path: file }, s.deps);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'path' }] } });
    expect(s.opened).toEqual([]);
  });

  it('refuses a missing folder, a relative path and bad input, opening nothing', async () => {
    const s = shell();
    expect(await openFolder({ path: join(base, 'gone') }, s.deps)).toMatchObject({
      ok: false,
      error: { code: 'not-found', issues: [{ path: 'path' }] },
    });
    for (const input of [{ path: 'Letters' }, { path: '../..' }, { path: '' }, { path: 7 }, {}, { path: base, x: 1 }]) {
      const result = await openFolder(input, s.deps);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(s.opened).toEqual([]);
  });

  it('says so when the system cannot open it', async () => {
    const s = shell('No application is associated');
    expect(await openFolder({ path: base }, s.deps)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
