import {
  DEFAULT_TIMESCALES,
  DUE_KIND_LABELS,
  dueAfterConference,
  reportDueDate,
  reportTimeliness,
  type ConferenceTimescales,
  type DueKind,
} from '../../../../shared/conference-deadlines';
import { localIsoDate, toDayNumber } from '../../../../shared/dates';
import { decideOutcome, needsCategory, recordedDecision } from '../../../../shared/outcome';
import { assessQuoracy } from '../../../../shared/quoracy';
import type { ConferenceType } from '../../../../shared/schemas/conference';
import {
  ATTENDANCE_LABELS,
  CATEGORY_LABELS,
  type Adjournment,
  type Attendance,
  type Category,
  type DueItemRow,
  type LiveChild,
  type LiveConference,
  type ReportState,
} from '../../../../shared/schemas/live-conference';
import type { Settings } from '../../../../shared/schemas/settings';
import { addWorkingDays, coverageWarning, workingDaysBetween } from '../../../../shared/working-days';
import type { ViewRow } from '../db/repositories/live-conference-repository';
import type { CalendarService } from './calendar-service';
import { audit, type ServiceContext } from './context';
import { ServiceError, invalid, notFound } from './errors';
import type { SettingsService } from './settings-service';

function timescales(s: Settings): ConferenceTimescales {
  return {
    ...DEFAULT_TIMESCALES,
    reportDueInitial: s.reportDueInitial,
    reportDueReview: s.reportDueReview,
    minutesWorkingDays: s.minutesWorkingDays,
  };
}

/**
 * What the chair does in the room: invitations and reports, attendance and quoracy, each
 * agency's view per child with the outcome recomputed on every change, and the decision per
 * child. Every change is its own transaction with its own audit event, saved as it is made.
 */
