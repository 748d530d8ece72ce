import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE,
  loadWindowState,
  restoreBounds,
  saveWindowState,
  stateOf,
} from '../../electron/main/desktop/window-state';

/** A laptop screen (taskbar at the bottom) and a monitor to its right. */
const LAPTOP = { x: 0, y: 0, width: 1920, height: 1040 };
const MONITOR = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('where the window opens', () => {
  it('opens the default size centred when nothing was saved', () => {
    expect(restoreBounds(null, [LAPTOP])).toEqual({ x: 320, y: 120, width: 1280, height: 800 });
    expect(restoreBounds(null, [])).toEqual(DEFAULT_SIZE);
  });

  it('keeps a saved place that is on a display', () => {
    const saved = { x: 100, y: 50, width: 1400, height: 900 };
    expect(restoreBounds(saved, [LAPTOP, MONITOR])).toEqual(saved);
    const onMonitor = { x: 2100, y: 100, width: 1600, height: 1000 };
    expect(restoreBounds(onMonitor, [LAPTOP, MONITOR])).toEqual(onMonitor);
  });

  it('falls back to the default, centred on the primary display, when the monitor has gone', () => {
    const onMonitor = { x: 2100, y: 100, width: 1600, height: 1000 };
    expect(restoreBounds(onMonitor, [LAPTOP])).toEqual({ x: 320, y: 120, width: 1280, height: 800 });
    // Only a sliver of the title bar still showing counts as gone, too.
    expect(restoreBounds({ x: 1900, y: 10, width: 1200, height: 800 }, [LAPTOP])).toEqual({
      x: 320,
      y: 120,
      width: 1280,
      height: 800,
    });
    // Above the top of the screen, where the title bar cannot be reached.
    expect(restoreBounds({ x: 100, y: -900, width: 1200, height: 800 }, [LAPTOP])).toMatchObject({ x: 320, y: 120 });
  });

  it('pulls a window half off the edge back inside, and shrinks one larger than the screen', () => {
    expect(restoreBounds({ x: 1200, y: 600, width: 1200, height: 800 }, [LAPTOP])).toEqual({
      x: 720,
      y: 240,
      width: 1200,
      height: 800,
    });
    expect(restoreBounds({ x: -10, y: 0, width: 3000, height: 2000 }, [LAPTOP])).toEqual({
      x: 0,
      y: 0,
      width: 1920,
      height: 1040,
    });
  });

  it('keeps the minimum size where the screen allows it', () => {
    expect(restoreBounds({ x: 10, y: 10, width: 200, height: 100 }, [LAPTOP])).toEqual({
      x: 10,
      y: 10,
      width: 960,
      height: 600,
    });
    const small = { x: 0, y: 0, width: 800, height: 560 };
    expect(restoreBounds({ x: 0, y: 0, width: 1200, height: 800 }, [small])).toEqual(small);
  });

  it('takes the display that shows most of the title bar, and fits the window to it', () => {
    const across = { x: 1500, y: 100, width: 1800, height: 1300 };
    expect(restoreBounds(across, [LAPTOP, MONITOR])).toEqual({ x: 1920, y: 100, width: 1800, height: 1300 });
  });
});

describe('the saved window state file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cpreg-window-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips the bounds and the maximised state, readable only by the user', async () => {
    const file = join(dir, 'nested', 'window-state.json');
    const win = {
      getNormalBounds: () => ({ x: 10.4, y: 20, width: 1300, height: 850.6 }),
      isMaximized: () => true,
    };
    await saveWindowState(file, stateOf(win));
    expect(await loadWindowState(file)).toEqual({ x: 10, y: 20, width: 1300, height: 851, maximized: true });
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('ignores a missing, broken or strange file instead of failing', async () => {
    expect(await loadWindowState(join(dir, 'none.json'))).toBeNull();
    const bad = join(dir, 'bad.json');
    for (const text of [
      '{not json',
      '[]',
      'null',
      JSON.stringify({ x: 1, y: 2, width: 3 }),
      JSON.stringify({ x: 1, y: 2, width: -3, height: 4, maximized: false }),
      JSON.stringify({ x: 1, y: 2, width: 3, height: 4, maximized: 'yes' }),
      JSON.stringify({ x: 1.5, y: 2, width: 3, height: 4, maximized: false }),
      JSON.stringify({ x: 1, y: 2, width: 3, height: 4, maximized: false, path: '/etc' }),
    ]) {
      writeFileSync(bad, text);
      expect(await loadWindowState(bad), text).toBeNull();
    }
  });

  it('refuses to write a state that is not one', async () => {
    const file = join(dir, 'refused.json');
    await expect(saveWindowState(file, { x: 0, y: 0, width: 0, height: 10, maximized: false })).rejects.toThrow();
    expect(() => readFileSync(file)).toThrow();
  });
});
