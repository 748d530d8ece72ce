import { mapAsync } from '../../../../shared/async';
import { nameKey } from '../../../../shared/names';
import type { Role } from '../../../../shared/roles';
import type { User } from '../../../../shared/schemas/users';
import { audit, type ServiceContext } from './context';
import { ServiceError } from './errors';

import type { StoredUser } from '../db/repositories/users-repository';

/** Omits the row id; when they last signed in comes from the keyring (`lastSignIn`). */
async function publicUser(
  { id: _id, ...user }: StoredUser,
  lastSignIn: (name: string) => Promise<string | null>,
): Promise<User> {
  return { ...user, lastSignInAt: await lastSignIn(user.name) };
}

/**
 * The register's users and roles. Passwords live in the keyring (the gate's business); this keeps
 * who exists, what they may do, and the rules that keep a register usable: there is always an
 * active administrator, and nobody disables themselves.
 */
export function createUsersService(
  ctx: ServiceContext<'audit' | 'users'>,
  actor: () => Promise<string>,
  lastSignIn: (name: string) => Promise<string | null> = async () => null,
) {
  const find = async (name: string): Promise<StoredUser> => {
    const user = await ctx.repos.users.byKey(nameKey(name));
    if (!user)
      throw new ServiceError('not-found', `There is no user called “${name}”`, [
        { path: 'name', message: `There is no user called “${name}”` },
      ]);
    return user;
  };
  const activeAdministrators = async () =>
    (await ctx.repos.users.all()).filter((u) => u.active && u.roles.includes('administrator')).length;

  return {
    async list(): Promise<User[]> {
      return mapAsync(await ctx.repos.users.all(), async (u) => publicUser(u, lastSignIn));
    },
    async count(): Promise<number> {
      return ctx.repos.users.count();
    },
    /** The user as the register holds them, or undefined. */
    async find(name: string): Promise<User | undefined> {
      const user = await ctx.repos.users.byKey(nameKey(name));
      return user ? publicUser(user, lastSignIn) : undefined;
    },
    async add(name: string, roles: readonly Role[]): Promise<User> {
      const key = nameKey(name);
      if (await ctx.repos.users.byKey(key)) {
        throw new ServiceError('conflict', `There is already a user called “${name}”`, [
          { path: 'name', message: `There is already a user called “${name}”` },
        ]);
      }
      const at = ctx.now().toISOString();
      const id = await ctx.repos.users.insert({ name, key, roles, at, by: await actor() });
      await audit(ctx, await actor(), 'create', 'user', id, undefined, { name, roles, active: true });
      return publicUser(await find(name), lastSignIn);
    },
    async setRoles(name: string, roles: readonly Role[]): Promise<User> {
      const user = await find(name);
      if (
        user.roles.includes('administrator') &&
        !roles.includes('administrator') &&
        user.active &&
        (await activeAdministrators()) <= 1
      ) {
        throw new ServiceError(
          'conflict',
          `${user.name} is the only active administrator: give another user the administrator role first`,
          [{ path: 'roles', message: 'The register must keep an active administrator' }],
        );
      }
      await ctx.repos.users.update(user.id, { roles });
      await audit(ctx, await actor(), 'update', 'user', user.id, { roles: user.roles }, { roles });
      return publicUser(await find(name), lastSignIn);
    },
    async setActive(name: string, active: boolean): Promise<User> {
      const user = await find(name);
      if (!active) {
        if (nameKey(user.name) === nameKey(await actor())) {
          throw new ServiceError('conflict', 'You cannot disable yourself: ask another administrator');
        }
        if (user.roles.includes('administrator') && user.active && (await activeAdministrators()) <= 1) {
          throw new ServiceError('conflict', `${user.name} is the only active administrator and cannot be disabled`);
        }
      }
      await ctx.repos.users.update(user.id, {
        active,
        ...(active ? { passwordChangedAt: ctx.now().toISOString() } : {}),
      });
      await audit(
        ctx,
        await actor(),
        active ? 'reactivate' : 'deactivate',
        'user',
        user.id,
        { active: user.active },
        { active },
      );
      return publicUser(await find(name), lastSignIn);
    },
    async passwordChanged(name: string, by: string): Promise<User> {
      const user = await find(name);
      await ctx.repos.users.update(user.id, { passwordChangedAt: ctx.now().toISOString() });
      await audit(ctx, by, 'update', 'user', user.id, undefined, {
        password: by === user.name ? 'changed by the user' : 'reset by an administrator',
      });
      return publicUser(await find(name), lastSignIn);
    },
  };
}
export type UsersService = Awaited<ReturnType<typeof createUsersService>>;
