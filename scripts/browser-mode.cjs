#!/usr/bin/env node
'use strict';
// Browser mode: the renderer served on 127.0.0.1 against the same services (see README).
require('tsx/cjs');
require('../electron/main/browser-mode/main.ts');
