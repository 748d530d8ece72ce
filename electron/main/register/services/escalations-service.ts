import type { z } from 'zod';
import { changedFields } from '../../../../shared/audit-changes';
import {
  SHIPPED_PROTOCOLS,
  START_ROUTE_LABELS,
  clockedStages,
  limitWords,
  mayStartAt,
  nextStage,
  protocolSchema,
  resolutionStage,
  routeStage,
  stageClock,
  stageDueDate,
  type Protocol,
  type StartRoute,
} from '../../../../shared/escalation-protocols';
import { formatLongDate, localIsoDate } from '../../../../shared/dates';
import { dateOfBirthProblem, expectedDateProblem, happenedProblem } from '../../../../shared/record-dates';
import {
  NATURES,
  NATURE_LABELS,
  type Escalation,
  type EscalationListItem,
  type EscalationSort,
  type Nature,
  type EscalationDraft,
  type OpenEscalationFields,
  type stageResponseInputSchema,
  type escalateInputSchema,
  type closeEscalationInputSchema,
  type debriefInputSchema,
  type reviewMeetingInputSchema,
  type correctEscalationInputSchema,
  type actionInputSchema,
  type escalationFiltersSchema,
} from '../../../../shared/schemas/escalation';
import { CONFERENCE_TYPE_LABELS } from '../../../../shared/schemas/conference';
import type { Change } from '../../../../shared/schemas/live-conference';
import { compareBy, pageFromSorted, type Page } from '../../../../shared/schemas/paging';
import { coverageWarning } from '../../../../shared/working-days';
import type { ProtocolRow } from '../db/repositories/escalations-repository';
import type { CalendarService } from './calendar-service';
import { audit, auditChange, type ServiceContext } from './context';
import { ServiceError, invalid, notFound, staleEdit } from './errors';
import type { LiveConferenceService } from './live-conference-service';
import type { SettingsService } from './settings-service';

const CHOSEN_KEY = 'escalationProtocolKey';

const long = (date: string) => formatLongDate(date).replace(/^\S+ /, '');

/**
 * Professional disagreement escalations through the stages of the partnership's protocol, each
 * stage with its working-day clock; a child at immediate risk is due the day it is raised. A
 * stage is escalated only while unresolved; a resolved one leads to closing, and (Kirklees) the
 * restorative debrief follows resolution without a clock. Each protocol keeps its own formal
 * record. Details are corrected openly, with the reason.
 */
/**
 * The escalations list's filters, as the channel parses them, with status (open), sort (the
 * working order) and direction optional for callers inside the main process.
 */
export type EscalationListFilters = Omit<
  z.output<typeof escalationFiltersSchema>,
  'page' | 'pageSize' | 'sort' | 'direction' | 'status'
> &
  Partial<Pick<z.output<typeof escalationFiltersSchema>, 'sort' | 'direction' | 'status'>>;

