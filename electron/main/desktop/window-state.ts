import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Rectangle } from 'electron';
import { z } from 'zod';

/** The window's size, place and maximised state, kept in the app-data folder between runs. */
export const WINDOW_STATE_FILE = 'window-state.json';

const coordinate = z.number().int().min(-100_000).max(100_000);
const extent = z.number().int().min(1).max(100_000);

export const windowStateSchema = z.strictObject({
  x: coordinate,
  y: coordinate,
  width: extent,
  height: extent,
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export interface Size {
  width: number;
  height: number;
}

/** As `windowOptions` opens the window when nothing was saved, and its minimum. */
export const DEFAULT_SIZE: Size = { width: 1280, height: 800 };
export const MIN_SIZE: Size = { width: 960, height: 600 };

/** At least this much of the title bar must be on a display for the saved place to be kept. */
const VISIBLE = { width: 120, height: 40 };

function overlap(a: Rectangle, b: Rectangle): Size {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function fit(size: Size, area: Rectangle): Size {
  return {
    width: Math.min(Math.max(size.width, Math.min(MIN_SIZE.width, area.width)), area.width),
    height: Math.min(Math.max(size.height, Math.min(MIN_SIZE.height, area.height)), area.height),
  };
}

function centred(size: Size, area: Rectangle): Rectangle {
  const { width, height } = fit(size, area);
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  };
}

/**
 * Where to open the window: the saved rectangle, made to fit inside the work area of the display
 * that shows most of its title bar; when none shows enough of it (a monitor unplugged, a laptop
 * undocked) or nothing was saved, the default size centred on the first (primary) display. With
 * no display known, just the size, and Electron centres it.
 */
export function restoreBounds(
  saved: Pick<WindowState, 'x' | 'y' | 'width' | 'height'> | null,
  workAreas: readonly Rectangle[],
): Rectangle | Size {
  const primary = workAreas[0];
  if (!primary) return saved ? { width: saved.width, height: saved.height } : { ...DEFAULT_SIZE };
  if (!saved) return centred(DEFAULT_SIZE, primary);
  const titleBar: Rectangle = { x: saved.x, y: saved.y, width: saved.width, height: VISIBLE.height };
  let best: Rectangle | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const seen = overlap(titleBar, area);
    const amount = seen.width * seen.height;
    if (seen.width >= Math.min(VISIBLE.width, saved.width) && seen.height >= VISIBLE.height && amount > bestArea) {
      best = area;
      bestArea = amount;
    }
  }
  if (!best) return centred(DEFAULT_SIZE, primary);
  const { width, height } = fit(saved, best);
  return {
    x: Math.min(Math.max(saved.x, best.x), best.x + best.width - width),
    y: Math.min(Math.max(saved.y, best.y), best.y + best.height - height),
    width,
    height,
  };
}

/** The saved state, or null when there is none or it cannot be read or trusted: never fatal. */
export async function loadWindowState(file: string): Promise<WindowState | null> {
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Writes the state beside its final name, then renames it into place, so a crash leaves no half file. */
export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  const checked = windowStateSchema.parse(state);
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.tmp`;
  await writeFile(temporary, `${JSON.stringify(checked)}\n`, { mode: 0o600 });
  await rename(temporary, file);
}

/** What to save from a window as it closes: its normal (not maximised) bounds and whether it was maximised. */
export function stateOf(win: { getNormalBounds(): Rectangle; isMaximized(): boolean }): WindowState {
  const b = win.getNormalBounds();
  return {
    x: Math.round(b.x),
    y: Math.round(b.y),
    width: Math.round(b.width),
    height: Math.round(b.height),
    maximized: win.isMaximized(),
  };
}
