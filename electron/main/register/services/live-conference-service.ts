import type { z } from 'zod';
import {
  CHILD_DUE_KINDS,
  DEFAULT_TIMESCALES,
  DUE_KIND_LABELS,
  closedByDecision,
  dueAfterDecisions,
  dueForChild,
  reportDueDate,
  reportTimeliness,
  type ChildDueKind,
  type ConferenceDueKind,
  type ConferenceTimescales,
  type DueKind,
} from '../../../../shared/conference-deadlines';
import { changedFields } from '../../../../shared/audit-changes';
import { formatLongDate, localIsoDate, toDayNumber } from '../../../../shared/dates';
import {
  ADJOURNMENT_WORKING_DAYS,
  categoryAllowed,
  decideOutcome,
  needsCategory,
  recordedDecision,
  type RecordedDecision,
} from '../../../../shared/outcome';
import { assessQuoracy } from '../../../../shared/quoracy';
import { conferenceDateProblem } from '../../../../shared/record-dates';
import { type ConferenceType, type conferenceUpdateInputSchema } from '../../../../shared/schemas/conference';
import {
  ATTENDANCE_LABELS,
  CATEGORY_LABELS,
  DECISION_LABELS,
  type Adjournment,
  type Attendance,
  type Category,
  type Change,
  type DueItemRow,
  dueListInputSchema,
  type DueListInput,
  type LiveChild,
  type LiveConference,
  type ReportState,
  type inviteInputSchema,
  type setViewInputSchema,
  type setAllViewsInputSchema,
  type setNoViewInputSchema,
  type recordDecisionInputSchema,
  type amendDecisionInputSchema,
  type scheduleReconvenedInputSchema,
} from '../../../../shared/schemas/live-conference';
import type { Page } from '../../../../shared/schemas/paging';
import type { FieldIssue } from '../../../../shared/ipc/result';
import type { Settings } from '../../../../shared/schemas/settings';
import { addWorkingDays, coverageWarning, workingDaysBetween } from '../../../../shared/working-days';
import type { AuditAction } from '../db/repositories/audit-repository';
import type { CalendarService } from './calendar-service';
import { audit, type ServiceContext } from './context';
import { ServiceError, invalid, notFound, staleEdit } from './errors';
import type { SettingsService } from './settings-service';

/** The conference timescales a register's settings give (reports use them too). */
export function timescales(s: Settings): ConferenceTimescales {
  return {
    ...DEFAULT_TIMESCALES,
    reportDueInitial: s.reportDueInitial,
    reportDueReview: s.reportDueReview,
    minutesWorkingDays: s.minutesWorkingDays,
  };
}

/** "3 March 2026": dates in messages as people read them. */
const long = (date: string) => formatLongDate(date).replace(/^\S+ /, '');

