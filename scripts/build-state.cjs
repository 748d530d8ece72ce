'use strict';
/**
 * Whether the build in out/ is older than the sources it is made from, and building it when it
 * is. `cpreg` and browser mode run the bundles in out/main/ (plain JavaScript, no TypeScript
 * compiler at run time), so a checkout's `npm run cpreg` builds first when a source has changed.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const SOURCES = ['electron', 'shared', 'renderer', 'resources', 'package.json', 'electron.vite.config.ts'];
const OUTPUTS = [
  'out/main/index.js',
  'out/main/cli.js',
  'out/main/browser-mode.js',
  'out/preload/index.js',
  'out/renderer/index.html',
];

function newestMtime(file) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(file)) newest = Math.max(newest, newestMtime(path.join(file, entry)));
  return newest;
}

/** Why out/ needs building (a missing output, or a source newer than it), or null when it is current. */
function staleReason(base = root) {
  let oldest = Infinity;
  for (const output of OUTPUTS) {
    const file = path.join(base, output);
    if (!fs.existsSync(file)) return `${output} is not built`;
    oldest = Math.min(oldest, fs.statSync(file).mtimeMs);
  }
  for (const source of SOURCES) {
    if (newestMtime(path.join(base, source)) > oldest) return `${source} has changed since the last build`;
  }
  return null;
}

/** Builds out/ when it is stale (saying so on stderr); exits when the build fails. */
function ensureBuilt() {
  const reason = staleReason();
  if (!reason) return;
  process.stderr.write(`Building the app first (${reason})…\n`);
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (result.status !== 0) {
    process.stderr.write('The build failed; see the messages above.\n');
    process.exit(1);
  }
}

module.exports = { staleReason, ensureBuilt };
