#!/usr/bin/env node
'use strict';
// The cpreg command: runs the TypeScript CLI through tsx's CommonJS loader.
require('tsx/cjs');
require('../electron/main/cli/main.ts');
