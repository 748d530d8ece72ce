import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * The README's screenshots of the chair's screen (`npm run screenshots`): the same browser and
 * fixtures as the end-to-end tests, on synthetic data, written to docs/screenshots/. Not part of
 * `npm test`: CI never rewrites committed files.
 */
export default defineConfig({
  ...base,
  testMatch: '**/*.shots.ts',
  workers: 1,
  fullyParallel: false,
});
