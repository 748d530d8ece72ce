import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

/**
 * A hash of everything the register holds: every table (by name) and its rows in a stable order.
 * Two files with the same content hash hold the same records, whatever their pages look like;
 * copies (encryption, backups) are checked with it.
 */
export function contentHash(connection: BetterSqlite3.Database): string {
  const hash = createHash('sha256');
  const tables = connection
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  for (const { name } of tables) {
    const columns = (connection.prepare(`PRAGMA table_info("${name}")`).all() as unknown[]).length;
    const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
    hash.update(`table ${name}\n`);
    const rows = connection.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).raw(true);
    for (const row of rows.iterate() as Iterable<unknown[]>) {
      hash.update(
        JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : value)),
      );
      hash.update('\n');
    }
  }
  return hash.digest('hex');
}
