import { z } from 'zod';
import { bankHolidayFeedSchema, divisionSchema } from '../bank-holidays';
import { isIsoDate } from '../dates';
import { protocolSchema } from '../escalation-protocols';
import {
  agencyInputSchema,
  agencySchema,
  agencySetActiveInputSchema,
  agencyUpdateInputSchema,
} from '../schemas/agency';
import {
  auditEventSchema,
  auditForRecordInputSchema,
  auditListInputSchema,
  auditListSchema,
  auditVerdictSchema,
} from '../schemas/audit';
import {
  agencyEscalationSchema,
  agencyReturnSchema,
  escalationReasonSchema,
  periodSchema,
  raiseByHandInputSchema,
  raiseFromConferenceInputSchema,
  returnSummarySchema,
} from '../schemas/agency-escalation';
import { idSchema, isoDateSchema, requiredText, strictObject } from '../schemas/common';
import { MAX_REASON } from '../schemas/limits';
import {
  conferenceCancelInputSchema,
  conferenceInputSchema,
  conferenceSummarySchema,
  conferenceUpdateInputSchema,
  duplicateMatchSchema,
  familySchema,
  matchesInputSchema,
} from '../schemas/conference';
import {
  adjournmentSchema,
  amendDecisionInputSchema,
  dueItemSchema,
  inviteInputSchema,
  liveConferenceSchema,
  recordDecisionInputSchema,
  scheduleReconvenedInputSchema,
  setAttendanceInputSchema,
  setNoViewInputSchema,
  setReportInputSchema,
  setViewInputSchema,
} from '../schemas/live-conference';
import {
  actionInputSchema,
  closeEscalationInputSchema,
  correctEscalationInputSchema,
  debriefInputSchema,
  escalateInputSchema,
  escalationDraftSchema,
  escalationFiltersSchema,
  escalationListItemSchema,
  escalationSchema,
  openEscalationInputSchema,
  reviewMeetingInputSchema,
  stageResponseInputSchema,
} from '../schemas/escalation';
import { MAX_INQUORATE_REASON, MAX_RETURN_RESPONSE } from '../schemas/limits';
import {
  eraseInputSchema,
  eraseResultSchema,
  holdInputSchema,
  liftHoldInputSchema,
  retentionEntrySchema,
  retentionListInputSchema,
  retentionListSchema,
} from '../schemas/retention';
import { settingsSaveInputSchema, versionedSettingsSchema } from '../schemas/settings';
import {
  addUserInputSchema,
  changePasswordInputSchema,
  resetPasswordInputSchema,
  sessionStatusSchema,
  setRolesInputSchema,
  setupInputSchema,
  setupResultSchema,
  signedInUserSchema,
  signInInputSchema,
  unlockInputSchema,
  userByNameSchema,
  userSchema,
} from '../schemas/users';
import {
  backupFileInputSchema,
  backupRunSchema,
  backupsStatusSchema,
  backupVerificationSchema,
  registerHealthSchema,
  restoreResultSchema,
} from '../schemas/backups';
import {
  batchPlanInputSchema,
  batchPlanSchema,
  batchStatusSchema,
  documentsForRecordInputSchema,
  exportPlanInputSchema,
  exportPlanSchema,
  exportResultSchema,
  generatedDocumentSchema,
  recentDocumentsInputSchema,
  runExportInputSchema,
  sharingLogEntrySchema,
  sharingLogInputSchema,
  startBatchInputSchema,
} from '../schemas/documents';
import { CHANNEL_NAMES, resolveChannelName, type ChannelName } from './channels';

const byId = strictObject({ id: idSchema });
const none = strictObject({});

/**
 * The one contract between the renderer and the main process. Each channel names its input and
 * output schema; the main process validates every input against it before a service runs, and
 * the preload and the browser-mode server accept only these channel names.
 */
