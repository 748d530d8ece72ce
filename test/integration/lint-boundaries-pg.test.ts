import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** `pg` is a database library like kysely: SQL on PostgreSQL lives in electron/main/register/db/ too. */
const eslint = new ESLint({
  cwd: resolve(__dirname, '../..'),
  // The boundary rules need no types, and these made-up files belong to no TypeScript project.
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
      '@typescript-eslint/await-thenable': 'off',
      '@typescript-eslint/return-await': 'off',
      '@typescript-eslint/promise-function-async': 'off',
    },
  },
});

async function messages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(__dirname, '../..', filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId?.startsWith('no-restricted')).map((m) => m.message);
}

const usePg = "import pg from 'pg';\nexport const x = pg;";

describe('lint keeps pg in the data layer', () => {
  it.each([
    ['a service', 'electron/main/register/services/x.ts', /SQL lives in electron\/main\/register\/db/],
    ['the main process', 'electron/main/x.ts', /SQL lives in electron\/main\/register\/db/],
    ['shared/', 'shared/x.ts', /no runtime, UI or database library/],
    ['the renderer', 'renderer/src/x.ts', /only through renderer\/src\/api\/client\.ts/],
  ])('%s may not import pg', async (_where, file, expected) => {
    const found = await messages(file, usePg);
    expect(
      found.some((m) => expected.test(m)),
      found.join(' | ') || 'no restriction reported',
    ).toBe(true);
  });

  it('the data layer may import pg', async () => {
    expect(await messages('electron/main/register/db/x.ts', usePg)).toEqual([]);
  });
});
