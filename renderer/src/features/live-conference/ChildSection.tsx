import { useState, type ReactNode } from 'react';
import { formatLongDate } from '../../../../shared/dates';
import { categoryAllowed, needsCategory, recordedDecision, type View } from '../../../../shared/outcome';
import {
  ATTENDANCE_LABELS,
  CATEGORIES,
  CATEGORY_LABELS,
  DECISION_LABELS,
  type Category,
  type LiveChild,
  type LiveConference,
} from '../../../../shared/schemas/live-conference';
import type { Result } from '../../../../shared/ipc/result';
import { invoke } from '../../api/client';
import { formatDate } from '../../app/format';
import { ErrorSummary } from '../../components/ErrorSummary';
import { errorFor, type FieldRef, type FormError } from '../../components/form-errors';
import { Radios, type RadioItem } from '../../components/Radios';
import { DecisionEscalationLinks } from './AgencyEscalationsSection';
import type { FocusAfterRender } from './types';
import type { LiveConferenceState } from './use-live-conference';
import { NO_VIEW_LABEL, ViewRow } from './ViewRow';
import { navigate } from '../../app/use-hash-route';
import { stepPath } from './chair-steps';
import { slotVersion } from './versions';
import {
  childName,
  decisionProblems,
  interimWords,
  previewText,
  RESULT_LABELS,
  viewCounts,
  viewLabels,
  type DecisionProblem,
} from './wording';

interface ChildSectionProps {
  live: LiveConference;
  child: LiveChild;
  state: LiveConferenceState;
  focusAfterRender: FocusAfterRender;
  /** The chair's unsent choices for this child, kept by the page across steps. */
  drafts?: { value: ChildDraft; set(draft: ChildDraft): void };
  /** Follows a summary link to a field on another step of the chair's screen (true when it has). */
  onFollowError?: (error: FormError) => boolean;
}

function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

