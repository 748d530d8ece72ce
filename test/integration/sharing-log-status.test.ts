import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRegisterDb } from '../../electron/main/register/db/connection';
import { MIGRATIONS } from '../../electron/main/register/db/migrations';
import { caller } from './call';
import { cliRegister, reopen, signedInEnv, tempDir, onPostgres } from './helpers';
import { CPREG_BIN } from './cpreg-bin';

const BIN = CPREG_BIN;
const PERIOD = { from: '2025-03-01', to: '2026-02-28' };

/** A closed demo register (synthetic) and its busiest agency for the year. */
async function demoRegisterFile() {
  let agency = '';
  const path = await cliRegister(
    async (r) => {
      await r.demo.generate('small');
      await r.settings.update({ unitEmail: 'cpru@demo.example.org' });
      const busiest = (await r.agencyEscalations.summary(PERIOD.from, PERIOD.to))[0];
      if (!busiest) throw new Error('the demo register has no agency escalations');
      agency = busiest.agencyName;
    },
    'Test Chair',
    () => new Date('2026-03-02T09:30:00Z'),
  );
  // A folder of its own for what the test writes (a PostgreSQL register's address is no folder).
  return { dir: onPostgres ? tempDir() : dirname(path), path, agency };
}

async function log(path: string) {
  const r = await reopen(path);
  try {
    return (await caller(r).ok('sharingLog.list', {})).items;
  } finally {
    await r.close();
  }
}

describe('exports cannot escape the sharing log', () => {
  it('a complete export’s entry is complete, with the time it completed', async () => {
    const { dir, path, agency } = await demoRegisterFile();
    const out = join(dir, 'exports');
    const run = spawnSync(
      process.execPath,
      [
        BIN,
        '--db',
        path,
        'export',
        '--folder',
        '--agency',
        agency,
        '--out',
        out,
        '--from',
        PERIOD.from,
        '--to',
        PERIOD.to,
      ],
      { encoding: 'utf8', env: { ...process.env, CPREG_DB: '', ...signedInEnv() } },
    );
    expect(run.status).toBe(0);
    expect(await log(path)).toMatchObject([{ status: 'complete', completedAt: expect.any(String) }]);
    expect(readdirSync(out).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it.skipIf(onPostgres)(
    'a real write failure after the entry is written (the file-size limit) leaves the entry interrupted and no files',
    async () => {
      const { dir, path, agency } = await demoRegisterFile();
      const out = join(dir, 'exports');
      // The Appendix 3 PDF is larger than 64 KiB: writing it fails with EFBIG, a real failure of the disk write.
      const run = spawnSync(
        'bash',
        [
          '-c',
          `ulimit -f 64; exec "$0" "$@"`,
          process.execPath,
          BIN,
          '--db',
          path,
          'export',
          '--folder',
          '--agency',
          agency,
          '--out',
          out,
          '--from',
          PERIOD.from,
          '--to',
          PERIOD.to,
        ],
        { encoding: 'utf8', env: { ...process.env, CPREG_DB: '', ...signedInEnv() } },
      );
      expect(run.status).not.toBe(0);
      expect(run.stderr).toMatch(/could not be written.*interrupted/);
      expect(readdirSync(out)).toEqual([]);
      expect(await log(path)).toMatchObject([{ status: 'interrupted', completedAt: null }]);
    },
  );

  it.skipIf(onPostgres)(
    'an export the app stopped writing (entry started, .partial left) is marked interrupted and its leftovers removed on opening',
    async () => {
      const { dir, path } = await demoRegisterFile();
      const out = join(dir, 'exports');
      mkdirSync(out);
      const location = join(out, 'agency-export');
      const draft = join(out, 'agency-export.eml');
      // The state a crash leaves: the entry committed as started, then part of the files written.
      const r = await reopen(path);
      await r.repos.documents.insertSharing({
        at: '2026-03-02T09:30:00.000Z',
        actor: 'Test Chair',
        agencyId: 1,
        recipientName: null,
        recipientEmail: null,
        purpose: 'Synthetic',
        from: PERIOD.from,
        to: PERIOD.to,
        format: 'folder',
        initialsOnly: false,
        passwordProtected: false,
        location,
        emailDraft: draft,
        files: ['a.pdf'],
        records: [],
      });
      await r.close();
      mkdirSync(`${location}.partial`);
      writeFileSync(join(`${location}.partial`, 'a.pdf'), 'half a synthetic file');
      writeFileSync(`${draft}.partial`, 'half a synthetic draft');
      writeFileSync(join(out, 'unrelated.partial'), 'not ours');

      expect(await log(path)).toMatchObject([{ status: 'interrupted' }]);
      expect(readdirSync(out)).toEqual(['unrelated.partial']);
    },
  );
});

describe.skipIf(onPostgres)('migration 009 (sharing log status)', () => {
  it('from empty: a new entry starts as started', () => {
    const db = openRegisterDb(join(tempDir(), 'register.sqlite'));
    const columns = (db.connection.pragma('table_info(sharing_log)') as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(expect.arrayContaining(['status', 'completed_at', 'email_draft']));
    db.close();
  });

  it('upgrades a 006 register: entries already written were complete', () => {
    const path = join(tempDir(), 'register.sqlite');
    const v6 = openRegisterDb(path, { migrations: MIGRATIONS.filter((m) => m.id <= 6) });
    v6.connection.exec(`
      INSERT INTO agencies (name, type, created_at, updated_at) VALUES ('Police', 'police', 'x', 'x');
      INSERT INTO sharing_log (at, actor, agency_id, purpose, period_from, period_to, format, initials_only,
        password_protected, location, files_json, records_json)
        VALUES ('2026-01-05T10:00:00.000Z', 'Chair', 1, 'Return', '2025-01-01', '2025-12-31', 'zip', 0, 0, '/x.zip', '[]', '[]');
    `);
    v6.close();
    const current = openRegisterDb(path);
    expect(current.connection.prepare('SELECT status, completed_at, email_draft FROM sharing_log').all()).toEqual([
      { status: 'complete', completed_at: '2026-01-05T10:00:00.000Z', email_draft: null },
    ]);
    expect(() => current.connection.prepare("UPDATE sharing_log SET status = 'lost'").run()).toThrow(/CHECK/);
    current.close();
    expect(existsSync(path)).toBe(true);
  });
});
