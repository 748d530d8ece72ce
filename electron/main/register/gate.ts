import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import type { SessionChannel } from '../../../shared/ipc/channels';
import { CHANNEL_ACCESS } from '../../../shared/ipc/access';
import { resolveChannel } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import type { Role } from '../../../shared/roles';
import { userNameSchema, type SessionStatus, type SignedInUser } from '../../../shared/schemas/users';
import { dispatch } from '../api/dispatch';
import { createHandlers, type HandlerMap, type Handlers } from '../api/handlers';
import { restoreBackup, readBackupHeader } from './backup/backup-file';
import { checkInBackground } from './db/background-check';
import type { KdfCost } from './keys/key-wrap';
import {
  entryFor,
  KeyringError,
  newKeyring,
  keyringSchema,
  subjectOf,
  unwrapFor,
  waitBeforeAttempt,
  withAttempt,
  withoutUser,
  withSubject,
  withUser,
  type Keyring,
} from './keys/keyring';
import { openRegister, type Register, type RegisterOptions } from './register';
import { fileStore, type RegisterStore } from './register-store';
import { runAs, type Caller } from './services/caller';
import { invalid, ServiceError } from './services/errors';

/**
 * The first administrator also holds the chair and unit officer roles: on one laptop they are
 * usually the same person. An administrator can change that on the Users screen.
 */
export const FIRST_USER_ROLES: readonly Role[] = ['administrator', 'chair', 'officer'];

export interface GateOptions {
  /** The register file (an embedded register), unless `store` says where the register is. */
  path?: string;
  /** Where the register is: `pgStore(url)` for a unit's register on PostgreSQL. */
  store?: RegisterStore;
  now?: () => Date;
  /** scrypt's cost for new passwords (the tests lower it; a user's machine uses the default). */
  kdfCost?: KdfCost;
  /** Passed to `openRegister` each time a user's key opens the file. */
  register?: Omit<RegisterOptions, 'key' | 'now'>;
  /** Where the kind of an unexpected failure is logged (never record contents). */
  log?: (line: string) => void;
  /**
   * Check the file beside the open register, in a worker, instead of before letting anyone in:
   * reads go through at once and writes wait for the check (the desktop app and browser mode).
   * The command line and the tests check first, as `openRegister` does by default.
   */
  backgroundCheck?: boolean;
  /**
   * Many people signed in at once, each with a session of their own (the unit server): the
   * register stays open until the gate closes, and each call names its session. Otherwise one
   * person at a time (the desktop app, browser mode, the command line), and signing out closes
   * the register.
   */
  multiSession?: boolean;
}

/** The register while it is open: one for everybody signed in. */
interface OpenRegister {
  register: Register;
  handlers: Handlers;
  /** The data key; null when the register was opened for a single sign-on sign-in (PostgreSQL only). */
  key: Buffer | null;
}

/** One signed-in person (the unit server has many; a laptop one). */
interface UserSession {
  user: Caller;
  locked: boolean;
  lastActivity: number;
  startedAt: number;
  /** Signed in through the council's identity provider: no password to unlock with, so idling ends the session. */
  singleSignOn: boolean;
}

/** What a channel works with: the open register and the caller's session. */
interface OpenSession {
  register: Register;
  key: Buffer | null;
  session: UserSession;
}

/** The session of the desktop app, browser mode and the command line. */
export const LOCAL_SESSION = 'local';
/** However busy, a unit server session ends after this long and its user signs in again. */
export const SESSION_HOURS = 12;

function wrongPassword(): ServiceError {
  return invalid('password', 'The user name or password is not right');
}

/**
 * The register's front door: nothing in the file can be read until someone signs in. The gate
 * holds the keyring (the data key wrapped for each user), opens the encrypted register with the
 * key a user's password unwraps, knows who is signed in and whether the screen is locked, and
 * answers every call of the contract for the desktop app, browser mode and the command line: the
 * sign-in and users channels itself, the rest through the open register's handlers with the
 * signed-in user as the caller.
 */
