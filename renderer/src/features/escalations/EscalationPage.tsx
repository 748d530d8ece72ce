import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { formatLongDate } from '../../../../shared/dates';
import {
  clockedStages,
  limitWords,
  nextStage,
  type Protocol,
  type ProtocolStage,
} from '../../../../shared/escalation-protocols';
import { ethnicityLabel, genderLabel, sendLabel } from '../../../../shared/schemas/child-characteristics';
import { NATURE_LABELS, type Escalation } from '../../../../shared/schemas/escalation';
import { MAX_ACTION, MAX_LONG_TEXT } from '../../../../shared/schemas/limits';
import { invoke } from '../../api/client';
import { escalationPath, type EscalationAction } from '../../app/routes';
import { formatDate } from '../../app/format';
import { Page } from '../../app/Page';
import { DateInput } from '../../components/DateInput';
import { datePartsToString, type DateParts } from '../../components/date-parts';
import { CorrectionsHistory } from '../../components/CorrectionsHistory';
import { errorFor, errorsFromApi, type FormError } from '../../components/form-errors';
import { LoadCurrentVersion } from '../../components/LoadCurrentVersion';
import { NotificationBanner } from '../../components/NotificationBanner';
import { Radios } from '../../components/Radios';
import { Textarea } from '../../components/Textarea';
import { TextInput } from '../../components/TextInput';
import { WarningText } from '../../components/WarningText';
import { History } from '../audit/History';
import { DocumentsMade } from '../letters/DocumentsMade';
import { ActionForm, ActionLink, actionButtonId, returnRecorded, takeRecorded, takeReturnFocus } from './ActionForm';
import { CorrectDetailsForm } from './CorrectDetailsForm';
import { DebriefForm, ResolutionStageCard } from './Debrief';
import {
  Clock,
  EMPTY_PERSON,
  escalatingPersonInput,
  fieldMapper,
  partsOf,
  PersonFields,
  personInput,
  personDraft,
  personText,
  refuse,
  SummaryRow,
  today,
  type PersonDraft,
} from './escalation-parts';
import { ImmediateRiskPanel } from './ImmediateRiskPanel';
import { ReviewMeetingForm, ReviewMeetingRecord } from './ReviewMeeting';
import type { FormProps, Stage } from './types';
import './escalations.scss';

const STATUS_LABELS: Record<Escalation['status'], string> = {
  open: 'Open',
  resolved: 'Closed: resolved',
  'closed-unresolved': 'Closed: not resolved',
};

