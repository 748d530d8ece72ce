import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Channel } from '../../../../shared/ipc/contract';
import type { SessionStatus, SignedInUser } from '../../../../shared/schemas/users';
import { invoke, onSessionEnd } from '../../api/client';
import { App } from '../../app/App';
import { Page } from '../../app/Page';
import { canCall } from './can';
import { LockOverlay } from './LockOverlay';
import { PlainLayout } from './PlainLayout';
import { RecoveryKeyPage } from './RecoveryKeyPage';
import { SessionContext, type SessionContextValue } from './session-context';
import { SetupPage } from './SetupPage';
import { SignInPage } from './SignInPage';
import { useIdleLock } from './use-idle-lock';

type Loaded = { status: SessionStatus; failure: null } | { status: null; failure: string | null };

/**
 * What the app shows first, by the register's session: create the register (or encrypt one from
 * an earlier version), sign in, or the app. Locking (idle, by hand, or because a call found the
 * session locked) draws the unlock overlay over the app without unmounting it, so half-typed
 * forms keep their text; a call that finds nobody signed in goes back to signing in.
 */
export function SessionGate() {
  const [loaded, setLoaded] = useState<Loaded>({ status: null, failure: null });
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  // Whether the app has been drawn since signing in: kept (inert) behind the lock overlay.
  const [appMounted, setAppMounted] = useState(false);
  const status = loaded.status;

  // Asking again (after signing in, creating the register or signing out) counts up.
  const [asked, setAsked] = useState(0);
  const refresh = useCallback(() => setAsked((n) => n + 1), []);

  useEffect(() => {
    let current = true;
    void invoke('session.status', {}).then((result) => {
      if (!current) return;
      setLoaded(result.ok ? { status: result.value, failure: null } : { status: null, failure: result.error.message });
    });
    return () => {
      current = false;
    };
  }, [asked]);

  const setState = useCallback((state: SessionStatus['state'], user?: SignedInUser | null) => {
    setLoaded((previous) =>
      previous.status
        ? {
            status: { ...previous.status, state, user: user === undefined ? previous.status.user : user },
            failure: null,
          }
        : previous,
    );
  }, []);

  // Any call refused as locked or signed out, from whatever screen made it.
  useEffect(() => onSessionEnd((end) => setState(end)), [setState]);

  const lock = useCallback(() => {
    // The overlay first, so the screen is covered at once; then the register forgets the session's key use.
    setState('locked');
    void invoke('session.lock', {});
  }, [setState]);

  const signOut = useCallback(() => {
    setState('signed-out');
    void invoke('session.signOut', {}).then(refresh);
  }, [setState, refresh]);

  const signedIn = status?.state === 'signed-in' && recoveryKey === null;
  useIdleLock(signedIn, status?.idleLockMinutes ?? 0, lock);

  // The app stays mounted while locked; anything else (signed out, a new register) ends it.
  if (status?.state === 'signed-in' && !appMounted) setAppMounted(true);
  if (status && status.state !== 'signed-in' && status.state !== 'locked' && appMounted) setAppMounted(false);

  const user = status?.user ?? null;
  const readOnly = status?.readOnly ?? false;
  const auditProblem = status?.auditProblem ?? null;
  const unitServer = status?.unitServer ?? null;
  const roles = user?.roles;
  const session = useMemo<SessionContextValue>(
    () => ({
      user: user ?? { name: '', roles: [] },
      readOnly,
      auditProblem,
      unitServer,
      lock,
      signOut,
      can: (channel: Channel) => canCall(channel, roles ?? [], readOnly),
    }),
    [user, roles, readOnly, auditProblem, unitServer, lock, signOut],
  );

  if (!status) {
    return (
      <PlainLayout>
        <Page title={loaded.failure ? 'The register could not be opened' : 'Opening the register'}>
          {loaded.failure ? (
            <p className="govuk-body">{loaded.failure}</p>
          ) : (
            <p className="govuk-body" role="status">
              Opening the register…
            </p>
          )}
        </Page>
      </PlainLayout>
    );
  }

  if (recoveryKey !== null) {
    return <RecoveryKeyPage recoveryKey={recoveryKey} onContinue={() => setRecoveryKey(null)} />;
  }

  if (status.state === 'new' && status.unitServer) {
    return (
      <PlainLayout>
        <Page title="This unit register has no administrator yet">
          <p className="govuk-body">
            A unit register’s first administrator is created on the server, by whoever runs it:
          </p>
          <pre className="app-code">cpreg --pg postgres://… init --admin NAME</pre>
          <p className="govuk-body">Then come back here and sign in.</p>
        </Page>
      </PlainLayout>
    );
  }

  switch (status.state) {
    case 'new':
    case 'needs-encryption':
      return (
        <SetupPage
          needsEncryption={status.state === 'needs-encryption'}
          registerPath={status.registerPath}
          onCreated={(key) => {
            setRecoveryKey(key);
            refresh();
          }}
        />
      );
    case 'signed-out':
      return (
        <SignInPage
          lastUser={status.user?.name ?? null}
          registerPath={status.unitServer ?? status.registerPath}
          singleSignOn={status.singleSignOn ?? null}
          onSignedIn={refresh}
        />
      );
    case 'locked':
    case 'signed-in': {
      const locked = status.state === 'locked';
      return (
        <SessionContext value={session}>
          {appMounted && (
            <div inert={locked}>
              <App />
            </div>
          )}
          {locked && (
            <LockOverlay
              user={status.user}
              onUnlocked={(unlocked) => setState('signed-in', unlocked)}
              onSignOut={signOut}
            />
          )}
        </SessionContext>
      );
    }
  }
}
