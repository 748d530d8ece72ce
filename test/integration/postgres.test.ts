import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PgRegisterDb } from '../../electron/main/register/db/pg-query';
import { openPgRegister } from '../../electron/main/register/register';
import { freshPgDatabase } from '../pg-database';
import { caller } from './call';
import { healthVisiting, tempDir } from './helpers';
import { CPREG_BIN } from './cpreg-bin';

/**
 * What is particular to a unit's register on PostgreSQL: the command line pointed at it, writers
 * at once on one register, a connection lost under it, and what it leaves to PostgreSQL. (The
 * whole integration suite also runs on PostgreSQL: the integration-pg project.)
 */
const BIN = CPREG_BIN;
const PASSWORD = 'a unit register password';

function cpreg(args: string[], env: Record<string, string> = {}, input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, CPREG_DB: '', CPREG_PG: '', CPREG_USER: 'Ann Admin', CPREG_PASSWORD: PASSWORD, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The JSON a command prints, without the instants that differ between two registers made apart. */
function answer(args: string[], env: Record<string, string> = {}): unknown {
  const r = cpreg([...args, '--json'], env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return withoutInstants(r.stdout);
}

function withoutInstants(json: string): unknown {
  return JSON.parse(json, (key, value: unknown) => (/At$/.test(key) ? '(instant)' : value));
}

describe.skipIf(!process.env['TEST_PG_URL'])('a unit’s register on PostgreSQL', () => {
  // Some twenty cpreg processes, each starting Node: a minute or more on a busy two-CPU machine.
  it('cpreg --pg (and CPREG_PG) runs init, demo and the commands, answering as the embedded register does', async () => {
    const database = await freshPgDatabase();
    try {
      const file = join(tempDir(), 'register.sqlite');
      expect(cpreg(['--pg', database.url, 'init', '--admin', 'Ann Admin'])).toMatchObject({ code: 0 });
      expect(cpreg(['--db', file, 'init', '--admin', 'Ann Admin'])).toMatchObject({ code: 0 });
      expect(cpreg(['--pg', database.url, 'demo'])).toMatchObject({ code: 0 });
      expect(cpreg(['--db', file, 'demo'])).toMatchObject({ code: 0 });
      for (const command of [
        ['conferences', 'list', '--limit', '500'],
        ['conferences', 'list', '--due', '--limit', '500'],
        ['escalations', 'list'],
        ['agencies', 'list'],
        ['users', 'list'],
      ]) {
        const unit = answer(command, { CPREG_PG: database.url });
        const embedded = answer(['--db', file, ...command]);
        expect(unit, command.join(' ')).toEqual(embedded);
        expect(JSON.stringify(unit).length, command.join(' ')).toBeGreaterThan(20);
      }
      const viaEnv = cpreg(['call', 'agencies.list'], { CPREG_PG: database.url });
      expect(viaEnv.code).toBe(0);
      expect(withoutInstants(viaEnv.stdout)).toEqual(
        withoutInstants(cpreg(['--db', file, 'call', 'agencies.list']).stdout),
      );
      const verified = cpreg(['--pg', database.url, 'audit', 'verify']);
      expect(verified.code).toBe(0);
      expect(verified.stdout).toMatch(/Audit trail whole/);
      // The password never appears in the address the CLI prints.
      const refused = cpreg([
        '--pg',
        database.url.replace('postgres@', 'postgres:s3cret@'),
        '--user',
        'Nobody',
        'agencies',
        'list',
      ]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).not.toContain('s3cret');
    } finally {
      await database.drop();
    }
  }, 240_000);

  it('cpreg move-to copies a register file into an empty PostgreSQL register: users, keyring and audit chain; checked there', async () => {
    const database = await freshPgDatabase();
    try {
      const file = join(tempDir(), 'register.sqlite');
      expect(cpreg(['--db', file, 'init', '--admin', 'Ann Admin'])).toMatchObject({ code: 0 });
      expect(cpreg(['--db', file, 'demo'])).toMatchObject({ code: 0 });
      const moved = cpreg(['--db', file, '--pg', database.url, 'move-to']);
      expect(moved.stderr).toBe('');
      expect(moved.code).toBe(0);
      expect(moved.stdout).toMatch(/every table's count matches, and the audit trail is whole \([\d,]+ events\)/);
      // The same password signs in there, and the register answers as the file does.
      for (const command of [
        ['conferences', 'list', '--limit', '500'],
        ['escalations', 'list'],
        ['users', 'list'],
      ]) {
        expect(answer(['--pg', database.url, ...command]), command.join(' ')).toEqual(
          answer(['--db', file, ...command]),
        );
      }
      const events = answer(['--pg', database.url, 'audit', 'verify']);
      expect(events).toMatchObject({ ok: true });
      // New records carry on after the ids copied, and the chain stays whole.
      const created = cpreg(
        ['--pg', database.url, 'call', 'agencies.create'],
        {},
        '{"name":"Moved Agency","type":"police"}',
      );
      expect(created.code).toBe(0);
      expect(answer(['--pg', database.url, 'audit', 'verify'])).toMatchObject({ ok: true });
      // A second move into a register that now holds records is refused and changes nothing.
      const before = answer(['--pg', database.url, 'audit', 'verify']);
      const again = cpreg(['--db', file, '--pg', database.url, 'move-to']);
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/already has users: move into an empty database/);
      expect(answer(['--pg', database.url, 'audit', 'verify'])).toEqual(before);
    } finally {
      await database.drop();
    }
  });

  it('refuses an empty database to commands other than init, naming how to make the register', async () => {
    const database = await freshPgDatabase();
    try {
      const r = cpreg(['--pg', database.url, 'agencies', 'list']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/no register at postgres:\/\/.*init --admin NAME/);
      // An address that is not PostgreSQL's is refused, naming the flag, before anything is opened.
      const wrong = cpreg(['--pg', 'mysql://unit@db.example/register', 'agencies', 'list']);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toMatch(/--pg must be a postgres:\/\/ address/);
      const noTarget = cpreg(['--db', join(tempDir(), 'none.sqlite'), 'move-to']);
      expect(noTarget.code).toBe(2);
      expect(noTarget.stderr).toMatch(/move-to: name the PostgreSQL register with --pg/);
    } finally {
      await database.drop();
    }
  });

  it('keeps one audit chain when two servers write at once', async () => {
    const database = await freshPgDatabase({ migrated: true });
    const [a, b] = [PgRegisterDb.open(database.url), PgRegisterDb.open(database.url)];
    const one = await openPgRegister(a, { defaultUserName: 'Server One' });
    const two = await openPgRegister(b, { defaultUserName: 'Server Two' });
    try {
      await Promise.all(
        Array.from({ length: 24 }, async (_, i) =>
          caller(i % 2 ? one : two).ok('agencies.create', { ...healthVisiting, name: `Synthetic Agency ${i}` }),
        ),
      );
      expect(await one.audit.verify()).toMatchObject({ ok: true, events: 24 });
      expect(await one.agencies.list('', true)).toHaveLength(24);
    } finally {
      await one.close();
      await two.close();
      await database.drop();
    }
  });

  it('survives losing its connections (a database restart): the next command reconnects', async () => {
    const database = await freshPgDatabase({ migrated: true });
    const register = await openPgRegister(PgRegisterDb.open(database.url));
    const admin = new pg.Client({ connectionString: process.env['TEST_PG_URL'] });
    await admin.connect();
    try {
      await caller(register).ok('agencies.create', healthVisiting);
      const ended = await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [database.name],
      );
      expect(ended.rowCount).toBeGreaterThan(0);
      expect(await caller(register).ok('agencies.all', {})).toHaveLength(1);
      await caller(register).ok('agencies.create', { ...healthVisiting, name: 'Police' });
      expect(await register.agencies.list('', true)).toHaveLength(2);
    } finally {
      await admin.end();
      await register.close();
      await database.drop();
    }
  });

  it('leaves backups to PostgreSQL, saying so', async () => {
    const database = await freshPgDatabase({ migrated: true });
    const register = await openPgRegister(PgRegisterDb.open(database.url));
    try {
      const error = await caller(register).refused('backups.run', {});
      expect(error.code).toBe('conflict');
      expect(error.message).toMatch(/PostgreSQL’s own tools \(pg_dump/);
    } finally {
      await register.close();
      await database.drop();
    }
  });
});