/** "Appendix 5: … at stages 5 and 6": the protocol's own formal record and the stages that make it. */
function formalRecordText(protocol: Protocol): string {
  const numbers = protocol.stages.filter((s) => s.formalRecord).map((s) => s.number);
  const name = protocol.formalRecordName || 'Record on the child’s file';
  if (numbers.length === 0) return name;
  const list =
    numbers.length === 1 ? `stage ${numbers[0]}` : `stages ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
  return `${name}, at ${list}`;
}

function StageCard({ stage, immediateRisk }: { stage: Stage; immediateRisk: boolean }) {
  return (
    <div className="govuk-summary-card" data-testid={`stage-${stage.number}`}>
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">
          Stage {stage.number}: {stage.name}
          {stage.formalRecord && (
            <>
              {' '}
              <strong className="govuk-tag govuk-tag--purple">Formal record</strong>
            </>
          )}
          {stage.closedOn === null && stage.clock && (
            <>
              {' '}
              <strong className="govuk-tag govuk-tag--blue">Current stage</strong>
            </>
          )}
        </h3>
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          <SummaryRow label="Opened">{formatLongDate(stage.openedOn)}</SummaryRow>
          <SummaryRow label="Time limit">
            <span data-testid={`stage-${stage.number}-limit`}>{stage.limit}</span>
            {immediateRisk && (
              <span className="govuk-!-display-block">
                Immediate risk: due the day the stage opened, not on this limit
              </span>
            )}
          </SummaryRow>
          <SummaryRow label="Due">
            <span data-testid={`stage-${stage.number}-due`}>{formatLongDate(stage.dueOn)}</span>
            {stage.clock && (
              <>
                {' '}
                <span data-testid={`stage-${stage.number}-clock`}>
                  <Clock {...stage.clock} />
                </span>
              </>
            )}
          </SummaryRow>
          <SummaryRow label="Escalated by">{personText(stage.escalatedBy)}</SummaryRow>
          <SummaryRow label="Escalated to">{personText(stage.escalatedTo)}</SummaryRow>
          {stage.concerns && (
            <SummaryRow label="Concerns">
              <span className="app-pre-line">{stage.concerns}</span>
            </SummaryRow>
          )}
          <SummaryRow label="Response">
            {stage.response ? (
              <>
                {personText(stage.response)}
                {stage.response.on && <>, {formatLongDate(stage.response.on)}</>}
                {stage.response.summary && (
                  <span className="govuk-!-display-block app-pre-line">{stage.response.summary}</span>
                )}
              </>
            ) : (
              'None recorded'
            )}
          </SummaryRow>
          <SummaryRow label="Resolved">
            {stage.resolved === null ? 'Not yet known' : stage.resolved ? 'Yes' : 'No'}
          </SummaryRow>
          {stage.learning && (
            <SummaryRow label="Key learning">
              <span className="app-pre-line">{stage.learning}</span>
            </SummaryRow>
          )}
          {stage.closedOn && <SummaryRow label="Closed">{formatLongDate(stage.closedOn)}</SummaryRow>}
        </dl>
      </div>
    </div>
  );
}

function YesNo({
  id,
  legend,
  value,
  onChange,
  errors,
}: {
  id: string;
  legend: ReactNode;
  value: string;
  onChange(value: string): void;
  errors: readonly FormError[];
}) {
  return (
    <Radios
      id={id}
      legend={legend}
      legendClassName="govuk-fieldset__legend--s"
      items={[
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No' },
      ]}
      value={value}
      onChange={onChange}
      error={errorFor(errors, id)}
      inline
      small
    />
  );
}

const yesNo = (v: string): boolean | undefined => (v === 'yes' ? true : v === 'no' ? false : undefined);

function RespondForm({ escalation, stage, errors, send }: FormProps & { stage: Stage }) {
  const [from, setFrom] = useState<PersonDraft>(EMPTY_PERSON);
  const [on, setOn] = useState<DateParts>(partsOf(today()));
  const [summary, setSummary] = useState('');
  const [resolved, setResolved] = useState('');
  const [learning, setLearning] = useState('');
  const fieldFor = fieldMapper(
    {
      responseFrom: 'respond-from',
      responseOn: 'respond-on',
      summary: 'respond-summary',
      resolved: 'respond-resolved',
      learning: 'respond-learning',
    },
    ['responseOn'],
  );
  async function submit(event: FormEvent) {
    event.preventDefault();
    const decided = yesNo(resolved);
    if (decided === undefined) {
      await send(() => refuse('resolved', 'Say whether the response resolved the difference'), fieldFor, '');
      return;
    }
    await send(
      () =>
        invoke('escalations.respond', {
          escalationId: escalation.id,
          version: escalation.version,
          number: stage.number,
          responseFrom: personInput(from),
          responseOn: datePartsToString(on),
          summary,
          resolved: decided,
          learning: learning.trim() || null,
        }),
      fieldFor,
      `Response recorded at stage ${stage.number}`,
    );
  }
  const changing = stage.response !== null;
  return (
    <ActionForm
      escalationId={escalation.id}
      action="respond"
      heading={changing ? `Change the response at stage ${stage.number}` : 'Record the response'}
      headingId="respond-heading"
      submitText="Record the response"
      onSubmit={(event) => void submit(event)}
    >
      {changing && <p className="govuk-body">A response is recorded at this stage; recording another replaces it.</p>}
      <PersonFields id="respond-from" legend="Response from" value={from} onChange={setFrom} errors={errors} />
      <DateInput
        id="respond-on"
        legend="Date of the response"
        value={on}
        onChange={setOn}
        error={errorFor(errors, 'respond-on')}
      />
      <Textarea
        id="respond-summary"
        label="Summary of the response"
        rows={3}
        value={summary}
        onChange={setSummary}
        error={errorFor(errors, 'respond-summary')}
        characterLimit={MAX_LONG_TEXT}
      />
      <YesNo
        id="respond-resolved"
        legend="Did it resolve the difference?"
        value={resolved}
        onChange={setResolved}
        errors={errors}
      />
      <Textarea
        id="respond-learning"
        label="Key learning at this stage (optional)"
        rows={3}
        value={learning}
        onChange={setLearning}
        error={errorFor(errors, 'respond-learning')}
        characterLimit={MAX_LONG_TEXT}
      />
    </ActionForm>
  );
}

function EscalateForm({ escalation, errors, send, next }: FormProps & { next: ProtocolStage }) {
  const [on, setOn] = useState<DateParts>(partsOf(today()));
  const [by, setBy] = useState<PersonDraft>(EMPTY_PERSON);
  const [to, setTo] = useState<PersonDraft>(EMPTY_PERSON);
  const [concerns, setConcerns] = useState('');
  // From a conference: "Escalated by" starts as the escalating agency's representative there.
  const { conferenceId, childId } = escalation;
  const agencyId = escalation.initiatingAgency.id;
  useEffect(() => {
    if (conferenceId === null || childId === null) return;
    let current = true;
    void invoke('escalations.draftFromConference', { conferenceId, childId, agencyId }).then((result) => {
      const person = result.ok ? result.value.escalatedBy : undefined;
      if (current && person) setBy((typed) => (typed.name === '' ? personDraft(person) : typed));
    });
    return () => {
      current = false;
    };
  }, [conferenceId, childId, agencyId]);
  const fieldFor = fieldMapper(
    { on: 'escalate-on', escalatedBy: 'escalate-by', escalatedTo: 'escalate-to', concerns: 'escalate-concerns' },
    ['on'],
  );
  async function submit(event: FormEvent) {
    event.preventDefault();
    await send(
      () =>
        invoke('escalations.escalate', {
          escalationId: escalation.id,
          on: datePartsToString(on),
          escalatedBy: escalatingPersonInput(by),
          escalatedTo: personInput(to),
          concerns: concerns.trim() || null,
        }),
      fieldFor,
      `Escalated to stage ${next.number}: ${next.name}`,
    );
  }
  return (
    <ActionForm
      escalationId={escalation.id}
      action="escalate"
      heading={`Escalate to stage ${next.number}: ${next.name}`}
      headingId="escalate-heading"
      submitText={`Escalate to stage ${next.number}`}
      onSubmit={(event) => void submit(event)}
    >
      <p className="govuk-body" data-testid="escalate-limit">
        Time limit at stage {next.number}:{' '}
        {escalation.immediateRisk ? 'immediate risk, due the day it opens' : limitWords(next)}.
      </p>
      <DateInput
        id="escalate-on"
        legend="Date of the escalation"
        value={on}
        onChange={setOn}
        error={errorFor(errors, 'escalate-on')}
      />
      <PersonFields id="escalate-by" legend="Escalated by" value={by} onChange={setBy} errors={errors} withEmail />
      <PersonFields id="escalate-to" legend="Escalated to" value={to} onChange={setTo} errors={errors} />
      <Textarea
        id="escalate-concerns"
        label="Concerns at this stage (optional)"
        hint={
          escalation.protocol.key === 'croydon' && next.number === 5
            ? 'Outline the concerns with the supporting evidence, and conclude with a request for the Executive Group to consider'
            : 'Key dates, evidence of need, the procedural issue or disagreement, and interventions to date'
        }
        rows={4}
        value={concerns}
        onChange={setConcerns}
        error={errorFor(errors, 'escalate-concerns')}
        characterLimit={MAX_LONG_TEXT}
      />
    </ActionForm>
  );
}

/**
 * Closes the escalation, resolved or not. After the current stage's response resolved the
 * difference, "resolved" is chosen already. The restorative debrief (Kirklees stage 7) is not
 * asked here: it follows a resolved closing, with its own date.
 */
function CloseForm({ escalation, stage, errors, send }: FormProps & { stage: Stage }) {
  const [on, setOn] = useState<DateParts>(partsOf(today()));
  const [resolved, setResolved] = useState(stage.resolved === true ? 'yes' : '');
  const [learning, setLearning] = useState('');
  const fieldFor = fieldMapper({ on: 'close-on', resolved: 'close-resolved', learning: 'close-learning' }, ['on']);
  const offered = escalation.resolutionStage;
  async function submit(event: FormEvent) {
    event.preventDefault();
    const decided = yesNo(resolved);
    await send(
      () =>
        decided === undefined
          ? refuse('resolved', 'Say whether the difference was resolved')
          : invoke('escalations.close', {
              escalationId: escalation.id,
              on: datePartsToString(on),
              resolved: decided,
              learning: learning.trim() || null,
            }),
      fieldFor,
      decided ? 'Escalation closed: resolved' : 'Escalation closed: not resolved',
    );
  }
  return (
    <ActionForm
      escalationId={escalation.id}
      action="close"
      heading={stage.resolved === true ? 'Close the escalation as resolved' : 'Close the escalation'}
      headingId="close-heading"
      submitText="Close the escalation"
      submitClassName="govuk-button govuk-button--warning"
      onSubmit={(event) => void submit(event)}
    >
      <DateInput id="close-on" legend="Date closed" value={on} onChange={setOn} error={errorFor(errors, 'close-on')} />
      <Radios
        id="close-resolved"
        legend="Was the difference resolved?"
        legendClassName="govuk-fieldset__legend--s"
        hint={stage.resolved === true ? `The response at stage ${stage.number} resolved it` : undefined}
        items={[
          {
            value: 'yes',
            label: 'Yes',
            ...(offered
              ? { hint: `Stage ${offered.number} (${offered.name}) is offered next, with no time limit` }
              : {}),
          },
          { value: 'no', label: 'No' },
        ]}
        value={resolved}
        onChange={setResolved}
        error={errorFor(errors, 'close-resolved')}
        small
      />
      <Textarea
        id="close-learning"
        label="Learning (optional)"
        rows={3}
        value={learning}
        onChange={setLearning}
        error={errorFor(errors, 'close-learning')}
        characterLimit={MAX_LONG_TEXT}
      />
    </ActionForm>
  );
}

function MarkDone({ action, errors, send }: Omit<FormProps, 'escalation'> & { action: Escalation['actions'][number] }) {
  const id = `done-${action.id}`;
  const [on, setOn] = useState<DateParts>(partsOf(today()));
  async function submit(event: FormEvent) {
    event.preventDefault();
    await send(
      () => invoke('escalations.completeAction', { actionId: action.id, on: datePartsToString(on) }),
      () => ({ fieldId: id, targetId: `${id}-day` }),
      'Action marked done',
    );
  }
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <DateInput
        id={id}
        legend={<span className="govuk-visually-hidden">Date done: {action.action}</span>}
        value={on}
        onChange={setOn}
        error={errorFor(errors, id)}
      />
      <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
        Mark done<span className="govuk-visually-hidden">: {action.action}</span>
      </button>
    </form>
  );
}

function AddActionForm({ escalation, errors, send }: FormProps) {
  const [what, setWhat] = useState('');
  const [byWhom, setByWhom] = useState('');
  const [agreedOn, setAgreedOn] = useState<DateParts>(partsOf(today()));
  const [completeBy, setCompleteBy] = useState<DateParts>({ day: '', month: '', year: '' });
  const fieldFor = fieldMapper(
    { action: 'action-what', byWhom: 'action-by', agreedOn: 'action-agreed', completeBy: 'action-complete-by' },
    ['agreedOn', 'completeBy'],
  );
  async function submit(event: FormEvent) {
    event.preventDefault();
    await send(
      () =>
        invoke('escalations.addAction', {
          escalationId: escalation.id,
          action: what,
          byWhom,
          agreedOn: datePartsToString(agreedOn),
          completeBy: datePartsToString(completeBy) || null,
        }),
      fieldFor,
      'Action added',
    );
  }
  return (
    <ActionForm
      escalationId={escalation.id}
      action="add-action"
      heading="Add an action"
      headingId="add-action-heading"
      submitText="Add the action"
      submitClassName="govuk-button govuk-button--secondary"
      onSubmit={(event) => void submit(event)}
    >
      <Textarea
        id="action-what"
        label="What"
        rows={2}
        value={what}
        onChange={setWhat}
        error={errorFor(errors, 'action-what')}
        characterLimit={MAX_ACTION}
      />
      <TextInput
        id="action-by"
        label="By whom"
        value={byWhom}
        onChange={setByWhom}
        error={errorFor(errors, 'action-by')}
      />
      <DateInput
        id="action-agreed"
        legend="Agreed on"
        value={agreedOn}
        onChange={setAgreedOn}
        error={errorFor(errors, 'action-agreed')}
      />
      <DateInput
        id="action-complete-by"
        legend="Complete by (optional)"
        value={completeBy}
        onChange={setCompleteBy}
        error={errorFor(errors, 'action-complete-by')}
      />
    </ActionForm>
  );
}

/** The actions agreed, each marked done in its row. */
function Actions({ escalation, errors, send }: FormProps) {
  return (
    <section aria-labelledby="actions-heading">
      <h2 className="govuk-heading-m" id="actions-heading">
        Actions
      </h2>
      {escalation.actions.length === 0 ? (
        <p className="govuk-body">No actions agreed yet.</p>
      ) : (
        <table className="govuk-table" data-testid="actions-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Actions agreed</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Action
              </th>
              <th scope="col" className="govuk-table__header">
                By whom
              </th>
              <th scope="col" className="govuk-table__header">
                Agreed
              </th>
              <th scope="col" className="govuk-table__header">
                Complete by
              </th>
              <th scope="col" className="govuk-table__header">
                Done
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {escalation.actions.map((a) => (
              <tr className="govuk-table__row" key={a.id}>
                <td className="govuk-table__cell app-pre-line">{a.action}</td>
                <td className="govuk-table__cell">{a.byWhom}</td>
                <td className="govuk-table__cell">{formatDate(a.agreedOn)}</td>
                <td className="govuk-table__cell">{a.completeBy ? formatDate(a.completeBy) : 'Not set'}</td>
                <td className="govuk-table__cell">
                  {a.completedOn ? formatDate(a.completedOn) : <MarkDone action={a} errors={errors} send={send} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Each action's page title (before the child's or family's name). */
const ACTION_TITLES: Record<EscalationAction, string> = {
  respond: 'Record the response',
  escalate: 'Escalate to the next stage',
  close: 'Close the escalation',
  'add-action': 'Add an action',
};

/** The escalation's open stage, the stage it would escalate to, and the actions its state allows. */
function whatNext(e: Escalation) {
  const open = e.status === 'open' ? e.stages.find((s) => s.closedOn === null) : undefined;
  const next = open ? nextStage(e.protocol, open.number) : null;
  return {
    open,
    next,
    respond: open !== undefined && e.next.respond,
    escalate: open !== undefined && open.resolved !== true && e.next.escalate && next !== null,
    close: open !== undefined && e.next.close,
  };
}

/**
 * One professional disagreement escalation: what it is about, each stage in order with its
 * clock, the actions agreed and, under "What to do next", a button for each thing its state
 * allows (record the response, escalate to the next stage, close it, add an action). Each opens
 * that one form at its own address (`?action=respond`); a successful submit comes back here
 * with a banner saying what was recorded.
 */
export function EscalationPage({ id, action = null }: { id: number; action?: EscalationAction | null }) {
  const [escalation, setEscalation] = useState<Escalation | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [success, setSuccess] = useState<{ n: number; heading: string } | null>(null);
  const [correcting, setCorrecting] = useState(false);
  const [changingMeeting, setChangingMeeting] = useState(false);
  const [loads, setLoads] = useState(0);

  useEffect(() => {
    let current = true;
    void invoke('escalations.get', { id }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setEscalation(result.value);
        setErrors([]);
        // Back from an action's form after its submit: say what was recorded.
        const recorded = action === null ? takeRecorded() : null;
        if (recorded !== null) setSuccess({ n: 1, heading: recorded });
      } else
        setLoadError(
          result.error.code === 'not-found' ? 'There is no escalation with this number.' : result.error.message,
        );
    });
    return () => {
      current = false;
    };
  }, [id, action, loads]);

  const send: FormProps['send'] = async (call, fieldFor, done) => {
    const result = await call();
    if (result.ok && action !== null) {
      // Back to the page itself, which says what was recorded.
      returnRecorded(id, done);
      return true;
    }
    if (result.ok) {
      setEscalation(result.value);
      setErrors([]);
      setSuccess((previous) => ({ n: (previous?.n ?? 0) + 1, heading: done }));
      return true;
    }
    setSuccess(null);
    setErrors(errorsFromApi(result.error, fieldFor));
    return false;
  };

  // Cancel on an action's form comes back here: focus goes back to the button that opened it.
  const loaded = escalation !== null;
  useEffect(() => {
    if (!loaded || action !== null) return;
    const back = takeReturnFocus();
    if (back) document.getElementById(actionButtonId(back))?.focus();
  }, [loaded, action]);

  if (loadError) {
    return (
      <Page title="Escalation not found">
        <p className="govuk-body">{loadError}</p>
        <p className="govuk-body">
          <a href="#/escalations" className="govuk-link">
            Back to escalations
          </a>
        </p>
      </Page>
    );
  }
  if (!escalation) {
    return (
      <Page title="Escalation" caption={'\u00a0'}>
        <p className="govuk-body">Loading…</p>
      </Page>
    );
  }

  const e = escalation;
  const allowed = whatNext(e);
  const { open, next } = allowed;
  const props: FormProps = { escalation: e, errors, send };
  if (action !== null) {
    const form =
      action === 'respond' && allowed.respond && open ? (
        <RespondForm {...props} stage={open} />
      ) : action === 'escalate' && allowed.escalate && next ? (
        <EscalateForm {...props} next={next} />
      ) : action === 'close' && allowed.close && open ? (
        <CloseForm {...props} stage={open} />
      ) : action === 'add-action' ? (
        <AddActionForm {...props} />
      ) : null;
    return (
      <Page
        title={`${ACTION_TITLES[action]}: ${e.subjectName}`}
        heading={e.subjectName}
        caption="Escalation"
        errors={errors}
      >
        <LoadCurrentVersion errors={errors} onLoad={() => setLoads((n) => n + 1)} />
        {e.immediateRisk && <ImmediateRiskPanel sameDayContact={e.sameDayContact} testId="immediate-risk" tag />}
        {open && action !== 'add-action' && (
          <p className="govuk-body" data-testid="action-context">
            Current stage: stage {open.number}, {open.name}, due {formatLongDate(open.dueOn)}.
          </p>
        )}
        {form ?? (
          <>
            <p className="govuk-body" data-testid="action-not-offered">
              {e.status === 'open'
                ? 'This cannot be done at the escalation’s current stage.'
                : 'This escalation is closed, so this cannot be done.'}
            </p>
            <p className="govuk-body">
              <a href={`#${escalationPath(e.id)}`} className="govuk-link">
                Back to the escalation
              </a>
            </p>
          </>
        )}
      </Page>
    );
  }
  const started = e.stages[0];
  const firstStage = clockedStages(e.protocol)[0];
  const startedLater = started !== undefined && firstStage !== undefined && started.number !== firstStage.number;
  const keepsMeetingRecord = e.protocol.record === 'review-meeting-record';
  const meetingStage = e.protocol.stages.find((s) => s.formalRecord);
  return (
    <Page
      title={`Escalation: ${e.subjectName}`}
      heading={e.subjectName}
      caption="Escalation"
      errors={errors}
      banner={
        success && (
          <NotificationBanner key={success.n} heading={success.heading} autoFocus>
            {e.subjectName}
          </NotificationBanner>
        )
      }
    >
      <LoadCurrentVersion errors={errors} onLoad={() => setLoads((n) => n + 1)} />
      {e.immediateRisk && <ImmediateRiskPanel sameDayContact={e.sameDayContact} testId="immediate-risk" tag />}
      {e.warning && <WarningText>{e.warning}</WarningText>}
      <dl className="govuk-summary-list" data-testid="escalation-summary">
        <SummaryRow label="Status">{STATUS_LABELS[e.status]}</SummaryRow>
        <SummaryRow label="Protocol">
          {e.protocol.name} (version {e.protocol.version})
        </SummaryRow>
        <SummaryRow label="Formal record">{formalRecordText(e.protocol)}</SummaryRow>
        {(startedLater || e.startReason) && started && (
          <SummaryRow label="Started at">
            <span data-testid="start-stage">
              Stage {started.number}: {started.name}
            </span>
            {e.startReason && (
              <span className="govuk-!-display-block app-pre-line" data-testid="start-reason">
                {e.startReason}
              </span>
            )}
          </SummaryRow>
        )}
        <SummaryRow label="Child or family">
          {e.subjectName}
          {e.subjectDateOfBirth && <>, born {formatDate(e.subjectDateOfBirth)}</>}
        </SummaryRow>
        {e.subjectAddress && (
          <SummaryRow label="Address">
            <span className="app-pre-line">{e.subjectAddress}</span>
          </SummaryRow>
        )}
        {e.subjectGender && <SummaryRow label="Gender">{genderLabel(e.subjectGender)}</SummaryRow>}
        {e.subjectEthnicity && <SummaryRow label="Ethnicity">{ethnicityLabel(e.subjectEthnicity)}</SummaryRow>}
        {e.subjectSend && <SummaryRow label="SEND">{sendLabel(e.subjectSend)}</SummaryRow>}
        <SummaryRow label="Agency escalating">{e.initiatingAgency.name}</SummaryRow>
        <SummaryRow label="Agency challenged">{e.challengedAgency.name}</SummaryRow>
        <SummaryRow label="Nature of the difference">
          <ul className="govuk-list">
            {e.natures.map((n) => (
              <li key={n}>{n === 'other' && e.natureOther ? `Other: ${e.natureOther}` : NATURE_LABELS[n]}</li>
            ))}
          </ul>
        </SummaryRow>
        <SummaryRow label="Details">
          <span className="app-pre-line">{e.details}</span>
        </SummaryRow>
        <SummaryRow label="Outcome sought">
          <span className="app-pre-line">{e.outcomeSought}</span>
        </SummaryRow>
        {e.conferenceId !== null && (
          <SummaryRow label="Conference">
            <a className="govuk-link" href={`#/conferences/${e.conferenceId}`}>
              The conference it came from
            </a>
          </SummaryRow>
        )}
        {e.closedOn && <SummaryRow label="Closed">{formatLongDate(e.closedOn)}</SummaryRow>}
        {e.learning && (
          <SummaryRow label="Learning">
            <span className="app-pre-line">{e.learning}</span>
          </SummaryRow>
        )}
        {!e.resolutionStage && e.restorativeDebrief && (
          <SummaryRow label="Restorative debrief">
            <span className="app-pre-line">{e.restorativeDebrief}</span>
          </SummaryRow>
        )}
      </dl>
      {correcting ? (
        <CorrectDetailsForm {...props} onDone={() => setCorrecting(false)} />
      ) : (
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setCorrecting(true)}>
          Correct details
        </button>
      )}
      <CorrectionsHistory corrections={e.corrections} headingId="corrections-heading" testId="corrections" />
      <h2 className="govuk-heading-m">Stages</h2>
      {e.stages.map((stage) => (
        <StageCard key={stage.number} stage={stage} immediateRisk={e.immediateRisk} />
      ))}
      {e.resolutionStage && <ResolutionStageCard escalation={e} stage={e.resolutionStage} />}
      {keepsMeetingRecord &&
        (e.reviewMeeting ? (
          <>
            <ReviewMeetingRecord
              meeting={e.reviewMeeting}
              stageName={e.protocol.stages.find((s) => s.number === e.reviewMeeting?.stageNumber)?.name ?? ''}
            />
            {changingMeeting ? (
              <ReviewMeetingForm {...props} onDone={() => setChangingMeeting(false)} focusOnMount />
            ) : (
              <button
                type="button"
                className="govuk-button govuk-button--secondary"
                onClick={() => setChangingMeeting(true)}
              >
                Change the written record
              </button>
            )}
          </>
        ) : e.next.reviewMeeting ? (
          <ReviewMeetingForm {...props} />
        ) : (
          <div className="govuk-inset-text" data-testid="review-meeting-not-yet">
            {e.protocol.formalRecordName || 'The written record of the review meeting'} is made once the escalation
            reaches {meetingStage ? `stage ${meetingStage.number} (${meetingStage.name})` : 'the review meeting'}.
          </div>
        ))}
      {open && (
        <>
          {open.resolved === true ? (
            <div className="govuk-inset-text" data-testid="what-next">
              The response at stage {open.number} resolved the difference, so it is not escalated: close it as resolved.
              {e.resolutionStage &&
                ` Stage ${e.resolutionStage.number} (${e.resolutionStage.name}) follows resolution, with no time limit.`}
            </div>
          ) : allowed.escalate ? null : (
            <div className="govuk-inset-text" data-testid="what-next">
              Stage {open.number} is the last stage an escalation reaches under this protocol: close the escalation when
              the difference is resolved or can go no further.
            </div>
          )}
        </>
      )}
      <section aria-labelledby="what-next-heading" data-testid="what-to-do-next">
        <h2 className="govuk-heading-m" id="what-next-heading">
          What to do next
        </h2>
        <div className="govuk-button-group">
          {allowed.respond && open && open.response === null && (
            <ActionLink escalationId={e.id} action="respond">
              Record the response
            </ActionLink>
          )}
          {allowed.escalate && next && (
            <ActionLink escalationId={e.id} action="escalate">
              Escalate to stage {next.number}
            </ActionLink>
          )}
          {allowed.close && (
            <ActionLink escalationId={e.id} action="close" warning>
              Close the escalation
            </ActionLink>
          )}
          {allowed.respond && open && open.response !== null && (
            <ActionLink escalationId={e.id} action="respond">
              Change the response at stage {open.number}
            </ActionLink>
          )}
          <ActionLink escalationId={e.id} action="add-action">
            Add an action
          </ActionLink>
        </div>
      </section>
      {e.next.debrief && e.resolutionStage && <DebriefForm {...props} stage={e.resolutionStage} />}
      <Actions {...props} />
      <DocumentsMade entity="escalation" entityId={e.id} />
      <History entity="escalation" entityId={e.id} refresh={e} />
      <p className="govuk-body">
        <a href="#/escalations" className="govuk-link">
          Back to escalations
        </a>
      </p>
    </Page>
  );
}
