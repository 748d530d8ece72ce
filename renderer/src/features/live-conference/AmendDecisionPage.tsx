import { useState, type FormEvent } from 'react';
import {
  categoryAllowed,
  decideOutcome,
  needsCategory,
  recordedDecision,
  type Outcome,
  type RecordedDecision,
  type View,
} from '../../../../shared/outcome';
import { MAX_REASON, MAX_REASONS } from '../../../../shared/schemas/limits';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  DECISION_LABELS,
  type Category,
  type Invitation,
  type LiveChild,
  type LiveConference,
} from '../../../../shared/schemas/live-conference';
import { createCalendar } from '../../../../shared/working-days';
import { invoke } from '../../api/client';
import { useApi } from '../../api/use-api';
import { Page } from '../../app/Page';
import { navigate } from '../../app/use-hash-route';
import { errorFor, errorsFromApi, type FieldRef, type FormError } from '../../components/form-errors';
import { LoadCurrentVersion } from '../../components/LoadCurrentVersion';
import { Radios } from '../../components/Radios';
import { Textarea } from '../../components/Textarea';
import { ConferenceNotLoaded, conferenceTitle } from '../conferences/conference-parts';
import { childName, listWords, RESULT_LABELS, viewLabels } from './wording';
import './chair-screen.scss';

const TITLE = 'Amend a decision';
const NONE = 'none';

type Choice = '' | View | typeof NONE;

interface Entry {
  choice: Choice;
  /** The reasons for a view. */
  reasons: string;
  /** Why no view was given. */
  why: string;
}

/**
 * The preview needs only the rule's counting: a reconvene-by date (the one thing that needs the
 * bank holidays) is never shown here, because an amendment cannot adjourn.
 */
const NO_HOLIDAYS = createCalendar({ holidays: [], coverage: null });

function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

function entryOf(child: LiveChild, agencyId: number): Entry {
  const view = child.views.find((v) => v.agencyId === agencyId);
  if (view) return { choice: view.view, reasons: view.reasons, why: '' };
  const none = child.noViews.find((v) => v.agencyId === agencyId);
  if (none) return { choice: NONE, reasons: '', why: none.reason };
  return { choice: '', reasons: '', why: '' };
}

function viewOf(decision: RecordedDecision): View | '' {
  if (decision === 'plan' || decision === 'plan-continues') return 'plan';
  if (decision === 'no-plan' || decision === 'plan-ends') return 'no-plan';
  return '';
}

interface Problem {
  path: string;
  message: string;
}

/**
 * Amends one child's recorded decision, openly: the views (or records of no view) and the category
 * corrected, the outcome worked out again by the partnership's rule as they are changed, and the
 * reason for the amendment (required). The register keeps who, when, why and each value before
 * and after, shows them on the conference under "Amendments", and marks documents made from the
 * old values as superseded.
 */