export function createLiveConferenceService(ctx: ServiceContext, settings: SettingsService, calendar: CalendarService) {
  const { live, conferences } = ctx.repos;
  const today = () => localIsoDate(ctx.now());

  function mustState(id: number) {
    const state = live.state(id);
    if (!state) throw notFound('conference', id);
    return state;
  }

  function assertScheduled(state: { status: string }): void {
    if (state.status !== 'scheduled') {
      throw new ServiceError(
        'conflict',
        'This conference has already reached its decisions; its record can no longer be changed here.',
      );
    }
  }

  function summaryOf(id: number) {
    const summary = conferences.get(id);
    if (!summary) throw notFound('conference', id);
    return summary;
  }

  /** The type whose decision words apply: a reconvened conference decides as the one it reconvenes. */
  function baseType(state: { type: ConferenceType; reconvenesId: number | null }): 'initial' | 'review' {
    if (state.type !== 'reconvened') return state.type;
    const original = state.reconvenesId ? live.state(state.reconvenesId) : undefined;
    return original ? baseType(original) : 'initial';
  }

  function build(id: number): LiveConference {
    const state = mustState(id);
    const summary = summaryOf(id);
    const s = settings.get();
    const cal = calendar.calendarFor();
    const reportDue = reportDueDate(summary.date, summary.type, timescales(s), cal);
    const invitations = live.invitations(id).map((i) => ({
      ...i,
      reportTimeliness: i.reportReceivedOn ? reportTimeliness(i.reportReceivedOn, reportDue) : null,
    }));
    const attendingIds = new Set(invitations.filter((i) => i.attendance === 'attended').map((i) => i.agencyId));
    const names = new Map(invitations.map((i) => [i.agencyId, i.agencyName]));
    const quoracy = assessQuoracy(
      invitations
        .filter((i) => attendingIds.has(i.agencyId))
        .map((i) => ({ id: i.agencyId, name: i.agencyName, type: i.agencyType, quoracyGroup: i.quoracyGroup })),
      { requireChildrensSocialCare: s.quoracyRequireChildrensSocialCare, minOtherAgencies: s.quoracyMinOtherAgencies },
    );
    const views = live.views(id);
    const outcomes = new Map(live.outcomes(id).map((o) => [o.childId, o]));
    const history = live.categoryHistory(summary.children.map((c) => c.id));
    const details = new Map(ctx.repos.families.childrenByIds(summary.children.map((c) => c.id)).map((c) => [c.id, c]));

    const children: LiveChild[] = summary.children.map((c) => {
      const childViews = views.filter((v) => v.childId === c.id && attendingIds.has(v.agencyId));
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
        views: childViews.map((v) => ({ agencyId: v.agencyId, view: v.view, reasons: v.reasons })),
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
            }
          : null,
        initialCategory: categories[0] ?? null,
        latestCategory: categories[categories.length - 1] ?? null,
      };
    });
    const reconveneDates = children
      .flatMap((c) => [c.preview?.reconveneBy, c.recorded?.reconveneBy])
      .filter((d): d is string => !!d);
    return {
      conference: {
        ...summary,
        status: state.status,
        reconvenesId: state.reconvenesId,
        reconvenedById: state.reconvenedById,
        inquorateReason: state.inquorateReason,
        decidesAs: baseType(state),
      },
      rule: s.outcomeRule,
      allowMultipleCategory: s.allowMultipleCategory,
      reportDue,
      invitations,
      quoracy,
      children,
      warning: coverageWarning(cal, reportDue, summary.date, ...reconveneDates),
    };
  }

  function invitation(conferenceId: number, agencyId: number) {
    const found = live.invitations(conferenceId).find((i) => i.agencyId === agencyId);
    if (!found) throw invalid('agencyId', 'That agency is not invited to this conference');
    return found;
  }

  function viewsOf(conferenceId: number, agencyId: number): ViewRow[] {
    return live.views(conferenceId).filter((v) => v.agencyId === agencyId);
  }

  /** Runs one change in a transaction, audits it, and returns the conference as it now stands. */
  function change(
    conferenceId: number,
    action: string,
    fn: (state: ReturnType<typeof mustState>, at: string) => unknown,
  ): LiveConference {
    ctx.db.transaction(() => {
      const state = mustState(conferenceId);
      const at = ctx.now().toISOString();
      const after = fn(state, at);
      audit(ctx, settings.actor(), 'update', 'conference', conferenceId, undefined, { action, ...(after as object) });
    });
    return build(conferenceId);
  }

  return {
    get: build,

    invite(i: {
      conferenceId: number;
      agencyId: number;
      representativeName: string | null;
      representativeRole: string | null;
    }) {
      return change(i.conferenceId, 'invite', (state, at) => {
        assertScheduled(state);
        const agency = ctx.repos.agencies.get(i.agencyId);
        if (!agency) throw invalid('agencyId', 'Choose an agency from the directory');
        if (!agency.active)
          throw invalid('agencyId', `${agency.name} is inactive; reactivate it in Agencies to invite it`);
        live.upsertInvitation(i.conferenceId, i.agencyId, i.representativeName, i.representativeRole, at);
        return { agencyId: i.agencyId };
      });
    },

    uninvite(conferenceId: number, agencyId: number) {
      return change(conferenceId, 'uninvite', (state) => {
        assertScheduled(state);
        const inv = invitation(conferenceId, agencyId);
        if (viewsOf(conferenceId, agencyId).length > 0) {
          throw invalid('agencyId', `${inv.agencyName} has given views; withdraw them before removing the agency`);
        }
        live.removeInvitation(conferenceId, agencyId);
        return { agencyId };
      });
    },

    setAttendance(conferenceId: number, agencyId: number, attendance: Attendance | null) {
      return change(conferenceId, 'attendance', (state, at) => {
        assertScheduled(state);
        const inv = invitation(conferenceId, agencyId);
        if (attendance !== 'attended' && viewsOf(conferenceId, agencyId).length > 0) {
          throw invalid(
            'attendance',
            `${inv.agencyName} has given views, so cannot be marked “${attendance ? ATTENDANCE_LABELS[attendance] : 'not recorded'}”; withdraw its views first`,
          );
        }
        live.setAttendance(conferenceId, agencyId, attendance, at);
        return { agencyId, before: inv.attendance, attendance };
      });
    },

    setReport(conferenceId: number, agencyId: number, report: ReportState, receivedOn: string | null) {
      return change(conferenceId, 'report', (state, at) => {
        assertScheduled(state);
        invitation(conferenceId, agencyId);
        if (report === 'received' && !receivedOn) throw invalid('receivedOn', 'Enter the date the report was received');
        if (receivedOn && toDayNumber(receivedOn) > toDayNumber(today())) {
          throw invalid('receivedOn', 'The date the report was received must be today or in the past');
        }
        live.setReport(conferenceId, agencyId, report, report === 'received' ? receivedOn : null, at);
        return { agencyId, report };
      });
    },

    /** Records (or, with view null, withdraws) one agency's view for one child. */
    setView(i: {
      conferenceId: number;
      childId: number;
      agencyId: number;
      view: 'plan' | 'no-plan' | null;
      reasons: string;
    }) {
      return change(i.conferenceId, 'view', (state, at) => {
        assertScheduled(state);
        const summary = summaryOf(i.conferenceId);
        const child = summary.children.find((c) => c.id === i.childId);
        if (!child) throw invalid('childId', 'That child is not considered at this conference');
        if (live.outcomes(i.conferenceId).some((o) => o.childId === i.childId)) {
          throw new ServiceError('conflict', `The decision for ${child.givenName} is already recorded`);
        }
        const inv = invitation(i.conferenceId, i.agencyId);
        if (inv.attendance !== 'attended') {
          throw invalid('agencyId', `${inv.agencyName} is not marked as attending, so gives no view`);
        }
        if (i.view === null) live.deleteView(i.conferenceId, i.childId, i.agencyId);
        else
          live.upsertView(
            i.conferenceId,
            { childId: i.childId, agencyId: i.agencyId, view: i.view, reasons: i.reasons.trim() },
            at,
          );
        return { childId: i.childId, agencyId: i.agencyId, view: i.view };
      });
    },

    /** Copies every view (and its reasons) from one child to a sibling not yet decided. */
    copyViews(conferenceId: number, fromChildId: number, toChildId: number) {
      return change(conferenceId, 'copy-views', (state, at) => {
        assertScheduled(state);
        const summary = summaryOf(conferenceId);
        const ids = new Set(summary.children.map((c) => c.id));
        if (!ids.has(fromChildId)) throw invalid('fromChildId', 'That child is not considered at this conference');
        if (!ids.has(toChildId)) throw invalid('toChildId', 'That child is not considered at this conference');
        if (fromChildId === toChildId) throw invalid('toChildId', 'Choose a different child to copy the views to');
        if (live.outcomes(conferenceId).some((o) => o.childId === toChildId)) {
          throw new ServiceError('conflict', 'The decision for that child is already recorded');
        }
        const all = live.views(conferenceId);
        for (const v of all.filter((v) => v.childId === toChildId))
          live.deleteView(conferenceId, toChildId, v.agencyId);
        const copied = all.filter((v) => v.childId === fromChildId);
        for (const v of copied) live.upsertView(conferenceId, { ...v, childId: toChildId }, at);
        return { fromChildId, toChildId, copied: copied.length };
      });
    },

    /** The chair's reason for going ahead although inquorate (null clears it). */
    setInquorateReason(conferenceId: number, reason: string | null) {
      return change(conferenceId, 'inquorate-reason', (state, at) => {
        assertScheduled(state);
        const text = reason?.trim() ?? '';
        live.setInquorateReason(conferenceId, text === '' ? null : text, at);
        return { recorded: text !== '' };
      });
    },

    /** Moves an (inquorate) conference to another date: attendance is cleared, invitations and reports kept. */
    redate(conferenceId: number, date: string, time: string) {
      return change(conferenceId, 'redate', (state, at) => {
        assertScheduled(state);
        if (live.views(conferenceId).length > 0) {
          throw new ServiceError(
            'conflict',
            'Views have been given at this conference; record the decisions instead of re-dating it',
          );
        }
        const before = summaryOf(conferenceId);
        live.redate(conferenceId, date, time, at);
        for (const inv of live.invitations(conferenceId)) live.setAttendance(conferenceId, inv.agencyId, null, at);
        live.setInquorateReason(conferenceId, null, at);
        return { from: `${before.date} ${before.time}`, to: `${date} ${time}` };
      });
    },

    /**
     * Records the decision for one child by the partnership's rule. Refused, naming what to fix,
     * while the conference is inquorate without a recorded reason, while no agency has given a
     * view, while a minority agency's reasons are blank, or without the category a plan needs.
     * When every child is decided the conference concludes (or is adjourned) and what falls due
     * is scheduled.
     */
    recordDecision(i: {
      conferenceId: number;
      childId: number;
      category: Category | null;
      chairDecision?: 'plan' | 'no-plan' | undefined;
    }) {
      const s = settings.get();
      const cal = calendar.calendarFor();
      return change(i.conferenceId, 'decision', (state, at) => {
        assertScheduled(state);
        const current = build(i.conferenceId);
        const child = current.children.find((c) => c.id === i.childId);
        if (!child) throw invalid('childId', 'That child is not considered at this conference');
        if (child.recorded)
          throw new ServiceError('conflict', `The decision for ${child.givenName} is already recorded`);
        if (!current.quoracy.quorate && !state.inquorateReason) {
          throw invalid(
            'quoracy',
            `The conference is not quorate (${current.quoracy.shortfall ?? ''}) Record why it goes ahead, or re-date it.`,
          );
        }
        if (child.views.length === 0) throw invalid('views', `No agency has given a view for ${child.givenName} yet`);
        if (s.outcomeRule === 'chair' && !i.chairDecision)
          throw invalid('chairDecision', 'Record the chair’s decision');
        const names = new Map(current.invitations.map((inv) => [inv.agencyId, inv.agencyName]));
        const outcome = decideOutcome(
          {
            type: state.type,
            date: current.conference.date,
            rule: s.outcomeRule,
            chairDecision: s.outcomeRule === 'chair' ? i.chairDecision : undefined,
            views: child.views.map((v) => ({ agency: names.get(v.agencyId) ?? String(v.agencyId), view: v.view })),
          },
          cal,
        );
        const minority = new Set(outcome.minority);
        const blank = child.views.filter((v) => minority.has(names.get(v.agencyId) ?? '') && v.reasons.trim() === '');
        if (blank.length > 0) {
          const who = blank.map((v) => names.get(v.agencyId)).join(', ');
          throw invalid('reasons', `Record the concerns and reasons of the minority view: ${who}`);
        }
        const decision = recordedDecision(outcome, baseType(state));
        const categoryNeeded = needsCategory(decision);
        if (categoryNeeded && !i.category)
          throw invalid('category', `Choose the category of abuse for ${child.givenName}’s plan`);
        if (!categoryNeeded && i.category)
          throw invalid('category', `No category: ${child.givenName} is not on a plan by this decision`);
        if (i.category === 'MUL' && !s.allowMultipleCategory) {
          throw invalid(
            'category',
            `“${CATEGORY_LABELS.MUL}” is not used in this partnership; choose the main category`,
          );
        }
        live.insertOutcome(i.conferenceId, {
          childId: i.childId,
          result: outcome.result,
          decision,
          interimPlan: outcome.interimPlan,
          reconveneBy: outcome.reconveneBy,
          category: categoryNeeded ? i.category : null,
          escalation: outcome.escalation,
          decidedAt: at,
        });
        if (outcome.escalation === 'principal-officer-review') {
          live.insertFollowUp(
            {
              kind: 'principal-officer-review',
              conferenceId: i.conferenceId,
              childId: i.childId,
              openedOn: current.conference.date,
              dueOn: addWorkingDays(current.conference.date, s.principalOfficerReviewWorkingDays, cal),
            },
            at,
          );
        }
        const outcomes = live.outcomes(i.conferenceId);
        if (outcomes.length === current.children.length) {
          const adjourned = outcomes.filter((o) => o.decision === 'adjourned');
          const reconveneBy =
            adjourned
              .map((o) => o.reconveneBy ?? '')
              .filter(Boolean)
              .sort()[0] ?? null;
          const onPlan = outcomes.some(
            (o) => o.decision === 'plan' || o.decision === 'plan-continues' || o.interimPlan,
          );
          const newPlan = outcomes.some((o) => o.decision === 'plan');
          live.upsertTasks(
            i.conferenceId,
            dueAfterConference(
              { date: current.conference.date, type: state.type },
              { onPlan, newPlan, reconveneBy },
              timescales(s),
              cal,
            ),
          );
          live.setStatus(i.conferenceId, adjourned.length > 0 ? 'adjourned' : 'concluded', at);
          if (state.reconvenesId) live.completeTask(state.reconvenesId, 'reconvene', current.conference.date);
        }
        return { childId: i.childId, result: outcome.result, decision, escalation: outcome.escalation };
      });
    },

    /**
     * Schedules the reconvened conference for an adjourned one, in one step: linked to it, with
     * its adjourned children and its invitations. It must fall within the adjournment (no later
     * than the reconvene-by date).
     */
    scheduleReconvened(i: { conferenceId: number; date: string; time: string; venue: string }) {
      const id = ctx.db.transaction(() => {
        const state = mustState(i.conferenceId);
        if (state.status !== 'adjourned')
          throw new ServiceError('conflict', 'Only an adjourned conference can be reconvened');
        if (state.reconvenedById) throw new ServiceError('conflict', 'The reconvened conference is already scheduled');
        const adjourned = live.outcomes(i.conferenceId).filter((o) => o.decision === 'adjourned');
        const by = adjourned
          .map((o) => o.reconveneBy ?? '')
          .filter(Boolean)
          .sort()[0];
        if (by && i.date > by)
          throw invalid(
            'date',
            `The reconvened conference must be held by ${by}, 15 working days after the conference`,
          );
        if (i.date < state.date) throw invalid('date', 'The reconvened conference must be after the adjourned one');
        const summary = summaryOf(i.conferenceId);
        const at = ctx.now().toISOString();
        const newId = conferences.insert(
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
        live.setReconvenes(newId, i.conferenceId, at);
        for (const inv of live.invitations(i.conferenceId)) {
          live.upsertInvitation(newId, inv.agencyId, inv.representativeName, inv.representativeRole, at);
        }
        audit(ctx, settings.actor(), 'create', 'conference', newId, undefined, {
          reconvenes: i.conferenceId,
          date: i.date,
          time: i.time,
        });
        return newId;
      });
      return summaryOf(id);
    },

    adjournments(): Adjournment[] {
      const cal = calendar.calendarFor();
      const rows = live.adjourned(500);
      const children = live.adjournedChildren(rows.map((r) => r.id));
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
        };
      });
    },

    /** What falls due across all conferences, soonest first, overdue marked. */
    due(limit: number): DueItemRow[] {
      const cal = calendar.calendarFor();
      const on = today();
      const rows = [
        ...live.openTasks(limit).map((t) => ({ ...t, label: DUE_KIND_LABELS[t.kind as DueKind] ?? t.kind })),
        ...live.openFollowUps(limit).map((t) => ({ ...t, label: 'Principal Officer review' })),
      ];
      return rows
        .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.conferenceId - b.conferenceId))
        .slice(0, limit)
        .map((r) => ({
          conferenceId: r.conferenceId,
          conferenceDate: r.conferenceDate,
          conferenceType: r.conferenceType,
          familyName: r.familyName,
          kind: r.kind as DueItemRow['kind'],
          label: r.label,
          due: r.due,
          overdue: r.due < on,
          workingDays: workingDaysBetween(on, r.due, cal),
        }));
    },

    completeTask(conferenceId: number, kind: DueKind) {
      ctx.db.transaction(() => {
        mustState(conferenceId);
        if (live.completeTask(conferenceId, kind, today()) === 0)
          throw invalid('kind', 'That task is not open for this conference');
        audit(ctx, settings.actor(), 'update', 'conference', conferenceId, undefined, { action: 'task-done', kind });
      });
      return this.due(200);
    },

    /** Conferences in the coming weeks with reports still awaited, soonest first. */
    reportsOutstanding(weeks: number) {
      const from = today();
      const to = localIsoDate(new Date(ctx.now().getTime() + weeks * 7 * 86_400_000));
      const s = settings.get();
      const cal = calendar.calendarFor();
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
      for (const r of live.reportsOutstanding(from, to)) {
        const entry = byConference.get(r.id) ?? {
          conferenceId: r.id,
          type: r.type as ConferenceType,
          date: r.date,
          time: r.time,
          familyName: r.family_name,
          reportDue: reportDueDate(r.date, r.type as ConferenceType, timescales(s), cal),
          agencies: [],
        };
        entry.agencies.push(r.agency_name);
        byConference.set(r.id, entry);
      }
      return [...byConference.values()];
    },
  };
}
export type LiveConferenceService = ReturnType<typeof createLiveConferenceService>;
