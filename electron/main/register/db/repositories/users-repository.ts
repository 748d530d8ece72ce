import { z } from 'zod';
import { ROLES, type Role } from '../../../../../shared/roles';
import type { User } from '../../../../../shared/schemas/users';
import { qb, type RegisterDb } from '../query';
import type { UsersTable } from '../schema';
import type { Selectable } from 'kysely';

/** A user as the register holds them; when they last signed in is the keyring's. */
export type StoredUser = Omit<User, 'lastSignInAt'> & { id: number };

const storedRoles = z.array(z.enum(ROLES));

function toUser(row: Selectable<UsersTable>): StoredUser {
  return {
    id: row.id,
    name: row.name,
    roles: storedRoles.parse(JSON.parse(row.roles)),
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

export function createUsersRepository(db: RegisterDb) {
  return {
    async all(): Promise<StoredUser[]> {
      return (await db.all(qb.selectFrom('users').selectAll().orderBy('name_key'))).map(toUser);
    },
    async byKey(key: string): Promise<StoredUser | undefined> {
      const row = await db.first(qb.selectFrom('users').selectAll().where('name_key', '=', key));
      return row ? toUser(row) : undefined;
    },
    async count(): Promise<number> {
      return (await db.first(qb.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n'))))?.n ?? 0;
    },
    async insert(user: { name: string; key: string; roles: readonly Role[]; at: string; by: string }): Promise<number> {
      return db.insert(
        qb
          .insertInto('users')
          .values({
            name: user.name,
            name_key: user.key,
            roles: JSON.stringify(user.roles),
            active: 1,
            created_at: user.at,
            created_by: user.by,
            password_changed_at: user.at,
          })
          .returning('id'),
      );
    },
    async update(
      id: number,
      fields: { roles?: readonly Role[]; active?: boolean; passwordChangedAt?: string; lastSignInAt?: string },
    ): Promise<void> {
      await db.run(
        qb
          .updateTable('users')
          .set({
            ...(fields.roles ? { roles: JSON.stringify(fields.roles) } : {}),
            ...(fields.active === undefined ? {} : { active: fields.active ? 1 : 0 }),
            ...(fields.passwordChangedAt ? { password_changed_at: fields.passwordChangedAt } : {}),
          })
          .where('id', '=', id),
      );
    },
  };
}
export type UsersRepository = Awaited<ReturnType<typeof createUsersRepository>>;
