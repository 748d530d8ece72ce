#!/usr/bin/env node
'use strict';
// Browser mode: the renderer served on 127.0.0.1 against the same services (see README), from
// the bundle in out/main/, built first when a source has changed.
require('./build-state.cjs').ensureBuilt();
require('../out/main/browser-mode.js');
