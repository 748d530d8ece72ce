import { describe, expect, it } from 'vitest';
import { boundaryMessages } from './lint';

/** The architecture rules in eslint.config.mjs, checked against code that breaks them. */
const messages = boundaryMessages;

describe('lint enforces the boundaries', () => {
  it.each([
    [
      'shared/ imports no Node',
      'shared/x.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;",
      /shared\/ is pure TypeScript: no Node/,
    ],
    [
      'shared/ imports no database',
      'shared/x.ts',
      "import { Kysely } from 'kysely';\nexport const x = Kysely;",
      /no runtime, UI or database library/,
    ],
    [
      'shared/ imports nothing from the main process',
      'shared/x.ts',
      "import { dispatch } from '../electron/main/api/dispatch';\nexport const x = dispatch;",
      /imports only shared/,
    ],
    ['shared/ uses no DOM globals', 'shared/x.ts', 'export const x = () => window.location.href;', /window/],
    [
      'the renderer does not import Electron',
      'renderer/src/x.ts',
      "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;",
      /only through renderer\/src\/api\/client\.ts/,
    ],
    [
      'the renderer does not import the main process',
      'renderer/src/x.ts',
      "import { openRegister } from '../../electron/main/register/register';\nexport const x = openRegister;",
      /not the main process/,
    ],
    [
      'services do not import kysely',
      'electron/main/register/services/x.ts',
      "import { sql } from 'kysely';\nexport const x = sql;",
      /SQL lives in electron\/main\/register\/db/,
    ],
    [
      'services do not reach the raw connection',
      'electron/main/register/services/x.ts',
      'export const x = (ctx: { db: { connection: unknown } }) => ctx.db.connection;',
      /raw SQLite connection/,
    ],
    [
      'only register-ipc.ts touches ipcMain',
      'electron/main/index2.ts',
      "import { ipcMain } from 'electron';\nexport const x = ipcMain;",
      /Only electron\/main\/ipc\/register-ipc\.ts/,
    ],
    [
      'only the preload touches contextBridge',
      'electron/main/x.ts',
      "import { contextBridge } from 'electron';\nexport const x = contextBridge;",
      /Only the preload/,
    ],
    [
      'the CLI imports no repository',
      'electron/main/cli/commands/x.ts',
      "import { createRepositories } from '../../register/db/repositories';\nexport const x = createRepositories;",
      /The CLI reaches the register through channels/,
    ],
    [
      'the CLI imports nothing from the data layer',
      'electron/main/cli/x.ts',
      "import { openRegisterDb } from '../register/db/connection';\nexport const x = openRegisterDb;",
      /The CLI reaches the register through channels/,
    ],
    [
      'the CLI reaches no repository through the register',
      'electron/main/cli/commands/x.ts',
      'export const x = (register: { repos: { agencies: unknown } }) => register.repos.agencies;',
      /The CLI reaches the register through channels/,
    ],
    [
      'the preload bundles no zod',
      'electron/preload/x.ts',
      "import { z } from 'zod';\nexport const x = z;",
      /Keep the preload free/,
    ],
  ])('%s', async (_why, file, code, expected) => {
    const found = await messages(file, code);
    expect(
      found.some((m) => expected.test(m)),
      found.join(' | ') || 'no restriction reported',
    ).toBe(true);
  });

  it.each([
    [
      'repositories may use kysely',
      'electron/main/register/db/repositories/x.ts',
      "import { sql } from 'kysely';\nexport const x = sql;",
    ],
    [
      'the CLI may call channels through its gate',
      'electron/main/cli/commands/x.ts',
      "import { type Cli } from '../cli';\nexport const x = async (cli: Cli, gate: Parameters<Cli['call']>[0]) => cli.call(gate, 'agencies.list', {});",
    ],
    [
      'register-ipc.ts may use ipcMain',
      'electron/main/ipc/register-ipc.ts',
      "import { ipcMain } from 'electron';\nexport const x = ipcMain;",
    ],
    [
      'the preload may use contextBridge',
      'electron/preload/index.ts',
      "import { contextBridge } from 'electron';\nexport const x = contextBridge;",
    ],
  ])('%s', async (_why, file, code) => {
    expect(await messages(file, code)).toEqual([]);
  });
});
