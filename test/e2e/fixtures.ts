import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';
import { startBrowserServer, type BrowserServer } from '../../electron/main/browser-mode/server';
import { createGate, type Gate } from '../../electron/main/register/gate';
import type { Register } from '../../electron/main/register/register';
import { ROLES, type Role } from '../../shared/roles';
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

/** The user every test signs in as unless it says otherwise: every role. */
export const TEST_USER = { name: 'Test Chair', password: 'correct horse battery staple' } as const;

/** A lower scrypt cost than a user's machine uses, so each test's sign-in is quick. */
const TEST_KDF_COST = { N: 2 ** 12, r: 8, p: 1 };

async function must(result: unknown): Promise<void> {
  const settled = (await result) as { ok: boolean; error?: { message: string } };
  if (!settled.ok) throw new Error(settled.error?.message ?? 'refused');
}

export interface AppUnderTest {
  /** The register's gate (sign-in, users, every channel). */
  gate: Gate;
  /** The register's data key (its recovery key), for a second connection that seeds old records. */
  dataKey: Buffer;
  /** Adds a user (as Test Chair, the administrator). */
  addUser(name: string, roles: readonly Role[], password: string): Promise<void>;
  /** The address with the session token, as `npm start` prints it. */
  url: string;
  server: BrowserServer;
  /** The open register (while someone is signed in): seed data through its services. */
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
export const test = base.extend<{
  app: AppUnderTest;
  /**
   * How the test starts: signed in as Test Chair (every role) by default; `signed-out` (Test
   * Chair exists, nobody is signed in); `new` (no register at all: the first run).
   */
  session: 'signed-in' | 'signed-out' | 'new';
}>({
  session: ['signed-in', { option: true }],
  app: async ({ session }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'cpreg-e2e-'));
    const dbPath = join(dir, 'register.sqlite');
    const documentsDir = join(dir, 'documents');
    const rendererDir = resolve(__dirname, '../../out/renderer');
    let dataKey = Buffer.alloc(0);
    const open = async (first: boolean) => {
      const gate = createGate({
        path: dbPath,
        kdfCost: TEST_KDF_COST,
        register: { defaultUserName: TEST_USER.name, documentsDir },
      });
      if (first && session !== 'new') {
        dataKey = Buffer.from((await gate.setup(TEST_USER.name, TEST_USER.password)).recoveryKey, 'hex');
        await must(await gate.call('users.setRoles', { name: TEST_USER.name, roles: ROLES }));
      }
      if (!first && session !== 'new') await gate.signIn(TEST_USER.name, TEST_USER.password);
      if (first && session === 'signed-out') await gate.signOut();
      const server = await startBrowserServer({ call: gate.call, rendererDir });
      return { gate, server };
    };
    let current = await open(true);
    const app: AppUnderTest = {
      get gate() {
        return current.gate;
      },
      get dataKey() {
        return dataKey;
      },
      async addUser(name, roles, password) {
        await must(await current.gate.call('users.add', { name, roles, password }));
      },
      get url() {
        return current.server.url;
      },
      get server() {
        return current.server;
      },
      get register() {
        const register = current.gate.register;
        if (!register) throw new Error('Nobody is signed in: the register is shut');
        return register;
      },
      dbPath,
      documentsDir,
      async restart() {
        await current.server.close();
        await current.gate.close();
        current = await open(false);
      },
    };
    await use(app);
    await current.server.close();
    await current.gate.close();
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

/**
 * A step of the chair's screen as its route names it: `before`, `attendance`, `decisions`, or a
 * child's id (its step is `/children/<id>`).
 */
export type ChairStepName = 'before' | 'attendance' | 'decisions' | number;

/** Opens the chair's screen of a conference, at a step or (without one) at its default step. */
export async function openChairScreen(
  page: Page,
  app: AppUnderTest,
  conferenceId: number,
  step?: ChairStepName,
): Promise<void> {
  const suffix = step === undefined ? '' : typeof step === 'number' ? `/children/${step}` : `/${step}`;
  await page.goto(`${app.url}#/conferences/${conferenceId}${suffix}`);
  await expect(page.getByTestId('chair-screen-ready')).toBeVisible();
}

/**
 * Moves to a step of the open chair's screen by its link in the step list (its name as shown:
 * "Attendance", "Ada Delta", "Decisions"), and waits for the step's heading to take focus.
 */
export async function goToChairStep(page: Page, name: string): Promise<void> {
  const steps = page.getByRole('navigation', { name: 'Conference steps' });
  const link = steps.getByRole('link', { name, exact: true });
  await link.click();
  await expect(link).toHaveAttribute('aria-current', 'step');
  await expect(page.locator('.app-chair-layout__main h2[tabindex="-1"]').first()).toBeFocused();
}
