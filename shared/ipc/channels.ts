/**
 * The names of the contract's channels, with no schema attached, so the sandboxed preload can
 * keep its allow-list without bundling zod. `contract.ts` must define exactly these.
 */
export const CHANNEL_NAMES = [
  'agencies.list',
  'agencies.get',
  'agencies.create',
  'agencies.update',
  'agencies.setActive',
  'families.search',
  'conferences.list',
  'conferences.get',
  'conferences.create',
  'settings.get',
  'settings.update',
  'holidays.status',
  'holidays.import',
  'workingDays.calculate',
  'live.get',
  'live.invite',
  'live.uninvite',
  'live.setAttendance',
  'live.setReport',
  'live.setView',
  'live.copyViews',
  'live.setInquorateReason',
  'live.redate',
  'live.recordDecision',
  'conferences.scheduleReconvened',
  'conferences.adjournments',
  'conferences.due',
  'conferences.completeTask',
  'conferences.reportsOutstanding',
] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];
