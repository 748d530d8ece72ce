import { useState, type ReactNode } from 'react';
import { formatLongDate } from '../../../../shared/dates';
import type { View } from '../../../../shared/outcome';
import {
  ATTENDANCE_LABELS,
  CATEGORIES,
  CATEGORY_LABELS,
  DECISION_LABELS,
  type Category,
  type LiveChild,
  type LiveConference,
} from '../../../../shared/schemas/live-conference';
import { invoke } from '../../api/client';
import { formatDate } from '../../app/format';
import { errorFor, type FieldRef } from '../../components/form-errors';
import { Radios, type RadioItem } from '../../components/Radios';
import { DecisionEscalationLinks } from './AgencyEscalationsSection';
import type { FocusAfterRender } from './ChairScreenPage';
import type { LiveConferenceState } from './use-live-conference';
import { ViewRow } from './ViewRow';
import { childName, interimWords, previewText, RESULT_LABELS, viewCounts, viewLabels } from './wording';

interface ChildSectionProps {
  live: LiveConference;
  child: LiveChild;
  state: LiveConferenceState;
  focusAfterRender: FocusAfterRender;
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

/** The decision once recorded, with the views it was made on; nothing here can change. */
function RecordedDecision({ live, child }: { live: LiveConference; child: LiveChild }) {
  const recorded = child.recorded;
  if (!recorded) return null;
  const labels = viewLabels(live.conference.decidesAs);
  const names = new Map(live.invitations.map((i) => [i.agencyId, i.agencyName]));
  const { plan, noPlan } = viewCounts(child);
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
      </dl>
      {child.views.length > 0 && (
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
          </tbody>
        </table>
      )}
      <DecisionEscalationLinks live={live} child={child} />
    </div>
  );
}

/**
 * One child: each attending agency's view and reasons, the outcome rule applied as they are
 * given, and the decision recorded (with the category when a plan is made or continues).
 */
