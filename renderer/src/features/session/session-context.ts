import { createContext, useContext } from 'react';
import type { Channel } from '../../../../shared/ipc/contract';
import type { SignedInUser } from '../../../../shared/schemas/users';

export interface SessionContextValue {
  /** The signed-in user. */
  user: SignedInUser;
  /** The register is open read-only: every write is refused. */
  readOnly: boolean;
  /** What the audit trail's check found when the register opened; null when whole. */
  auditProblem: string | null;
  /** The unit server whose register this is (shown in the header); null on a laptop's own register. */
  unitServer: string | null;
  /** Locks the screen now, keeping the screen and its unsaved text behind the unlock overlay. */
  lock(): void;
  /** Signs out: the register closes until someone signs in. */
  signOut(): void;
  /** Whether the signed-in user may call a channel (to hide what they cannot use). */
  can(channel: Channel): boolean;
}

export const SessionContext = createContext<SessionContextValue>({
  user: { name: '', roles: [] },
  readOnly: false,
  auditProblem: null,
  unitServer: null,
  lock: () => undefined,
  signOut: () => undefined,
  can: () => true,
});

export function useSession(): SessionContextValue {
  return useContext(SessionContext);
}

/** `can('conferences.create')`: whether to show a control that calls the channel. */
export function useCan(): (channel: Channel) => boolean {
  return useContext(SessionContext).can;
}
