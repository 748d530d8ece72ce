import { embedded } from '../embedded';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/main/api/handlers';
import {
  BACKUP_MAGIC,
  BackupError,
  restoreBackup,
  verifyBackup,
  writeBackup,
} from '../../electron/main/register/backup/backup-file';
import { openRegister } from '../../electron/main/register/register';
import { caller, dispatchAs } from './call';
import { healthVisiting, registerContent, tempDir, tempRegister } from './helpers';
import { conferenceInputSchema } from '../../shared/schemas/conference';
import { agencyInputSchema } from '../../shared/schemas/agency';

const SYNTHETIC_NAME = 'Zephyrine Quillfeather';

/** A register holding a family with a distinctive (synthetic) name, closed and reopened by the test. */
async function registerWithFamily(path: string, key?: Buffer) {
  const r = await openRegister(path, { key, automaticBackups: false, now: () => new Date('2026-03-02T09:30:00.000Z') });
  await r.agencies.create(agencyInputSchema.parse(healthVisiting));
  await r.conferences.create(
    conferenceInputSchema.parse({
      type: 'initial',
      date: '2026-03-10',
      time: '10:00',
      venue: 'Civic Centre',
      chairName: 'Synthetic Chair',
      family: { name: 'Quillfeather' },
      newChildren: [{ givenName: 'Zephyrine', familyName: 'Quillfeather', dateOfBirth: '2019-05-01' }],
    }),
  );
  return r;
}

async function contentOf(path: string, key?: Buffer) {
  const r = await openRegister(path, { key, automaticBackups: false, mustExist: true });
  try {
    return await registerContent(r);
  } finally {
    await r.close();
  }
}

/** The bytes of every file in a folder, so "nothing changed" is checked exactly. */
function folderBytes(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((n) => statSync(join(dir, n)).isFile())
      .map((n) => [n, readFileSync(join(dir, n)).toString('base64')]),
  );
}

