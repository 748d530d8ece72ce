import { CHANNEL_ACCESS } from '../../../../shared/ipc/access';
import type { Channel } from '../../../../shared/ipc/contract';
import type { Role } from '../../../../shared/roles';

/**
 * Whether a user with these roles may call a channel, as the dispatch decides it: any signed-in
 * user may read; a channel for some roles needs one of them; a write is refused while the register
 * is open read-only. Screens use it only to hide what would be refused: the main process still
 * checks every call.
 */
export function canCall(channel: Channel, roles: readonly Role[], readOnly: boolean): boolean {
  const access = CHANNEL_ACCESS[channel];
  if (access.writes && readOnly) return false;
  if (access.who === 'public' || access.who === 'signed-in') return true;
  return access.who.some((role) => roles.includes(role));
}
