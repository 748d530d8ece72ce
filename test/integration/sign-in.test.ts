import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { createGate } from '../../electron/main/register/gate';
import { CHANNEL_ACCESS } from '../../shared/ipc/access';
import { CHANNEL_NAMES } from '../../shared/ipc/channels';
import { ROLES, type Role } from '../../shared/roles';
import {
  healthVisiting,
  registerContent,
  TEST_KDF_COST,
  TEST_PASSWORD,
  tempDir,
  tempGate,
  tempRegister,
  rawConnection,
  onPostgres,
} from './helpers';

const SECRET_NAME = 'Zebedee Quillfeather';

async function ok(result: unknown) {
  const settled = (await result) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!settled.ok) expect.fail(settled.error?.message);
  return settled.value;
}

async function refused(result: unknown) {
  const settled = (await result) as { ok: boolean; error: { code: string; message: string } };
  expect(settled.ok).toBe(false);
  return settled.error;
}

function bytesOf(path: string): string {
  return ['', '-wal', '.keys']
    .map((suffix) => (existsSync(path + suffix) ? readFileSync(path + suffix).toString('base64') : '-'))
    .join('|');
}

describe.skipIf(onPostgres)('an encrypted register', () => {
  it('holds no readable text in the file or its WAL, is "not a database" without the key, and opens with the recovery key', async () => {
    const gate = await tempGate();
    await ok(await gate.call('agencies.create', { ...healthVisiting, leadName: SECRET_NAME }));
    // Still open (WAL not checkpointed): the WAL itself must be ciphertext too.
    for (const file of [gate.path, `${gate.path}-wal`]) {
      if (!existsSync(file)) continue;
      const bytes = readFileSync(file);
      expect(bytes.includes(Buffer.from(SECRET_NAME)), `${file} holds the name in plain text`).toBe(false);
      expect(bytes.includes(Buffer.from('Health Visiting'))).toBe(false);
    }
    await gate.close();
    expect(readFileSync(gate.path).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    const plain = new Database(gate.path, { readonly: true });
    expect(() => plain.prepare('SELECT count(*) FROM agencies').get()).toThrow(/not a database/);
    plain.close();
    // SQLCipher 4's defaults with the raw key, as the README tells an administrator to do.
    const recovered = new Database(gate.path, { readonly: true });
    recovered.pragma("cipher = 'sqlcipher'");
    recovered.pragma('legacy = 4');
    recovered.pragma(`key = "x'${gate.recoveryKey}'"`);
    expect(recovered.prepare('SELECT lead_name FROM agencies').get()).toEqual({ lead_name: SECRET_NAME });
    recovered.close();
  });

  it('keeps the register, its key file and its folder readable by the user only', async () => {
    const gate = await tempGate();
    expect(statSync(gate.path).mode & 0o777).toBe(0o600);
    expect(statSync(`${gate.path}.keys`).mode & 0o777).toBe(0o600);
    expect(statSync(gate.dir).mode & 0o777).toBe(0o700);
    // The key file holds no data key in the clear: only the wrapped one.
    expect(readFileSync(`${gate.path}.keys`, 'utf8')).not.toContain(gate.recoveryKey);
  });

  it('encrypts a register from an earlier version on its first opening, after a verified copy, keeping every record', async () => {
    const old = await tempRegister({ plain: true });
    await old.agencies.create({ ...healthVisiting, leadName: SECRET_NAME });
    const before = await registerContent(old);
    const path = old.path;
    await old.close();
    expect(readFileSync(path).includes(Buffer.from(SECRET_NAME))).toBe(true);

    const gate = createGate({ path, kdfCost: TEST_KDF_COST });
    expect((await gate.status()).state).toBe('needs-encryption');
    await gate.setup('First Admin', TEST_PASSWORD);
    const register = gate.register;
    if (!register) throw new Error('signed out');
    const after = await registerContent(register);
    for (const table of Object.keys(before)) {
      if (['audit_events', 'audit_payloads', 'schema_migrations', 'users'].includes(table)) continue;
      expect(after[table], table).toEqual(before[table]);
    }
    await gate.close();
    for (const file of [path, `${path}-wal`]) {
      if (existsSync(file)) expect(readFileSync(file).includes(Buffer.from(SECRET_NAME))).toBe(false);
    }
    expect(existsSync(`${path}.before-encryption`)).toBe(false);
    expect((await createGate({ path }).status()).state).toBe('signed-out');
  });

  it('refuses a file that is not a register, or one from a newer version, changing nothing in it', async () => {
    const dir = tempDir();
    const text = join(dir, 'notes.sqlite');
    writeFileSync(text, 'These are not records.\n'.repeat(200));
    writeFileSync(`${text}.keys`, readFileSync(`${(await tempGate()).path}.keys`));
    const before = bytesOf(text);
    await expect(createGate({ path: text }).signIn('Test Chair', TEST_PASSWORD)).rejects.toThrow();
    expect(bytesOf(text)).toBe(before);

    const other = join(dir, 'other.sqlite');
    const foreign = new Database(other);
    foreign.exec("CREATE TABLE music (title TEXT); INSERT INTO music VALUES ('a')");
    foreign.close();
    const foreignBefore = bytesOf(other);
    const gate = createGate({ path: other, kdfCost: TEST_KDF_COST });
    await expect(gate.setup('Admin', TEST_PASSWORD)).rejects.toThrow(/not a CP Conference Register register/);
    expect(bytesOf(other)).toBe(foreignBefore);

    const newer = await tempGate();
    newer.register?.sqlite?.connection
      .prepare(
        "INSERT INTO schema_migrations (id, name, checksum, applied_at) VALUES (999, 'from the future', 'x', 'now')",
      )
      .run();
    await newer.close();
    const newerBefore = bytesOf(newer.path);
    await expect(createGate({ path: newer.path }).signIn('Test Chair', TEST_PASSWORD)).rejects.toThrow(
      /newer version.*Nothing in it was changed/,
    );
    expect(bytesOf(newer.path)).toBe(newerBefore);
  });
});

describe('signing in', () => {
  it('opens with the right password only; the audit names the signed-in user', async () => {
    const gate = await tempGate({ signedIn: false });
    expect(await gate.status()).toMatchObject({ state: 'signed-out', user: null });
    expect(await refused(await gate.call('agencies.list', {}))).toMatchObject({ code: 'signed-out' });
    expect(
      await refused(await gate.call('session.signIn', { name: 'Test Chair', password: 'not the password' })),
    ).toMatchObject({
      code: 'invalid-input',
      message: 'The user name or password is not right',
    });
    expect(await refused(await gate.call('session.signIn', { name: 'Nobody', password: TEST_PASSWORD }))).toMatchObject(
      {
        message: 'The user name or password is not right',
      },
    );
    expect(await ok(await gate.call('session.signIn', { name: 'test chair', password: TEST_PASSWORD }))).toEqual({
      name: 'Test Chair',
      roles: ROLES,
    });
    const agency = (await ok(await gate.call('agencies.create', healthVisiting))) as { id: number };
    const events = await gate.register?.repos.audit.forRecord('agency', agency.id);
    expect(events?.[0]).toMatchObject({ actor: 'Test Chair' });
    const users = (await ok(await gate.call('users.list', {}))) as { lastSignInAt: string | null }[];
    expect(users[0]?.lastSignInAt).not.toBeNull();
  });

  it('slows down after three failures and locks the name for 15 minutes after six', async () => {
    let now = new Date('2026-12-02T09:00:00Z');
    const gate = await tempGate({ signedIn: false, now: () => now });
    const attempt = async (password: string) => gate.call('session.signIn', { name: 'Test Chair', password });
    for (let i = 0; i < 3; i += 1) expect((await refused(await attempt('wrong password!'))).code).toBe('invalid-input');
    // The fourth attempt, even with the right password, waits 10 seconds.
    expect(await refused(await attempt(TEST_PASSWORD))).toMatchObject({
      code: 'forbidden',
      message: /wait 10 seconds/,
    });
    now = new Date(now.getTime() + 11_000);
    expect((await refused(await attempt('wrong password!'))).code).toBe('invalid-input');
    now = new Date(now.getTime() + 21_000);
    expect((await refused(await attempt('wrong password!'))).code).toBe('invalid-input');
    now = new Date(now.getTime() + 41_000);
    expect((await refused(await attempt('wrong password!'))).code).toBe('invalid-input');
    expect(await refused(await attempt(TEST_PASSWORD))).toMatchObject({ message: /locked for 15 more minutes/ });
    now = new Date(now.getTime() + 15 * 60_000 + 1000);
    await ok(await attempt(TEST_PASSWORD));
    await gate.signOut();
    // A success clears the count.
    expect((await refused(await attempt('wrong password!'))).code).toBe('invalid-input');
    await ok(await attempt(TEST_PASSWORD));
  });

  it('locks by hand and after the idle time, keeping the register open, and unlocks with the password', async () => {
    let now = new Date('2026-12-02T09:00:00Z');
    const gate = await tempGate({ now: () => now });
    const { version } = (await ok(await gate.call('settings.get', {}))) as { version: number };
    await ok(await gate.call('settings.update', { version, idleLockMinutes: 5 }));
    await ok(await gate.call('session.lock', {}));
    expect(await gate.status()).toMatchObject({ state: 'locked', user: { name: 'Test Chair' } });
    expect(await refused(await gate.call('agencies.list', {}))).toMatchObject({ code: 'locked' });
    expect(await refused(await gate.call('users.list', {}))).toMatchObject({ code: 'signed-out' });
    expect((await refused(await gate.call('session.unlock', { password: 'wrong password!' }))).code).toBe(
      'invalid-input',
    );
    await ok(await gate.call('session.unlock', { password: TEST_PASSWORD }));
    await ok(await gate.call('agencies.list', {}));
    now = new Date(now.getTime() + 6 * 60_000);
    expect(await refused(await gate.call('agencies.list', {}))).toMatchObject({ code: 'locked' });
    expect((await gate.status()).state).toBe('locked');
    await ok(await gate.call('session.unlock', { password: TEST_PASSWORD }));
    expect(await gate.status()).toMatchObject({ state: 'signed-in', idleLockMinutes: 5 });
  });
});

describe.skipIf(onPostgres)('the audit trail at opening', () => {
  it('notices, when someone signs in, a tail cut off or an event changed since the register was last closed', async () => {
    const gate = await tempGate();
    await ok(await gate.call('agencies.create', healthVisiting));
    await ok(await gate.call('agencies.create', { name: 'Police', type: 'police' }));
    await gate.signOut();
    await ok(await gate.call('session.signIn', { name: 'Test Chair', password: TEST_PASSWORD }));
    expect((await gate.status()).auditProblem).toBeNull();
    await gate.signOut();
    // Someone with the key removes the last event and the counter that would show the gap.
    const raw = rawConnection(gate.path);
    raw.exec(
      "DROP TRIGGER audit_events_no_delete; DELETE FROM audit_payloads WHERE event_id = (SELECT max(id) FROM audit_events); DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events); UPDATE sqlite_sequence SET seq = seq - 1 WHERE name = 'audit_events'",
    );
    raw.close();
    await ok(await gate.call('session.signIn', { name: 'Test Chair', password: TEST_PASSWORD }));
    expect((await gate.status()).auditProblem).toMatch(
      /^Audit event \d+, the last one when the register was last closed, is missing$/,
    );
  });
});

describe.skipIf(onPostgres)('the integrity check beside the open register (desktop and browser mode)', () => {
  it('lets a user in before the check ends, and holds a write until it has passed', async () => {
    const made = await tempGate();
    await made.close();
    const gate = createGate({ path: made.path, backgroundCheck: true, register: { automaticBackups: false } });
    await gate.signIn('Test Chair', TEST_PASSWORD);
    // The write waits for the check, then goes through.
    expect(await ok(await gate.call('agencies.create', healthVisiting))).toMatchObject({ name: healthVisiting.name });
    await gate.checked();
    expect((await gate.status()).readOnly).toBe(false);
    await gate.close();
  });

  it('finds damage after signing in: held writes are refused and the register is open read-only', async () => {
    const made = await tempGate();
    for (let i = 0; i < 40; i += 1) {
      await ok(
        await made.call('agencies.create', {
          ...healthVisiting,
          name: `Synthetic Agency ${i}`,
          leadName: 'x'.repeat(200),
        }),
      );
    }
    await made.close();
    const bytes = readFileSync(made.path);
    // Garbage over a page among the agencies' rows (written last, at the end of the file).
    const page = (Math.floor(bytes.length / 4096) - 20) * 4096;
    bytes.fill(0x5a, page, page + 4096);
    writeFileSync(made.path, bytes);

    const gate = createGate({ path: made.path, backgroundCheck: true, register: { automaticBackups: false } });
    await gate.signIn('Test Chair', TEST_PASSWORD);
    expect(await refused(await gate.call('agencies.create', { name: 'Not Saved', type: 'police' }))).toMatchObject({
      code: 'read-only',
    });
    expect((await gate.status()).readOnly).toBe(true);
    await gate.close();
  });
});

describe('roles', () => {
  const writeChannels = CHANNEL_NAMES.filter((c) => {
    const who = CHANNEL_ACCESS[c].who;
    return who !== 'public' && who !== 'signed-in';
  });

  it.each(writeChannels)(
    '%s is refused as forbidden, naming the role, to a user without it, changing nothing',
    async (channel) => {
      const gate = await tempGate();
      const who = CHANNEL_ACCESS[channel].who as readonly Role[];
      const lacking = ROLES.filter((r) => !who.includes(r));
      await ok(await gate.call('users.add', { name: 'Lacking', roles: lacking, password: TEST_PASSWORD }));
      await gate.signOut();
      await ok(await gate.call('session.signIn', { name: 'Lacking', password: TEST_PASSWORD }));
      const register = gate.register;
      if (!register) throw new Error('signed out');
      const before = await registerContent(register);
      const error = await refused(await gate.call(channel, {}));
      expect(error.code).toBe('forbidden');
      expect(error.message).toMatch(/^This needs the .*role; Lacking has /);
      expect(await registerContent(register)).toEqual(before);
    },
  );

  it('lets a manager and an auditor read everything but write nothing', async () => {
    const gate = await tempGate();
    await ok(await gate.call('agencies.create', healthVisiting));
    await ok(await gate.call('users.add', { name: 'Manager', roles: ['manager'], password: TEST_PASSWORD }));
    await gate.signOut();
    await ok(await gate.call('session.signIn', { name: 'Manager', password: TEST_PASSWORD }));
    expect(await ok(await gate.call('agencies.all', {}))).toHaveLength(1);
    expect(await refused(await gate.call('agencies.create', { name: 'Police', type: 'police' }))).toMatchObject({
      code: 'forbidden',
      message: 'This needs the unit officer role; Manager has manager. Nothing was changed.',
    });
    expect(await refused(await gate.call('users.list', {}))).toMatchObject({ code: 'forbidden' });
  });
});

describe('users', () => {
  it('adds, disables (removing their key), enables and resets; a user changes their own password', async () => {
    const gate = await tempGate();
    const keys = async () => (await gate.store.loadKeyring()) ?? { users: {} };
    await ok(await gate.call('users.add', { name: 'Chair Two', roles: ['chair'], password: TEST_PASSWORD }));
    expect(
      await refused(await gate.call('users.add', { name: 'chair two', roles: ['chair'], password: TEST_PASSWORD })),
    ).toMatchObject({
      code: 'invalid-input',
    });
    const register = gate.register;
    if (!register) throw new Error('signed out');
    const before = await registerContent(register);
    const keysBefore = JSON.stringify(await gate.store.loadKeyring());
    for (const [input, path, message] of [
      [
        { name: 'Short', roles: ['chair'], password: 'short' },
        'password',
        'The password must be at least 12 characters',
      ],
      [{ name: 'No Roles', roles: [], password: TEST_PASSWORD }, 'roles', 'Choose at least one role'],
      [{ name: '', roles: ['chair'], password: TEST_PASSWORD }, 'name', 'Enter a user name'],
    ] as const) {
      expect(await refused(await gate.call('users.add', input))).toMatchObject({
        code: 'invalid-input',
        issues: [{ path, message }],
      });
    }
    expect(await registerContent(register)).toEqual(before);
    expect(JSON.stringify(await gate.store.loadKeyring())).toBe(keysBefore);
    expect(Object.keys((await keys()).users)).toContain('chairtwo');

    await ok(await gate.call('users.disable', { name: 'Chair Two' }));
    expect(Object.keys((await keys()).users)).not.toContain('chairtwo');
    await gate.signOut();
    expect(
      await refused(await gate.call('session.signIn', { name: 'Chair Two', password: TEST_PASSWORD })),
    ).toMatchObject({
      message: 'The user name or password is not right',
    });
    await ok(await gate.call('session.signIn', { name: 'Test Chair', password: TEST_PASSWORD }));
    await ok(await gate.call('users.enable', { name: 'Chair Two', password: 'a brand new password' }));
    await ok(await gate.call('users.resetPassword', { name: 'Chair Two', password: 'a second new password' }));
    await gate.signOut();
    expect(
      (await refused(await gate.call('session.signIn', { name: 'Chair Two', password: 'a brand new password' }))).code,
    ).toBe('invalid-input');
    await ok(await gate.call('session.signIn', { name: 'Chair Two', password: 'a second new password' }));
    expect(
      await refused(
        await gate.call('session.changePassword', { current: 'not it at all', next: 'my own new password' }),
      ),
    ).toMatchObject({ issues: [{ path: 'current' }] });
    await ok(
      await gate.call('session.changePassword', { current: 'a second new password', next: 'my own new password' }),
    );
    await gate.signOut();
    await ok(await gate.call('session.signIn', { name: 'Chair Two', password: 'my own new password' }));
    // Passwords never reach the audit trail.
    const now = gate.register;
    if (!now) throw new Error('signed out');
    const audit = JSON.stringify(await registerContent(now));
    expect(audit).not.toMatch(/new password|TEST_PASSWORD|correct horse/);
  });

  it('keeps an active administrator, and nobody disables themselves', async () => {
    const gate = await tempGate();
    expect(await refused(await gate.call('users.disable', { name: 'Test Chair' }))).toMatchObject({ code: 'conflict' });
    expect(await refused(await gate.call('users.setRoles', { name: 'Test Chair', roles: ['chair'] }))).toMatchObject({
      code: 'conflict',
      message: /only active administrator/,
    });
  });
});