describe('writeBackup, verifyBackup, restoreBackup', () => {
  it('round trip: written, verified, restored into place with the same content, the old register kept aside', async () => {
    const dir = tempDir();
    const path = join(dir, 'register.sqlite');
    const r = await registerWithFamily(path);
    const file = join(dir, 'out', 'one.cpreg-backup');
    const written = writeBackup({ ...r, db: embedded(r).sync }, file);
    expect(written.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'out')).mode & 0o777).toBe(0o700);
    expect(readFileSync(file).subarray(0, BACKUP_MAGIC.length).toString()).toBe(BACKUP_MAGIC);
    const before = await registerContent(r);
    // A change after the backup: restore must take it away.
    await r.agencies.create(agencyInputSchema.parse({ ...healthVisiting, name: 'After The Backup' }));
    await r.close();

    const verified = verifyBackup(file);
    expect(verified).toMatchObject({ createdAt: '2026-03-02T09:30:00.000Z', contentHash: written.contentHash });
    expect(verified.version).toBeGreaterThanOrEqual(9);
    expect(verified.tables).toBeGreaterThan(10);

    const restored = restoreBackup({
      registerPath: path,
      backupFile: file,
      now: () => new Date('2026-03-03T10:00:00Z'),
    });
    expect(restored.keptAside).toContain(`${path}.before-restore-2026-03-03T100000Z`);
    expect(await contentOf(path)).toEqual(before);
    // The register that was replaced still opens, with the change in it.
    const aside = await openRegister(`${path}.before-restore-2026-03-03T100000Z`, {
      automaticBackups: false,
      mustExist: true,
    });
    expect(await aside.agencies.list('After The Backup', true)).toHaveLength(1);
    await aside.close();
  });

  it('carries the keyring file beside the register, and restores it', async () => {
    const dir = tempDir();
    const path = join(dir, 'register.sqlite');
    writeFileSync(`${path}.keys`, '{"synthetic":"wrapped keys"}');
    const r = await registerWithFamily(path);
    const file = join(dir, 'k.cpreg-backup');
    expect(writeBackup({ ...r, db: embedded(r).sync }, file).keyring).toBe(true);
    await r.close();
    writeFileSync(`${path}.keys`, '{"changed":true}');
    const restored = restoreBackup({
      registerPath: path,
      backupFile: file,
      now: () => new Date('2026-03-03T10:00:00Z'),
    });
    expect(readFileSync(`${path}.keys`, 'utf8')).toBe('{"synthetic":"wrapped keys"}');
    expect(restored.keptAside).toContain(`${path}.before-restore-2026-03-03T100000Z.keys`);
    expect(readFileSync(`${path}.before-restore-2026-03-03T100000Z.keys`, 'utf8')).toBe('{"changed":true}');
  });

  it('a backup of an encrypted register holds no plain text, and opens only with its key', async () => {
    const dir = tempDir();
    const key = randomBytes(32);
    const r = await registerWithFamily(join(dir, 'register.sqlite'), key);
    const file = join(dir, 'enc.cpreg-backup');
    writeBackup({ ...r, db: embedded(r).sync }, file, { key });
    await r.close();
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from(SYNTHETIC_NAME.split(' ')[1] ?? 'x'))).toBe(false);
    expect(bytes.includes(Buffer.from('Health Visiting Service'))).toBe(false);
    expect(bytes.includes(Buffer.from('CREATE TABLE'))).toBe(false);
    expect(verifyBackup(file, { key }).tables).toBeGreaterThan(10);
    expect(() => verifyBackup(file, { key: randomBytes(32) })).toThrow(/does not open as a register with this key/);
    expect(() => verifyBackup(file)).toThrow(BackupError);
  });

  it('a plain backup does hold the text (so the check above can fail)', async () => {
    const dir = tempDir();
    const r = await registerWithFamily(join(dir, 'register.sqlite'));
    const file = join(dir, 'plain.cpreg-backup');
    writeBackup({ ...r, db: embedded(r).sync }, file);
    await r.close();
    expect(readFileSync(file).includes(Buffer.from('Quillfeather'))).toBe(true);
  });

  it.each([
    [
      'a byte of a record changed in the database part',
      (bytes: Buffer) => {
        // A byte inside the family's name (in its row or in an index on it).
        const at = bytes.lastIndexOf('Quillfeather');
        bytes[at] = 0x50;
        return bytes;
      },
      /content hash differs|integrity check/,
    ],
    [
      'a byte of a page header flipped in the database part',
      (bytes: Buffer) => {
        // The page type of the database's second page (a table's b-tree).
        const start = bytes.indexOf('SQLite format 3');
        const at = start + 4096;
        bytes[at] = (bytes[at] ?? 0) ^ 0xff;
        return bytes;
      },
      /integrity check|could not be read whole|does not open/,
    ],
    [
      'the header’s content hash edited',
      (bytes: Buffer) => {
        const text = bytes.toString('latin1');
        const hash = /"contentHash":"([0-9a-f]{64})"/.exec(text)?.[1] ?? '';
        const other = hash.replace(/^./, (c) => (c === '0' ? '1' : '0'));
        return Buffer.from(text.replace(hash, other), 'latin1');
      },
      /content hash differs/,
    ],
    [
      'the mark line changed',
      (bytes: Buffer) => {
        bytes[0] = 0x58;
        return bytes;
      },
      /not a CP Conference Register backup/,
    ],
  ])('refuses a tampered backup (%s) in verify and restore, changing nothing', async (_, tamper, message) => {
    const dir = tempDir();
    const path = join(dir, 'register.sqlite');
    const r = await registerWithFamily(path);
    const file = join(dir, 'backups', 't.cpreg-backup');
    writeBackup({ ...r, db: embedded(r).sync }, file);
    await r.agencies.create(agencyInputSchema.parse({ ...healthVisiting, name: 'Current Only' }));
    await r.close();
    writeFileSync(file, tamper(readFileSync(file)));
    expect(() => verifyBackup(file)).toThrow(message);
    const registerFolder = folderBytes(dir);
    const backupFolder = folderBytes(join(dir, 'backups'));
    expect(() => restoreBackup({ registerPath: path, backupFile: file, now: () => new Date() })).toThrow(message);
    expect(folderBytes(dir)).toEqual(registerFolder);
    expect(folderBytes(join(dir, 'backups'))).toEqual(backupFolder);
  });

  it('refuses to overwrite a file', async () => {
    const r = await tempRegister();
    const file = join(r.dir, 'exists.cpreg-backup');
    writeFileSync(file, 'x');
    expect(() => writeBackup({ ...r, db: embedded(r).sync }, file)).toThrow(/already exists/);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });
});

