#!/usr/bin/env node
'use strict';
/**
 * `npm start`: build, then open the desktop app, or browser mode where Electron cannot run here
 * (scripts/launch.cjs decides, and says why). Arguments after `--` (e.g. `--db PATH`) go to
 * whichever starts.
 */
require('./launch.cjs').launch(process.argv.slice(2));
