#!/usr/bin/env node
'use strict';
// The cpreg command in a checkout: the bundled CLI (out/main/cli.js), built first when a source
// has changed. An installed app runs the same bundle inside the app (`<app> --cpreg …`).
require('../scripts/build-state.cjs').ensureBuilt();
require('../out/main/cli.js');
