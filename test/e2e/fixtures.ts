import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base } from '@playwright/test';
import { createHandlers } from '../../electron/main/api/handlers';
import { startBrowserServer, type BrowserServer } from '../../electron/main/browser-mode/server';
import { openRegister, type Register } from '../../electron/main/register/register';
import { addDays, localIsoDate } from '../../shared/dates';

/**
 * The browser-mode server's register uses the real clock: attendance, views and decisions are
 * refused for a conference dated after today. Tests that record them use a conference dated in
 * the past (a fixed date, so the weekday and working days are known) or today; tests of what
 * waits for the day use one dated after today.
 */
export function today(): string {
  return localIsoDate(new Date());
}

/** `days` after today (negative: before), as YYYY-MM-DD. */
export function fromToday(days: number): string {
  return addDays(today(), days);
}

export interface AppUnderTest {
  /** The address with the session token, as `npm start` prints it. */
  url: string;
  server: BrowserServer;
  register: Register;
  dbPath: string;
  /** This test's own folder for letters and exports (the register's default, never ~/Documents). */
  documentsDir: string;
  /** Stops the server and closes the register, then starts both again on the same file. */
  restart(): Promise<void>;
}

/**
 * Each test gets its own data folder, register file, documents folder and browser-mode server
 * (real services, real SQLite, the built renderer from `out/renderer`).
 */
export const test = base.extend<{ app: AppUnderTest }>({
  // Playwright requires an object pattern here even when no other fixture is used.
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'cpreg-e2e-'));
    const dbPath = join(dir, 'register.sqlite');
    const documentsDir = join(dir, 'documents');
    const rendererDir = resolve(__dirname, '../../out/renderer');
    const open = async () => {
      const register = openRegister(dbPath, { defaultUserName: 'Test Chair', documentsDir });
      const server = await startBrowserServer({ handlers: createHandlers(register), rendererDir });
      return { register, server };
    };
    let current = await open();
    const app: AppUnderTest = {
      get url() {
        return current.server.url;
      },
      get server() {
        return current.server;
      },
      get register() {
        return current.register;
      },
      dbPath,
      documentsDir,
      async restart() {
        await current.server.close();
        current.register.close();
        current = await open();
      },
    };
    await use(app);
    await current.server.close();
    current.register.close();
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
