import type { PgRegisterDb } from './pg-query';

/**
 * A unit's register on PostgreSQL keeps its keyring (`keys/keyring.ts`) in one row of
 * `register_keyring`, the JSON document an embedded register keeps in a file beside it. Written
 * inside the caller's transaction when there is one (a user added with their wrapped key).
 */
export async function readKeyringRow(db: PgRegisterDb): Promise<string | null> {
  const rows = await db.sql<{ document: string }>('SELECT document FROM register_keyring WHERE id = 1');
  return rows[0]?.document ?? null;
}

export async function writeKeyringRow(db: PgRegisterDb, document: string): Promise<void> {
  await db.sql(
    'INSERT INTO register_keyring (id, document) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET document = EXCLUDED.document',
    [document],
  );
}

export async function deleteKeyringRow(db: PgRegisterDb): Promise<void> {
  await db.sql('DELETE FROM register_keyring WHERE id = 1');
}
