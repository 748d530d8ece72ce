import { resolve } from 'node:path';
import { ESLint } from 'eslint';

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

/** The boundary rules' messages for `code` as if it were the file at `filePath` (from the project root). */
export async function boundaryMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(__dirname, '../..', filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId?.startsWith('no-restricted')).map((m) => m.message);
}
