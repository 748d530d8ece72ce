#!/usr/bin/env node
'use strict';
/**
 * `npm start`: build, then launch the desktop app. Where the Electron runtime cannot be had
 * (it is downloaded on first run; offline machines cannot), say so in one line and start
 * browser mode instead. Arguments after `--` (e.g. `--db PATH`) go to whichever starts.
 *
 * better-sqlite3 is a native module built for Node (tests and the CLI use it). Electron needs
 * its own build, so it is compiled once per Electron version into .electron-native/ and handed
 * to the main process through CPREG_NATIVE_BINDING, leaving node_modules as Node's.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);

function run(command, commandArgs, options = {}) {
  return spawnSync(command, commandArgs, { cwd: root, encoding: 'utf8', ...options });
}

function build() {
  const result = run(
    process.execPath,
    [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (result.status !== 0) {
    console.error('The build failed; see the messages above.');
    process.exit(1);
  }
}

/** The Electron executable, downloading it on first use; null when that is not possible. */
function electronExecutable() {
  const dir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(dir, 'path.txt');
  const existing = () => {
    if (!fs.existsSync(pathFile)) return null;
    const exe = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8'));
    return fs.existsSync(exe) ? exe : null;
  };
  if (existing()) return existing();
  const install = run(process.execPath, [path.join(dir, 'install.js')], { stdio: 'pipe', timeout: 300_000 });
  return install.status === 0 ? existing() : null;
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

/** better-sqlite3-multiple-ciphers compiled for this Electron version, built once and cached. */
function electronNativeBinding() {
  const version = require('electron/package.json').version;
  const target = path.join(root, '.electron-native', version);
  const binding = path.join(target, 'build', 'Release', 'better_sqlite3.node');
  if (fs.existsSync(binding)) return binding;
  const gyp = nodeGyp();
  if (!gyp) return null;
  const source = path.dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(source, target, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });
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
    { cwd: target, stdio: 'pipe', env: { ...process.env, npm_config_nodedir: '' } },
  );
  return result.status === 0 && fs.existsSync(binding) ? binding : null;
}

function browserMode(reason) {
  console.log(`${reason}: starting browser mode instead.`);
  const child = spawn(process.execPath, [path.join(__dirname, 'browser-mode.cjs'), ...args], {
    cwd: root,
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}

build();
const electron = electronExecutable();
if (!electron) {
  browserMode('The Electron runtime is not available here (it could not be downloaded)');
} else {
  const binding = electronNativeBinding();
  if (!binding) {
    browserMode(
      'The register’s database module could not be built for Electron (the Electron headers could not be downloaded)',
    );
  } else {
    const child = spawn(electron, [root, ...args], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, CPREG_NATIVE_BINDING: binding },
    });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
