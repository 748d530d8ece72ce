import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Pure-JavaScript dependencies go into the bundle: one file to load instead of hundreds is
      // most of a cpreg command's start-up. External stay the native module, and what reads its
      // own files at run time (pdfkit's font metrics, fontkit) or loads optional parts (pg).
      externalizeDeps: {
        exclude: [
          'kysely',
          'zod',
          'commander',
          'csv-parse',
          'd3-scale',
          '@zip.js/zip.js',
          'openid-client',
          'write-excel-file',
        ],
      },
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // The cpreg command and browser mode, bundled: plain JavaScript at run time, no tsx.
          cli: resolve(__dirname, 'electron/main/cli/main.ts'),
          'browser-mode': resolve(__dirname, 'electron/main/browser-mode/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // Inline nothing: the CSP allows only files from the app itself.
      assetsInlineLimit: 0,
      rolldownOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
    css: { preprocessorOptions: { scss: { quietDeps: true, silenceDeprecations: ['import'] } } },
  },
});
