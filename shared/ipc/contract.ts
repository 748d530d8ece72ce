import type { z } from 'zod';
import { agenciesContract } from './contract/agencies';
import { agencyEscalationsContract } from './contract/agency-escalations';
import { auditContract } from './contract/audit';
import { backupsContract } from './contract/backups';
import { calendarContract } from './contract/calendar';
import { conferencesContract } from './contract/conferences';
import { documentsContract } from './contract/documents';
import { escalationsContract } from './contract/escalations';
import { liveContract } from './contract/live';
import { reportsContract } from './contract/reports';
import { retentionContract } from './contract/retention';
import { sessionContract } from './contract/session';
import { settingsContract } from './contract/settings';
import { CHANNEL_NAMES, resolveChannelName, type ChannelName } from './channels';

/**
 * The one contract between every front end (the renderer over IPC or HTTP, the command line) and
 * the register. Each channel names its input and output schema; the dispatch validates every
 * input against it before a service runs, and the preload and the browser-mode server accept only
 * these channel names. Each domain's part lives in `contract/<domain>.ts`, beside its handlers in
 * `electron/main/api/handlers/<domain>.ts`.
 */
export const contract = {
  ...agenciesContract,
  ...conferencesContract,
  ...settingsContract,
  ...calendarContract,
  ...liveContract,
  ...agencyEscalationsContract,
  ...escalationsContract,
  ...documentsContract,
  ...sessionContract,
  ...auditContract,
  ...backupsContract,
  ...retentionContract,
  ...reportsContract,
} as const satisfies { [K in ChannelName]: { input: z.ZodType; output: z.ZodType } };

/** A channel in a part but not in `CHANNEL_NAMES` fails here (the spread escapes excess-property checks). */
type Unlisted = Exclude<keyof typeof contract, ChannelName>;
const noUnlistedChannel: [Unlisted] extends [never] ? true : Unlisted = true;
void noUnlistedChannel;

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a caller passes (before defaults and trimming). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (after validation). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS: readonly Channel[] = CHANNEL_NAMES;

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

/** The channel a name refers to, old names included (see `CHANNEL_ALIASES`). */
export function resolveChannel(value: unknown): Channel | null {
  return resolveChannelName(value);
}
