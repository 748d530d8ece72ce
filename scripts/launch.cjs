'use strict';
/**
 * How `npm start` and `npm run demo` open the app on this machine: the desktop app when Electron
 * and an Electron build of the register's database module can be had, browser mode otherwise,
 * saying the true reason.
 *
 * better-sqlite3-multiple-ciphers (SQLite with SQLCipher) is a native module. node_modules keeps
 * Node's build, for the tests and the cpreg command; Electron needs its own, made once per
 * Electron version, platform and architecture in .electron-native/ and handed to the main process
 * through CPREG_NATIVE_BINDING. In order of preference it is:
 *   1. already there from an earlier start;
 *   2. a prebuilt binary for Electron, downloaded by prebuild-install (no compiler needed: what an
 *      ordinary council laptop gets);
 *   3. compiled with node-gyp, only when a C++ toolchain is found, its output shown;
 * and when none of those works the app starts in browser mode, naming each reason.
 *
 * `decideStart` holds the decisions; each fact about the machine comes from a probe, so a test can
 * give it any machine (test/unit/start-decisions.test.ts). `machineProbes` asks the real one.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

/**
 * @typedef {{ ok: true, value: string } | { ok: false, reason: string }} Found
 * @typedef {{
 *   forcedBrowser: () => string | null,
 *   display: () => string | null,
 *   electron: () => Found,
 *   cachedBinding: () => string | null,
 *   prebuilt: () => Found,
 *   compiler: () => string | null,
 *   compile: () => Found,
 * }} Probes
 * @typedef {{ mode: 'electron', electron: string, binding: string, how: 'cached' | 'prebuilt' | 'compiled' }
 *   | { mode: 'browser', reason: string }} StartPlan
 */

/**
 * Which way to start, asking each probe only when the answer before it leaves the question open.
 * @param {Probes} probe
 * @returns {StartPlan}
 */
function decideStart(probe) {
  const forced = probe.forcedBrowser();
  if (forced) return { mode: 'browser', reason: forced };
  const noDisplay = probe.display();
  if (noDisplay) return { mode: 'browser', reason: noDisplay };
  const electron = probe.electron();
  if (!electron.ok) return { mode: 'browser', reason: `The Electron runtime is not available (${electron.reason})` };
  const cached = probe.cachedBinding();
  if (cached) return { mode: 'electron', electron: electron.value, binding: cached, how: 'cached' };
  const prebuilt = probe.prebuilt();
  if (prebuilt.ok) return { mode: 'electron', electron: electron.value, binding: prebuilt.value, how: 'prebuilt' };
  const noCompiler = probe.compiler();
  if (noCompiler) {
    return {
      mode: 'browser',
      reason:
        `The register’s database module has no prebuilt binary for this Electron (${prebuilt.reason}) ` +
        `and cannot be compiled here (${noCompiler})`,
    };
  }
  const compiled = probe.compile();
  if (compiled.ok) return { mode: 'electron', electron: electron.value, binding: compiled.value, how: 'compiled' };
  return {
    mode: 'browser',
    reason:
      `The register’s database module has no prebuilt binary for this Electron (${prebuilt.reason}) ` +
      `and compiling it failed (${compiled.reason}; its output is above)`,
  };
}

/**
 * Why the desktop app cannot show a window here, or null when it can: Linux needs a display
 * server; Windows and macOS always have one.
 * @param {NodeJS.Platform} platform
 * @param {Record<string, string | undefined>} env
 */
function displayProblem(platform, env) {
  if (platform !== 'linux') return null;
  if (env['DISPLAY'] || env['WAYLAND_DISPLAY']) return null;
  return 'There is no display here (neither DISPLAY nor WAYLAND_DISPLAY is set)';
}

/**
 * Why the module cannot be compiled here, or null when the tools node-gyp needs are found:
 * Python, and a C++ compiler (Visual Studio's Build Tools on Windows, found by vswhere).
 * @param {NodeJS.Platform} platform
 * @param {Record<string, string | undefined>} env
 * @param {(command: string) => boolean} onPath
 * @param {(file: string) => boolean} exists
 */
function compilerProblem(platform, env, onPath, exists) {
  const python = onPath('python3') || onPath('python') || (platform === 'win32' && onPath('py'));
  if (platform === 'win32') {
    const programs = env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)';
    const vswhere = path.win32.join(programs, 'Microsoft Visual Studio', 'Installer', 'vswhere.exe');
    if (!exists(vswhere)) return 'Visual Studio Build Tools with C++ are not installed';
    if (!python) return 'Python is not installed';
    return null;
  }
  if (!python) return 'Python 3 is not installed';
  if (!onPath('make')) return 'make is not installed';
  if (!onPath('c++') && !onPath('g++') && !onPath('clang++')) {
    return platform === 'darwin' ? 'the Xcode command line tools are not installed' : 'no C++ compiler is installed';
  }
  return null;
}

/** The first line of what a tool printed, for a reason that fits on one line. */
function firstLine(text, fallback) {
  const line = String(text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l.length > 0);
  return line ? line.slice(0, 200) : fallback;
}

function run(command, commandArgs, options = {}) {
  return spawnSync(command, commandArgs, { cwd: root, encoding: 'utf8', ...options });
}

function onPath(command) {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const exts = process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  return dirs.some((dir) => exts.some((ext) => fs.existsSync(path.join(dir, command + ext))));
}