const listWords = (names: readonly string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;

const VIEW_WORDS = { plan: 'Plan', 'no-plan': 'No plan' } as const;

/**
 * What the chair does in the room: invitations and reports, attendance and quoracy, each
 * agency's view per child with the outcome recomputed on every change, and the decision per
 * child; and the corrections a unit makes openly afterwards (a conference moved, cancelled or
 * deleted when made by mistake; a decision amended with its reason). Every change is one
 * transaction with its own audit event, and the conference it returns is read inside it, so a
 * command either succeeds whole or changes nothing.
 */
export function createLiveConferenceService(
  ctx: ServiceContext<
    'agencies' | 'audit' | 'conferences' | 'corrections' | 'documents' | 'families' | 'live' | 'settings'
  >,
  settings: SettingsService,
  calendar: CalendarService,
) {
  const { live, conferences, corrections } = ctx.repos;
  const today = () => localIsoDate(ctx.now());

  type State = NonNullable<Awaited<ReturnType<typeof live.state>>>;

  async function mustState(id: number): Promise<State> {
    const state = await live.state(id);
    if (!state) throw notFound('conference', id);
    return state;
  }

  /** Only a scheduled conference that is not cancelled takes attendance, views and decisions. */
  function assertOpen(state: State): void {
    if (state.cancelledOn) {
      throw new ServiceError(
        'conflict',
        `This conference was cancelled on ${long(state.cancelledOn)}; nothing more can be recorded on it.`,
      );
    }
    if (state.status !== 'scheduled') {
      throw new ServiceError(
        'conflict',
        'This conference has already reached its decisions; its record can no longer be changed here.',
      );
    }
  }

  /** No conclusion before the conference: attendance, views and decisions wait for its day. */
  function assertHeld(state: State, what: string): void {
    if (state.date > today()) {
      const message = `The conference is on ${long(state.date)}: ${what} can be recorded from that day, not before`;
      throw new ServiceError('conflict', message, [{ path: 'date', message }]);
    }
  }

  async function summaryOf(id: number) {
    const summary = await conferences.get(id);
    if (!summary) throw notFound('conference', id);
    return summary;
  }

  /** The type whose decision words apply: a reconvened conference decides as the one it reconvenes. */
  async function baseType(state: { type: ConferenceType; reconvenesId: number | null }): Promise<'initial' | 'review'> {
    if (state.type !== 'reconvened') return state.type;
    const original = state.reconvenesId ? await live.state(state.reconvenesId) : undefined;
    return original ? baseType(original) : 'initial';
  }

  /** The date of the conference a decision answers: its own, or for a reconvened one, the one it reconvenes. */
  async function chainStart(state: { date: string; reconvenesId: number | null }): Promise<string> {
    const original = state.reconvenesId ? await live.state(state.reconvenesId) : undefined;
    return original ? chainStart(original) : state.date;
  }

  /** The earliest reconvene-by date of a conference's adjourned children. */
  async function reconveneByOf(conferenceId: number): Promise<string | null> {
    return (
      (await live.outcomes(conferenceId))
        .filter((o) => o.decision === 'adjourned')
        .map((o) => o.reconveneBy ?? '')
        .filter(Boolean)
        .sort()[0] ?? null
    );
  }

  /** A reconvened conference must be held by its adjourned conference's reconvene-by date. */
  async function mustBeHeldBy(state: State): Promise<string | null> {
    return state.reconvenesId ? reconveneByOf(state.reconvenesId) : null;
  }

  /**
   * The reconvened conference is held within the limit ("not exceeding 15 working days"), however
   * it is scheduled or moved later; and not before the conference it reconvenes.
   */
  function checkReconvenedDate(date: string, by: string | null, adjournedOn: string): void {
    if (by && date > by) {
      throw invalid(
        'date',
        `The reconvened conference must be held by ${by} (${long(by)}), ${ADJOURNMENT_WORKING_DAYS} working days after the conference of ${long(adjournedOn)}`,
      );
    }
    if (date < adjournedOn) {
      throw invalid('date', `The reconvened conference must be on or after the adjourned conference (${adjournedOn})`);
    }
  }

  function checkConferenceDate(date: string): void {
    const problem = conferenceDateProblem(date, today());
    if (problem) throw invalid('date', problem);
  }

  async function build(id: number): Promise<LiveConference> {
    const state = await mustState(id);
    const summary = await summaryOf(id);
    const s = await settings.get();
    const cal = await calendar.calendarFor();
    const decidesAs = await baseType(state);
    const reportDue = reportDueDate(summary.date, decidesAs, timescales(s), cal);
    const invitations = (await live.invitations(id)).map((i) => ({
      ...i,
      reportTimeliness: i.reportReceivedOn ? reportTimeliness(i.reportReceivedOn, reportDue) : null,
    }));
    const attending = invitations.filter((i) => i.attendance === 'attended');
    const attendingIds = new Set(attending.map((i) => i.agencyId));
    const names = new Map(invitations.map((i) => [i.agencyId, i.agencyName]));
    const quoracy = assessQuoracy(
      attending.map((i) => ({ id: i.agencyId, name: i.agencyName, type: i.agencyType, quoracyGroup: i.quoracyGroup })),
      { requireChildrensSocialCare: s.quoracyRequireChildrensSocialCare, minOtherAgencies: s.quoracyMinOtherAgencies },
    );
    const views = await live.views(id);
    const noViews = await live.noViews(id);
    const outcomes = new Map((await live.outcomes(id)).map((o) => [o.childId, o]));
    const history = await live.categoryHistory(summary.children.map((c) => c.id));
    const details = new Map(
      (await ctx.repos.families.childrenByIds(summary.children.map((c) => c.id))).map((c) => [c.id, c]),
    );

    const children: Omit<LiveChild, 'blockers'>[] = summary.children.map((c) => {
      const childViews = views.filter((v) => v.childId === c.id && attendingIds.has(v.agencyId));
      const childNoViews = noViews.filter((v) => v.childId === c.id && attendingIds.has(v.agencyId));
      const consulted = new Set([...childViews, ...childNoViews].map((v) => v.agencyId));
      const preview =
        childViews.length > 0 && s.outcomeRule === 'majority'
          ? decideOutcome(
              {
                type: state.type,
                date: summary.date,
                rule: 'majority',
                views: childViews.map((v) => ({ agency: names.get(v.agencyId) ?? String(v.agencyId), view: v.view })),
              },
              cal,
            )
          : null;
      const minority = new Set(preview?.minority ?? []);
      const recorded = outcomes.get(c.id);
      const categories = history.get(c.id) ?? [];
      const detail = details.get(c.id);
      return {
        id: c.id,
        givenName: c.givenName,
        familyName: c.familyName,
        dateOfBirth: detail?.dateOfBirth ?? null,
        expectedDate: detail?.expectedDate ?? null,
        views: childViews.map((v) => ({ agencyId: v.agencyId, view: v.view, reasons: v.reasons, version: v.version })),
        preview,
        missingReasons: childViews
          .filter((v) => minority.has(names.get(v.agencyId) ?? '') && v.reasons.trim() === '')
          .map((v) => names.get(v.agencyId) ?? String(v.agencyId)),
        recorded: recorded
          ? {
              result: recorded.result,
              decision: recorded.decision,
              interimPlan: recorded.interimPlan,
              reconveneBy: recorded.reconveneBy,
              category: recorded.category,
              escalation: recorded.escalation,
              decidedAt: recorded.decidedAt,
              version: recorded.version,
            }
          : null,
        noViews: childNoViews.map((v) => ({ agencyId: v.agencyId, reason: v.reason, version: v.version })),
        unconsulted: attending.filter((i) => !consulted.has(i.agencyId)).map((i) => i.agencyName),
        initialCategory: categories[0] ?? null,
        latestCategory: categories[categories.length - 1] ?? null,
      };
    });
    const reconveneDates = children
      .flatMap((c) => [c.preview?.reconveneBy, c.recorded?.reconveneBy])
      .filter((d): d is string => !!d);
    const open = state.status === 'scheduled' && !state.cancelledOn;
    const withBlockers = children.map((c) => ({
      ...c,
      blockers:
        open && !c.recorded
          ? blockersOf({ quoracy, conference: { inquorateReason: state.inquorateReason } }, c, true)
          : [],
    }));
    return {
      conference: {
        ...summary,
        status: state.cancelledOn ? 'cancelled' : state.status,
        cancelledOn: state.cancelledOn,
        cancelReason: state.cancelReason,
        mustBeHeldBy: await mustBeHeldBy(state),
        future: summary.date > today(),
        recorded: Object.entries(await conferences.recordedOn(id))
          .filter(([, n]) => n > 0)
          .map(([what]) => what),
        reconvenesId: state.reconvenesId,
        reconvenedById: state.reconvenedById,
        inquorateReason: state.inquorateReason,
        decidesAs,
      },
      rule: s.outcomeRule,
      allowMultipleCategory: s.allowMultipleCategory,
      reportDue,
      invitations,
      lastInvited: await lastInvited(state, summary.date, new Set(invitations.map((i) => i.agencyId))),
      usualAgencies: await usualAgencies(new Set(invitations.map((i) => i.agencyId))),
      quoracy,
      children: withBlockers,
      amendments: await corrections.forRecord('conference', id),
      warning: coverageWarning(cal, reportDue, summary.date, ...reconveneDates),
    };
  }

  /** The family's last conference with invitations, and its active agencies not yet invited here. */
  async function lastInvited(state: State, date: string, invited: ReadonlySet<number>) {
    const last = await live.lastInvitedBefore(state.familyId, state.id, date);
    if (!last) return null;
    const agencies = [];
    for (const inv of await live.invitations(last.id)) {
      if (invited.has(inv.agencyId)) continue;
      const agency = await ctx.repos.agencies.get(inv.agencyId);
      if (agency?.active) agencies.push({ id: agency.id, name: agency.name });
    }
    return { conferenceId: last.id, date: last.date, agencies };
  }

  /** The usual set's active agencies not yet invited here (one query: `live.get` is asked every two seconds). */
  async function usualAgencies(invited: ReadonlySet<number>) {
    return (await ctx.repos.settings.activeUsualAgencies()).filter((a) => !invited.has(a.id));
  }

  async function invitation(conferenceId: number, agencyId: number) {
    const found = (await live.invitations(conferenceId)).find((i) => i.agencyId === agencyId);
    if (!found) throw invalid('agencyId', 'That agency is not invited to this conference');
    return found;
  }

  /**
   * Edits made from a screen carry the version of what they change as that screen loaded it: the
   * conference, an agency's invitation, what an agency said for a child, a child's decision. Each
   * is claimed first (its version counted up only if it still has that one); when someone else
   * changed it since, the edit is refused showing what it now says, and nothing is written.
   */
  async function claimConference(id: number, version: number | undefined): Promise<void> {
    if (version === undefined || (await live.claimConference(id, version))) return;
    const now = await summaryOf(id);
    const state = await mustState(id);
    throw staleEdit('This conference', [
      ['date', now.date],
      ['time', now.time],
      ['venue', now.venue],
      ['chair', now.chairName],
      ['status', state.cancelledOn ? 'cancelled' : state.status],
    ]);
  }

  async function claimInvitation(conferenceId: number, agencyId: number, version: number | undefined): Promise<void> {
    if (version === undefined || (await live.claimInvitation(conferenceId, agencyId, version))) return;
    const now = await invitation(conferenceId, agencyId);
    throw staleEdit(`${now.agencyName}’s attendance and report`, [
      ['attendance', now.attendance ? ATTENDANCE_LABELS[now.attendance] : 'not recorded'],
      ['report', now.report.replace('-', ' ')],
      ['received on', now.reportReceivedOn],
    ]);
  }

  /** Claims what an agency said for a child (see `claimSlot`); answers the version to write it with. */
  async function claimSlot(
    conferenceId: number,
    childId: number,
    agencyId: number,
    version: number | undefined,
  ): Promise<number> {
    if (version === undefined) return (await live.slotVersion(conferenceId, childId, agencyId)) + 1;
    if (await live.claimSlot(conferenceId, childId, agencyId, version)) return version + 1;
    const inv = await invitation(conferenceId, agencyId);
    const child = (await summaryOf(conferenceId)).children.find((c) => c.id === childId);
    const view = (await live.views(conferenceId)).find((v) => v.childId === childId && v.agencyId === agencyId);
    const noView = (await live.noViews(conferenceId)).find((v) => v.childId === childId && v.agencyId === agencyId);
    throw staleEdit(
      `${inv.agencyName}’s view for ${child?.givenName ?? 'this child'}`,
      view
        ? [
            ['view', VIEW_WORDS[view.view]],
            ['reasons', view.reasons],
          ]
        : noView
          ? [['no view given, because', noView.reason]]
          : [['view', 'none given']],
    );
  }

  async function claimOutcome(conferenceId: number, childId: number, version: number | undefined): Promise<void> {
    if (version === undefined || (await live.claimOutcome(conferenceId, childId, version))) return;
    const now = (await live.outcomes(conferenceId)).find((o) => o.childId === childId);
    const child = (await summaryOf(conferenceId)).children.find((c) => c.id === childId);
    throw staleEdit(`${child?.givenName ?? 'This child'}’s decision`, [
      ['decision', now ? DECISION_LABELS[now.decision] : 'none recorded'],
      ['category', now?.category ? CATEGORY_LABELS[now.category] : null],
    ]);
  }

  async function attendingInvitation(conferenceId: number, agencyId: number, path = 'agencyId') {
    const inv = await invitation(conferenceId, agencyId);
    if (inv.attendance !== 'attended') {
      throw invalid(path, `${inv.agencyName} is not marked as attending, so gives no view`);
    }
    return inv;
  }

  /**
   * A child of an open conference whose decision is not yet recorded, as a view (or a record of no
   * view) needs; `recording` says something is being recorded rather than withdrawn, which waits
   * for the conference's day.
   */
  async function undecidedChild(state: State, childId: number, recording: boolean) {
    assertOpen(state);
    if (recording) assertHeld(state, 'views');
    const child = (await summaryOf(state.id)).children.find((c) => c.id === childId);
    if (!child) throw invalid('childId', 'That child is not considered at this conference');
    if ((await live.outcomes(state.id)).some((o) => o.childId === childId)) {
      throw new ServiceError('conflict', `The decision for ${child.givenName} is already recorded`);
    }
    return child;
  }

  async function hasViewsOrRecords(conferenceId: number, agencyId?: number): Promise<boolean> {
    const mine = (v: { agencyId: number }) => agencyId === undefined || v.agencyId === agencyId;
    return (await live.views(conferenceId)).some(mine) || (await live.noViews(conferenceId)).some(mine);
  }

  /**
   * Runs one change in a transaction, audits it, and returns the conference as it now stands,
   * read in the same transaction: a failure anywhere leaves the register as it was.
   */
  async function change(
    conferenceId: number,
    action: string,
    fn: (state: State, at: string) => Promise<unknown>,
    auditAction: AuditAction = 'update',
  ): Promise<LiveConference> {
    return ctx.db.transaction(async () => {
      const state = await mustState(conferenceId);
      const at = ctx.now().toISOString();
      const before = await auditable(conferenceId);
      const result = (await fn(state, at)) as Record<string, unknown>;
      const changed = changedFields(before, await auditable(conferenceId), { change: action });
      await audit(ctx, await settings.actor(), auditAction, 'conference', conferenceId, changed.before, {
        ...changed.after,
        ...result,
      });
      return build(conferenceId);
    });
  }

  /**
   * The conference as the audit compares it before and after a change: what is recorded on it
   * (not what is derived from it), each invitation, view, record of no view and decision keyed by
   * its agency and child, so the audit event holds exactly what changed (a view's reasons, the
   * inquorate reason, attendance cleared by a new date).
   */
  async function auditable(id: number): Promise<Record<string, unknown>> {
    const state = await mustState(id);
    const summary = await summaryOf(id);
    return {
      date: summary.date,
      time: summary.time,
      venue: summary.venue,
      chairName: summary.chairName,
      status: state.status,
      inquorateReason: state.inquorateReason,
      cancelledOn: state.cancelledOn,
      cancelReason: state.cancelReason,
      invitations: Object.fromEntries(
        (await live.invitations(id)).map((i) => [
          `agency ${i.agencyId}`,
          {
            agency: i.agencyName,
            representativeName: i.representativeName,
            representativeRole: i.representativeRole,
            attendance: i.attendance,
            report: i.report,
            reportReceivedOn: i.reportReceivedOn,
          },
        ]),
      ),
      views: Object.fromEntries(
        (await live.views(id)).map((v) => [
          `child ${v.childId} agency ${v.agencyId}`,
          { view: v.view, reasons: v.reasons },
        ]),
      ),
      noViews: Object.fromEntries(
        (await live.noViews(id)).map((v) => [`child ${v.childId} agency ${v.agencyId}`, { reason: v.reason }]),
      ),
      decisions: Object.fromEntries(
        (await live.outcomes(id)).map(({ childId, decidedAt: _decidedAt, ...o }) => [`child ${childId}`, o]),
      ),
    };
  }

  /** The child's decision from its views by the partnership's rule, checked as the procedure requires. */
  /**
   * What stops a child's decision, from the conference as it stands (the chair's choices aside):
   * an inquorate conference without the chair's reason, an attending agency not yet consulted (or
   * no view at all), a minority agency's reasons blank under the majority rule. Shown beside the
   * decision on the chair's screen and refused all at once, so the chair sees every one.
   */
  function blockersOf(
    current: { quoracy: LiveConference['quoracy']; conference: { inquorateReason: string | null } },
    child: Pick<LiveChild, 'givenName' | 'views' | 'unconsulted' | 'missingReasons'>,
    checkQuoracy: boolean,
  ): FieldIssue[] {
    const problems: FieldIssue[] = [];
    if (checkQuoracy && !current.quoracy.quorate && !current.conference.inquorateReason) {
      problems.push({
        path: 'quoracy',
        message: `The conference is not quorate (${current.quoracy.shortfall ?? ''}) Record why it goes ahead, or re-date it.`,
      });
    }
    if (child.unconsulted.length > 0) {
      problems.push({
        path: 'views',
        message: `Every agency that attended is consulted: record ${child.givenName}’s view from ${listWords(child.unconsulted)}, or record that it gave none and why`,
      });
    } else if (child.views.length === 0) {
      problems.push({ path: 'views', message: `No agency has given a view for ${child.givenName} yet` });
    }
    if (child.missingReasons.length > 0) {
      problems.push({
        path: 'reasons',
        message: `Record the concerns and reasons of the minority view: ${child.missingReasons.join(', ')}`,
      });
    }
    return problems;
  }

  /**
   * The child's decision from its views by the partnership's rule, with every check the procedure
   * requires; all the problems are refused together, each naming its field.
   */
  async function decide(
    state: State,
    current: LiveConference,
    childId: number,
    s: Settings,
    choices: { chairDecision: 'plan' | 'no-plan' | undefined; category: Category | null; checkQuoracy: boolean },
  ) {
    const child = current.children.find((c) => c.id === childId);
    if (!child) throw invalid('childId', 'That child is not considered at this conference');
    const problems = blockersOf(current, child, choices.checkQuoracy);
    if (s.outcomeRule === 'chair' && !choices.chairDecision) {
      problems.push({ path: 'chairDecision', message: 'Record the chair’s decision' });
    }
    const names = new Map(current.invitations.map((inv) => [inv.agencyId, inv.agencyName]));
    const outcome =
      child.views.length > 0 && (s.outcomeRule === 'majority' || choices.chairDecision)
        ? decideOutcome(
            {
              type: state.type,
              date: current.conference.date,
              rule: s.outcomeRule,
              chairDecision: s.outcomeRule === 'chair' ? choices.chairDecision : undefined,
              views: child.views.map((v) => ({ agency: names.get(v.agencyId) ?? String(v.agencyId), view: v.view })),
            },
            await calendar.calendarFor(),
          )
        : null;
    const decision = outcome ? recordedDecision(outcome, current.conference.decidesAs) : null;
    if (outcome && decision) {
      // Under the chair's rule the minority is known only now (the majority rule's is among the blockers).
      if (s.outcomeRule === 'chair') {
        const minority = new Set(outcome.minority);
        const blank = child.views.filter((v) => minority.has(names.get(v.agencyId) ?? '') && v.reasons.trim() === '');
        if (blank.length > 0) {
          problems.push({
            path: 'reasons',
            message: `Record the concerns and reasons of the minority view: ${blank.map((v) => names.get(v.agencyId)).join(', ')}`,
          });
        }
      }
      problems.push(...categoryProblems(child.givenName, decision, outcome.interimPlan, choices.category, s));
    }
    if (problems.length > 0 || !outcome || !decision) {
      throw new ServiceError('invalid-input', problems.map((p) => p.message).join('; '), problems);
    }
    const category = categoryAllowed(decision, outcome.interimPlan) ? choices.category : null;
    return { child, outcome, decision, category };
  }

  /** The category a decision takes: required with a plan, allowed with a plan pending reconvening, else none. */
  function categoryProblems(
    childName: string,
    decision: RecordedDecision,
    interimPlan: boolean,
    category: Category | null,
    s: Settings,
  ): FieldIssue[] {
    if (needsCategory(decision) && !category)
      return [{ path: 'category', message: `Choose the category of abuse for ${childName}’s plan` }];
    if (!categoryAllowed(decision, interimPlan) && category)
      return [{ path: 'category', message: `No category: ${childName} is not on a plan by this decision` }];
    if (category === 'MUL' && !s.allowMultipleCategory) {
      return [
        {
          path: 'category',
          message: `“${CATEGORY_LABELS.MUL}” is not used in this partnership; choose the main category`,
        },
      ];
    }
    return [];
  }

  /**
   * Schedules what falls due for one child from its decision (its siblings' decisions do not
   * matter), and closes what the decision answers among the child's earlier items. Items the
   * conference already scheduled for the child and that are done stay as they are.
   */
  async function scheduleForChild(
    state: State,
    childId: number,
    decision: RecordedDecision,
    interimPlan: boolean,
    s: Settings,
  ): Promise<void> {
    const child = (await ctx.repos.families.childrenByIds([childId]))[0];
    const firstCoreGroupScheduled = state.reconvenesId
      ? (await live.childTasks(state.reconvenesId)).some((t) => t.childId === childId && t.kind === 'first-core-group')
      : false;
    const done = new Set((await live.childTasks(state.id)).filter((t) => t.childId === childId).map((t) => t.kind));
    const items = dueForChild(
      { date: state.date, decidesAs: await baseType(state), chainStart: await chainStart(state) },
      {
        decision,
        interimPlan,
        expectedDate: child && child.dateOfBirth === null ? child.expectedDate : null,
        firstCoreGroupScheduled,
      },
      timescales(s),
      await calendar.calendarFor(),
    ).filter((t) => !done.has(t.kind));
    await live.insertChildTasks(state.id, childId, items);
    for (const c of closedByDecision(decision)) {
      await live.closeEarlierChildTasks(childId, c.kind, state.id, state.date, state.date, c.closedBy);
    }
  }

  /** A Principal Officer review is opened for a child exactly while its outcome calls for one. */
  async function syncFollowUp(state: State, childId: number, needed: boolean, s: Settings, at: string): Promise<void> {
    const existing = await live.followUpFor(state.id, childId);
    if (needed && existing === null) {
      await live.insertFollowUp(
        {
          kind: 'principal-officer-review',
          conferenceId: state.id,
          childId,
          openedOn: state.date,
          dueOn: addWorkingDays(state.date, s.principalOfficerReviewWorkingDays, await calendar.calendarFor()),
        },
        at,
      );
    }
    if (!needed && existing !== null) await live.closeFollowUp(existing, today());
  }

  /** Moves a scheduled conference (a correction, or re-dating an inquorate one): attendance is cleared. */
  async function move(state: State, date: string, time: string, at: string): Promise<{ from: string; to: string }> {
    assertOpen(state);
    if (await hasViewsOrRecords(state.id)) {
      throw new ServiceError(
        'conflict',
        'Views have been given at this conference; record the decisions instead of moving it',
      );
    }
    checkConferenceDate(date);
    if (state.reconvenesId) {
      const original = await mustState(state.reconvenesId);
      checkReconvenedDate(date, await mustBeHeldBy(state), original.date);
    }
    const before = await summaryOf(state.id);
    await live.redate(state.id, date, time, at);
    if (date !== before.date) {
      for (const inv of await live.invitations(state.id)) await live.setAttendance(state.id, inv.agencyId, null, at);
      await live.setInquorateReason(state.id, null, at);
    }
    return { from: `${before.date} ${before.time}`, to: `${date} ${time}` };
  }

  function outcomeWords(o: { decision: RecordedDecision; category: Category | null } | null | undefined) {
    return {
      decision: o ? DECISION_LABELS[o.decision] : null,
      category: o?.category ? `${CATEGORY_LABELS[o.category]} (${o.category})` : null,
    };
  }

  return {
    get: build,

    async invite(i: z.output<typeof inviteInputSchema>) {
      return change(i.conferenceId, 'invite', async (state, at) => {
        assertOpen(state);
        const agency = await ctx.repos.agencies.get(i.agencyId);
        if (!agency) throw invalid('agencyId', 'Choose an agency from the directory');
        if (!agency.active)
          throw invalid('agencyId', `${agency.name} is inactive; reactivate it in Agencies to invite it`);
        await live.upsertInvitation(i.conferenceId, i.agencyId, i.representativeName, i.representativeRole, at);
        return { agencyId: i.agencyId };
      });
    },

    /**
     * Invites several agencies in one step, each as `invite` would; those already invited are left
     * as they are. An unknown or inactive agency refuses the whole command, naming it.
     */
    async inviteMany(conferenceId: number, agencyIds: readonly number[]) {
      return change(conferenceId, 'invite-many', async (state, at) => {
        assertOpen(state);
        const invited = new Set((await live.invitations(conferenceId)).map((i) => i.agencyId));
        const added: number[] = [];
        for (const [n, agencyId] of agencyIds.entries()) {
          const agency = await ctx.repos.agencies.get(agencyId);
          if (!agency) throw invalid(`agencyIds.${n}`, 'Choose agencies from the directory');
          if (!agency.active)
            throw invalid(`agencyIds.${n}`, `${agency.name} is inactive; reactivate it in Agencies to invite it`);
          if (invited.has(agencyId)) continue;
          invited.add(agencyId);
          await live.upsertInvitation(conferenceId, agencyId, null, null, at);
          added.push(agencyId);
        }
        if (added.length === 0) {
          throw new ServiceError('conflict', 'These agencies are already invited to this conference');
        }
        return { agencyIds: added };
      });
    },

    async uninvite(conferenceId: number, agencyId: number) {
      return change(conferenceId, 'uninvite', async (state) => {
        assertOpen(state);
        const inv = await invitation(conferenceId, agencyId);
        if (await hasViewsOrRecords(conferenceId, agencyId)) {
          throw invalid('agencyId', `${inv.agencyName} has given views; withdraw them before removing the agency`);
        }
        await live.removeInvitation(conferenceId, agencyId);
        return { agencyId };
      });
    },

    async setAttendance(conferenceId: number, agencyId: number, attendance: Attendance | null, version?: number) {
      return change(conferenceId, 'attendance', async (state, at) => {
        await claimInvitation(conferenceId, agencyId, version);
        assertOpen(state);
        if (attendance !== null) assertHeld(state, 'attendance');
        const inv = await invitation(conferenceId, agencyId);
        if (attendance !== 'attended' && (await hasViewsOrRecords(conferenceId, agencyId))) {
          throw invalid(
            'attendance',
            `${inv.agencyName} has given views, so cannot be marked “${attendance ? ATTENDANCE_LABELS[attendance] : 'not recorded'}”; withdraw its views first`,
          );
        }
        await live.setAttendance(conferenceId, agencyId, attendance, at);
        return { agencyId };
      });
    },

    /** Marks every invited agency whose attendance is not yet recorded as attended; the rest are left as they are. */
    async markAllAttended(conferenceId: number) {
      return change(conferenceId, 'attendance-all', async (state, at) => {
        assertOpen(state);
        assertHeld(state, 'attendance');
        const unrecorded = (await live.invitations(conferenceId)).filter((i) => i.attendance === null);
        if (unrecorded.length === 0) {
          throw new ServiceError('conflict', 'Every invited agency’s attendance is already recorded');
        }
        for (const inv of unrecorded) await live.setAttendance(conferenceId, inv.agencyId, 'attended', at);
        return { agencyIds: unrecorded.map((i) => i.agencyId) };
      });
    },

    async setReport(
      conferenceId: number,
      agencyId: number,
      report: ReportState,
      receivedOn: string | null,
      version?: number,
    ) {
      return change(conferenceId, 'report', async (state, at) => {
        await claimInvitation(conferenceId, agencyId, version);
        assertOpen(state);
        await invitation(conferenceId, agencyId);
        if (report === 'received' && !receivedOn) throw invalid('receivedOn', 'Enter the date the report was received');
        if (receivedOn && toDayNumber(receivedOn) > toDayNumber(today())) {
          throw invalid('receivedOn', 'The date the report was received must be today or in the past');
        }
        await live.setReport(conferenceId, agencyId, report, report === 'received' ? receivedOn : null, at);
        return { agencyId, report };
      });
    },

    /** Records (or, with view null, withdraws) one agency's view for one child. */
    async setView(i: z.output<typeof setViewInputSchema>) {
      return change(i.conferenceId, 'view', async (state, at) => {
        await invitation(i.conferenceId, i.agencyId);
        const version = await claimSlot(i.conferenceId, i.childId, i.agencyId, i.version);
        await undecidedChild(state, i.childId, i.view !== null);
        await attendingInvitation(i.conferenceId, i.agencyId);
        if (i.view === null) await live.deleteView(i.conferenceId, i.childId, i.agencyId);
        else {
          await live.deleteNoView(i.conferenceId, i.childId, i.agencyId);
          await live.upsertView(
            i.conferenceId,
            { childId: i.childId, agencyId: i.agencyId, view: i.view, reasons: i.reasons.trim(), version },
            at,
          );
        }
        return { childId: i.childId, agencyId: i.agencyId, view: i.view };
      });
    },

    /**
     * Records one view (with no reasons yet) for one child from every attending agency that has
     * neither given a view nor been recorded as giving none; views already given stay as they are.
     */
    async setAllViews(i: z.output<typeof setAllViewsInputSchema>) {
      return change(i.conferenceId, 'view-all', async (state, at) => {
        const child = await undecidedChild(state, i.childId, true);
        const attending = (await live.invitations(i.conferenceId)).filter((inv) => inv.attendance === 'attended');
        if (attending.length === 0) {
          throw new ServiceError('conflict', 'No agency is marked as attending yet, so none gives a view');
        }
        const given = new Set(
          [...(await live.views(i.conferenceId)), ...(await live.noViews(i.conferenceId))]
            .filter((v) => v.childId === i.childId)
            .map((v) => v.agencyId),
        );
        const open = attending.filter((inv) => !given.has(inv.agencyId));
        if (open.length === 0) {
          throw new ServiceError(
            'conflict',
            `Every attending agency has already given its view for ${child.givenName}, or been recorded as giving none`,
          );
        }
        for (const inv of open) {
          const version = (await live.slotVersion(i.conferenceId, i.childId, inv.agencyId)) + 1;
          await live.upsertView(
            i.conferenceId,
            { childId: i.childId, agencyId: inv.agencyId, view: i.view, reasons: '', version },
            at,
          );
        }
        return { childId: i.childId, view: i.view, agencyIds: open.map((inv) => inv.agencyId) };
      });
    },

    /**
     * The chair records that an attending agency gives no view for a child, with the reason (or,
     * with reason null, withdraws that record). It replaces any view the agency gave.
     */
    async setNoView(i: z.output<typeof setNoViewInputSchema>) {
      return change(i.conferenceId, 'no-view', async (state, at) => {
        await invitation(i.conferenceId, i.agencyId);
        const version = await claimSlot(i.conferenceId, i.childId, i.agencyId, i.version);
        await undecidedChild(state, i.childId, i.reason !== null);
        await attendingInvitation(i.conferenceId, i.agencyId);
        if (i.reason === null) await live.deleteNoView(i.conferenceId, i.childId, i.agencyId);
        else {
          await live.deleteView(i.conferenceId, i.childId, i.agencyId);
          await live.upsertNoView(
            i.conferenceId,
            { childId: i.childId, agencyId: i.agencyId, reason: i.reason.trim(), version },
            at,
          );
        }
        return { childId: i.childId, agencyId: i.agencyId, noView: i.reason !== null };
      });
    },

    /** Copies every view (and its reasons) and every record of no view from one child to a sibling not yet decided. */
    async copyViews(conferenceId: number, fromChildId: number, toChildId: number) {
      return change(conferenceId, 'copy-views', async (state, at) => {
        assertOpen(state);
        assertHeld(state, 'views');
        const summary = await summaryOf(conferenceId);
        const ids = new Set(summary.children.map((c) => c.id));
        if (!ids.has(fromChildId)) throw invalid('fromChildId', 'That child is not considered at this conference');
        if (!ids.has(toChildId)) throw invalid('toChildId', 'That child is not considered at this conference');
        if (fromChildId === toChildId) throw invalid('toChildId', 'Choose a different child to copy the views to');
        if ((await live.outcomes(conferenceId)).some((o) => o.childId === toChildId)) {
          throw new ServiceError('conflict', 'The decision for that child is already recorded');
        }
        const all = await live.views(conferenceId);
        const allNo = await live.noViews(conferenceId);
        for (const v of all.filter((x) => x.childId === toChildId))
          await live.deleteView(conferenceId, toChildId, v.agencyId);
        for (const v of allNo.filter((x) => x.childId === toChildId))
          await live.deleteNoView(conferenceId, toChildId, v.agencyId);
        const copied = all.filter((v) => v.childId === fromChildId);
        for (const v of copied) {
          const version = (await live.slotVersion(conferenceId, toChildId, v.agencyId)) + 1;
          await live.upsertView(conferenceId, { ...v, childId: toChildId, version }, at);
        }
        const copiedNo = allNo.filter((v) => v.childId === fromChildId);
        for (const v of copiedNo) {
          const version = (await live.slotVersion(conferenceId, toChildId, v.agencyId)) + 1;
          await live.upsertNoView(conferenceId, { ...v, childId: toChildId, version }, at);
        }
        return { fromChildId, toChildId, copied: copied.length + copiedNo.length };
      });
    },

    /** The chair's reason for going ahead although inquorate (null clears it). */
    async setInquorateReason(conferenceId: number, reason: string | null) {
      return change(conferenceId, 'inquorate-reason', async (state, at) => {
        assertOpen(state);
        const text = reason?.trim() ?? '';
        if (text !== '') assertHeld(state, 'the reason to go ahead');
        await live.setInquorateReason(conferenceId, text === '' ? null : text, at);
        return { recorded: text !== '' };
      });
    },

    /** Moves an (inquorate) conference to another date: attendance is cleared, invitations and reports kept. */
    async redate(conferenceId: number, date: string, time: string) {
      return change(conferenceId, 'redate', async (state, at) => move(state, date, time, at));
    },

    /**
     * Corrects a scheduled conference's date, time, venue or chair. A new date clears attendance
     * (as re-dating does); a reconvened conference stays within its limit.
     */
    async update(i: z.output<typeof conferenceUpdateInputSchema>) {
      return change(i.id, 'edit', async (state, at) => {
        await claimConference(i.id, i.version);
        assertOpen(state);
        const before = await summaryOf(i.id);
        const date = i.date ?? before.date;
        const time = i.time ?? before.time;
        let moved: { from: string; to: string } | null = null;
        if (date !== before.date || time !== before.time) moved = await move(state, date, time, at);
        const fields = { date, time, venue: i.venue ?? before.venue, chairName: i.chairName ?? before.chairName };
        await conferences.update(i.id, fields, at);
        return { attendanceCleared: moved !== null && date !== before.date };
      });
    },

    /** Cancels a scheduled conference with the reason; it stays in the register, marked cancelled. */
    async cancel(id: number, reason: string, version?: number) {
      return change(
        id,
        'cancel',
        async (state, at) => {
          await claimConference(id, version);
          assertOpen(state);
          if (await hasViewsOrRecords(id)) {
            throw new ServiceError(
              'conflict',
              'Views have been given at this conference; record the decisions, or withdraw the views before cancelling it',
            );
          }
          await conferences.cancel(id, today(), reason, at);
          return { reason };
        },
        'cancel',
      );
    },

    /**
     * Deletes a conference made by mistake: only while nothing has been recorded on it (attendance,
     * reports, views, decisions, escalations, documents, a reconvened conference). Otherwise the
     * refusal says what is recorded and to cancel it instead.
     */
    async remove(id: number): Promise<{ deleted: number }> {
      return ctx.db.transaction(async () => {
        const state = await mustState(id);
        const recorded = Object.entries(await conferences.recordedOn(id))
          .filter(([, n]) => n > 0)
          .map(([what]) => what);
        if (recorded.length > 0) {
          throw new ServiceError(
            'conflict',
            `This conference has ${listWords(recorded)} recorded, so it cannot be deleted: cancel it instead, with the reason`,
          );
        }
        const before = await summaryOf(id);
        await conferences.delete(id);
        await audit(
          ctx,
          await settings.actor(),
          'delete',
          'conference',
          id,
          { ...before, reconvenes: state.reconvenesId },
          undefined,
        );
        return { deleted: id };
      });
    },

    /**
     * Records the decision for one child by the partnership's rule. Refused, naming what to fix,
     * for a conference dated after today, while the conference is inquorate without a recorded
     * reason, while an agency that attended has neither given a view nor been recorded as giving
     * none, while no agency has given a view, while a minority agency's reasons are blank, or
     * without the category a plan needs. What falls due for the child is scheduled at once
     * (whatever its siblings' decisions); when every child is decided the conference concludes
     * (or is adjourned) and its letter and minutes fall due.
     */
    async recordDecision(i: z.output<typeof recordDecisionInputSchema>) {
      const s = await settings.get();
      const cal = await calendar.calendarFor();
      return change(i.conferenceId, 'decision', async (state, at) => {
        assertOpen(state);
        assertHeld(state, 'decisions');
        const current = await build(i.conferenceId);
        const known = current.children.find((c) => c.id === i.childId);
        if (!known) throw invalid('childId', 'That child is not considered at this conference');
        if (known.recorded)
          throw new ServiceError('conflict', `The decision for ${known.givenName} is already recorded`);
        const { outcome, decision, category } = await decide(state, current, i.childId, s, {
          chairDecision: i.chairDecision,
          category: i.category,
          checkQuoracy: true,
        });
        await live.insertOutcome(i.conferenceId, {
          childId: i.childId,
          result: outcome.result,
          decision,
          interimPlan: outcome.interimPlan,
          reconveneBy: outcome.reconveneBy,
          category,
          escalation: outcome.escalation,
          decidedAt: at,
        });
        await syncFollowUp(state, i.childId, outcome.escalation === 'principal-officer-review', s, at);
        await scheduleForChild(state, i.childId, decision, outcome.interimPlan, s);
        const outcomes = await live.outcomes(i.conferenceId);
        if (outcomes.length === current.children.length) {
          const adjourned = outcomes.some((o) => o.decision === 'adjourned');
          await live.upsertTasks(
            i.conferenceId,
            dueAfterDecisions(state.date, await reconveneByOf(state.id), timescales(s), cal),
          );
          await live.setStatus(i.conferenceId, adjourned ? 'adjourned' : 'concluded', at);
          if (state.reconvenesId) await live.completeTask(state.reconvenesId, 'reconvene', state.date, 'reconvened');
        }
        return { childId: i.childId, result: outcome.result, decision, escalation: outcome.escalation };
      });
    },

    /**
     * Amends a recorded decision openly: the reason, who and when, and each value before and after
     * are kept and shown on the conference. Corrected views (or records of no view) and category
     * are applied and the outcome worked out again by the rule, with every check a decision has;
     * what falls due for the child is scheduled again, documents made from the old values are
     * marked superseded, and the decision letter falls due again. A decision cannot be amended
     * into or out of an adjournment.
     */
    async amendDecision(i: z.output<typeof amendDecisionInputSchema>) {
      const s = await settings.get();
      return change(
        i.conferenceId,
        'amend-decision',
        async (state, at) => {
          await claimOutcome(i.conferenceId, i.childId, i.version);
          if (state.cancelledOn) throw new ServiceError('conflict', 'This conference was cancelled');
          const old = (await live.outcomes(i.conferenceId)).find((o) => o.childId === i.childId);
          const beforeConference = await build(i.conferenceId);
          const beforeChild = beforeConference.children.find((c) => c.id === i.childId);
          if (!beforeChild) throw invalid('childId', 'That child is not considered at this conference');
          if (!old) {
            throw new ServiceError(
              'conflict',
              `No decision is recorded for ${beforeChild.givenName} yet: record it rather than amend it`,
            );
          }
          const names = new Map(beforeConference.invitations.map((inv) => [inv.agencyId, inv.agencyName]));
          for (const [n, v] of i.views.entries()) {
            await attendingInvitation(i.conferenceId, v.agencyId, `views.${n}.agencyId`);
            if (v.view === null) await live.deleteView(i.conferenceId, i.childId, v.agencyId);
            else {
              const version = (await live.slotVersion(i.conferenceId, i.childId, v.agencyId)) + 1;
              await live.deleteNoView(i.conferenceId, i.childId, v.agencyId);
              await live.upsertView(
                i.conferenceId,
                { childId: i.childId, agencyId: v.agencyId, view: v.view, reasons: v.reasons.trim(), version },
                at,
              );
            }
          }
          for (const [n, v] of i.noViews.entries()) {
            await attendingInvitation(i.conferenceId, v.agencyId, `noViews.${n}.agencyId`);
            if (v.reason === null) await live.deleteNoView(i.conferenceId, i.childId, v.agencyId);
            else {
              const version = (await live.slotVersion(i.conferenceId, i.childId, v.agencyId)) + 1;
              await live.deleteView(i.conferenceId, i.childId, v.agencyId);
              await live.upsertNoView(
                i.conferenceId,
                { childId: i.childId, agencyId: v.agencyId, reason: v.reason.trim(), version },
                at,
              );
            }
          }
          // Decide again on the corrected views, with every check a decision has.
          const reopened = await build(i.conferenceId);
          const previousView = old.decision === 'no-plan' || old.decision === 'plan-ends' ? 'no-plan' : 'plan';
          const { child, outcome, decision, category } = await decide(state, reopened, i.childId, s, {
            chairDecision: s.outcomeRule === 'chair' ? (i.chairDecision ?? previousView) : undefined,
            category: i.category === undefined ? old.category : i.category,
            checkQuoracy: false,
          });
          if ((decision === 'adjourned') !== (old.decision === 'adjourned')) {
            throw new ServiceError(
              'conflict',
              decision === 'adjourned'
                ? `These views are equally divided, which would adjourn ${child.givenName}’s decision; an amendment cannot adjourn a decided conference`
                : `${child.givenName}’s decision was adjourned; it is decided by the reconvened conference, not by an amendment`,
            );
          }
          const changes: Change[] = [];
          const was = outcomeWords(old);
          const now = outcomeWords({ decision, category });
          if (was.decision !== now.decision)
            changes.push({ field: 'decision', label: 'Decision', before: was.decision, after: now.decision });
          if (was.category !== now.category)
            changes.push({ field: 'category', label: 'Category', before: was.category, after: now.category });
          const viewWords = (c: LiveChild, agencyId: number) => {
            const v = c.views.find((x) => x.agencyId === agencyId);
            if (v) return `${VIEW_WORDS[v.view]}${v.reasons ? `: ${v.reasons}` : ''}`;
            const n = c.noViews.find((x) => x.agencyId === agencyId);
            return n ? `No view given: ${n.reason}` : null;
          };
          const agencyIds = new Set([...i.views.map((v) => v.agencyId), ...i.noViews.map((v) => v.agencyId)]);
          for (const agencyId of agencyIds) {
            const before = viewWords(beforeChild, agencyId);
            const after = viewWords(child, agencyId);
            if (before !== after) {
              changes.push({
                field: `view.${agencyId}`,
                label: `${names.get(agencyId) ?? 'Agency'}: view`,
                before,
                after,
              });
            }
          }
          if (changes.length === 0) {
            throw invalid('reason', 'Nothing would change: give the corrected views or category to amend the decision');
          }
          await live.updateOutcome(i.conferenceId, {
            childId: i.childId,
            result: outcome.result,
            decision,
            interimPlan: outcome.interimPlan,
            reconveneBy: old.reconveneBy,
            category,
            escalation: outcome.escalation,
            decidedAt: old.decidedAt,
          });
          const correctionId = await corrections.insert({
            entity: 'conference',
            entityId: i.conferenceId,
            childId: i.childId,
            kind: 'decision',
            reason: i.reason,
            changes,
            at,
            actor: await settings.actor(),
          });
          await live.deleteOpenChildTasks(i.conferenceId, i.childId);
          await scheduleForChild(state, i.childId, decision, outcome.interimPlan, s);
          await syncFollowUp(state, i.childId, outcome.escalation === 'principal-officer-review', s, at);
          await ctx.repos.documents.supersede('conference', i.conferenceId, at, correctionId);
          if (state.status !== 'scheduled') {
            await live.reopenTask(
              i.conferenceId,
              'decision-letter',
              addWorkingDays(today(), DEFAULT_TIMESCALES.decisionLetterWorkingDays, await calendar.calendarFor()),
            );
          }
          return { childId: i.childId, correctionId, reason: i.reason, changes };
        },
        'amend',
      );
    },

    /**
     * Schedules the reconvened conference for an adjourned one, in one step: linked to it, with
     * its adjourned children and its invitations. It must be held within the adjournment (no later
     * than the reconvene-by date, named in the refusal).
     */
    async scheduleReconvened(i: z.output<typeof scheduleReconvenedInputSchema>) {
      return ctx.db.transaction(async () => {
        const state = await mustState(i.conferenceId);
        if (state.status !== 'adjourned' || state.cancelledOn)
          throw new ServiceError('conflict', 'Only an adjourned conference can be reconvened');
        if (state.reconvenedById) throw new ServiceError('conflict', 'The reconvened conference is already scheduled');
        const adjourned = (await live.outcomes(i.conferenceId)).filter((o) => o.decision === 'adjourned');
        checkReconvenedDate(i.date, await reconveneByOf(i.conferenceId), state.date);
        checkConferenceDate(i.date);
        const summary = await summaryOf(i.conferenceId);
        const at = ctx.now().toISOString();
        const newId = await conferences.insert(
          {
            type: 'reconvened',
            date: i.date,
            time: i.time,
            venue: i.venue,
            chairName: summary.chairName,
            familyId: summary.familyId,
            childIds: adjourned.map((o) => o.childId),
          },
          at,
        );
        await live.setReconvenes(newId, i.conferenceId, at);
        for (const inv of await live.invitations(i.conferenceId)) {
          await live.upsertInvitation(newId, inv.agencyId, inv.representativeName, inv.representativeRole, at);
        }
        await audit(ctx, await settings.actor(), 'create', 'conference', newId, undefined, {
          reconvenes: i.conferenceId,
          date: i.date,
          time: i.time,
        });
        return summaryOf(newId);
      });
    },

    async adjournments(): Promise<Adjournment[]> {
      const cal = await calendar.calendarFor();
      const rows = await live.adjourned(500);
      const children = await live.adjournedChildren(rows.map((r) => r.id));
      const on = today();
      return rows.map((r) => {
        const mine = children.filter((c) => c.conference_id === r.id);
        const reconveneBy =
          mine
            .map((c) => c.reconvene_by ?? '')
            .filter(Boolean)
            .sort()[0] ?? r.date;
        return {
          conferenceId: r.id,
          type: r.type,
          date: r.date,
          familyName: r.familyName,
          children: mine.map((c) => ({
            id: c.id,
            givenName: c.given_name,
            familyName: c.family_name,
            interimPlan: c.interim_plan === 1,
          })),
          reconveneBy,
          workingDaysLeft: workingDaysBetween(on, reconveneBy, cal),
          reconvenedId: r.reconvenedId,
          reconvenedDate: r.reconvenedDate,
          state:
            r.reconvenedId === null ? 'to-schedule' : r.reconvenedStatus === 'scheduled' ? 'reconvening' : 'reconvened',
        };
      });
    },

    /**
     * A page of what falls due across all conferences and children, soonest first unless asked,
     * overdue marked; `limit`, the page size's name from before paging, wins when sent.
     */
    async due(i: DueListInput): Promise<Page<DueItemRow>> {
      const cal = await calendar.calendarFor();
      const on = today();
      const page = await live.openDue({
        page: i.page,
        pageSize: i.limit ?? i.pageSize,
        sort: i.sort,
        direction: i.direction,
      });
      return {
        ...page,
        items: page.items.map((r) => ({
          conferenceId: r.conferenceId,
          conferenceDate: r.conferenceDate,
          conferenceType: r.conferenceType,
          familyName: r.familyName,
          childId: r.childId,
          childName: r.childName,
          kind: r.kind as DueItemRow['kind'],
          label:
            r.kind === 'principal-officer-review' ? 'Principal Officer review' : DUE_KIND_LABELS[r.kind as DueKind],
          due: r.due,
          overdue: r.due < on,
          workingDays: workingDaysBetween(on, r.due, cal),
        })),
      };
    },

    /** Marks an item done by hand: a conference's own (letter, minutes, reconvening) or a child's (core group, review). */
    async completeTask(conferenceId: number, kind: DueKind, childId: number | null) {
      return ctx.db.transaction(async () => {
        await mustState(conferenceId);
        const isChild = (CHILD_DUE_KINDS as readonly string[]).includes(kind);
        if (isChild && childId === null)
          throw invalid('childId', `Choose the child whose ${DUE_KIND_LABELS[kind].toLowerCase()} is done`);
        const changed = isChild
          ? await live.completeChildTask(conferenceId, childId ?? 0, kind as ChildDueKind, today(), 'done')
          : await live.completeTask(conferenceId, kind as ConferenceDueKind, today(), 'done');
        if (changed === 0) throw invalid('kind', 'That item is not open for this conference');
        const names = { change: 'task-done', kind, childId };
        await audit(
          ctx,
          await settings.actor(),
          'update',
          'conference',
          conferenceId,
          { ...names, doneOn: null, closedBy: null },
          {
            ...names,
            doneOn: today(),
            closedBy: 'done',
          },
        );
        return this.due(dueListInputSchema.parse({}));
      });
    },

    /** Conferences in the coming weeks with reports still awaited, soonest first. */
    async reportsOutstanding(weeks: number) {
      const from = today();
      const to = localIsoDate(new Date(ctx.now().getTime() + weeks * 7 * 86_400_000));
      const s = await settings.get();
      const cal = await calendar.calendarFor();
      const byConference = new Map<
        number,
        {
          conferenceId: number;
          type: ConferenceType;
          date: string;
          time: string;
          familyName: string;
          reportDue: string;
          agencies: string[];
        }
      >();
      for (const r of await live.reportsOutstanding(from, to)) {
        const type = r.type as ConferenceType;
        const entry = byConference.get(r.id) ?? {
          conferenceId: r.id,
          type,
          date: r.date,
          time: r.time,
          familyName: r.family_name,
          reportDue: reportDueDate(r.date, await baseType({ type, reconvenesId: r.reconvenes_id }), timescales(s), cal),
          agencies: [],
        };
        entry.agencies.push(r.agency_name);
        byConference.set(r.id, entry);
      }
      return [...byConference.values()];
    },
  };
}
export type LiveConferenceService = Awaited<ReturnType<typeof createLiveConferenceService>>;
