import {
  SHIPPED_PROTOCOLS,
  nextStage,
  protocolSchema,
  stageClock,
  stageDueDate,
  type Protocol,
} from '../../../../shared/escalation-protocols';
import { localIsoDate } from '../../../../shared/dates';
import { describeIssues, issuesFromZod } from '../../../../shared/ipc/result';
import {
  NATURES,
  openEscalationInputSchema,
  type Escalation,
  type EscalationListItem,
  type Nature,
  type OpenEscalationInput,
} from '../../../../shared/schemas/escalation';
import { coverageWarning } from '../../../../shared/working-days';
import type { ProtocolRow } from '../db/repositories/escalations-repository';
import type { CalendarService } from './calendar-service';
import { audit, type ServiceContext } from './context';
import { ServiceError, invalid, notFound } from './errors';
import type { LiveConferenceService } from './live-conference-service';
import type { SettingsService } from './settings-service';

const CHOSEN_KEY = 'escalationProtocolKey';

interface PersonInput {
  name: string;
  title: string | null;
  agency: string | null;
}

/** The person escalating; the email is for the Croydon notification form's "Details of person completing notification". */
interface EscalatingPersonInput extends PersonInput {
  email?: string | null;
}

/**
 * Professional disagreement escalations through the stages of the partnership's protocol, each
 * stage with its working-day clock; a child at immediate risk is due the same working day.
 */
