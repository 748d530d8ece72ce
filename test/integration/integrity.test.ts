import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/main/api/dispatch';
import { createHandlers } from '../../electron/main/api/handlers';
import { openRegister } from '../../electron/main/register/register';
import { caller, TEST_CALLER } from './call';
import { healthVisiting, tempDir } from './helpers';

/** A closed register with enough rows to span many pages. */
async function filledRegister(path: string): Promise<void> {
  const r = await openRegister(path, { automaticBackups: false });
  for (let i = 0; i < 200; i += 1) await r.agencies.create({ ...healthVisiting, name: `Synthetic Agency ${i}` });
  await r.close();
}

/** Every byte of the file and its WAL and shared memory, to prove nothing was written. */
function bytesOf(path: string): string[] {
  return [path, `${path}-wal`, `${path}-shm`, `${path}.keys`].map((p) =>
    existsSync(p) ? readFileSync(p).toString('base64') : 'absent',
  );
}

describe('the check on opening', () => {
  it('opens a sound register normally', async () => {
    const path = join(tempDir(), 'register.sqlite');
    await filledRegister(path);
    const r = await openRegister(path, { automaticBackups: false });
    expect(r.health).toEqual({ state: 'ok' });
    expect(r.readOnly).toBe(false);
    expect(await caller(r).ok('register.health', {})).toEqual({ state: 'ok', detail: null, readOnly: false, path });
    await r.close();
  });

  it('opens a damaged register read-only, says so, and refuses writes with code read-only', async () => {
    const path = join(tempDir(), 'register.sqlite');
    await filledRegister(path);
    const bytes = readFileSync(path);
    // Garbage over a page in the middle of the file (its b-tree header included).
    const page = Math.floor(bytes.length / 4096 / 2) * 4096;
    bytes.fill(0x5a, page, page + 4096);
    writeFileSync(path, bytes);

    const r = await openRegister(path, { automaticBackups: true, defaultUserName: 'Test Chair' });
    try {
      expect(r.health.state).toBe('damaged');
      expect(r.readOnly).toBe(true);
      const handlers = createHandlers(r);
      const health = await dispatch(handlers, 'register.health', {}, { caller: TEST_CALLER, readOnly: r.readOnly });
      expect(health).toMatchObject({ ok: true, value: { state: 'damaged', readOnly: true, path } });
      expect(!(health instanceof Promise) && health.ok && health.value).toMatchObject({ detail: expect.any(String) });
      const write = await dispatch(
        handlers,
        'agencies.create',
        { ...healthVisiting, name: 'Not Saved' },
        { caller: TEST_CALLER, readOnly: r.readOnly },
      );
      expect(write).toMatchObject({ ok: false, error: { code: 'read-only' } });
      // A damaged register is not backed up: the copy would push good backups out.
      expect(existsSync(join(path, '..', 'Backups'))).toBe(false);
    } finally {
      await r.close();
    }
    expect(existsSync(join(path, '..', 'Backups'))).toBe(false);
  });

  it('refuses a database that is not a register, changing no byte of it', async () => {
    const path = join(tempDir(), 'other.sqlite');
    const other = new Database(path);
    other.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('x')");
    other.close();
    const before = bytesOf(path);
    await expect(openRegister(path, { automaticBackups: true })).rejects.toThrow(
      /not a CP Conference Register register/,
    );
    expect(bytesOf(path)).toEqual(before);
    expect(existsSync(join(path, '..', 'Backups'))).toBe(false);
  });

  it('refuses a file that is not a database at all, changing no byte of it', async () => {
    const path = join(tempDir(), 'notes.sqlite');
    writeFileSync(path, 'These are synthetic notes, not a database.\n'.repeat(200));
    const before = bytesOf(path);
    await expect(openRegister(path, { automaticBackups: true })).rejects.toThrow(/not a register/);
    expect(bytesOf(path)).toEqual(before);
  });

  it('refuses a register from a newer version, changing no byte of it', async () => {
    const path = join(tempDir(), 'register.sqlite');
    await filledRegister(path);
    const newer = new Database(path);
    newer.exec(
      "INSERT INTO schema_migrations (id, name, checksum, applied_at) VALUES (999, 'from-the-future', 'x', '2030-01-01T00:00:00Z')",
    );
    newer.pragma('journal_mode = DELETE');
    newer.close();
    const before = bytesOf(path);
    await expect(openRegister(path, { automaticBackups: true })).rejects.toThrow(
      /newer version.*Nothing in it was changed/,
    );
    expect(bytesOf(path)).toEqual(before);
  });
});