/** The probes for this machine. */
function machineProbes() {
  const electronDir = path.dirname(require.resolve('electron/package.json'));
  const version = require('electron/package.json').version;
  const target = path.join(root, '.electron-native', `${version}-${process.platform}-${process.arch}`);
  const binding = path.join(target, 'build', 'Release', 'better_sqlite3.node');
  const source = path.dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
  /** A fresh copy of the module's sources to build in, leaving Node's build in node_modules alone. */
  const freshCopy = () => {
    fs.rmSync(target, { recursive: true, force: true });
    fs.cpSync(source, target, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });
  };
  return {
    forcedBrowser: () => (process.env.CPREG_BROWSER_MODE === '1' ? 'CPREG_BROWSER_MODE=1 asks for browser mode' : null),
    display: () => displayProblem(process.platform, process.env),
    electron: () => {
      const pathFile = path.join(electronDir, 'path.txt');
      const existing = () => {
        if (!fs.existsSync(pathFile)) return null;
        const exe = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8'));
        return fs.existsSync(exe) ? exe : null;
      };
      if (existing()) return { ok: true, value: existing() };
      console.log(`Downloading the Electron ${version} runtime (once)…`);
      const install = run(process.execPath, [path.join(electronDir, 'install.js')], {
        stdio: 'pipe',
        timeout: 300_000,
      });
      const exe = install.status === 0 ? existing() : null;
      if (exe) return { ok: true, value: exe };
      return { ok: false, reason: `it could not be downloaded: ${firstLine(install.stderr, 'no reason given')}` };
    },
    cachedBinding: () => (fs.existsSync(binding) ? binding : null),
    prebuilt: () => {
      freshCopy();
      console.log(`Fetching the register’s database module built for Electron ${version}…`);
      let prebuildInstall;
      try {
        prebuildInstall = require.resolve('prebuild-install/bin.js', { paths: [source] });
      } catch {
        return { ok: false, reason: 'prebuild-install was not found in node_modules' };
      }
      const result = run(
        process.execPath,
        [
          prebuildInstall,
          '--runtime=electron',
          `--target=${version}`,
          `--arch=${process.arch}`,
          `--platform=${process.platform}`,
        ],
        { cwd: target, stdio: 'pipe', timeout: 120_000 },
      );
      if (result.status === 0 && fs.existsSync(binding)) return { ok: true, value: binding };
      return { ok: false, reason: firstLine(result.stderr, `prebuild-install exited with ${result.status}`) };
    },
    compiler: () => compilerProblem(process.platform, process.env, onPath, fs.existsSync),
    compile: () => {
      const gyp = nodeGyp();
      if (!gyp) return { ok: false, reason: 'node-gyp was not found' };
      freshCopy();
      console.log(`Compiling the register’s database module for Electron ${version} (a few minutes, once):`);
      const result = run(
        process.execPath,
        [
          gyp,
          'rebuild',
          '--release',
          `--target=${version}`,
          '--runtime=electron',
          '--dist-url=https://electronjs.org/headers',
        ],
        // The compiler's output is shown as it comes: a failure's reason is in it.
        { cwd: target, stdio: 'inherit', env: { ...process.env, npm_config_nodedir: '' } },
      );
      if (result.status === 0 && fs.existsSync(binding)) return { ok: true, value: binding };
      return { ok: false, reason: `node-gyp exited with ${result.status ?? result.signal}` };
    },
  };
}

function nodeGyp() {
  const candidates = [];
  if (process.env.npm_execpath) {
    candidates.push(
      path.join(path.dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    );
  }
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // not installed locally; npm's own copy is tried first anyway
  }
  return candidates.find((c) => fs.existsSync(c)) ?? null;
}

/** Builds the app (main, preload, renderer, the cpreg and browser-mode bundles); stops on failure. */
function build() {
  console.log('Building the app…');
  const result = run(
    process.execPath,
    [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (result.status !== 0) {
    console.error('The build failed; see the messages above.');
    process.exit(1);
  }
}

/**
 * Builds, decides, and starts the app with `args` (e.g. `--db PATH`); the process ends when the
 * app does.
 * @param {string[]} args
 * @param {{ built?: boolean, env?: Record<string, string> }} [options] `built`: the caller has
 *   just built; `env`: more environment for the app (the demo's password).
 */
function launch(args, options = {}) {
  if (!options.built) build();
  const env = { ...process.env, ...options.env };
  const plan = decideStart(machineProbes());
  const exitWith = (child) => {
    // Stopping this script (Ctrl+C, or a service manager's SIGTERM) stops the app it started.
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
    child.on('exit', (code) => process.exit(code ?? 0));
  };
  if (plan.mode === 'browser') {
    console.log(`${plan.reason}: starting browser mode instead.`);
    exitWith(
      spawn(process.execPath, [path.join(root, 'out', 'main', 'browser-mode.js'), ...args], { stdio: 'inherit', env }),
    );
    return;
  }
  exitWith(
    spawn(plan.electron, [root, ...args], {
      cwd: root,
      stdio: 'inherit',
      env: { ...env, CPREG_NATIVE_BINDING: plan.binding },
    }),
  );
}

module.exports = { decideStart, displayProblem, compilerProblem, firstLine, build, launch };