export function ChildSection({ live, child, state, focusAfterRender }: ChildSectionProps) {
  const [category, setCategory] = useState('');
  const [chairDecision, setChairDecision] = useState('');
  const conferenceId = live.conference.id;
  const type = live.conference.decidesAs;
  const labels = viewLabels(type);
  const editable = live.conference.status === 'scheduled' && child.recorded === null;
  const attending = live.invitations.filter((i) => i.attendance === 'attended');
  const absent = live.invitations.filter((i) => i.attendance !== null && i.attendance !== 'attended');
  const byName = new Map(live.invitations.map((i) => [i.agencyName, i.agencyId]));
  const headingId = `child-${child.id}-heading`;

  // Under the majority rule the register names the minority; under the chair rule it is every
  // agency whose view differs from the decision the chair has chosen.
  const minority = new Set<number>(
    live.rule === 'chair'
      ? chairDecision
        ? child.views.filter((v) => v.view !== chairDecision).map((v) => v.agencyId)
        : []
      : (child.preview?.minority ?? []).flatMap((name) => {
          const agencyId = byName.get(name);
          return agencyId === undefined ? [] : [agencyId];
        }),
  );

  function saveView(agencyId: number, view: View | null, reasons: string): Promise<boolean> {
    const childId = child.id;
    return state
      .change(() => invoke('live.setView', { conferenceId, childId, agencyId, view, reasons }), {
        patch: (l) => ({
          ...l,
          children: l.children.map((c) =>
            c.id !== childId
              ? c
              : {
                  ...c,
                  views:
                    view === null
                      ? c.views.filter((v) => v.agencyId !== agencyId)
                      : c.views.some((v) => v.agencyId === agencyId)
                        ? c.views.map((v) => (v.agencyId === agencyId ? { agencyId, view, reasons } : v))
                        : [...c.views, { agencyId, view, reasons }],
                },
          ),
        }),
        fieldFor: (path) => (path === 'reasons' ? `reasons-${childId}-${agencyId}` : `view-${childId}-${agencyId}`),
      })
      .then((result) => {
        if (result && view === null) focusAfterRender(`view-${childId}-${agencyId}`);
        return result !== null;
      });
  }

  function copyTo(target: LiveChild) {
    void state.change(() => invoke('live.copyViews', { conferenceId, fromChildId: child.id, toChildId: target.id }), {
      fieldFor: () => ({ fieldId: `copy-${child.id}-${target.id}`, targetId: `copy-${child.id}-${target.id}` }),
      action: true,
    });
  }

  const needsCategory =
    live.rule === 'chair' ? chairDecision === 'plan' : child.preview !== null && child.preview.decision === 'plan';

  function fieldFor(path: string): FieldRef {
    switch (path) {
      case 'category':
        return `category-${child.id}`;
      case 'chairDecision':
        return `chair-decision-${child.id}`;
      case 'reasons': {
        const first =
          live.rule === 'chair'
            ? child.views.find((v) => minority.has(v.agencyId) && v.reasons.trim() === '')?.agencyId
            : byName.get(child.missingReasons[0] ?? '');
        return first === undefined ? { fieldId: 'reasons', targetId: null } : `reasons-${child.id}-${first}`;
      }
      case 'quoracy':
        return document.getElementById('inquorate-reason')
          ? 'inquorate-reason'
          : { fieldId: 'quoracy', targetId: 'attendance-heading' };
      case 'views': {
        const first = attending[0];
        return first ? `view-${child.id}-${first.agencyId}` : { fieldId: 'views', targetId: 'attendance-heading' };
      }
      default:
        return { fieldId: path, targetId: `record-${child.id}` };
    }
  }

  function record() {
    const chosen = needsCategory && isCategory(category) ? category : null;
    void state
      .change(
        () =>
          invoke('live.recordDecision', {
            conferenceId,
            childId: child.id,
            category: chosen,
            ...(live.rule === 'chair' && (chairDecision === 'plan' || chairDecision === 'no-plan')
              ? { chairDecision }
              : {}),
          }),
        { fieldFor, action: true },
      )
      .then((result) => {
        if (result) focusAfterRender(`decision-${child.id}`);
      });
  }

  const categoryItems: RadioItem[] = CATEGORIES.filter((c) => c !== 'MUL' || live.allowMultipleCategory).map((c) => ({
    value: c,
    label: CATEGORY_LABELS[c],
  }));
  const categoryRadios = (
    <Radios
      id={`category-${child.id}`}
      legend={`Category of abuse for ${child.givenName}’s plan`}
      legendClassName="govuk-fieldset__legend--s"
      items={categoryItems}
      value={category}
      onChange={setCategory}
      error={errorFor(state.errors, `category-${child.id}`)}
      inline
      small
    />
  );

  const siblings = live.children.filter((c) => c.id !== child.id && c.recorded === null);

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
          <p className="govuk-body">No decision was recorded for {child.givenName} at this conference.</p>
        )
      ) : (
        <>
          {attending.length === 0 ? (
            <p className="govuk-body">Record attendance first: only agencies that attend give a view.</p>
          ) : (
            attending.map((invitation) => (
              <ViewRow
                key={invitation.agencyId}
                child={child}
                invitation={invitation}
                labels={labels}
                minority={minority.has(invitation.agencyId)}
                viewError={errorFor(state.errors, `view-${child.id}-${invitation.agencyId}`)}
                reasonsError={errorFor(state.errors, `reasons-${child.id}-${invitation.agencyId}`)}
                onSave={(view, reasons) => saveView(invitation.agencyId, view, reasons)}
                markDirty={state.markDirty}
              />
            ))
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
          {child.views.length > 0 && siblings.length > 0 && (
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
              needsCategory && categoryRadios
            )}
            <button type="button" id={`record-${child.id}`} className="govuk-button" onClick={record}>
              Record decision for {child.givenName}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
