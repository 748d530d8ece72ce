#!/usr/bin/env node
'use strict';
/**
 * `npm run demo`: the app on a register of synthetic data, signed in as its user "demo", in one
 * command. The demo register is .demo/demo.sqlite in this checkout (CPREG_DEMO_DIR names another
 * folder), never the user's own register; it is made on the first run (or with --fresh) and reused after. `--size large` makes
 * the benchmark's 52,000 conferences instead of 300. Other arguments go to the app.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ensureBuilt } = require('./build-state.cjs');
const { launch } = require('./launch.cjs');

/** The demo user's password, as `cpreg demo` sets it (DEMO_PASSWORD in electron/main/cli/cli.ts). */
const DEMO_PASSWORD = 'demo register password';

/** The demo's own choices, and what is left for the app. */
function demoArgs(argv) {
  const rest = [];
  let size = 'small';
  let fresh = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--fresh') fresh = true;
    else if (arg === '--size') size = argv[++i] ?? '';
    else if (arg.startsWith('--size=')) size = arg.slice('--size='.length);
    else rest.push(arg);
  }
  if (size !== 'small' && size !== 'large') {
    throw new Error(`--size must be small or large (got "${size}")`);
  }
  return { size, fresh, rest };
}

function main() {
  const root = path.resolve(__dirname, '..');
  let choice;
  try {
    choice = demoArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
  const dir = path.resolve(process.env.CPREG_DEMO_DIR || path.join(root, '.demo'));
  const db = path.join(dir, 'demo.sqlite');
  ensureBuilt();
  if (choice.fresh) fs.rmSync(dir, { recursive: true, force: true });
  if (!fs.existsSync(db)) {
    fs.mkdirSync(dir, { recursive: true });
    console.log(`Making a demo register of synthetic data (${choice.size}) in ${db}…`);
    const made = spawnSync(
      process.execPath,
      [path.join(root, 'out', 'main', 'cli.js'), 'demo', '--db', db, '--size', choice.size],
      {
        stdio: 'inherit',
        env: { ...process.env, CPREG_PASSWORD: DEMO_PASSWORD },
      },
    );
    if (made.status !== 0) {
      // A half-made demo is not reused: the next run starts again.
      fs.rmSync(dir, { recursive: true, force: true });
      console.error('The demo register could not be made; see the messages above.');
      process.exit(1);
    }
  } else {
    console.log(`Using the demo register ${db} (npm run demo -- --fresh makes it anew).`);
  }
  console.log(`Signed in as "demo" (password "${DEMO_PASSWORD}"); the data is synthetic.`);
  launch(['--db', db, '--user', 'demo', ...choice.rest], { built: true, env: { CPREG_PASSWORD: DEMO_PASSWORD } });
}

if (require.main === module) main();

module.exports = { demoArgs, DEMO_PASSWORD };
