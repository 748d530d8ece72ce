import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openRegister, type Register, type RegisterOptions } from '../../electron/main/register/register';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

/** A fresh temp folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cpreg-it-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * A real register file in a temp folder, with a fixed clock and user; closed after the test. The
 * clock stays put unless the test moves it with `travelTo` (to the day of a conference, say).
 */
export function tempRegister(
  options: RegisterOptions = {},
): Register & { dir: string; travelTo: (when: string) => void } {
  const dir = tempDir();
  const { now: initial, ...rest } = options;
  let now = initial ? initial() : new Date('2026-03-02T09:30:00.000Z');
  const register = openRegister(join(dir, 'register.sqlite'), {
    defaultUserName: 'Test Chair',
    // Off unless a test is about them: every temp register would otherwise back itself up twice.
    automaticBackups: false,
    ...rest,
    now: () => now,
  });
  cleanups.unshift(() => register.close());
  return Object.assign(register, {
    dir,
    /** Moves the register's clock: a date (noon UTC that day) or an ISO instant. */
    travelTo(when: string) {
      now = new Date(when.length === 10 ? `${when}T12:00:00.000Z` : when);
    },
  });
}

/** Counts of every table's rows: a rejected command must leave these unchanged. */
export function tableCounts(register: Register): Record<string, number> {
  const tables = register.db.connection
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map((t) => [
      t.name,
      (register.db.connection.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n,
    ]),
  );
}

/**
 * Everything the register holds, table by table (rows in a stable order): a refused command must
 * leave this exactly as it was, not only the counts.
 */
export function registerContent(register: Register): Record<string, string[]> {
  const tables = register.db.connection
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map((t) => [
      t.name,
      (register.db.connection.prepare(`SELECT * FROM "${t.name}"`).all() as unknown[])
        .map((row) => JSON.stringify(row))
        .sort(),
    ]),
  );
}

export const healthVisiting = {
  name: 'Health Visiting Service',
  type: 'health' as const,
  quoracyGroup: 'health',
  leadName: 'Synthetic Lead',
  leadJobTitle: 'Named Nurse',
  leadEmail: 'hv.lead@example.org',
  leadPhone: '01632 960 001',
};