export function createEscalationsService(
  ctx: ServiceContext,
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

  /** Adds any shipped protocol version the register does not hold yet. */
  function ensureShipped(): void {
    const missing = SHIPPED_PROTOCOLS.filter((p) => !repo.protocolByKey(p.key, p.version));
    if (missing.length === 0) return;
    ctx.db.transaction(() => {
      for (const p of missing) {
        repo.insertProtocol(
          { key: p.key, version: p.version, name: p.name, definitionJson: JSON.stringify(p), shipped: true },
          ctx.now().toISOString(),
        );
      }
    });
  }

  function chosenKey(): string {
    const raw = ctx.repos.settings.all().get(CHOSEN_KEY);
    return raw ? (JSON.parse(raw) as string) : 'kirklees';
  }

  function latest(key: string): ProtocolRow {
    const row = repo.protocolByKey(key, repo.latestVersion(key));
    if (!row) throw invalid('protocolKey', `No protocol “${key}” in the register`);
    return row;
  }

  function mustEscalation(id: number) {
    const row = repo.escalation(id);
    if (!row) throw notFound('escalation', id);
    return row;
  }

  function openStage(id: number) {
    const stage = repo.stages(id).find((s) => s.closed_on === null);
    if (!stage) throw new ServiceError('conflict', 'This escalation is closed');
    return stage;
  }

  function agencyName(id: number): string {
    const agency = ctx.repos.agencies.get(id);
    if (!agency) throw invalid('agencyId', 'Choose an agency from the directory');
    return agency.name;
  }

  function get(id: number): Escalation {
    const e = mustEscalation(id);
    const protocolRow = repo.protocol(e.protocol_id);
    if (!protocolRow) throw notFound('protocol', e.protocol_id);
    const protocol = definition(protocolRow);
    const cal = calendar.calendarFor();
    const on = today();
    const stages = repo.stages(id).map((s) => {
      const spec = protocol.stages.find((x) => x.number === s.number);
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
        closedOn: s.closed_on,
        clock: s.closed_on === null && e.status === 'open' ? stageClock(s.due_on, on, cal) : null,
      };
    });
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
      initiatingAgency: { id: e.initiating_agency_id, name: agencyName(e.initiating_agency_id) },
      challengedAgency: { id: e.challenged_agency_id, name: agencyName(e.challenged_agency_id) },
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
      stages,
      actions: repo.actions(id).map((a) => ({
        id: a.id,
        action: a.action,
        byWhom: a.by_whom,
        agreedOn: a.agreed_on,
        completeBy: a.complete_by,
        completedOn: a.completed_on,
      })),
      warning: coverageWarning(cal, ...stages.map((s) => s.dueOn)),
    };
  }

  function write<T>(id: number | null, action: string, fn: (at: string) => T): T {
    return ctx.db.transaction(() => {
      const at = ctx.now().toISOString();
      const result = fn(at);
      const target = id ?? (typeof result === 'number' ? result : 0);
      audit(ctx, settings.actor(), id === null ? 'create' : 'update', 'escalation', target, undefined, { action });
      return result;
    });
  }

  return {
    ensureShipped,
    get,

    protocols() {
      const chosen = chosenKey();
      return repo.protocols().map((row) => ({
        id: row.id,
        key: row.key,
        version: row.version,
        name: row.name,
        shipped: row.shipped === 1,
        chosen: row.key === chosen && row.version === repo.latestVersion(row.key),
        definition: definition(row),
      }));
    },

    /** The partnership's protocol: new escalations start under its latest version. */
    choose(key: string) {
      ctx.db.transaction(() => {
        latest(key);
        const before = chosenKey();
        ctx.repos.settings.set(CHOSEN_KEY, JSON.stringify(key));
        audit(ctx, settings.actor(), 'settings', 'settings', 1, { [CHOSEN_KEY]: before }, { [CHOSEN_KEY]: key });
      });
      return this.protocols();
    },

    /**
     * Saves a protocol: a new key starts at version 1 (a copy to adjust); an existing custom key
     * gets a new version, leaving running escalations on the version they started under. Shipped
     * protocols are not changed in place: copy one under a new key.
     */
    save(raw: unknown) {
      const parsed = protocolSchema.safeParse(raw);
      if (!parsed.success) {
        const issues = issuesFromZod(parsed.error);
        throw new ServiceError('invalid-input', describeIssues(issues), issues);
      }
      const p = parsed.data;
      return ctx.db.transaction(() => {
        if (SHIPPED_PROTOCOLS.some((s) => s.key === p.key)) {
          throw invalid('key', `“${p.key}” is a shipped protocol; copy it under a new key to adjust it`);
        }
        const version = repo.latestVersion(p.key) + 1;
        const saved: Protocol = { ...p, version };
        const id = repo.insertProtocol(
          { key: p.key, version, name: p.name, definitionJson: JSON.stringify(saved), shipped: false },
          ctx.now().toISOString(),
        );
        audit(ctx, settings.actor(), 'create', 'protocol', id, undefined, saved);
        return { id, key: p.key, version };
      });
    },

    /** Prefilled fields for an escalation of a minority view or a Principal Officer review, carrying the child and conference. */
    draftFromConference(conferenceId: number, childId: number, agencyId: number | null): Partial<OpenEscalationInput> {
      const conference = live.get(conferenceId);
      const child = conference.children.find((c) => c.id === childId);
      if (!child) throw invalid('childId', 'That child is not considered at this conference');
      const csc = conference.invitations.find((i) => i.agencyType === 'childrens-social-care');
      const minority = agencyId ? conference.invitations.find((i) => i.agencyId === agencyId) : undefined;
      const reasons = child.views.find((v) => v.agencyId === agencyId)?.reasons ?? '';
      const followUpId = ctx.repos.live.followUpFor(conferenceId, childId);
      return {
        familyId: conference.conference.familyId,
        childId,
        conferenceId,
        ...(followUpId !== null && !minority ? { followUpId } : {}),
        subjectName: `${child.givenName} ${child.familyName}`,
        subjectDateOfBirth: child.dateOfBirth ?? child.expectedDate,
        natures: ['conference-decision'],
        details: reasons,
        ...(minority ? { initiatingAgencyId: minority.agencyId } : {}),
        ...(csc && minority && csc.agencyId !== minority.agencyId ? { challengedAgencyId: csc.agencyId } : {}),
        openedOn: today(),
      };
    },

    open(raw: OpenEscalationInput) {
      const parsed = openEscalationInputSchema.safeParse(raw);
      if (!parsed.success) {
        const issues = issuesFromZod(parsed.error);
        throw new ServiceError('invalid-input', describeIssues(issues), issues);
      }
      const input = parsed.data;
      const protocolRow = input.protocolId ? repo.protocol(input.protocolId) : latest(chosenKey());
      if (!protocolRow) throw invalid('protocolId', 'Choose a protocol');
      const protocol = definition(protocolRow);
      agencyName(input.initiatingAgencyId);
      agencyName(input.challengedAgencyId);
      const first = protocol.stages[0];
      if (!first) throw invalid('protocolId', 'The protocol has no stages');
      const natures = NATURES.filter((n) => input.natures.includes(n));
      const id = write(null, 'open', (at) => {
        const newId = repo.insertEscalation({
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
          created_at: at,
          updated_at: at,
        });
        repo.insertStage({
          escalationId: newId,
          number: first.number,
          openedOn: input.openedOn,
          dueOn: stageDueDate(input.openedOn, first.limitWorkingDays, calendar.calendarFor(), input.immediateRisk),
          escalatedBy: input.escalatedBy,
          escalatedTo: input.escalatedTo,
          concerns: input.concerns,
        });
        return newId;
      });
      return get(id);
    },

    respond(i: {
      escalationId: number;
      number: number;
      responseFrom: PersonInput;
      responseOn: string;
      summary: string;
      resolved: boolean;
      learning?: string | null;
    }) {
      write(i.escalationId, 'response', () => {
        const stage = openStage(i.escalationId);
        if (stage.number !== i.number)
          throw invalid('number', `Stage ${i.number} is not the current stage (stage ${stage.number} is)`);
        if (i.responseOn < stage.opened_on)
          throw invalid('responseOn', `The response cannot come before the stage opened (${stage.opened_on})`);
        repo.recordResponse(i.escalationId, i.number, {
          ...i.responseFrom,
          on: i.responseOn,
          summary: i.summary,
          resolved: i.resolved,
          learning: blankToNull(i.learning),
        });
      });
      return get(i.escalationId);
    },

    /** Closes the current stage and opens the next with its own clock. */
    escalate(i: {
      escalationId: number;
      on: string;
      escalatedBy: EscalatingPersonInput;
      escalatedTo: PersonInput;
      concerns?: string | null;
    }) {
      write(i.escalationId, 'escalate', () => {
        const e = mustEscalation(i.escalationId);
        const protocolRow = repo.protocol(e.protocol_id);
        if (!protocolRow) throw notFound('protocol', e.protocol_id);
        const stage = openStage(i.escalationId);
        if (i.on < stage.opened_on) throw invalid('on', `A stage cannot close before it opened (${stage.opened_on})`);
        const next = nextStage(definition(protocolRow), stage.number);
        if (!next)
          throw new ServiceError('conflict', 'This is the protocol’s last stage: close the escalation instead');
        repo.closeStage(i.escalationId, stage.number, i.on);
        repo.insertStage({
          escalationId: i.escalationId,
          number: next.number,
          openedOn: i.on,
          dueOn: stageDueDate(i.on, next.limitWorkingDays, calendar.calendarFor(), e.immediate_risk === 1),
          escalatedBy: { ...i.escalatedBy, email: blankToNull(i.escalatedBy.email) },
          escalatedTo: i.escalatedTo,
          concerns: blankToNull(i.concerns),
        });
      });
      return get(i.escalationId);
    },

    close(i: {
      escalationId: number;
      on: string;
      resolved: boolean;
      learning: string | null;
      restorativeDebrief: string | null;
    }) {
      write(i.escalationId, 'close', (at) => {
        const stage = openStage(i.escalationId);
        if (i.on < stage.opened_on) throw invalid('on', `A stage cannot close before it opened (${stage.opened_on})`);
        repo.closeStage(i.escalationId, stage.number, i.on);
        repo.close(
          i.escalationId,
          i.resolved ? 'resolved' : 'closed-unresolved',
          i.on,
          i.learning,
          i.restorativeDebrief,
          at,
        );
      });
      return get(i.escalationId);
    },

    addAction(i: {
      escalationId: number;
      action: string;
      byWhom: string;
      agreedOn: string;
      completeBy: string | null;
    }) {
      write(i.escalationId, 'action', () => {
        const e = mustEscalation(i.escalationId);
        if (i.agreedOn < e.opened_on)
          throw invalid('agreedOn', `An action cannot be agreed before the escalation opened (${e.opened_on})`);
        if (i.completeBy && i.completeBy < i.agreedOn)
          throw invalid('completeBy', 'A completion date cannot precede the action');
        repo.insertAction(i);
      });
      return get(i.escalationId);
    },

    completeAction(actionId: number, on: string) {
      const action = repo.action(actionId);
      if (!action) throw notFound('action', actionId);
      write(action.escalation_id, 'action-done', () => {
        if (on < action.agreed_on)
          throw invalid('on', `A completion date cannot precede the action (agreed ${action.agreed_on})`);
        repo.completeAction(actionId, on);
      });
      return get(action.escalation_id);
    },

    /** Open escalations: immediate risk first, then overdue (most overdue first), then by due date. */
    list(f: {
      agencyId?: number | undefined;
      stage?: number | undefined;
      nature?: Nature | undefined;
      protocolKey?: string | undefined;
      overdueOnly: boolean;
    }): EscalationListItem[] {
      const cal = calendar.calendarFor();
      const on = today();
      return repo
        .openWithCurrentStage()
        .map((r) => {
          const natures = JSON.parse(r.natures_json) as Nature[];
          const stageName =
            parseDefinition(r.definition_json).stages.find((s) => s.number === r.number)?.name ?? `Stage ${r.number}`;
          const clock = stageClock(r.due_on, on, cal);
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
            stageName,
            dueOn: r.due_on,
            workingDaysLeft: clock.workingDaysLeft,
            overdue: clock.overdue,
            dueToday: clock.dueToday,
          };
        })
        .filter(
          (x) =>
            (f.agencyId === undefined || x.challengedAgencyId === f.agencyId) &&
            (f.stage === undefined || x.stage === f.stage) &&
            (f.nature === undefined || x.natures.includes(f.nature)) &&
            (f.protocolKey === undefined || x.protocolKey === f.protocolKey) &&
            (!f.overdueOnly || x.overdue),
        )
        .sort(
          (a, b) =>
            Number(b.immediateRisk) - Number(a.immediateRisk) ||
            Number(b.overdue) - Number(a.overdue) ||
            (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.id - b.id),
        );
    },
  };
}
export type EscalationsService = ReturnType<typeof createEscalationsService>;

/** Optional text from a caller that skipped the contract (the demo, the CLI): blank is not recorded. */
function blankToNull(text: string | null | undefined): string | null {
  return text && text.trim() ? text.trim() : null;
}
