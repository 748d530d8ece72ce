import { describe, expect, it } from 'vitest';
import { boundaryMessages } from './lint';

/** `pg` is a database library like kysely: SQL on PostgreSQL lives in electron/main/register/db/ too. */
const messages = boundaryMessages;

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