describe('automatic backups', () => {
  it('on opening when the newest is a day old, always on closing, the oldest beyond the number kept deleted', async () => {
    const dir = tempDir();
    const path = join(dir, 'register.sqlite');
    let now = new Date('2026-03-02T09:00:00.000Z');
    const open = async () => openRegister(path, { now: () => now, defaultUserName: 'Test Chair' });
    const backups = join(dir, 'Backups');
    const names = () => readdirSync(backups).sort();

    let r = await open();
    // A new register has no backup: one is made on opening.
    expect(names()).toEqual(['register-2026-03-02T090000.cpreg-backup']);
    expect(statSync(backups).mode & 0o777).toBe(0o700);
    await r.settings.update({ backupsKept: 3 });
    now = new Date('2026-03-02T17:00:00.000Z');
    await r.close();
    expect(names()).toEqual(['register-2026-03-02T090000.cpreg-backup', 'register-2026-03-02T170000.cpreg-backup']);

    // Less than a day since the newest: none on opening.
    now = new Date('2026-03-03T08:00:00.000Z');
    r = await open();
    expect(names()).toHaveLength(2);
    now = new Date('2026-03-03T09:00:00.000Z');
    await r.close();
    expect(names()).toHaveLength(3);

    // A day later: one on opening, one on closing, pruned to the 3 newest.
    now = new Date('2026-03-04T09:00:00.000Z');
    r = await open();
    expect(names()).toEqual([
      'register-2026-03-02T170000.cpreg-backup',
      'register-2026-03-03T090000.cpreg-backup',
      'register-2026-03-04T090000.cpreg-backup',
    ]);
    const status = await caller(r).ok('backups.status', {});
    expect(status).toMatchObject({ folder: backups, kept: 3 });
    expect(status.backups.map((b) => b.file)[0]).toBe('register-2026-03-04T090000.cpreg-backup');
    expect(status.last).toMatchObject({ reason: 'opening', file: 'register-2026-03-04T090000.cpreg-backup' });
    now = new Date('2026-03-04T09:00:30.000Z');
    await r.close();
    expect(names()).toEqual([
      'register-2026-03-03T090000.cpreg-backup',
      'register-2026-03-04T090000.cpreg-backup',
      'register-2026-03-04T090030.cpreg-backup',
    ]);
    for (const name of names()) expect(verifyBackup(join(backups, name)).version).toBeGreaterThanOrEqual(9);
  });

  it('uses the backup folder setting, and leaves backups it did not make automatically', async () => {
    const r = await tempRegister({ automaticBackups: true });
    const folder = join(r.dir, 'elsewhere');
    const call = caller(r);
    await call.ok('settings.update', { version: await call.version.settings(), backupFolder: folder, backupsKept: 1 });
    writeBackup({ ...r, db: embedded(r).sync }, join(folder, 'before-upgrade.cpreg-backup'), { key: r.key });
    const first = await call.ok('backups.run', {});
    r.travelTo('2026-03-02T10:00:00.000Z');
    const second = await call.ok('backups.run', {});
    expect(first.file).not.toBe(second.file);
    expect(readdirSync(folder).sort()).toEqual(['before-upgrade.cpreg-backup', second.file].sort());
    expect(await call.ok('backups.verify', { file: second.file })).toMatchObject({ file: second.file, keyring: false });
    const status = await call.ok('backups.status', {});
    expect(status.backups.map((b) => [b.file, b.automatic])).toEqual([
      [second.file, true],
      ['before-upgrade.cpreg-backup', false],
    ]);
  });

  it('the travelling clock of a temp register drives the daily backup', async () => {
    const r = await tempRegister();
    await r.backups.run('manual');
    expect(await r.backups.runDue('opening')).toBeNull();
    r.travelTo('2026-03-03T09:30:00.000Z');
    expect(await r.backups.runDue('opening')).toMatchObject({ reason: 'opening' });
    expect(await r.backups.list()).toHaveLength(2);
  });
});

describe('backup channels', () => {
  it('refuse a path outside the backup folder, and a restore without an opener that can restore', async () => {
    const r = await tempRegister();
    const call = caller(r);
    const run = await call.ok('backups.run', {});
    expect((await call.refused('backups.verify', { file: '../register.sqlite' })).code).toBe('invalid-input');
    expect((await call.refused('backups.verify', { file: 'missing.cpreg-backup' })).code).toBe('not-found');
    const result = await dispatchAs(createHandlers(r), 'backups.restore', { file: run.file });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!result.ok && result.error.message).toMatch(/restore from the command line: cpreg restore --from/);
  });

  it('restore calls the opener’s restore after verifying the backup', async () => {
    const asked: string[] = [];
    const r = await tempRegister({
      restore: (file) => {
        asked.push(file);
        return { restoredFrom: file, createdAt: 'x', keptAside: [] };
      },
    });
    const run = await caller(r).ok('backups.run', {});
    const result = await dispatchAs(createHandlers(r), 'backups.restore', { file: run.file });
    expect(result.ok).toBe(true);
    expect(asked).toEqual([join(r.dir, 'Backups', run.file)]);
  });

  it('need the administrator', async () => {
    const r = await tempRegister();
    const call = caller(r, { name: 'Officer', roles: ['officer', 'chair', 'manager', 'auditor'] });
    for (const channel of ['backups.status', 'backups.run']) {
      expect((await call.refused(channel, {})).code).toBe('forbidden');
    }
    expect(existsSync(join(r.dir, 'Backups'))).toBe(false);
  });
});