function AmendForm({
  live,
  child,
  onLoadCurrent,
}: {
  live: LiveConference;
  child: LiveChild;
  onLoadCurrent: () => void;
}) {
  const recorded = child.recorded;
  const attending = live.invitations.filter((i) => i.attendance === 'attended');
  const labels = viewLabels(live.conference.decidesAs);
  const [entries, setEntries] = useState<Map<number, Entry>>(
    () => new Map(attending.map((i) => [i.agencyId, entryOf(child, i.agencyId)])),
  );
  const [category, setCategory] = useState<string>(recorded?.category ?? '');
  const [chairDecision, setChairDecision] = useState<View | ''>(recorded ? viewOf(recorded.decision) : '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  if (!recorded) return null;

  const entry = (agencyId: number) => entries.get(agencyId) ?? { choice: '', reasons: '', why: '' };
  const update = (agencyId: number, change: Partial<Entry>) =>
    setEntries((previous) => new Map(previous).set(agencyId, { ...entry(agencyId), ...change }));

  // The outcome by the partnership's rule on the views as they now stand.
  const views = attending.flatMap((i) => {
    const e = entry(i.agencyId);
    return e.choice === 'plan' || e.choice === 'no-plan' ? [{ agency: i.agencyName, view: e.choice }] : [];
  });
  const outcome: Outcome | null =
    views.length === 0 || (live.rule === 'chair' && chairDecision === '')
      ? null
      : decideOutcome(
          {
            type: live.conference.type,
            date: live.conference.date,
            rule: live.rule,
            chairDecision: live.rule === 'chair' && chairDecision !== '' ? chairDecision : undefined,
            views,
          },
          NO_HOLIDAYS,
        );
  const decision = outcome ? recordedDecision(outcome, live.conference.decidesAs) : null;
  const plan = views.filter((v) => v.view === 'plan').length;
  const showCategory = decision !== null && outcome !== null && categoryAllowed(decision, outcome.interimPlan);
  const minority = new Set(outcome?.minority ?? []);

  const problems: Problem[] = [];
  const unconsulted = attending.filter((i) => {
    const e = entry(i.agencyId);
    return e.choice === '' || (e.choice === NONE && e.why.trim() === '');
  });
  if (unconsulted.length > 0) {
    problems.push({
      path: 'views',
      message: `Every agency that attended is consulted: record ${child.givenName}’s view from ${listWords(unconsulted.map((i) => i.agencyName))}, or record that it gave none and why`,
    });
  } else if (views.length === 0) {
    problems.push({ path: 'views', message: `No agency has given a view for ${child.givenName} yet` });
  }
  if (live.rule === 'chair' && chairDecision === '') {
    problems.push({ path: 'chairDecision', message: 'Record the chair’s decision' });
  }
  const missing = attending.filter((i) => minority.has(i.agencyName) && entry(i.agencyId).reasons.trim() === '');
  if (missing.length > 0) {
    problems.push({
      path: 'reasons',
      message: `Record the concerns and reasons of the minority view: ${missing.map((i) => i.agencyName).join(', ')}`,
    });
  }
  if (decision !== null && (decision === 'adjourned') !== (recorded.decision === 'adjourned')) {
    problems.push({
      path: 'views',
      message:
        decision === 'adjourned'
          ? `These views are equally divided, which would adjourn ${child.givenName}’s decision; an amendment cannot adjourn a decided conference`
          : `${child.givenName}’s decision was adjourned; it is decided by the reconvened conference, not by an amendment`,
    });
  }
  if (decision !== null && needsCategory(decision) && !isCategory(category)) {
    problems.push({ path: 'category', message: `Choose the category of abuse for ${child.givenName}’s plan` });
  }

  // What is sent: only what differs from the record.
  function changes() {
    const changedViews: { agencyId: number; view: View | null; reasons: string }[] = [];
    const changedNoViews: { agencyId: number; reason: string | null }[] = [];
    for (const i of attending) {
      const before = entryOf(child, i.agencyId);
      const now = entry(i.agencyId);
      if (now.choice === 'plan' || now.choice === 'no-plan') {
        if (before.choice !== now.choice || before.reasons.trim() !== now.reasons.trim()) {
          changedViews.push({ agencyId: i.agencyId, view: now.choice, reasons: now.reasons });
        }
      } else if (now.choice === NONE) {
        if (before.choice !== NONE || before.why.trim() !== now.why.trim()) {
          changedNoViews.push({ agencyId: i.agencyId, reason: now.why });
        }
      }
    }
    const newCategory = showCategory && isCategory(category) ? category : null;
    const categoryChanged = newCategory !== (recorded?.category ?? null);
    return { changedViews, changedNoViews, newCategory, categoryChanged };
  }

  /** `sent` says which agency each `views.N` and `noViews.N` of a refused call was about. */
  function fieldFor(path: string, sent: { views: number[]; noViews: number[] } = { views: [], noViews: [] }): FieldRef {
    if (path === 'reason') return 'amend-reason';
    if (path === 'category') return 'amend-category';
    if (path === 'chairDecision') return 'amend-chair-decision';
    if (path === 'views') {
      const first = unconsulted[0] ?? attending[0];
      return first ? `amend-view-${first.agencyId}` : { fieldId: 'views', targetId: null };
    }
    if (path === 'reasons') {
      const first = missing[0];
      return first ? `amend-reasons-${first.agencyId}` : { fieldId: 'reasons', targetId: null };
    }
    const item = /^(views|noViews)\.(\d+)\.(\w+)$/.exec(path);
    if (item) {
      const agencyId = (item[1] === 'views' ? sent.views : sent.noViews)[Number(item[2])];
      if (agencyId !== undefined) {
        if (item[3] === 'reasons') return `amend-reasons-${agencyId}`;
        if (item[3] === 'reason') return `amend-why-${agencyId}`;
        return `amend-view-${agencyId}`;
      }
    }
    return { fieldId: path, targetId: null };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || !recorded) return;
    const { changedViews, changedNoViews, newCategory, categoryChanged } = changes();
    const found: Problem[] = [...problems];
    if (reason.trim() === '') found.push({ path: 'reason', message: 'Enter why the decision is amended' });
    const chairChanged = live.rule === 'chair' && chairDecision !== viewOf(recorded.decision);
    if (changedViews.length === 0 && changedNoViews.length === 0 && !categoryChanged && !chairChanged) {
      found.unshift({
        path: '',
        message: 'Nothing would change: give the corrected views or category to amend the decision',
      });
    }
    if (found.length > 0) {
      setErrors(found.map((p) => toError(p.path, p.message)));
      return;
    }
    const sent = { views: changedViews.map((v) => v.agencyId), noViews: changedNoViews.map((v) => v.agencyId) };
    setBusy(true);
    const result = await invoke('live.amendDecision', {
      conferenceId: live.conference.id,
      childId: child.id,
      version: recorded.version,
      reason,
      views: changedViews,
      noViews: changedNoViews,
      ...(categoryChanged ? { category: newCategory } : {}),
      ...(live.rule === 'chair' && chairDecision !== '' ? { chairDecision } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      setErrors(errorsFromApi(result.error, (path) => fieldFor(path, sent), { keepAll: true }));
      return;
    }
    navigate(`/conferences/${live.conference.id}`, {
      heading: `Decision for ${child.givenName} amended`,
      body: 'The amendment, its reason and the values before and after are listed under Amendments.',
    });
  }

  function toError(path: string, message: string): FormError {
    const ref = path === '' ? { fieldId: '', targetId: null } : fieldFor(path);
    return typeof ref === 'string' ? { fieldId: ref, targetId: ref, message } : { ...ref, message };
  }

  const reasonsBox = (i: Invitation) => {
    const e = entry(i.agencyId);
    const inMinority = minority.has(i.agencyName);
    return (
      <Textarea
        id={`amend-reasons-${i.agencyId}`}
        label={
          <>
            Reasons<span className="govuk-visually-hidden"> given by {i.agencyName}</span>
          </>
        }
        hint={inMinority ? 'Minority view: record its concerns and reasons in full' : undefined}
        value={e.reasons}
        onChange={(reasons) => update(i.agencyId, { reasons })}
        error={errorFor(errors, `amend-reasons-${i.agencyId}`)}
        rows={3}
        characterLimit={MAX_REASONS}
      />
    );
  };

  const categoryItems = CATEGORIES.filter((c) => c !== 'MUL' || live.allowMultipleCategory).map((c) => ({
    value: c,
    label: CATEGORY_LABELS[c],
  }));
  const changedDecision = decision !== null && decision !== recorded.decision;

  return (
    <Page
      title={TITLE}
      heading={`Amend the decision for ${childName(child)}`}
      caption={conferenceTitle(live)}
      errors={errors}
    >
      <p className="govuk-body">
        Correct the views or the category recorded, and say why. The outcome is worked out again by the partnership’s
        rule. The amendment, who made it and when, its reason and the values before and after are kept with the record
        and shown on the conference; documents made from the old values are marked as superseded.
      </p>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Recorded decision</dt>
          <dd className="govuk-summary-list__value">
            {DECISION_LABELS[recorded.decision]}
            {recorded.category ? ` – ${CATEGORY_LABELS[recorded.category]}` : ''} (
            {RESULT_LABELS[recorded.result].toLowerCase()})
          </dd>
        </div>
      </dl>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <h2 className="govuk-heading-m">Views</h2>
        {attending.map((i) => {
          const e = entry(i.agencyId);
          return (
            <Radios
              key={i.agencyId}
              id={`amend-view-${i.agencyId}`}
              legend={
                <>
                  {i.agencyName}
                  <span className="govuk-visually-hidden"> – view for {child.givenName}</span>
                </>
              }
              legendClassName="govuk-fieldset__legend--s"
              items={[
                { value: 'plan', label: labels.plan, conditional: reasonsBox(i) },
                { value: 'no-plan', label: labels['no-plan'], conditional: reasonsBox(i) },
                {
                  value: NONE,
                  label: 'Gave no view',
                  conditional: (
                    <Textarea
                      id={`amend-why-${i.agencyId}`}
                      label={
                        <>
                          Why no view was given<span className="govuk-visually-hidden"> by {i.agencyName}</span>
                        </>
                      }
                      value={e.why}
                      onChange={(why) => update(i.agencyId, { why })}
                      error={errorFor(errors, `amend-why-${i.agencyId}`)}
                      rows={2}
                      characterLimit={MAX_REASON}
                    />
                  ),
                },
              ]}
              value={e.choice}
              onChange={(value) => {
                if (value === 'plan' || value === 'no-plan' || value === NONE) update(i.agencyId, { choice: value });
              }}
              error={errorFor(errors, `amend-view-${i.agencyId}`)}
              small
            />
          );
        })}

        {live.rule === 'chair' && (
          <Radios
            id="amend-chair-decision"
            legend="The chair’s decision, having heard all views"
            legendClassName="govuk-fieldset__legend--s"
            items={[
              { value: 'plan', label: labels.plan },
              { value: 'no-plan', label: labels['no-plan'] },
            ]}
            value={chairDecision}
            onChange={(value) => {
              if (value === 'plan' || value === 'no-plan') setChairDecision(value);
            }}
            error={errorFor(errors, 'amend-chair-decision')}
            small
          />
        )}

        <div className="app-decision govuk-!-margin-bottom-6" data-testid="amended-outcome" aria-live="polite">
          <h2 className="govuk-heading-s">The decision with these views</h2>
          <p className="govuk-body govuk-!-margin-bottom-1">
            {decision && outcome
              ? `${DECISION_LABELS[decision]} (${RESULT_LABELS[outcome.result].toLowerCase()}, ${plan} for, ${views.length - plan} against)`
              : 'No decision yet: give the views.'}
          </p>
          <p className="govuk-body govuk-!-margin-bottom-0">
            {changedDecision
              ? `This changes the decision from “${DECISION_LABELS[recorded.decision]}” to “${DECISION_LABELS[decision]}”.`
              : 'The decision itself stays as recorded.'}
          </p>
          {problems.length > 0 && (
            <div className="app-decision-problems govuk-!-margin-top-3 govuk-!-margin-bottom-0">
              <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
                Before the amendment can be saved:
              </p>
              <ul className="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
                {problems.map((p) => (
                  <li key={p.message}>{p.message}</li>
                ))}
              </ul>
            </div>
          )}
        </div>

        {showCategory && (
          <Radios
            id="amend-category"
            legend={`Category of abuse for ${child.givenName}’s plan${decision === 'adjourned' ? ' meanwhile (optional)' : ''}`}
            legendClassName="govuk-fieldset__legend--s"
            items={categoryItems}
            value={category}
            onChange={setCategory}
            error={errorFor(errors, 'amend-category')}
            inline
            small
          />
        )}

        <Textarea
          id="amend-reason"
          label="Why is the decision amended?"
          labelClassName="govuk-label--m"
          hint="For example, the police view was recorded against the wrong child. Your reason, your name and the time are kept with the record."
          value={reason}
          onChange={setReason}
          error={errorFor(errors, 'amend-reason')}
          rows={3}
          characterLimit={MAX_REASON}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button">
            Save the amendment
          </button>
          <LoadCurrentVersion errors={errors} onLoad={onLoadCurrent} />
          <a href={`#/conferences/${live.conference.id}`} className="govuk-link">
            Back to the conference without amending
          </a>
        </div>
      </form>
    </Page>
  );
}

export function AmendDecisionPage({ conferenceId, childId }: { conferenceId: number; childId: number }) {
  const { data, error, reload } = useApi('live.get', { id: conferenceId });
  if (!data) return <ConferenceNotLoaded title={TITLE} error={error} />;
  const child = data.children.find((c) => c.id === childId);
  if (!child || !child.recorded || data.conference.status === 'cancelled') {
    return (
      <Page title={TITLE} caption={conferenceTitle(data)}>
        <p className="govuk-body">
          {child
            ? data.conference.status === 'cancelled'
              ? 'This conference was cancelled: there is no decision to amend.'
              : `No decision is recorded for ${child.givenName} yet: record it on the conference’s page rather than amend it.`
            : 'This child is not considered at this conference.'}
        </p>
        <p className="govuk-body">
          <a href={`#/conferences/${conferenceId}`} className="govuk-link">
            Back to the conference
          </a>
        </p>
      </Page>
    );
  }
  return <AmendForm key={child.recorded.version} live={data} child={child} onLoadCurrent={reload} />;
}
