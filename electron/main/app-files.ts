import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The built renderer (`out/renderer`), found from wherever this code runs: the sources under
 * tsx, a bundle in `out/main/` (the app, cpreg and browser mode), or a packaged app's asar.
 */
export function rendererDirectory(from: string = __dirname): string {
  const candidates: string[] = [];
  for (let dir = from, i = 0; i < 6; i++, dir = dirname(dir)) {
    candidates.push(join(dir, 'renderer'), join(dir, 'out', 'renderer'));
  }
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? join(from, '..', 'renderer');
}
