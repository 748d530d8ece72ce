import type { Migration } from './types';

/**
 * 008: the register's users and their roles. Passwords are not here: each user's password wraps
 * the register's data key in the keyring beside the file (keys/keyring.ts), which is what
 * signing in checks. A user is never deleted (the audit trail names them); disabling one removes
 * their wrapped key. When each last signed in is kept in the keyring, so signing in writes nothing
 * to the register.
 */
export const migration008: Migration = {
  id: 8,
  name: 'users',
  sql: `
CREATE TABLE users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  roles TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  password_changed_at TEXT NOT NULL
) STRICT;
`,
};