export function createEscalationsService(
  ctx: ServiceContext<
    | 'agencies'
    | 'audit'
    | 'conferences'
    | 'corrections'
    | 'documents'
    | 'escalations'
    | 'families'
    | 'live'
    | 'settings'
  >,
  settings: SettingsService,
  calendar: CalendarService,
  live: LiveConferenceService,
) {
  const repo = ctx.repos.escalations;
  const today = () => localIsoDate(ctx.now());

  function parseDefinition(json: string): Protocol {
    return protocolSchema.parse(JSON.parse(json) as unknown);
  }
  const definition = (row: ProtocolRow): Protocol => parseDefinition(row.definition_json);

  /**
   * Adds any shipped protocol version the register does not hold yet, and brings the stored copy
   * of each shipped version in line with the app's definition: shipped protocols are the app's
   * data, so a correction to one (the Kirklees debrief following resolution, limits the procedure
   * does not set) applies to running escalations too. A partnership's adjusted copies are never
   * changed.
   */
  async function ensureShipped(): Promise<void> {
    const missing: (typeof SHIPPED_PROTOCOLS)[number][] = [];
    const stale: {
      row: NonNullable<Awaited<ReturnType<typeof repo.protocolByKey>>>;
      p: (typeof SHIPPED_PROTOCOLS)[number];
    }[] = [];
    for (const p of SHIPPED_PROTOCOLS) {
      const row = await repo.protocolByKey(p.key, p.version);
      if (!row) missing.push(p);
      else if (row.shipped === 1 && row.definition_json !== JSON.stringify(p)) stale.push({ row, p });
    }
    if (missing.length === 0 && stale.length === 0) return;
    await ctx.db.transaction(async () => {
      const at = ctx.now().toISOString();
      for (const p of missing) {
        await repo.insertProtocol(
          { key: p.key, version: p.version, name: p.name, definitionJson: JSON.stringify(p), shipped: true },
          at,
        );
      }
      for (const { row, p } of stale) {
        await repo.updateShippedDefinition(row.id, p.name, JSON.stringify(p));
        const changed = changedFields(JSON.parse(row.definition_json) as Record<string, unknown>, { ...p });
        await ctx.repos.audit.append({
          at,
          actor: 'CP Conference Register',
          action: 'update',
          entity: 'protocol',
          entityId: row.id,
          before: changed.before,
          after: changed.after,
        });
      }
    });
  }

  async function chosenKey(): Promise<string> {
    const raw = (await ctx.repos.settings.all()).get(CHOSEN_KEY);
    return raw ? (JSON.parse(raw) as string) : 'kirklees';
  }

  async function latest(key: string): Promise<ProtocolRow> {
    const row = await repo.protocolByKey(key, await repo.latestVersion(key));
    if (!row) throw invalid('protocolKey', `No protocol “${key}” in the register`);
    return row;
  }

  async function mustEscalation(id: number) {
    const row = await repo.escalation(id);
    if (!row) throw notFound('escalation', id);
    return row;
  }

  async function protocolOf(e: { protocol_id: number }): Promise<Protocol> {
    const row = await repo.protocol(e.protocol_id);
    if (!row) throw notFound('protocol', e.protocol_id);
    return definition(row);
  }

  async function openStage(id: number) {
    const stage = (await repo.stages(id)).find((s) => s.closed_on === null);
    if (!stage) throw new ServiceError('conflict', 'This escalation is closed');
    return stage;
  }

  async function agencyName(id: number, path = 'agencyId'): Promise<string> {
    const agency = await ctx.repos.agencies.get(id);
    if (!agency) throw invalid(path, 'Choose an agency from the directory');
    return agency.name;
  }

  /** A date that records something done: not in the future. */
  function happened(date: string, path: string, label: string): void {
    const problem = happenedProblem(date, today(), label);
    if (problem) throw invalid(path, problem);
  }

  /** A child's date of birth, or (in the future) an unborn child's expected date. */
  function checkBirthDate(date: string | null, onDate: string, path: string): void {
    if (date === null) return;
    const problem = date > today() ? expectedDateProblem(date, today()) : dateOfBirthProblem(date, today(), onDate);
    if (problem) throw invalid(path, problem);
  }

  /**
   * An escalation's link to a conference, checked: the conference is in the register, the family
   * is the conference's family, and the child was considered at it. Without a conference there is
   * nothing to check against.
   */
  async function checkLink(familyId: number | null, childId: number | null, conferenceId: number | null) {
    if (conferenceId === null) return;
    const conference = await ctx.repos.conferences.get(conferenceId);
    if (!conference) throw invalid('conferenceId', 'That conference is not in the register');
    if (familyId !== null && familyId !== conference.familyId)
      throw invalid('familyId', 'That family is not the family at this conference');
    if (childId !== null && !conference.children.some((c) => c.id === childId))
      throw invalid('childId', 'That child was not at this conference');
  }

  /** A conference as a correction shows it: "Initial conference, 2 March 2026". */
  async function conferenceWords(id: number | null): Promise<string | null> {
    if (id === null) return null;
    const state = await ctx.repos.live.state(id);
    return state ? `${CONFERENCE_TYPE_LABELS[state.type]} conference, ${long(state.date)}` : String(id);
  }

  async function childWords(id: number | null): Promise<string | null> {
    if (id === null) return null;
    const [child] = await ctx.repos.families.childrenByIds([id]);
    return child ? `${child.givenName} ${child.familyName}` : String(id);
  }

  async function familyWords(id: number | null): Promise<string | null> {
    if (id === null) return null;
    return (await ctx.repos.families.get(id))?.name ?? String(id);
  }

  async function get(id: number): Promise<Escalation> {
    const e = await mustEscalation(id);
    const protocol = await protocolOf(e);
    const cal = await calendar.calendarFor();
    const on = today();
    const rows = await repo.stages(id);
    const stages = rows.map((s) => {
      const spec = protocol.stages.find((x) => x.number === s.number);
      const clocked = spec ? !spec.followsResolution : true;
      return {
        number: s.number,
        name: spec?.name ?? `Stage ${s.number}`,
        formalRecord: spec?.formalRecord ?? false,
        openedOn: s.opened_on,
        dueOn: s.due_on,
        escalatedBy: {
          name: s.escalated_by_name,
          title: s.escalated_by_title,
          agency: s.escalated_by_agency,
          email: s.escalated_by_email,
        },
        escalatedTo: { name: s.escalated_to_name, title: s.escalated_to_title, agency: s.escalated_to_agency },
        concerns: s.concerns,
        response:
          s.response_on || s.response_summary
            ? {
                name: s.response_from_name,
                title: s.response_from_title,
                agency: s.response_from_agency,
                on: s.response_on,
                summary: s.response_summary,
              }
            : null,
        resolved: s.resolved === null ? null : s.resolved === 1,
        learning: s.learning,
        limit: spec ? limitWords(spec) : '',
        closedOn: s.closed_on,
        clock: s.closed_on === null && e.status === 'open' && clocked ? stageClock(s.due_on, on, cal) : null,
      };
    });
    const current = rows.find((s) => s.closed_on === null) ?? null;
    const isOpen = e.status === 'open';
    const offered = resolutionStage(protocol);
    const meeting = await repo.reviewMeeting(id);
    const formalReached = stages.some((s) => s.formalRecord);
    return {
      id: e.id,
      protocol,
      protocolId: e.protocol_id,
      familyId: e.family_id,
      childId: e.child_id,
      subjectName: e.subject_name,
      subjectDateOfBirth: e.subject_date_of_birth,
      subjectAddress: e.subject_address,
      subjectGender: e.subject_gender,
      subjectEthnicity: e.subject_ethnicity,
      subjectSend: e.subject_send,
      conferenceId: e.conference_id,
      followUpId: e.follow_up_id,
      initiatingAgency: { id: e.initiating_agency_id, name: await agencyName(e.initiating_agency_id) },
      challengedAgency: { id: e.challenged_agency_id, name: await agencyName(e.challenged_agency_id) },
      natures: JSON.parse(e.natures_json) as Nature[],
      natureOther: e.nature_other,
      details: e.details,
      outcomeSought: e.outcome_sought,
      immediateRisk: e.immediate_risk === 1,
      openedOn: e.opened_on,
      status: e.status as Escalation['status'],
      closedOn: e.closed_on,
      learning: e.learning,
      restorativeDebrief: e.restorative_debrief,
      debriefOn: e.debrief_on,
      startReason: e.start_reason,
      stages,
      next: {
        respond: isOpen && current !== null,
        escalate: isOpen && current !== null && current.resolved !== 1 && nextStage(protocol, current.number) !== null,
        close: isOpen,
        debrief: e.status === 'resolved' && offered !== null,
        reviewMeeting: protocol.record === 'review-meeting-record' && formalReached,
      },
      resolutionStage: offered ? { number: offered.number, name: offered.name } : null,
      reviewMeeting: meeting
        ? {
            stageNumber: meeting.stage_number,
            heldOn: meeting.held_on,
            reviewType: meeting.review_type,
            chairedBy: meeting.chaired_by,
            attendees: meeting.attendees,
            discussion: meeting.discussion,
            disagreements: meeting.disagreements,
            agreements: meeting.agreements,
          }
        : null,
      sameDayContact: e.immediate_risk === 1 ? (await settings.get()).sameDayContact : null,
      actions: (await repo.actions(id)).map((a) => ({
        id: a.id,
        action: a.action,
        byWhom: a.by_whom,
        agreedOn: a.agreed_on,
        completeBy: a.complete_by,
        completedOn: a.completed_on,
      })),
      corrections: await ctx.repos.corrections.forRecord('escalation', id),
      warning: coverageWarning(cal, ...stages.filter((s) => s.clock).map((s) => s.dueOn)),
      version: e.version,
    };
  }

  /**
   * An edit made from a screen carries the escalation's version as that screen loaded it: the
   * escalation is claimed first (its version counted up only if it still has that one); when
   * someone else changed it since, the edit is refused showing what it now says, nothing written.
   * Without a version (work the register does itself) the version is simply counted up, so every
   * change to an escalation, a stage's response as much as its details, moves it on.
   */
  async function claim(id: number, version: number | undefined): Promise<void> {
    if (version === undefined) {
      await repo.bump(id);
      return;
    }
    if (await repo.claim(id, version)) return;
    const now = await get(id);
    const stage = now.stages.find((x) => x.closedOn === null);
    throw staleEdit('This escalation', [
      ['child or family', now.subjectName],
      ['date of birth', now.subjectDateOfBirth],
      ['address', now.subjectAddress],
      ['agency initiating', now.initiatingAgency.name],
      ['agency challenged', now.challengedAgency.name],
      ['nature', now.natures.map((n) => NATURE_LABELS[n]).join('; ')],
      ['other nature', now.natureOther],
      ['details', now.details],
      ['outcome sought', now.outcomeSought],
      ['immediate risk', now.immediateRisk ? 'yes' : 'no'],
      ['status', now.status.replace('-', ' ')],
      [
        'current stage',
        stage ? `${stage.number} (${stage.name})${stage.response ? `, responded ${stage.response.on}` : ''}` : 'none',
      ],
    ]);
  }

  /**
   * One write in a transaction, audited with the escalation before and after (so a response that
   * replaces an earlier one keeps the earlier one in the audit trail), answering with the
   * escalation read in the same transaction.
   */
  async function write(
    id: number | null,
    action: string,
    fn: (at: string) => Promise<unknown>,
    version?: number,
  ): Promise<Escalation> {
    return ctx.db.transaction(async () => {
      const at = ctx.now().toISOString();
      if (id !== null) await claim(id, version);
      const before = id === null ? undefined : auditable(await get(id));
      const result = await fn(at);
      const target = id ?? (typeof result === 'number' ? result : 0);
      const after = await get(target);
      await auditChange(
        ctx,
        await settings.actor(),
        id === null ? 'create' : 'update',
        'escalation',
        target,
        before,
        auditable(after),
        {
          change: action,
        },
      );
      return after;
    });
  }

  /** The escalation as the audit keeps it: the record, not what is derived from today's clock. */
  function auditable(e: Escalation) {
    const {
      stages,
      next: _next,
      warning: _warning,
      protocol,
      corrections: _corrections,
      version: _version,
      ...record
    } = e;
    return {
      ...record,
      protocol: { key: protocol.key, version: protocol.version },
      stages: stages.map(({ clock: _clock, ...stage }) => stage),
    };
  }

  /** Where an escalation from a conference starts under a protocol, and the reason recorded for it. */
  function routeStart(protocol: Protocol, route: StartRoute, on: string) {
    const stage = routeStage(protocol, route);
    if (!stage) return {};
    return {
      startStage: stage.number,
      startReason: `Drafted from ${START_ROUTE_LABELS[route]} on ${long(on)}: under ${protocol.name} it starts at stage ${stage.number} (${stage.name})`,
    };
  }

  return {
    ensureShipped,
    get,

    async protocols() {
      const chosen = await chosenKey();
      const rows = await repo.protocols();
      const latestOf = new Map<string, number | undefined>();
      for (const row of rows) if (!latestOf.has(row.key)) latestOf.set(row.key, await repo.latestVersion(row.key));
      return rows.map((row) => ({
        id: row.id,
        key: row.key,
        version: row.version,
        name: row.name,
        shipped: row.shipped === 1,
        chosen: row.key === chosen && row.version === latestOf.get(row.key),
        definition: definition(row),
      }));
    },

    /** The partnership's protocol: new escalations start under its latest version. */
    async choose(key: string) {
      return ctx.db.transaction(async () => {
        await latest(key);
        const before = await chosenKey();
        await ctx.repos.settings.set(CHOSEN_KEY, JSON.stringify(key));
        await audit(
          ctx,
          await settings.actor(),
          'settings',
          'settings',
          1,
          { [CHOSEN_KEY]: before },
          { [CHOSEN_KEY]: key },
        );
        return this.protocols();
      });
    },

    /**
     * Saves a protocol: a new key starts at version 1 (a copy to adjust); an existing custom key
     * gets a new version, leaving running escalations on the version they started under. Shipped
     * protocols are not changed in place: copy one under a new key. A copy keeps the formal record
     * of the protocol it was copied from.
     */
    async save(p: Protocol) {
      return ctx.db.transaction(async () => {
        if (SHIPPED_PROTOCOLS.some((s) => s.key === p.key)) {
          throw invalid('key', `“${p.key}” is a shipped protocol; copy it under a new key to adjust it`);
        }
        const previous = await repo.latestVersion(p.key);
        if (previous > 0) {
          const earlier = await latest(p.key);
          const record = definition(earlier).record;
          if (record !== p.record) {
            throw invalid('record', 'A protocol keeps the formal record of the protocol it was copied from');
          }
        }
        const version = previous + 1;
        const saved: Protocol = { ...p, version };
        const id = await repo.insertProtocol(
          { key: p.key, version, name: p.name, definitionJson: JSON.stringify(saved), shipped: false },
          ctx.now().toISOString(),
        );
        await audit(ctx, await settings.actor(), 'create', 'protocol', id, undefined, saved);
        return { id, key: p.key, version };
      });
    },

    /**
     * Prefilled fields for an escalation of a minority view or a Principal Officer review, carrying
     * the child and conference, the minority agency's representative at the conference as the
     * person escalating, and where the partnership's protocol starts such an escalation
     * (North Lincolnshire: a minority view at its line managers stage, a Principal Officer review
     * at its Principal Officer review stage).
     */
    async draftFromConference(
      conferenceId: number,
      childId: number,
      agencyId: number | null,
    ): Promise<EscalationDraft> {
      const conference = await live.get(conferenceId);
      const child = conference.children.find((c) => c.id === childId);
      if (!child) throw invalid('childId', 'That child is not considered at this conference');
      const csc = conference.invitations.find((i) => i.agencyType === 'childrens-social-care');
      const minority = agencyId ? conference.invitations.find((i) => i.agencyId === agencyId) : undefined;
      if (agencyId && !minority) throw invalid('agencyId', 'That agency is not invited to this conference');
      const reasons = child.views.find((v) => v.agencyId === agencyId)?.reasons ?? '';
      const followUpId = minority ? null : await ctx.repos.live.followUpFor(conferenceId, childId);
      const protocol = definition(await latest(await chosenKey()));
      const route: StartRoute | null = minority
        ? 'minority-view'
        : followUpId !== null
          ? 'principal-officer-review'
          : null;
      return {
        familyId: conference.conference.familyId,
        childId,
        conferenceId,
        ...(followUpId !== null ? { followUpId } : {}),
        subjectName: `${child.givenName} ${child.familyName}`,
        subjectDateOfBirth: child.dateOfBirth ?? child.expectedDate,
        natures: ['conference-decision'],
        details: reasons,
        ...(minority ? { initiatingAgencyId: minority.agencyId } : {}),
        ...(minority?.representativeName
          ? {
              escalatedBy: {
                name: minority.representativeName,
                title: minority.representativeRole,
                agency: minority.agencyName,
              },
            }
          : {}),
        ...(csc && minority && csc.agencyId !== minority.agencyId ? { challengedAgencyId: csc.agencyId } : {}),
        ...(route ? routeStart(protocol, route, conference.conference.date) : {}),
        openedOn: today(),
      };
    },

    async open(input: OpenEscalationFields) {
      return write(null, 'open', async (at) => {
        const protocolRow = input.protocolId ? await repo.protocol(input.protocolId) : await latest(await chosenKey());
        if (!protocolRow) throw invalid('protocolId', 'Choose a protocol');
        const protocol = definition(protocolRow);
        await agencyName(input.initiatingAgencyId, 'initiatingAgencyId');
        await agencyName(input.challengedAgencyId, 'challengedAgencyId');
        happened(input.openedOn, 'openedOn', 'The date of the initial escalation');
        checkBirthDate(input.subjectDateOfBirth, input.openedOn, 'subjectDateOfBirth');
        const first = clockedStages(protocol)[0];
        if (!first) throw invalid('protocolId', 'The protocol has no stages');
        const poStage = routeStage(protocol, 'principal-officer-review');
        const fromReview = input.followUpId !== null;
        const number = input.startStage ?? (fromReview && poStage ? poStage.number : first.number);
        const spec = protocol.stages.find((s) => s.number === number);
        if (!spec) throw invalid('startStage', `${protocol.name} has no stage ${number}`);
        if (!mayStartAt(protocol, number)) {
          const allowed = protocol.stages.filter((s) => mayStartAt(protocol, s.number)).map((s) => s.number);
          throw invalid(
            'startStage',
            `Under ${protocol.name} an escalation cannot start at stage ${number} (${spec.name}); it may start at stage ${allowed.join(' or ')}`,
          );
        }
        if (fromReview && poStage && number < poStage.number) {
          throw invalid(
            'startStage',
            `An escalation from a Principal Officer review starts at stage ${poStage.number} (${poStage.name}), not before`,
          );
        }
        // Only a Principal Officer review's follow-up says by itself why it starts later. A link
        // to a conference does not: an escalation started by hand may be linked to one, so a
        // minority view's reason comes from its draft (`draftFromConference`), never assumed.
        const route: StartRoute | null = fromReview ? 'principal-officer-review' : null;
        let startReason = input.startReason;
        if (number !== first.number && !startReason) {
          if (route && spec.startFor.includes(route)) {
            startReason = routeStart(protocol, route, input.openedOn).startReason ?? null;
          } else {
            throw invalid('startReason', `Say why the escalation starts at stage ${number} (${spec.name})`);
          }
        }
        await checkLink(input.familyId, input.childId, input.conferenceId);
        const natures = NATURES.filter((n) => input.natures.includes(n));
        const newId = await repo.insertEscalation({
          protocol_id: protocolRow.id,
          family_id: input.familyId,
          child_id: input.childId,
          subject_name: input.subjectName,
          subject_date_of_birth: input.subjectDateOfBirth,
          subject_address: input.subjectAddress,
          subject_gender: input.subjectGender,
          subject_ethnicity: input.subjectEthnicity,
          subject_send: input.subjectSend,
          conference_id: input.conferenceId,
          follow_up_id: input.followUpId,
          initiating_agency_id: input.initiatingAgencyId,
          challenged_agency_id: input.challengedAgencyId,
          natures_json: JSON.stringify(natures),
          nature_other: natures.includes('other') ? input.natureOther : null,
          details: input.details,
          outcome_sought: input.outcomeSought,
          immediate_risk: input.immediateRisk ? 1 : 0,
          opened_on: input.openedOn,
          start_reason: number === first.number ? null : startReason,
          created_at: at,
          updated_at: at,
        });
        await repo.insertStage({
          escalationId: newId,
          number,
          openedOn: input.openedOn,
          dueOn: stageDueDate(
            input.openedOn,
            spec.limitWorkingDays ?? 0,
            await calendar.calendarFor(),
            input.immediateRisk,
          ),
          escalatedBy: input.escalatedBy,
          escalatedTo: input.escalatedTo,
          concerns: input.concerns,
        });
        return newId;
      });
    },

    async respond(i: z.output<typeof stageResponseInputSchema>) {
      return write(
        i.escalationId,
        'response',
        async () => {
          const stage = await openStage(i.escalationId);
          if (stage.number !== i.number)
            throw invalid('number', `Stage ${i.number} is not the current stage (stage ${stage.number} is)`);
          if (i.responseOn < stage.opened_on)
            throw invalid('responseOn', `The response cannot come before the stage opened (${stage.opened_on})`);
          happened(i.responseOn, 'responseOn', 'The date of the response');
          await repo.recordResponse(i.escalationId, i.number, {
            ...i.responseFrom,
            on: i.responseOn,
            summary: i.summary,
            resolved: i.resolved,
            learning: blankToNull(i.learning),
          });
        },
        i.version,
      );
    },

    /**
     * Closes the current stage and opens the next with its own clock: only while the current stage
     * is unresolved (a resolved response leads to closing), and never into a stage that follows
     * resolution (the Kirklees restorative debrief is offered after a resolved closing).
     */
    async escalate(i: z.output<typeof escalateInputSchema>) {
      return write(i.escalationId, 'escalate', async () => {
        const e = await mustEscalation(i.escalationId);
        const protocol = await protocolOf(e);
        const stage = await openStage(i.escalationId);
        if (stage.resolved === 1) {
          throw new ServiceError(
            'conflict',
            `The response at stage ${stage.number} resolved the difference: close the escalation as resolved instead of escalating it`,
          );
        }
        if (i.on < stage.opened_on) throw invalid('on', `A stage cannot close before it opened (${stage.opened_on})`);
        happened(i.on, 'on', 'The date of the escalation');
        const next = nextStage(protocol, stage.number);
        if (!next) {
          const offered = resolutionStage(protocol);
          throw new ServiceError(
            'conflict',
            offered
              ? `This is the protocol’s last stage: close the escalation instead (stage ${offered.number}, ${offered.name}, follows resolution)`
              : 'This is the protocol’s last stage: close the escalation instead',
          );
        }
        await repo.closeStage(i.escalationId, stage.number, i.on);
        await repo.insertStage({
          escalationId: i.escalationId,
          number: next.number,
          openedOn: i.on,
          dueOn: stageDueDate(i.on, next.limitWorkingDays ?? 0, await calendar.calendarFor(), e.immediate_risk === 1),
          escalatedBy: { ...i.escalatedBy, email: blankToNull(i.escalatedBy.email) },
          escalatedTo: i.escalatedTo,
          concerns: blankToNull(i.concerns),
        });
      });
    },

    async close(i: z.output<typeof closeEscalationInputSchema>) {
      return write(i.escalationId, 'close', async (at) => {
        const stage = await openStage(i.escalationId);
        if (i.on < stage.opened_on) throw invalid('on', `A stage cannot close before it opened (${stage.opened_on})`);
        happened(i.on, 'on', 'The date it closed');
        if (!i.resolved && i.restorativeDebrief) {
          throw invalid(
            'restorativeDebrief',
            'A restorative debrief follows resolution: record it when the difference is resolved',
          );
        }
        await repo.closeStage(i.escalationId, stage.number, i.on);
        await repo.close(
          i.escalationId,
          i.resolved ? 'resolved' : 'closed-unresolved',
          i.on,
          i.learning,
          i.restorativeDebrief,
          at,
        );
        if (i.restorativeDebrief) await repo.recordDebrief(i.escalationId, i.on, i.restorativeDebrief, at);
      });
    },

    /** The restorative debrief after resolution (Kirklees stage 7): no clock, recorded when it happens. */
    async recordDebrief(i: z.output<typeof debriefInputSchema>) {
      return write(i.escalationId, 'debrief', async (at) => {
        const e = await mustEscalation(i.escalationId);
        if (e.status !== 'resolved') {
          throw new ServiceError(
            'conflict',
            'A restorative debrief follows resolution: close the escalation as resolved first',
          );
        }
        if (!resolutionStage(await protocolOf(e))) {
          throw new ServiceError('conflict', 'This escalation’s protocol has no restorative debrief');
        }
        if (e.closed_on && i.on < e.closed_on)
          throw invalid('on', `The debrief follows resolution (the escalation closed on ${e.closed_on})`);
        happened(i.on, 'on', 'The date of the debrief');
        await repo.recordDebrief(i.escalationId, i.on, i.notes, at);
      });
    },

    /** The written record of the Principal Officer review meeting (North Lincolnshire protocol and its copies). */
    async recordReviewMeeting(i: z.output<typeof reviewMeetingInputSchema>) {
      return write(i.escalationId, 'review-meeting', async (at) => {
        const e = await mustEscalation(i.escalationId);
        const protocol = await protocolOf(e);
        if (protocol.record !== 'review-meeting-record') {
          throw new ServiceError(
            'conflict',
            `${protocol.name} keeps its own formal record, not a Principal Officer review meeting record`,
          );
        }
        const formal = (await repo.stages(i.escalationId)).filter((s) =>
          protocol.stages.some((p) => p.number === s.number && p.formalRecord),
        );
        const stage = formal[formal.length - 1];
        if (!stage) {
          const needed = protocol.stages.find((s) => s.formalRecord);
          throw new ServiceError(
            'conflict',
            `The escalation has not reached the Principal Officer review${needed ? ` (stage ${needed.number})` : ''}`,
          );
        }
        if (i.heldOn < stage.opened_on)
          throw invalid('heldOn', `The meeting cannot come before the stage opened (${stage.opened_on})`);
        happened(i.heldOn, 'heldOn', 'The date of the meeting');
        await repo.upsertReviewMeeting({ ...i, stageNumber: stage.number, at });
      });
    },

    /**
     * Corrects an escalation's details openly: the reason, who and when, and each changed field
     * before and after are kept and shown. Immediate risk changed moves the current stage's due
     * date with it.
     */
    async correct(i: z.output<typeof correctEscalationInputSchema>) {
      return ctx.db.transaction(async () => {
        await mustEscalation(i.escalationId);
        await claim(i.escalationId, i.version);
        const e = await mustEscalation(i.escalationId);
        const at = ctx.now().toISOString();
        const natures = i.natures
          ? NATURES.filter((n) => i.natures?.includes(n))
          : (JSON.parse(e.natures_json) as Nature[]);
        const natureOther = natures.includes('other')
          ? i.natureOther === undefined
            ? e.nature_other
            : i.natureOther
          : null;
        if (natures.includes('other') && !natureOther)
          throw invalid('natureOther', 'Say what the other nature of the difference is');
        const initiating = i.initiatingAgencyId ?? e.initiating_agency_id;
        const challenged = i.challengedAgencyId ?? e.challenged_agency_id;
        if (initiating === challenged)
          throw invalid('challengedAgencyId', 'The agency challenged must differ from the agency escalating');
        // Linking to a conference (an escalation started by hand): the conference, its family and the child, together.
        const linking = i.conferenceId !== undefined || i.childId !== undefined || i.familyId !== undefined;
        if (linking) {
          if (i.conferenceId === undefined) throw invalid('conferenceId', 'Choose the conference');
          if (i.familyId === undefined) throw invalid('familyId', 'Choose the family');
          if (i.childId === undefined) throw invalid('childId', 'Choose the child');
          await checkLink(i.familyId, i.childId, i.conferenceId);
        }
        const dateOfBirth = i.subjectDateOfBirth === undefined ? e.subject_date_of_birth : i.subjectDateOfBirth;
        if (i.subjectDateOfBirth !== undefined) checkBirthDate(dateOfBirth, e.opened_on, 'subjectDateOfBirth');
        const after = {
          subject_name: i.subjectName ?? e.subject_name,
          subject_date_of_birth: dateOfBirth,
          subject_address: i.subjectAddress === undefined ? e.subject_address : i.subjectAddress,
          initiating_agency_id: initiating,
          challenged_agency_id: challenged,
          natures_json: JSON.stringify(natures),
          nature_other: natureOther,
          details: i.details ?? e.details,
          outcome_sought: i.outcomeSought ?? e.outcome_sought,
          immediate_risk: i.immediateRisk === undefined ? e.immediate_risk : i.immediateRisk ? 1 : 0,
          family_id: i.familyId ?? e.family_id,
          child_id: i.childId ?? e.child_id,
          conference_id: i.conferenceId ?? e.conference_id,
        };
        const words: Record<
          keyof typeof after,
          [
            string,
            (v: typeof after) => string | null | Promise<string | null>,
            (v: typeof e) => string | null | Promise<string | null>,
          ]
        > = {
          subject_name: ['Child or family', (v) => v.subject_name, (v) => v.subject_name],
          subject_date_of_birth: ['Date of birth', (v) => v.subject_date_of_birth, (v) => v.subject_date_of_birth],
          subject_address: ['Address', (v) => v.subject_address, (v) => v.subject_address],
          initiating_agency_id: [
            'Agency initiating the escalation',
            async (v) => agencyName(v.initiating_agency_id, 'initiatingAgencyId'),
            async (v) => agencyName(v.initiating_agency_id),
          ],
          challenged_agency_id: [
            'Agency with whom the difference is held',
            async (v) => agencyName(v.challenged_agency_id, 'challengedAgencyId'),
            async (v) => agencyName(v.challenged_agency_id),
          ],
          natures_json: [
            'Nature of the difference',
            (v) => (JSON.parse(v.natures_json) as Nature[]).map((n) => NATURE_LABELS[n]).join('; '),
            (v) => (JSON.parse(v.natures_json) as Nature[]).map((n) => NATURE_LABELS[n]).join('; '),
          ],
          nature_other: ['Other nature', (v) => v.nature_other, (v) => v.nature_other],
          details: ['Details of the difference', (v) => v.details, (v) => v.details],
          outcome_sought: ['Outcome sought', (v) => v.outcome_sought, (v) => v.outcome_sought],
          immediate_risk: [
            'Immediate risk of significant harm',
            (v) => (v.immediate_risk === 1 ? 'Yes' : 'No'),
            (v) => (v.immediate_risk === 1 ? 'Yes' : 'No'),
          ],
          family_id: ['Family', async (v) => familyWords(v.family_id), async (v) => familyWords(v.family_id)],
          child_id: ['Child', async (v) => childWords(v.child_id), async (v) => childWords(v.child_id)],
          conference_id: [
            'Conference',
            async (v) => conferenceWords(v.conference_id),
            async (v) => conferenceWords(v.conference_id),
          ],
        };
        const changes: Change[] = [];
        for (const field of Object.keys(after) as (keyof typeof after)[]) {
          const [label, afterWords, beforeWords] = words[field];
          const before = await beforeWords(e);
          const now = await afterWords(after);
          if (before !== now) changes.push({ field, label, before, after: now });
        }
        if (changes.length === 0) throw invalid('reason', 'Nothing would change: give the corrected details');
        await repo.updateDetails(i.escalationId, after, at);
        if (after.immediate_risk !== e.immediate_risk && e.status === 'open') {
          const stage = await openStage(i.escalationId);
          const spec = (await protocolOf(e)).stages.find((s) => s.number === stage.number);
          if (spec && !spec.followsResolution) {
            await repo.setStageDue(
              i.escalationId,
              stage.number,
              stageDueDate(
                stage.opened_on,
                spec.limitWorkingDays ?? 0,
                await calendar.calendarFor(),
                after.immediate_risk === 1,
              ),
            );
          }
        }
        const correctionId = await ctx.repos.corrections.insert({
          entity: 'escalation',
          entityId: i.escalationId,
          childId: null,
          kind: 'details',
          reason: i.reason,
          changes,
          at,
          actor: await settings.actor(),
        });
        await ctx.repos.documents.supersede('escalation', i.escalationId, at, correctionId);
        await audit(
          ctx,
          await settings.actor(),
          'amend',
          'escalation',
          i.escalationId,
          Object.fromEntries(changes.map((c) => [c.field, c.before])),
          { reason: i.reason, ...Object.fromEntries(changes.map((c) => [c.field, c.after])) },
        );
        return get(i.escalationId);
      });
    },

    async addAction(i: z.output<typeof actionInputSchema>) {
      return write(i.escalationId, 'action', async () => {
        const e = await mustEscalation(i.escalationId);
        if (i.agreedOn < e.opened_on)
          throw invalid('agreedOn', `An action cannot be agreed before the escalation opened (${e.opened_on})`);
        happened(i.agreedOn, 'agreedOn', 'The date the action was agreed');
        if (i.completeBy && i.completeBy < i.agreedOn)
          throw invalid('completeBy', 'A completion date cannot precede the action');
        await repo.insertAction(i);
      });
    },

    async completeAction(actionId: number, on: string) {
      const action = await repo.action(actionId);
      if (!action) throw notFound('action', actionId);
      return write(action.escalation_id, 'action-done', async () => {
        if (on < action.agreed_on)
          throw invalid('on', `A completion date cannot precede the action (agreed ${action.agreed_on})`);
        happened(on, 'on', 'The date it was completed');
        await repo.completeAction(actionId, on);
      });
    },

    /**
     * A page of escalations (open unless another status is asked for), filtered. The default
     * order is the working one: open before closed; immediate risk first, then overdue, then by
     * due date; closed ones latest closed first. Sorted and paged here, not in SQL, because
     * whether an escalation is overdue, and by how much, is its stage's working-day clock
     * (`stageClock`, with the partnership's calendar), which SQL cannot compute.
     */
    async list(f: EscalationListFilters): Promise<EscalationListItem[]> {
      const cal = await calendar.calendarFor();
      const on = today();
      const definitions = new Map<string, Protocol>();
      const rows = (await repo.withCurrentStage(f.status ?? 'open'))
        .map((r): EscalationListItem => {
          const natures = JSON.parse(r.natures_json) as Nature[];
          const protocol = definitions.get(r.definition_json) ?? parseDefinition(r.definition_json);
          definitions.set(r.definition_json, protocol);
          const spec = protocol.stages.find((s) => s.number === r.number);
          const open = r.status === 'open';
          // A stage that follows resolution has no clock, nor has a closed escalation: never overdue.
          const clock =
            !open || spec?.followsResolution
              ? { workingDaysLeft: 0, overdue: false, dueToday: false }
              : stageClock(r.due_on, on, cal);
          return {
            id: r.id,
            subjectName: r.subject_name,
            protocolName: r.protocol_name,
            protocolKey: r.protocol_key,
            initiatingAgency: r.initiating_name,
            challengedAgency: r.challenged_name,
            challengedAgencyId: r.challenged_agency_id,
            natures,
            immediateRisk: r.immediate_risk === 1,
            stage: r.number,
            stageName: spec?.name ?? `Stage ${r.number}`,
            dueOn: r.due_on,
            workingDaysLeft: clock.workingDaysLeft,
            overdue: clock.overdue,
            dueToday: clock.dueToday,
            status: r.status as EscalationListItem['status'],
            openedOn: r.opened_on,
            closedOn: r.closed_on,
          };
        })
        .filter(
          (x) =>
            (f.agencyId === undefined || x.challengedAgencyId === f.agencyId) &&
            (f.stage === undefined || x.stage === f.stage) &&
            (f.nature === undefined || x.natures.includes(f.nature)) &&
            (f.protocolKey === undefined || x.protocolKey === f.protocolKey) &&
            (!f.overdueOnly || x.overdue),
        );
      const byId = compareBy<EscalationListItem>((x) => x.id, 'asc');
      const working = (a: EscalationListItem, b: EscalationListItem) =>
        Number(b.status === 'open') - Number(a.status === 'open') ||
        Number(b.immediateRisk) - Number(a.immediateRisk) ||
        Number(b.overdue) - Number(a.overdue) ||
        (a.status === 'open'
          ? compareBy<EscalationListItem>((x) => x.dueOn, 'asc')(a, b)
          : compareBy<EscalationListItem>((x) => x.closedOn, 'desc')(a, b)) ||
        byId(a, b);
      const column: Record<Exclude<EscalationSort, 'priority'>, (x: EscalationListItem) => string | number | null> = {
        id: (x) => x.id,
        due: (x) => x.dueOn,
        stage: (x) => x.stage,
        subject: (x) => x.subjectName,
        initiating: (x) => x.initiatingAgency,
        challenged: (x) => x.challengedAgency,
        protocol: (x) => x.protocolName,
        status: (x) => x.status,
        opened: (x) => x.openedOn,
      };
      const sort = f.sort ?? 'priority';
      const direction = f.direction ?? 'asc';
      let order: (a: EscalationListItem, b: EscalationListItem) => number;
      if (sort === 'priority') order = direction === 'asc' ? working : (a, b) => working(b, a);
      else {
        const byColumn = compareBy(column[sort], direction);
        order = (a, b) => byColumn(a, b) || working(a, b);
      }
      return rows.sort(order);
    },

    /** A page of `list` (the `escalations.list` channel). */
    async page(f: z.output<typeof escalationFiltersSchema>): Promise<Page<EscalationListItem>> {
      return pageFromSorted(await this.list(f), f);
    },
  };
}
export type EscalationsService = Awaited<ReturnType<typeof createEscalationsService>>;

/** Optional text from a caller that skipped the contract (the demo, the CLI): blank is not recorded. */
function blankToNull(text: string | null | undefined): string | null {
  return text && text.trim() ? text.trim() : null;
}