export function createGate(options: GateOptions) {
  const store = options.store ?? fileStore(options.path ?? ':memory:');
  const path = store.where;
  const now = options.now ?? (() => new Date());
  const multi = options.multiSession ?? false;
  let opened: OpenRegister | null = null;
  const sessions = new Map<string, UserSession>();
  /** Which session the call in progress belongs to (a unit server's cookie), across its awaits. */
  const scope = new AsyncLocalStorage<string>();
  const currentId = (): string => scope.getStore() ?? LOCAL_SESSION;
  /** The calling session, if signed in and not past its time. */
  function current(): UserSession | null {
    const id = currentId();
    const found = sessions.get(id);
    if (!found || !opened) return null;
    if (multi && now().getTime() - found.startedAt > SESSION_HOURS * 3_600_000) {
      sessions.delete(id);
      return null;
    }
    return found;
  }
  /** What the audit trail's check found when the register opened (null when whole). */
  let auditProblem: string | null = null;
  /** The background integrity check of the open register, while it runs: writes wait for it. */
  let checking: Promise<void> | null = null;

  const loadKeyring = async (): Promise<Keyring | null> => store.loadKeyring();
  const writeKeyring = async (keyring: Keyring): Promise<void> => store.saveKeyring(keyring);

  const fileState = async () => store.state();

  async function openWith(key: Buffer, create = false): Promise<Register> {
    const background = (options.backgroundCheck ?? false) && !create && store.engine === 'sqlite';
    const register = await store.open(key, {
      create,
      checkedByOpener: background,
      options: {
        ...options.register,
        now,
        lastSignIn: async (name) => {
          const keyring = await loadKeyring();
          return (keyring && entryFor(keyring, name)?.lastSignInAt) ?? null;
        },
        restore: async (file) => restoreFrom(file),
      },
    });
    if (background) startCheck(register, key);
    return register;
  }

  /**
   * The integrity check run beside the open register. If it finds damage, the register is opened
   * again the ordinary way, which checks it and opens it read-only, with the banner that leads to
   * restoring a backup; writes held meanwhile then meet the read-only refusal.
   */
  function startCheck(register: Register, key: Buffer): void {
    const done = checkInBackground(path, key).then(async (problem) => {
      if (problem === null || !opened || opened.register !== register) return;
      await register.close();
      const reopened = await openRegister(path, {
        ...options.register,
        key,
        now,
        mustExist: true,
        restore: async (file) => restoreFrom(file),
      });
      opened = { ...opened, register: reopened, handlers: createHandlers(reopened) };
    });
    const current = done.finally(() => {
      if (checking === current) checking = null;
    });
    checking = current;
  }

  /** Resolves once the open register's integrity check has finished (at once if none is running). */
  async function checked(): Promise<void> {
    return checking ?? Promise.resolve();
  }

  async function startSession(
    register: Register,
    key: Buffer | null,
    name: string,
    singleSignOn = false,
  ): Promise<SignedInUser> {
    const user = await register.users.find(name);
    if (!user || !user.active) {
      if (opened?.register !== register) await register.close();
      throw new ServiceError('forbidden', `${name} is disabled in this register: ask an administrator`);
    }
    if (opened && opened.register !== register) {
      await opened.register.close();
      opened = null;
    }
    opened ??= { register, handlers: createHandlers(register), key };
    opened.key ??= key;
    const at = now().getTime();
    const started: UserSession = {
      user: { name: user.name, roles: user.roles },
      locked: false,
      lastActivity: at,
      startedAt: at,
      singleSignOn,
    };
    sessions.set(currentId(), started);
    return started.user as SignedInUser;
  }

  function signedIn(): OpenSession {
    const found = current();
    if (!found || !opened) throw new ServiceError('signed-out', 'Sign in to use the register');
    if (found.locked) throw new ServiceError('locked', 'The screen is locked: unlock it with your password');
    return { register: opened.register, key: opened.key, session: found };
  }

  /** The data key of the open register, which only a password sign-in yields. */
  function dataKey(open: OpenSession): Buffer {
    if (!open.key) {
      throw new ServiceError(
        'forbidden',
        'This needs the register’s key, which only a password sign-in gives: ask a user who signs in with a password',
      );
    }
    return open.key;
  }

  /** One write to the register and the keyring together: the key file is written last, inside the transaction. */
  async function commit<T>(open: OpenSession, write: () => Promise<T>, keyring?: Keyring): Promise<T> {
    return open.register.db.transaction(async () =>
      runAs(open.session.user, async () => {
        const value = await write();
        if (keyring) await writeKeyring(keyring);
        return value;
      }),
    );
  }

  async function requireKeyring(): Promise<Keyring> {
    const keyring = await loadKeyring();
    if (!keyring) throw new ServiceError('conflict', `The keyring of ${path} is missing`);
    return keyring;
  }

  async function setup(name: string, password: string): Promise<{ user: SignedInUser; recoveryKey: string }> {
    const state = await fileState();
    if (state === 'signed-out') {
      throw new ServiceError('conflict', 'This register already has its administrator: sign in instead');
    }
    const dataKey = randomBytes(32);
    const keyring = withAttempt(
      await withUser(newKeyring(now()), name, password, dataKey, options.kdfCost),
      name,
      true,
      now(),
    );
    await store.create(keyring, dataKey, state);
    let register: Register;
    try {
      register = await openWith(dataKey, state === 'new');
    } catch (error) {
      if (state === 'new') await store.discard();
      throw error;
    }
    const first: Caller = { name, roles: FIRST_USER_ROLES };
    await register.db.transaction(async () => runAs(first, async () => register.users.add(name, FIRST_USER_ROLES)));
    const user = await startSession(register, dataKey, name);
    return { user, recoveryKey: dataKey.toString('hex') };
  }

  /**
   * The app's restore (`backups.restore`): the open register is closed (its closing backup made),
   * the backup verified with the session's key and put in place (the current files kept aside),
   * and the register opened again for the same user.
   */
  async function restoreFrom(file: string) {
    const open = signedIn();
    const key = dataKey(open);
    await open.register.close();
    try {
      const restored = restoreBackup({ registerPath: path, backupFile: file, key, now });
      return { restoredFrom: file, createdAt: restored.createdAt, keptAside: restored.keptAside };
    } finally {
      const register = await openWith(key);
      opened = { register, handlers: createHandlers(register), key };
      auditProblem = await checkAuditTrail(register);
    }
  }

  /**
   * The audit trail's tail, checked on opening: the last events must chain, and the event that
   * was last when the register was closed (its id and hash, kept in the key file) must still be
   * there unchanged, so a trail cut short or rewritten at its end between sessions is noticed.
   */
  async function checkAuditTrail(register: Register): Promise<string | null> {
    try {
      return await auditTrailProblem(register);
    } catch (error) {
      // A damaged register (open read-only) may fail even to read its trail: say so, and open.
      return `The audit trail could not be read (${error instanceof Error ? error.name : 'error'})`;
    }
  }

  async function auditTrailProblem(register: Register): Promise<string | null> {
    const verdict = await register.audit.verifyTail(200);
    if (!verdict.ok) return `Audit event ${verdict.firstBroken.id}: ${verdict.firstBroken.problem}`;
    const anchor = (await loadKeyring())?.auditHead ?? null;
    if (!anchor) return null;
    const hash = await register.repos.audit.hashOf(anchor.id);
    if (hash === anchor.hash) return null;
    return hash === undefined
      ? `Audit event ${anchor.id}, the last one when the register was last closed, is missing`
      : `Audit event ${anchor.id}, the last one when the register was last closed, has changed`;
  }

  /** Keeps the audit trail's head outside the register, for the next opening's check. */
  async function anchorAuditTrail(register: Register): Promise<void> {
    if (register.readOnly) return;
    const keyring = await loadKeyring();
    if (keyring) await writeKeyring({ ...keyring, auditHead: await register.repos.audit.head() });
  }

  async function signIn(name: string, password: string): Promise<SignedInUser> {
    if ((await fileState()) !== 'signed-out') {
      throw new ServiceError('conflict', 'This register has no users yet: create its first administrator');
    }
    let keyring = await requireKeyring();
    const entry = entryFor(keyring, name);
    const wait = waitBeforeAttempt(entry, now());
    if (wait > 0) {
      throw new ServiceError(
        'forbidden',
        wait > 120
          ? `Too many failed attempts: sign-in as ${entry?.name ?? name} is locked for ${Math.ceil(wait / 60)} more minutes`
          : `Too many failed attempts: wait ${wait} seconds before trying again`,
      );
    }
    const key = await unwrapFor(keyring, name, password);
    keyring = await requireKeyring();
    if (!key) {
      if (entry) await writeKeyring(withAttempt(keyring, name, false, now()));
      throw wrongPassword();
    }
    const reuse = opened && (opened.key === null || opened.key.equals(key)) ? opened.register : null;
    const register = reuse ?? (await openWith(key));
    if (!reuse) auditProblem = await checkAuditTrail(register);
    const user = await startSession(register, key, name);
    await writeKeyring(withAttempt(await requireKeyring(), name, true, now()));
    return user;
  }

  async function unlock(password: string): Promise<SignedInUser> {
    const locked = current();
    if (!locked || !opened) throw new ServiceError('signed-out', 'Sign in to use the register');
    const keyring = await requireKeyring();
    const wait = waitBeforeAttempt(entryFor(keyring, locked.user.name), now());
    if (wait > 0)
      throw new ServiceError('forbidden', `Too many failed attempts: wait ${wait} seconds before trying again`);
    const key = await unwrapFor(keyring, locked.user.name, password);
    if (!key || (opened.key !== null && !key.equals(opened.key))) {
      await writeKeyring(withAttempt(await requireKeyring(), locked.user.name, false, now()));
      throw wrongPassword();
    }
    await writeKeyring(withAttempt(await requireKeyring(), locked.user.name, true, now()));
    locked.locked = false;
    locked.lastActivity = now().getTime();
    return locked.user as SignedInUser;
  }

  /** Ends the calling session; on a laptop (one session) the register closes with it. */
  async function signOut(): Promise<void> {
    sessions.delete(currentId());
    if (!multi) await closeRegister();
  }

  async function closeRegister(): Promise<void> {
    sessions.clear();
    const closing = opened;
    if (!closing) return;
    try {
      await anchorAuditTrail(closing.register);
    } finally {
      opened = null;
      await closing.register.close();
    }
  }

  /** Drops every session of `name` (disabled) or gives them their new roles. */
  function updateSessionsOf(name: string, roles: readonly Role[] | null): void {
    for (const [id, each] of sessions) {
      if (each.user.name !== name) continue;
      if (roles === null) sessions.delete(id);
      else each.user = { name: each.user.name, roles: [...roles] };
    }
  }

  async function newPasswordFor(name: string, password: string, key: Buffer): Promise<Keyring> {
    return withUser(await requireKeyring(), name, password, key, options.kdfCost);
  }

  const sessionHandlers: HandlerMap<SessionChannel> = {
    'session.status': async () => status(),
    'session.setup': async (i) => setup(i.name, i.password),
    'session.signIn': async (i) => signIn(i.name, i.password),
    'session.signOut': async () => (await signOut(), {}),
    'session.lock': () => {
      const found = current();
      if (found) found.locked = true;
      return {};
    },
    'session.unlock': async (i) => unlock(i.password),
    'session.changePassword': async (i) => {
      const open = signedIn();
      const name = open.session.user.name;
      const key = await unwrapFor(await requireKeyring(), name, i.current);
      if (!key || (open.key !== null && !key.equals(open.key))) {
        throw invalid('current', 'Your current password is not right');
      }
      const keyring = await newPasswordFor(name, i.next, key);
      await commit(open, async () => open.register.users.passwordChanged(name, name), keyring);
      return {};
    },
    'users.list': async () => signedIn().register.users.list(),
    'users.add': async (i) => {
      const open = signedIn();
      if (await open.register.users.find(i.name)) {
        throw invalid('name', `There is already a user called “${i.name}”`);
      }
      const keyring = await newPasswordFor(i.name, i.password, dataKey(open));
      return commit(open, async () => open.register.users.add(i.name, i.roles), keyring);
    },
    'users.setRoles': async (i) => {
      const open = signedIn();
      const user = await commit(open, async () => open.register.users.setRoles(i.name, i.roles));
      updateSessionsOf(user.name, user.roles);
      return user;
    },
    'users.disable': async (i) => {
      const open = signedIn();
      const existing = await open.register.users.find(i.name);
      const user = await commit(
        open,
        async () => open.register.users.setActive(i.name, false),
        withoutUser(await requireKeyring(), existing?.name ?? i.name),
      );
      updateSessionsOf(user.name, null);
      return user;
    },
    'users.enable': async (i) => {
      const open = signedIn();
      const existing = await open.register.users.find(i.name);
      if (!existing) throw new ServiceError('not-found', `There is no user called “${i.name}”`);
      const keyring = await newPasswordFor(existing.name, i.password, dataKey(open));
      return commit(open, async () => open.register.users.setActive(existing.name, true), keyring);
    },
    'users.resetPassword': async (i) => {
      const open = signedIn();
      const existing = await open.register.users.find(i.name);
      if (!existing) throw new ServiceError('not-found', `There is no user called “${i.name}”`);
      if (!existing.active) {
        throw new ServiceError('conflict', `${existing.name} is disabled: enable them with a new password instead`);
      }
      const keyring = await newPasswordFor(existing.name, i.password, dataKey(open));
      return commit(
        open,
        async () => open.register.users.passwordChanged(existing.name, open.session.user.name),
        keyring,
      );
    },
  };
  const SESSION_NAMES = new Set<string>(Object.keys(sessionHandlers));

  async function status(): Promise<SessionStatus> {
    const base = { registerPath: path, idleLockMinutes: 15, readOnly: false, user: null, auditProblem: null };
    const found = current();
    if (!found || !opened) return { ...base, state: await fileState() };
    return {
      ...base,
      state: found.locked ? 'locked' : 'signed-in',
      user: found.user as SignedInUser,
      idleLockMinutes: await idleLockMinutes(),
      readOnly: opened.register.readOnly,
      auditProblem,
    };
  }

  /** Locks the screen when the idle time has passed since the last call (the renderer locks too). */
  async function idleLockMinutes(): Promise<number> {
    try {
      return opened ? (await opened.register.settings.get()).idleLockMinutes : 15;
    } catch {
      // A damaged setting is reported by the call that reads it; the lock keeps its default.
      return 15;
    }
  }

  async function lockIfIdle(open: UserSession): Promise<void> {
    const at = now().getTime();
    const idle = at - open.lastActivity;
    // The setting is read only when the session has been idle past its least value (a minute), so
    // a busy chair's calls do not each read the settings.
    if (idle > 60_000 && idle > (await idleLockMinutes()) * 60_000) {
      // A single sign-on session has no password to unlock with: it ends, and its user signs in again.
      if (open.singleSignOn) sessions.delete(currentId());
      else open.locked = true;
    } else open.lastActivity = at;
  }

  /**
   * The one door: every front end calls here. Sign-in and users channels are answered by the
   * gate; the rest by the open register, as the signed-in user, once they are signed in and the
   * screen is not locked.
   */
  async function call(channel: unknown, input: unknown, sessionId?: string): Promise<Result<unknown>> {
    if (sessionId !== undefined && sessionId !== currentId()) {
      return scope.run(sessionId, async () => call(channel, input));
    }
    const name = resolveChannel(channel);
    const log = options.log;
    let session = current();
    if (name !== null && SESSION_NAMES.has(name)) {
      const caller =
        session && (!session.locked || name === 'session.signOut' || name === 'session.lock') ? session.user : null;
      return dispatch(sessionHandlers, name, input, { caller, ...(log ? { log } : {}) });
    }
    // A write waits for the integrity check that started when the register opened.
    if (checking && name !== null && CHANNEL_ACCESS[name].writes) {
      return checking.then(async () => call(channel, input));
    }
    if (session && !session.locked) await lockIfIdle(session);
    session = current();
    if (session?.locked && name !== null) {
      return {
        ok: false,
        error: { code: 'locked', message: 'The screen is locked: unlock it with your password', issues: [] },
      };
    }
    return dispatch(session && opened ? opened.handlers : {}, channel, input, {
      caller: session?.user ?? null,
      readOnly: opened?.register.readOnly ?? false,
      ...(log ? { log } : {}),
    });
  }

  /**
   * Signs someone in without a password, once the council's identity provider has vouched for
   * them (the unit server, PostgreSQL only: an embedded register's key needs a password). They are
   * the register user named like their username claim, or like its part before the @; the first
   * sign-in binds that user to the provider's subject, and a different subject is refused.
   */
  async function signInVerified(username: string, subject: string): Promise<SignedInUser> {
    if (store.engine !== 'postgres') {
      throw new ServiceError('forbidden', 'Single sign-on needs a unit register (PostgreSQL)');
    }
    if ((await fileState()) !== 'signed-out') {
      throw new ServiceError('conflict', 'This register has no users yet: create its first administrator');
    }
    const register = opened?.register ?? (await openWith(Buffer.alloc(0)));
    if (!opened) auditProblem = await checkAuditTrail(register);
    const local = username.split('@')[0] ?? username;
    const names = [...new Set([username, local])].filter((n) => userNameSchema.safeParse(n).success);
    let user: { name: string; active: boolean } | undefined;
    for (const name of names) user ??= await register.users.find(name);
    if (!user) {
      if (!opened) await register.close();
      throw new ServiceError(
        'forbidden',
        `No user of this register is called “${local}”: ask an administrator to add you by that name`,
      );
    }
    const keyring = await requireKeyring();
    const bound = subjectOf(keyring, user.name);
    if (bound !== null && bound !== subject) {
      if (!opened) await register.close();
      throw new ServiceError(
        'forbidden',
        `The register user ${user.name} is linked to another account at your identity provider: ask an administrator`,
      );
    }
    if (bound === null) await writeKeyring(withSubject(keyring, user.name, subject));
    return startSession(register, opened?.key ?? null, user.name, true);
  }

  /** Runs `work` as the session `sessionId` (the unit server's sign-in by single sign-on). */
  async function inSession<T>(sessionId: string, work: () => Promise<T>): Promise<T> {
    return scope.run(sessionId, work);
  }

  return {
    path,
    /** Where the register is, and its keyring. */
    store,
    call,
    status,
    setup,
    signIn,
    signInVerified,
    inSession,
    signOut,
    checked,
    /** The open register while someone is signed in (the CLI's own commands use it). */
    get register(): Register | null {
      return opened?.register ?? null;
    },
    /** Who is signed in (in the calling session). */
    get user(): Caller | null {
      return current()?.user ?? null;
    },
    /** How many people are signed in. */
    get sessionCount(): number {
      return sessions.size;
    },
    /** Signs everyone out and lets go of the register's store (a unit register's connections). */
    close: async () => {
      try {
        await closeRegister();
      } finally {
        await store.close();
      }
    },
  };
}
export type Gate = Awaited<ReturnType<typeof createGate>>;

export { KeyringError };

/**
 * The data key of a backup, unwrapped from the keyring it carries with one of its users'
 * passwords: how the command line verifies or restores a backup when the register itself is
 * missing or damaged.
 */
export async function backupKey(file: string, name: string, password: string): Promise<Buffer> {
  const { header } = readBackupHeader(file);
  if (header.keyring === null) {
    throw new ServiceError(
      'invalid-input',
      'This backup carries no key file: it is of a plain (unencrypted) register.',
    );
  }
  const parsed = keyringSchema.safeParse(JSON.parse(Buffer.from(header.keyring, 'base64').toString('utf8')));
  if (!parsed.success)
    throw new ServiceError('invalid-input', 'The key file inside this backup is not one this app wrote.');
  const key = await unwrapFor(parsed.data, name, password);
  if (!key) throw invalid('password', `The user name or password is not right for the users in this backup`);
  return key;
}