export const contract = {
  /** Agencies, optionally filtered by a search of name, type, group or lead. */
  'agencies.list': {
    input: strictObject({
      search: z.string().trim().max(100).default(''),
      includeInactive: z.boolean().default(true),
    }),
    output: z.array(agencySchema),
  },
  'agencies.get': { input: byId, output: agencySchema },
  'agencies.create': { input: agencyInputSchema, output: agencySchema },
  'agencies.update': { input: agencyUpdateInputSchema, output: agencySchema },
  /** Deactivate (or reactivate) an agency: kept for history, hidden from new invitations. */
  'agencies.setActive': { input: agencySetActiveInputSchema, output: agencySchema },

  /** Families whose name, case reference or a child's name matches. */
  'families.search': {
    input: strictObject({ search: z.string().trim().max(100).default('') }),
    output: z.array(familySchema),
  },
  /**
   * Families and children already in the register that a new family or child matches (name and
   * date of birth, or the case reference), so the existing record can be offered instead.
   */
  'families.matches': { input: matchesInputSchema, output: z.array(duplicateMatchSchema) },

  'conferences.list': {
    input: strictObject({
      search: z.string().trim().max(100).default(''),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ total: z.number().int(), conferences: z.array(conferenceSummarySchema) }),
  },
  'conferences.get': { input: byId, output: conferenceSummarySchema },
  'conferences.create': { input: conferenceInputSchema, output: conferenceSummarySchema },
  /** Corrects a scheduled conference's date, time, venue or chair; a new date clears attendance. */
  'conferences.update': { input: conferenceUpdateInputSchema, output: liveConferenceSchema },
  /** Cancels a scheduled conference, with the reason; it stays in the register, marked cancelled. */
  'conferences.cancel': { input: conferenceCancelInputSchema, output: liveConferenceSchema },
  /** Deletes a conference made by mistake, only while nothing is recorded on it. */
  'conferences.delete': { input: byId, output: strictObject({ deleted: idSchema }) },

  'settings.get': { input: none, output: versionedSettingsSchema },
  'settings.update': { input: settingsSaveInputSchema, output: versionedSettingsSchema },

  /** What the bank-holiday calendar covers and where it came from. */
  'holidays.status': {
    input: none,
    output: z.object({
      source: z.enum(['snapshot', 'imported']),
      importedAt: z.string().nullable(),
      divisions: z.array(
        z.object({
          division: divisionSchema,
          count: z.number().int(),
          from: z.number().int().nullable(),
          to: z.number().int().nullable(),
        }),
      ),
    }),
  },
  /** Import a GOV.UK bank-holidays feed: validated whole; a bad file changes nothing. */
  'holidays.import': {
    input: strictObject({ feed: bankHolidayFeedSchema }),
    output: z.object({ imported: z.number().int(), divisions: z.array(divisionSchema) }),
  },
  /** Add or subtract working days with the register's calendar; warns past the data's last year. */
  'workingDays.calculate': {
    input: strictObject({
      date: z.string().max(10, 'Enter a real date').refine(isIsoDate, 'Enter a real date'),
      days: z
        .number({ error: 'Enter a number of working days' })
        .int('Enter a whole number of working days')
        .min(0, 'Enter 0 or more working days')
        .max(2000, 'Enter 2000 working days or fewer'),
      direction: z.enum(['add', 'subtract']).default('add'),
      division: divisionSchema.optional(),
    }),
    output: z.object({ date: z.string(), warning: z.string().nullable() }),
  },

  /** The chair's screen: everything about one conference, with quoracy and outcomes computed. */
  'live.get': { input: byId, output: liveConferenceSchema },
  'live.invite': { input: inviteInputSchema, output: liveConferenceSchema },
  'live.uninvite': {
    input: strictObject({ conferenceId: idSchema, agencyId: idSchema }),
    output: liveConferenceSchema,
  },
  /** Attendance is recorded on or after the conference's day, never before. */
  'live.setAttendance': { input: setAttendanceInputSchema, output: liveConferenceSchema },
  'live.setReport': { input: setReportInputSchema, output: liveConferenceSchema },
  /** One agency's view for one child (null withdraws it); the outcome is recomputed at once. */
  'live.setView': { input: setViewInputSchema, output: liveConferenceSchema },
  /** The chair's record that an attending agency gives no view for a child, and why (null withdraws it). */
  'live.setNoView': { input: setNoViewInputSchema, output: liveConferenceSchema },
  'live.copyViews': {
    input: strictObject({ conferenceId: idSchema, fromChildId: idSchema, toChildId: idSchema }),
    output: liveConferenceSchema,
  },
  'live.setInquorateReason': {
    input: strictObject({
      conferenceId: idSchema,
      reason: z.string().max(MAX_INQUORATE_REASON, 'The reason must be 5,000 characters or fewer').nullable(),
    }),
    output: liveConferenceSchema,
  },
  'live.redate': {
    input: strictObject({
      conferenceId: idSchema,
      date: isoDateSchema('the new date'),
      time: z
        .string()
        .max(5, 'Enter the start time as hh:mm, like 09:30 or 14:00')
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter the start time as hh:mm, like 09:30 or 14:00'),
    }),
    output: liveConferenceSchema,
  },
  /**
   * Records one child's decision by the partnership's rule, once every attending agency has given
   * a view or been recorded as giving none; what falls due for the child is scheduled at once.
   */
  'live.recordDecision': { input: recordDecisionInputSchema, output: liveConferenceSchema },
  /** Amends a recorded decision with the reason; who, when, why and the values before and after are kept. */
  'live.amendDecision': { input: amendDecisionInputSchema, output: liveConferenceSchema },
  'conferences.scheduleReconvened': { input: scheduleReconvenedInputSchema, output: conferenceSummarySchema },
  'conferences.adjournments': { input: none, output: z.array(adjournmentSchema) },
  /** What falls due across conferences and children, soonest first (formerly `conferences.due`). */
  'due.list': {
    input: strictObject({ limit: z.number().int().min(1).max(1000).default(200) }),
    output: z.array(dueItemSchema),
  },
  /** Marks an item done by hand; a child's item names the child (formerly `conferences.completeTask`). */
  'due.complete': {
    input: strictObject({
      conferenceId: idSchema,
      kind: z.enum(['decision-letter', 'minutes', 'first-core-group', 'next-review', 'reconvene']),
      childId: idSchema.nullable().default(null),
    }),
    output: z.array(dueItemSchema),
  },
  'conferences.reportsOutstanding': {
    input: strictObject({ weeks: z.number().int().min(1).max(26).default(4) }),
    output: z.array(
      z.object({
        conferenceId: idSchema,
        type: z.enum(['initial', 'review', 'reconvened']),
        date: z.string(),
        time: z.string(),
        familyName: z.string(),
        reportDue: z.string(),
        agencies: z.array(z.string()),
      }),
    ),
  },

  /** Appendix 3: what a conference's attendance and reports suggest escalating, and what is raised. */
  'agencyEscalations.forConference': {
    input: strictObject({ conferenceId: idSchema }),
    output: z.object({
      raised: z.array(agencyEscalationSchema),
      suggestions: z.array(z.object({ agencyId: idSchema, agencyName: z.string(), reason: escalationReasonSchema })),
    }),
  },
  'agencyEscalations.raiseFromConference': { input: raiseFromConferenceInputSchema, output: agencyEscalationSchema },
  'agencyEscalations.raiseByHand': { input: raiseByHandInputSchema, output: agencyEscalationSchema },
  /** Withdraws a mistaken agency escalation, with the reason: kept, marked withdrawn, left out of returns. */
  'agencyEscalations.withdraw': {
    input: strictObject({ id: idSchema, reason: requiredText('Enter why the escalation is withdrawn', MAX_REASON) }),
    output: agencyEscalationSchema,
  },
  /** Every agency's escalations in a period, repeat non-attendance first. */
  'returns.summary': { input: periodSchema, output: z.array(returnSummarySchema) },
  'returns.get': {
    input: strictObject({
      agencyId: idSchema,
      from: isoDateSchema('the start of the period'),
      to: isoDateSchema('the end of the period'),
    }),
    output: z.object({
      agency: agencySchema,
      rows: z.array(agencyEscalationSchema),
      /** Escalations withdrawn as mistaken, shown apart and left out of the return. */
      withdrawn: z.array(agencyEscalationSchema),
      returns: z.array(agencyReturnSchema),
    }),
  },
  'returns.markSent': {
    input: strictObject({
      agencyId: idSchema,
      from: isoDateSchema('the start of the period'),
      to: isoDateSchema('the end of the period'),
      sentOn: isoDateSchema('the date the return was sent'),
      sentTo: z.string().trim().min(1, 'Enter who the return was sent to').max(200),
    }),
    output: z.object({
      agency: agencySchema,
      rows: z.array(agencyEscalationSchema),
      /** Escalations withdrawn as mistaken, shown apart and left out of the return. */
      withdrawn: z.array(agencyEscalationSchema),
      returns: z.array(agencyReturnSchema),
      attached: z.number().int(),
    }),
  },
  'returns.recordResponse': {
    input: strictObject({
      returnId: idSchema,
      responseOn: isoDateSchema('the date of the response'),
      response: z.string().trim().min(1, 'Enter the agency’s response').max(MAX_RETURN_RESPONSE),
    }),
    output: agencyReturnSchema,
  },

  /** Escalation protocols: shipped and custom versions; which one the partnership uses. */
  'protocols.list': {
    input: none,
    output: z.array(
      z.object({
        id: idSchema,
        key: z.string(),
        version: z.number().int(),
        name: z.string(),
        shipped: z.boolean(),
        chosen: z.boolean(),
        definition: protocolSchema,
      }),
    ),
  },
  'protocols.choose': {
    input: strictObject({ key: z.string().trim().min(1, 'Choose a protocol').max(40) }),
    output: z.array(
      z.object({
        id: idSchema,
        key: z.string(),
        version: z.number().int(),
        name: z.string(),
        shipped: z.boolean(),
        chosen: z.boolean(),
        definition: protocolSchema,
      }),
    ),
  },
  /** A copied or adjusted protocol: saved as a new version (validated: stages, positive limits). */
  'protocols.save': {
    input: strictObject({ protocol: protocolSchema }),
    output: z.object({ id: idSchema, key: z.string(), version: z.number().int() }),
  },
  /** Open escalations: immediate risk first, then overdue, then by due date; filterable. */
  'escalations.list': { input: escalationFiltersSchema, output: z.array(escalationListItemSchema) },
  'escalations.get': { input: byId, output: escalationSchema },
  /** Prefilled fields for escalating a minority view or a Principal Officer review from a conference. */
  'escalations.draftFromConference': {
    input: strictObject({ conferenceId: idSchema, childId: idSchema, agencyId: idSchema.nullable().default(null) }),
    output: escalationDraftSchema,
  },
  'escalations.open': { input: openEscalationInputSchema, output: escalationSchema },
  'escalations.respond': { input: stageResponseInputSchema, output: escalationSchema },
  /** Escalates to the next stage: only while the current stage is unresolved. */
  'escalations.escalate': { input: escalateInputSchema, output: escalationSchema },
  'escalations.close': { input: closeEscalationInputSchema, output: escalationSchema },
  /** The restorative debrief after resolution (Kirklees stage 7), with no clock. */
  'escalations.recordDebrief': { input: debriefInputSchema, output: escalationSchema },
  /** The written record of the Principal Officer review meeting (North Lincolnshire). */
  'escalations.recordReviewMeeting': { input: reviewMeetingInputSchema, output: escalationSchema },
  /** Corrects an escalation's details, with the reason; the values before and after are kept. */
  'escalations.correct': { input: correctEscalationInputSchema, output: escalationSchema },
  'escalations.addAction': { input: actionInputSchema, output: escalationSchema },
  'escalations.completeAction': {
    input: strictObject({ actionId: idSchema, on: isoDateSchema('the date it was completed') }),
    output: escalationSchema,
  },
  /** Which documents a batch of this kind would write for the period, and what stops any of them. */
  'documents.plan': { input: batchPlanInputSchema, output: batchPlanSchema },
  /** Starts writing a batch into a folder; poll `documents.batchStatus` for progress. */
  'documents.startBatch': { input: startBatchInputSchema, output: batchStatusSchema },
  'documents.batchStatus': {
    input: strictObject({ id: z.string().min(1, 'Choose a batch').max(100) }),
    output: batchStatusSchema,
  },
  /** Documents generated for one record: what, when, by whom. */
  'documents.forRecord': { input: documentsForRecordInputSchema, output: z.array(generatedDocumentSchema) },
  'documents.recent': { input: recentDocumentsInputSchema, output: z.array(generatedDocumentSchema) },
  /** What an export for one agency and period would contain, and anything that stops it. */
  'exports.plan': { input: exportPlanInputSchema, output: exportPlanSchema },
  /** Writes the export (PDFs, CSV, JSON; folder or zip) and its sharing-log entry. */
  'exports.run': { input: runExportInputSchema, output: exportResultSchema },
  'sharingLog.list': { input: sharingLogInputSchema, output: z.array(sharingLogEntrySchema) },
  /** Where the app stands: a register to create, to encrypt, to sign in to, locked, or signed in. */
  'session.status': { input: none, output: sessionStatusSchema },
  /**
   * Creates the register and its first administrator (or, for a register from an earlier version,
   * the first administrator, then encrypts it after a verified copy). Answers the recovery key once.
   */
  'session.setup': { input: setupInputSchema, output: setupResultSchema },
  /** Repeated failures slow down, then lock the name for a while. */
  'session.signIn': { input: signInInputSchema, output: signedInUserSchema },
  /** Forgets the key: the register is closed until someone signs in. */
  'session.signOut': { input: none, output: none },
  /** Locks the screen (idle or by hand), keeping the register and any unsaved text. */
  'session.lock': { input: none, output: none },
  /** Unlocks with the locked user's password. */
  'session.unlock': { input: unlockInputSchema, output: signedInUserSchema },
  'session.changePassword': { input: changePasswordInputSchema, output: none },
  'users.list': { input: none, output: z.array(userSchema) },
  'users.add': { input: addUserInputSchema, output: userSchema },
  'users.setRoles': { input: setRolesInputSchema, output: userSchema },
  /** Disables a user: their wrapped key is removed, so their password no longer opens the register. */
  'users.disable': { input: userByNameSchema, output: userSchema },
  /** Enables a disabled user again, with a new password. */
  'users.enable': { input: resetPasswordInputSchema, output: userSchema },
  /** An administrator sets a new password for a user who has forgotten theirs. */
  'users.resetPassword': { input: resetPasswordInputSchema, output: userSchema },
  /** Checks the whole audit trail's hash chain: whole, or the first broken event and what is wrong. */
  'audit.verify': { input: strictObject({}), output: auditVerdictSchema },
  /** A page of the audit trail, newest first. */
  'audit.list': { input: auditListInputSchema, output: auditListSchema },
  /** One record's history: who changed what, when, with the values before and after; oldest first. */
  'audit.forRecord': { input: auditForRecordInputSchema, output: z.array(auditEventSchema) },

  /** Whether the register passed its check when it opened; a damaged one is open read-only. */
  'register.health': { input: none, output: registerHealthSchema },
  /** The backup folder, how many automatic backups are kept, the backups there (newest first). */
  'backups.status': { input: none, output: backupsStatusSchema },
  /** Writes a verified backup into the backup folder now. */
  'backups.run': { input: none, output: backupRunSchema },
  /** Checks one backup in the folder: opens, integrity check, content hash equal to its header's. */
  'backups.verify': { input: backupFileInputSchema, output: backupVerificationSchema },
  /** Puts a backup in place of the register (verified first; the current register kept aside). */
  'backups.restore': { input: backupFileInputSchema, output: restoreResultSchema },
  /** Families with their retention date and legal hold, past retention first (administrator). */
  'retention.list': { input: retentionListInputSchema, output: retentionListSchema },
  /** Puts a family's records on legal hold, with the reason: they cannot be erased while held. */
  'retention.placeHold': { input: holdInputSchema, output: retentionEntrySchema },
  /** Lifts the hold in force, with the reason. */
  'retention.liftHold': { input: liftHoldInputSchema, output: retentionEntrySchema },
  /**
   * Erases a family past retention and not on hold, for good, with its name typed again: every
   * row about it; audit events about its records keep no values; one `erase` event, no personal data.
   */
  'retention.erase': { input: eraseInputSchema, output: eraseResultSchema },
} as const satisfies { [K in ChannelName]: { input: z.ZodType; output: z.ZodType } };

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