function born(child: LiveChild): string {
  if (child.dateOfBirth) return `born ${formatDate(child.dateOfBirth)}`;
  if (child.expectedDate) return `expected ${formatDate(child.expectedDate)}`;
  return '';
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

/** The decision once recorded, with the views it was made on; changed only by an amendment, openly. */
function RecordedDecision({ live, child }: { live: LiveConference; child: LiveChild }) {
  const recorded = child.recorded;
  if (!recorded) return null;
  const labels = viewLabels(live.conference.decidesAs);
  const names = new Map(live.invitations.map((i) => [i.agencyId, i.agencyName]));
  const { plan, noPlan } = viewCounts(child);
  const amended = live.amendments.filter((a) => a.kind === 'decision' && a.childId === child.id).length;
  return (
    <div className="app-decision app-decision--recorded" data-testid={`decision-${child.id}`}>
      <h3 className="govuk-heading-s" id={`decision-${child.id}`} tabIndex={-1}>
        Decision recorded for {child.givenName}
      </h3>
      <dl className="govuk-summary-list">
        <Row label="Decision">{DECISION_LABELS[recorded.decision]}</Row>
        <Row label="How it was reached">
          {RESULT_LABELS[recorded.result]} ({plan} for, {noPlan} against)
        </Row>
        <Row label="Category">{recorded.category ? CATEGORY_LABELS[recorded.category] : 'None'}</Row>
        {recorded.interimPlan && (
          <Row label="Meanwhile">
            {interimWords(live.conference.decidesAs, child.givenName)} until the reconvened conference
          </Row>
        )}
        {recorded.reconveneBy && <Row label="Reconvene by">{formatLongDate(recorded.reconveneBy)}</Row>}
        {recorded.escalation && <Row label="Escalation">Principal Officer review opened</Row>}
        <Row label="Category at first plan">
          {child.initialCategory ? CATEGORY_LABELS[child.initialCategory] : 'None recorded'}
        </Row>
        <Row label="Latest category">
          {child.latestCategory ? CATEGORY_LABELS[child.latestCategory] : 'None recorded'}
        </Row>
        {amended > 0 && (
          <Row label="Amended">
            {amended === 1 ? 'Once' : `${amended} times`}: see{' '}
            <a className="govuk-link" href={`#${stepPath(live.conference.id, { kind: 'decisions' })}`}>
              Amendments
            </a>
          </Row>
        )}
      </dl>
      {(child.views.length > 0 || child.noViews.length > 0) && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Views given for {child.givenName}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Agency
              </th>
              <th scope="col" className="govuk-table__header">
                View
              </th>
              <th scope="col" className="govuk-table__header">
                Reasons
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {child.views.map((v) => (
              <tr className="govuk-table__row" key={v.agencyId}>
                <th scope="row" className="govuk-table__header">
                  {names.get(v.agencyId) ?? 'Agency'}
                </th>
                <td className="govuk-table__cell">{labels[v.view]}</td>
                <td className="govuk-table__cell app-pre-line">{v.reasons || 'None given'}</td>
              </tr>
            ))}
            {child.noViews.map((v) => (
              <tr className="govuk-table__row" key={v.agencyId}>
                <th scope="row" className="govuk-table__header">
                  {names.get(v.agencyId) ?? 'Agency'}
                </th>
                <td className="govuk-table__cell">No view given</td>
                <td className="govuk-table__cell app-pre-line">{v.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {live.conference.status !== 'cancelled' && (
        <p className="govuk-body">
          <a className="govuk-link" href={`#/conferences/${live.conference.id}/children/${child.id}/amend`}>
            Amend the decision<span className="govuk-visually-hidden"> for {child.givenName}</span>
          </a>
        </p>
      )}
      <DecisionEscalationLinks live={live} child={child} />
    </div>
  );
}

/** Why a child's views cannot be given here: the conference is cancelled, not yet held, or decided. */
function ClosedText({ live, child }: { live: LiveConference; child: LiveChild }) {
  if (live.conference.status === 'cancelled') {
    return <p className="govuk-body">The conference was cancelled: no decision was recorded for {child.givenName}.</p>;
  }
  if (live.conference.future) {
    return (
      <p className="govuk-inset-text" data-testid={`not-open-${child.id}`}>
        {child.givenName}’s views and decision can be recorded from {formatLongDate(live.conference.date)}, the day of
        the conference.
      </p>
    );
  }
  return <p className="govuk-body">No decision was recorded for {child.givenName} at this conference.</p>;
}

/**
 * One child: each attending agency's view and reasons (or the chair's record that it gave none),
 * the outcome rule applied as they are given, every problem still to put right beside the button,
 * and the decision recorded (with the category when a plan is made or continues, or, optionally,
 * when an equally divided conference puts the child on a plan until it reconvenes).
 */
/** A child's choices made on the screen but not yet sent with the decision. */
export interface ChildDraft {
  category?: string;
  chairDecision?: string;
}

export function ChildSection({ live, child, state, focusAfterRender, drafts, onFollowError }: ChildSectionProps) {
  // At a review the child's current category is chosen already: the chair changes it only if it changes.
  // The chair's choices not yet sent (category, the chair's decision) are kept by the page, so
  // they survive a move to another step and back (an error link to the attendance step).
  const [ownDraft, setOwnDraft] = useState<ChildDraft>({});
  const draft = drafts?.value ?? ownDraft;
  const setDraft = drafts?.set ?? setOwnDraft;
  // At a review the child's current category is chosen already: the chair changes it only if it changes.
  const category =
    draft.category ??
    (live.conference.decidesAs === 'review' &&
    child.latestCategory &&
    (child.latestCategory !== 'MUL' || live.allowMultipleCategory)
      ? child.latestCategory
      : '');
  const setCategory = (value: string) => setDraft({ ...draft, category: value });
  const chairDecision = draft.chairDecision ?? '';
  const setChairDecision = (value: string) => setDraft({ ...draft, chairDecision: value });
  const conferenceId = live.conference.id;
  const type = live.conference.decidesAs;
  const labels = viewLabels(type);
  const editable = live.conference.status === 'scheduled' && !live.conference.future && child.recorded === null;
  const attending = live.invitations.filter((i) => i.attendance === 'attended');
  const absent = live.invitations.filter((i) => i.attendance !== null && i.attendance !== 'attended');
  const byName = new Map(live.invitations.map((i) => [i.agencyName, i.agencyId]));
  const headingId = `child-${child.id}-heading`;
  const chosenView: View | null = chairDecision === 'plan' || chairDecision === 'no-plan' ? chairDecision : null;

  // Under the majority rule the register names the minority; under the chair rule it is every
  // agency whose view differs from the decision the chair has chosen.
  const minority = new Set<number>(
    live.rule === 'chair'
      ? chosenView
        ? child.views.filter((v) => v.view !== chosenView).map((v) => v.agencyId)
        : []
      : (child.preview?.minority ?? []).flatMap((name) => {
          const agencyId = byName.get(name);
          return agencyId === undefined ? [] : [agencyId];
        }),
  );
  const names = new Map(live.invitations.map((i) => [i.agencyId, i.agencyName]));
  const minorityMissing =
    live.rule === 'chair'
      ? child.views
          .filter((v) => minority.has(v.agencyId) && v.reasons.trim() === '')
          .map((v) => names.get(v.agencyId) ?? 'Agency')
      : child.missingReasons;

  // What the views decide, in the conference's words: a category is required with a plan, and
  // may be given with an adjournment that puts the child on a plan until the reconvened meeting.
  const outcome =
    live.rule === 'chair'
      ? chosenView
        ? { decision: recordedDecision({ decision: chosenView }, type), interimPlan: false }
        : null
      : child.preview
        ? { decision: recordedDecision(child.preview, type), interimPlan: child.preview.interimPlan }
        : null;
  const categoryRequired = outcome !== null && needsCategory(outcome.decision);
  const categoryShown = outcome !== null && categoryAllowed(outcome.decision, outcome.interimPlan);
  const problems = decisionProblems(live, child, {
    chairDecision: chosenView,
    categoryNeeded: categoryRequired,
    category: isCategory(category) ? category : '',
    minorityMissing,
  });

  /** Shows a change at once: the agency's view, or its record of no view, replaces the other. */
  function patchChild(update: (c: LiveChild) => Pick<LiveChild, 'views' | 'noViews'>) {
    return (l: LiveConference): LiveConference => ({
      ...l,
      children: l.children.map((c) => (c.id !== child.id ? c : { ...c, ...update(c) })),
    });
  }

  function saveView(agencyId: number, view: View | null, reasons: string): Promise<boolean> {
    const childId = child.id;
    return state
      .change(
        () =>
          invoke('live.setView', {
            conferenceId,
            childId,
            agencyId,
            view,
            reasons,
            version: slotVersion(state.latest(), childId, agencyId),
          }),
        {
          patch: patchChild((c) => ({
            noViews: view === null ? c.noViews : c.noViews.filter((v) => v.agencyId !== agencyId),
            views:
              view === null
                ? c.views.filter((v) => v.agencyId !== agencyId)
                : c.views.some((v) => v.agencyId === agencyId)
                  ? c.views.map((v) => (v.agencyId === agencyId ? { ...v, view, reasons } : v))
                  : [...c.views, { agencyId, view, reasons, version: 0 }],
          })),
          fieldFor: (path) => (path === 'reasons' ? `reasons-${childId}-${agencyId}` : `view-${childId}-${agencyId}`),
        },
      )
      .then((result) => {
        if (result && view === null) focusAfterRender(`view-${childId}-${agencyId}`);
        return result !== null;
      });
  }

  function saveNoView(agencyId: number, reason: string | null): Promise<boolean> {
    const childId = child.id;
    return state
      .change(
        () =>
          invoke('live.setNoView', {
            conferenceId,
            childId,
            agencyId,
            reason,
            version: slotVersion(state.latest(), childId, agencyId),
          }),
        {
          patch: patchChild((c) => ({
            views: reason === null ? c.views : c.views.filter((v) => v.agencyId !== agencyId),
            noViews:
              reason === null
                ? c.noViews.filter((v) => v.agencyId !== agencyId)
                : [...c.noViews.filter((v) => v.agencyId !== agencyId), { agencyId, reason, version: 0 }],
          })),
          fieldFor: (path) => (path === 'reason' ? `no-view-${childId}-${agencyId}` : `view-${childId}-${agencyId}`),
        },
      )
      .then((result) => {
        if (result && reason === null) focusAfterRender(`view-${childId}-${agencyId}`);
        return result !== null;
      });
  }

  function copyTo(target: LiveChild) {
    void state.change(() => invoke('live.copyViews', { conferenceId, fromChildId: child.id, toChildId: target.id }), {
      fieldFor: () => ({ fieldId: `copy-${child.id}-${target.id}`, targetId: `copy-${child.id}-${target.id}` }),
      action: true,
    });
  }

  /** One view from every attending agency that has given none yet; each can then be changed on its own. */
  function setAllViews(view: View) {
    const childId = child.id;
    void state
      .change(() => invoke('live.setAllViews', { conferenceId, childId, view }), {
        fieldFor: () => ({ fieldId: `all-views-${childId}`, targetId: `all-views-${childId}-${view}` }),
        action: true,
      })
      .then((result) => {
        if (result) focusAfterRender(headingId);
      });
  }

  function firstUnconsulted(): number | undefined {
    const name = child.unconsulted[0];
    return name === undefined ? attending[0]?.agencyId : byName.get(name);
  }

  function fieldFor(path: string): FieldRef {
    switch (path) {
      case 'category':
        return `category-${child.id}`;
      case 'chairDecision':
        return `chair-decision-${child.id}`;
      case 'reasons': {
        const first = byName.get(minorityMissing[0] ?? '');
        return first === undefined ? { fieldId: 'reasons', targetId: null } : `reasons-${child.id}-${first}`;
      }
      case 'quoracy':
        // The reason's box is on the Attendance step, shown once attendance is taken and the
        // conference is not quorate: the summary's link goes to that step and focuses it.
        return !live.quoracy.quorate && live.invitations.some((i) => i.attendance !== null)
          ? 'inquorate-reason'
          : { fieldId: 'quoracy', targetId: 'attendance-heading' };
      case 'views': {
        const first = firstUnconsulted();
        return first !== undefined ? `view-${child.id}-${first}` : { fieldId: 'views', targetId: 'attendance-heading' };
      }
      default:
        return { fieldId: path, targetId: `record-${child.id}` };
    }
  }

  const PROBLEM_PATHS: Record<DecisionProblem['kind'], string> = {
    quoracy: 'quoracy',
    unconsulted: 'views',
    'no-views': 'views',
    'chair-decision': 'chairDecision',
    minority: 'reasons',
    category: 'category',
  };

  function record() {
    const chosen = categoryShown && isCategory(category) ? category : null;
    void state
      .change(
        async () => {
          // Checked when its turn comes, against the register's answer to every earlier change (a
          // reason typed just before the click is saved first), and every problem shown at once,
          // each linked to where it is put right, rather than one refusal at a time.
          const current = state.latest();
          const now = current?.children.find((c) => c.id === child.id);
          const found =
            current && now
              ? decisionProblems(current, now, {
                  chairDecision: chosenView,
                  categoryNeeded: categoryRequired,
                  category: chosen ?? '',
                  minorityMissing: live.rule === 'chair' ? minorityMissing : now.missingReasons,
                })
              : [];
          if (found.length > 0) {
            return {
              ok: false,
              error: {
                code: 'invalid-input',
                message: found.map((p) => p.message).join('; '),
                issues: found.map((p) => ({ path: PROBLEM_PATHS[p.kind], message: p.message })),
              },
            } satisfies Result<LiveConference>;
          }
          return invoke('live.recordDecision', {
            conferenceId,
            childId: child.id,
            category: chosen,
            ...(live.rule === 'chair' && chosenView ? { chairDecision: chosenView } : {}),
          });
        },
        { fieldFor, action: true, summaryAt: summaryId },
      )
      .then((result) => {
        if (!result) return;
        // An equally divided conference adjourns: what comes next is scheduling the reconvened
        // conference, so the screen goes there (the Decisions step, focus on the form's heading).
        if (result.conference.status === 'adjourned' && live.conference.status !== 'adjourned')
          navigate(`/conferences/${conferenceId}/reconvene`);
        else focusAfterRender(`decision-${child.id}`);
      });
  }

  const interim = outcome?.decision === 'adjourned';
  const categoryItems: RadioItem[] = CATEGORIES.filter((c) => c !== 'MUL' || live.allowMultipleCategory).map((c) => ({
    value: c,
    label: CATEGORY_LABELS[c],
  }));
  const categoryRadios = (
    <Radios
      id={`category-${child.id}`}
      legend={
        interim
          ? `Category of abuse for ${child.givenName}’s plan meanwhile (optional)`
          : `Category of abuse for ${child.givenName}’s plan`
      }
      legendClassName="govuk-fieldset__legend--s"
      hint={
        interim
          ? `${interimWords(type, child.givenName)}, until the reconvened conference decides. Record the category now if it is known.`
          : undefined
      }
      items={categoryItems}
      value={category}
      onChange={setCategory}
      error={errorFor(state.errors, `category-${child.id}`)}
      inline
      small
    />
  );

  const siblings = live.children.filter((c) => c.id !== child.id && c.recorded === null);
  const problemsId = `decision-problems-${child.id}`;
  const summaryId = `decision-summary-${child.id}`;
  const summaryErrors = state.errorsAt === summaryId ? state.errors : [];
  const withoutView = attending.filter(
    (i) => !child.views.some((v) => v.agencyId === i.agencyId) && !child.noViews.some((v) => v.agencyId === i.agencyId),
  );

  return (
    <section className="app-chair-section app-child" aria-labelledby={headingId} data-testid={`child-${child.id}`}>
      <h2 className="govuk-heading-m" id={headingId} tabIndex={-1}>
        <span className="govuk-caption-m">Views and decision</span>
        {childName(child)}
        {born(child) && <span className="app-heading-detail">, {born(child)}</span>}
      </h2>

      {!editable ? (
        child.recorded ? (
          <RecordedDecision live={live} child={child} />
        ) : (
          <ClosedText live={live} child={child} />
        )
      ) : (
        <>
          {attending.length === 0 ? (
            <p className="govuk-body">Record attendance first: only agencies that attend give a view.</p>
          ) : (
            <>
              <p className="govuk-hint">
                Every agency that attended is consulted: record its view, or choose “{NO_VIEW_LABEL}” and say why.
              </p>
              {withoutView.length > 0 && (
                <div className="govuk-button-group" data-testid={`all-views-${child.id}`}>
                  {(['plan', 'no-plan'] as const).map((view) => (
                    <button
                      key={view}
                      type="button"
                      id={`all-views-${child.id}-${view}`}
                      className="govuk-button govuk-button--secondary"
                      onClick={() => setAllViews(view)}
                    >
                      {withoutView.length === attending.length ? 'All agencies' : 'All agencies without a view'}:{' '}
                      {labels[view].toLowerCase()}
                      <span className="govuk-visually-hidden"> for {child.givenName}</span>
                    </button>
                  ))}
                </div>
              )}
              {errorFor(state.errors, `all-views-${child.id}`) && (
                <p className="govuk-error-message" id={`all-views-${child.id}-error`}>
                  <span className="govuk-visually-hidden">Error:</span>{' '}
                  {errorFor(state.errors, `all-views-${child.id}`)}
                </p>
              )}
              {attending.map((invitation) => (
                <ViewRow
                  key={invitation.agencyId}
                  child={child}
                  invitation={invitation}
                  labels={labels}
                  minority={minority.has(invitation.agencyId)}
                  viewError={errorFor(state.errors, `view-${child.id}-${invitation.agencyId}`)}
                  reasonsError={errorFor(state.errors, `reasons-${child.id}-${invitation.agencyId}`)}
                  noViewError={errorFor(state.errors, `no-view-${child.id}-${invitation.agencyId}`)}
                  onSave={(view, reasons) => saveView(invitation.agencyId, view, reasons)}
                  onSaveNoView={(reason) => saveNoView(invitation.agencyId, reason)}
                  markDirty={state.markDirty}
                />
              ))}
            </>
          )}
          {absent.length > 0 && (
            <p className="govuk-hint">
              No view from{' '}
              {absent
                .map((i) => `${i.agencyName} (${i.attendance ? ATTENDANCE_LABELS[i.attendance].toLowerCase() : ''})`)
                .join(', ')}
              .
            </p>
          )}
          {(child.views.length > 0 || child.noViews.length > 0) && siblings.length > 0 && (
            <div className="govuk-button-group">
              {siblings.map((sibling) => (
                <button
                  key={sibling.id}
                  type="button"
                  id={`copy-${child.id}-${sibling.id}`}
                  className="govuk-button govuk-button--secondary"
                  onClick={() => copyTo(sibling)}
                >
                  Copy {child.givenName}’s views to {sibling.givenName}
                </button>
              ))}
            </div>
          )}

          <div className="app-decision">
            <h3 className="govuk-heading-s">Decision for {child.givenName}</h3>
            <p className="govuk-body" data-testid={`preview-${child.id}`}>
              {previewText(child, live)}
            </p>
            {live.rule === 'chair' ? (
              <Radios
                id={`chair-decision-${child.id}`}
                legend="The chair’s decision, having heard all views"
                legendClassName="govuk-fieldset__legend--s"
                items={[
                  { value: 'plan', label: labels.plan, conditional: categoryRadios },
                  { value: 'no-plan', label: labels['no-plan'] },
                ]}
                value={chairDecision}
                onChange={setChairDecision}
                error={errorFor(state.errors, `chair-decision-${child.id}`)}
                small
              />
            ) : (
              categoryShown && categoryRadios
            )}
            {summaryErrors.length > 0 && (
              <div id={summaryId} data-testid={summaryId}>
                <ErrorSummary errors={summaryErrors} onFollow={onFollowError} />
              </div>
            )}
            {problems.length > 0 && summaryErrors.length === 0 && (
              <div className="app-decision-problems" id={problemsId} data-testid={problemsId}>
                <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
                  Before the decision can be recorded:
                </p>
                <ul className="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
                  {problems.map((p) => (
                    <li key={p.kind}>{p.message}</li>
                  ))}
                </ul>
              </div>
            )}
            <button
              type="button"
              id={`record-${child.id}`}
              className="govuk-button govuk-!-margin-bottom-0"
              aria-describedby={problems.length > 0 ? problemsId : undefined}
              onClick={record}
            >
              Record decision for {child.givenName}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
