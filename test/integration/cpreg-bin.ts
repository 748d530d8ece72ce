import { resolve } from 'node:path';

/**
 * The cpreg command as users run it: the bundled CLI the build makes (out/main/cli.js), plain
 * JavaScript. test/integration/build-first.ts builds it before the suite when a source is newer.
 */
export const CPREG_BIN = resolve(__dirname, '../../out/main/cli.js');
