// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Lint enforces the boundaries in docs/style.md, so review does not have to:
 * - shared/ is pure: no Node, DOM, Electron, database or React;
 * - the renderer reaches the main process only through the api client (no Electron, Node or db);
 * - only electron/main/ipc/register-ipc.ts touches ipcMain, only the preload touches
 *   contextBridge and ipcRenderer;
 * - SQL lives in electron/main/register/db/ (the only place that may import kysely,
 *   better-sqlite3 or pg, or reach the raw connection);
 * - the CLI (electron/main/cli/) is a front end: no repositories, no data layer, only channels.
 */
const NODE_BUILTINS = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'url',
  'util',
  'stream',
  'buffer',
  'process',
];
const DB_LIBS = {
  group: ['better-sqlite3-multiple-ciphers', 'kysely', 'kysely/*', 'pg'],
  message: 'SQL lives in electron/main/register/db/ (repositories).',
};
const IPC_MAIN = {
  name: 'electron',
  importNames: ['ipcMain'],
  message: 'Only electron/main/ipc/register-ipc.ts registers IPC handlers.',
};
const PRELOAD_ONLY = {
  name: 'electron',
  importNames: ['contextBridge', 'ipcRenderer'],
  message: 'Only the preload uses contextBridge and ipcRenderer.',
};
const NO_RENDERER = { group: ['**/renderer/**'], message: 'The main process does not import the renderer.' };
/** The command line is a front end: it reaches the register through channels, like the app. */
const CLI_NO_DATA_LAYER = {
  group: ['**/register/db', '**/register/db/**', '**/repositories', '**/repositories/**'],
  message: 'The CLI reaches the register through channels (cli.call); add a channel rather than a repository call.',
};
const CLI_NO_REPOS = {
  selector: "MemberExpression[property.name='repos']",
  message: 'The CLI reaches the register through channels (cli.call); add a channel rather than a repository call.',
};
const NO_RAW_CONNECTION = {
  selector: "MemberExpression[property.name='connection']",
  message: 'The raw SQLite connection is for electron/main/register/db/ only; add a repository method.',
};

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: NODE_BUILTINS, message: 'shared/ is pure TypeScript: no Node.' },
            {
              group: ['electron', 'react', 'react-dom', 'pdfkit', 'better-sqlite3-multiple-ciphers', 'kysely', 'pg'],
              message: 'shared/ imports no runtime, UI or database library.',
            },
            { group: ['**/electron/**', '**/renderer/**', '**/test/**'], message: 'shared/ imports only shared/.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer', 'localStorage', 'fetch'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: NODE_BUILTINS, message: 'The renderer has no Node: use the api client.' },
            {
              group: ['electron', 'better-sqlite3-multiple-ciphers', 'kysely', 'pg', 'pdfkit'],
              message: 'The renderer reaches the register only through renderer/src/api/client.ts.',
            },
            { group: ['**/electron/**'], message: 'The renderer imports shared/, not the main process.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/ipc/register-ipc.ts', 'electron/preload/**', 'electron/main/register/db/**'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': ['error', { paths: [IPC_MAIN, PRELOAD_ONLY], patterns: [DB_LIBS, NO_RENDERER] }],
      'no-restricted-syntax': ['error', NO_RAW_CONNECTION],
    },
  },
  {
    files: ['electron/main/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [IPC_MAIN, PRELOAD_ONLY], patterns: [DB_LIBS, NO_RENDERER, CLI_NO_DATA_LAYER] },
      ],
      'no-restricted-syntax': ['error', NO_RAW_CONNECTION, CLI_NO_REPOS],
    },
  },
  {
    files: ['electron/main/ipc/register-ipc.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': ['error', { paths: [PRELOAD_ONLY], patterns: [DB_LIBS, NO_RENDERER] }],
      'no-restricted-syntax': ['error', NO_RAW_CONNECTION],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [IPC_MAIN],
          patterns: [
            DB_LIBS,
            NO_RENDERER,
            { group: NODE_BUILTINS, message: 'The sandboxed preload has no Node.' },
            { group: ['zod'], message: 'Keep the preload free of bundled libraries: use shared/ipc/channels.ts.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/register/db/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['electron'], message: 'The data layer does not depend on Electron.' }, NO_RENDERER] },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**', '*.config.*'],
    languageOptions: { globals: globals.node },
  },
  {
    // The register is asynchronous on both engines: a promise left unawaited is a write outside
    // its command's transaction, or a check that always passes. Type-aware rules catch both.
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'test/integration/**/*.ts', 'test/e2e/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // A promise returned from inside try/catch/finally without await escapes the catch.
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      // A function that answers a promise is async, so a refusal is a rejection, never a throw
      // before the promise exists.
      '@typescript-eslint/promise-function-async': 'error',
    },
  },
);
