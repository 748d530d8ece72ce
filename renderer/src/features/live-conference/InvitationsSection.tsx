import { useState, type FocusEvent, type FormEvent } from 'react';
import { formatLongDate, isIsoDate, localIsoDate } from '../../../../shared/dates';
import { AGENCY_TYPE_LABELS, type Agency } from '../../../../shared/schemas/agency';
import {
  REPORT_STATES,
  type Invitation,
  type LiveConference,
  type ReportState,
} from '../../../../shared/schemas/live-conference';
import { invoke } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { datePartsToString, EMPTY_DATE, type DateParts } from '../../components/date-parts';
import { errorFor, type FieldRef } from '../../components/form-errors';
import { Select } from '../../components/Select';
import { TextInput } from '../../components/TextInput';
import type { FocusAfterRender } from './types';
import { InviteUsualSet } from './InviteUsualSet';
import { invitationVersion } from './versions';
import type { LiveConferenceState } from './use-live-conference';

const REPORT_LABELS: Record<ReportState, string> = {
  awaited: 'Awaited',
  received: 'Received',
  'not-received': 'Not received',
};

function isReportState(value: string): value is ReportState {
  return (REPORT_STATES as readonly string[]).includes(value);
}

function toParts(iso: string | null): DateParts {
  if (!iso) return EMPTY_DATE;
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/** The report's state in words: "Received on 15 December 2025 (late)". */
function reportText(invitation: Invitation): string {
  if (invitation.report === 'received' && invitation.reportReceivedOn) {
    const when = invitation.reportTimeliness === 'late' ? 'late' : 'on time';
    return `Received on ${formatLongDate(invitation.reportReceivedOn)} (${when})`;
  }
  return REPORT_LABELS[invitation.report];
}

interface SectionProps {
  live: LiveConference;
  state: LiveConferenceState;
}

/** The date a report arrived: saved when the day, month and year boxes are left with a real date. */
function ReceivedOn({
  invitation,
  state,
  onSave,
}: {
  invitation: Invitation;
  state: LiveConferenceState;
  onSave(date: string): void;
}) {
  const saved = invitation.reportReceivedOn;
  const [parts, setParts] = useState<DateParts>(toParts(saved));
  const [seen, setSeen] = useState(saved);
  if (saved !== seen) {
    setSeen(saved);
    setParts(toParts(saved));
  }
  const id = `received-${invitation.agencyId}`;
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return;
    const iso = datePartsToString(parts);
    if (iso === saved) return;
    if (!isIsoDate(iso)) {
      state.setErrors([
        {
          fieldId: id,
          targetId: `${id}-day`,
          message: `The date ${invitation.agencyName}’s report was received must be a real date`,
        },
      ]);
      return;
    }
    onSave(iso);
  };
  return (
    <div onBlur={onBlur}>
      <DateInput
        id={id}
        legend={
          <>
            Date received<span className="govuk-visually-hidden"> from {invitation.agencyName}</span>
          </>
        }
        legendClassName="govuk-fieldset__legend--s app-small-legend"
        value={parts}
        onChange={setParts}
        error={errorFor(state.errors, id)}
      />
    </div>
  );
}

/** Invites an agency from the directory; the directory is only read when this is opened. */
function InviteAgency({ live, state }: SectionProps) {
  const [agencies, setAgencies] = useState<Agency[] | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [agencyId, setAgencyId] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [done, setDone] = useState('');
  const conferenceId = live.conference.id;

  function load() {
    if (agencies) return;
    void invoke('agencies.all', { includeInactive: false }).then((result) => {
      if (result.ok) setAgencies(result.value);
      else setLoadProblem(result.error.message);
    });
  }

  const invited = new Set(live.invitations.map((i) => i.agencyId));
  const choices = (agencies ?? []).filter((a) => !invited.has(a.id));

  const fieldFor = (path: string): FieldRef => {
    if (path === 'representativeName') return 'invite-name';
    if (path === 'representativeRole') return 'invite-role';
    return 'invite-agency';
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const agency = choices.find((a) => String(a.id) === agencyId);
    if (!agency) {
      state.setErrors([
        { fieldId: 'invite-agency', targetId: 'invite-agency', message: 'Choose the agency to invite' },
      ]);
      return;
    }
    setDone('');
    const result = await state.change(
      () =>
        invoke('live.invite', {
          conferenceId,
          agencyId: agency.id,
          representativeName: name,
          representativeRole: role,
        }),
      { fieldFor, action: true },
    );
    if (result) {
      setAgencyId('');
      setName('');
      setRole('');
      setDone(`${agency.name} invited.`);
    }
  }

  return (
    <details className="govuk-details" onToggle={(event) => event.currentTarget.open && load()}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Invite an agency</span>
      </summary>
      <div className="govuk-details__text">
        {loadProblem && <p className="govuk-error-message">The agencies could not be loaded: {loadProblem}</p>}
        <form noValidate onSubmit={(event) => void submit(event)}>
          <Select
            id="invite-agency"
            label="Agency"
            hint={
              agencies && choices.length === 0 ? 'Every active agency in the directory is already invited.' : undefined
            }
            value={agencyId}
            onChange={setAgencyId}
            error={errorFor(state.errors, 'invite-agency')}
            options={[
              { value: '', text: agencies ? 'Choose an agency' : 'Loading agencies…' },
              ...choices.map((a) => ({ value: String(a.id), text: `${a.name} (${AGENCY_TYPE_LABELS[a.type]})` })),
            ]}
          />
          <TextInput
            id="invite-name"
            label="Representative’s name (optional)"
            value={name}
            onChange={setName}
            error={errorFor(state.errors, 'invite-name')}
            widthClassName="govuk-input--width-20"
            spellCheck={false}
          />
          <TextInput
            id="invite-role"
            label="Representative’s role (optional)"
            value={role}
            onChange={setRole}
            error={errorFor(state.errors, 'invite-role')}
            widthClassName="govuk-input--width-20"
          />
          <button type="submit" className="govuk-button govuk-button--secondary">
            Invite agency
          </button>
          <p className="govuk-body" role="status">
            {done}
          </p>
        </form>
      </div>
    </details>
  );
}

/**
 * Who is invited, their representative, and whether each agency's report has arrived (on time
 * or late against the due date). Each report is saved as it is marked.
 */
export function InvitationsSection({
  live,
  state,
  focusAfterRender,
}: SectionProps & { focusAfterRender: FocusAfterRender }) {
  const conferenceId = live.conference.id;
  const editable = live.conference.status === 'scheduled';

  function setReport(invitation: Invitation, report: ReportState, receivedOn: string | null) {
    const agencyId = invitation.agencyId;
    void state.change(
      () =>
        invoke('live.setReport', {
          conferenceId,
          agencyId,
          report,
          receivedOn,
          version: invitationVersion(state.latest(), agencyId),
        }),
      {
        patch: (l) => ({
          ...l,
          invitations: l.invitations.map((i) =>
            i.agencyId === agencyId ? { ...i, report, reportReceivedOn: receivedOn } : i,
          ),
        }),
        fieldFor: (path) =>
          path === 'receivedOn'
            ? { fieldId: `received-${agencyId}`, targetId: `received-${agencyId}-day` }
            : `report-${agencyId}`,
      },
    );
  }

  function uninvite(invitation: Invitation) {
    const agencyId = invitation.agencyId;
    void state
      .change(() => invoke('live.uninvite', { conferenceId, agencyId }), {
        fieldFor: () => `remove-${agencyId}`,
        action: true,
      })
      .then((result) => {
        if (result) focusAfterRender('invitations-heading');
      });
  }

  const last = live.lastInvited;

  /** The agencies of the family's last conference not yet invited here, in one step. */
  function inviteFromLast() {
    if (!last || last.agencies.length === 0) return;
    const agencyIds = last.agencies.map((a) => a.id);
    void state
      .change(() => invoke('live.inviteMany', { conferenceId, agencyIds }), {
        fieldFor: () => 'invite-last',
        action: true,
      })
      .then((result) => {
        if (result) focusAfterRender('invitations-heading');
      });
  }

  return (
    <section aria-labelledby="invitations-heading" className="app-chair-section">
      <h2 className="govuk-heading-m" id="invitations-heading" tabIndex={-1}>
        Invitations and reports
      </h2>
      <p className="govuk-body">
        Reports are due by <strong>{formatLongDate(live.reportDue)}</strong>.
      </p>
      {live.invitations.length === 0 ? (
        <p className="govuk-body">No agencies are invited yet.</p>
      ) : (
        <table className="govuk-table app-invitations">
          <caption className="govuk-table__caption govuk-visually-hidden">Agencies invited and their reports</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Agency
              </th>
              <th scope="col" className="govuk-table__header">
                Representative
              </th>
              <th scope="col" className="govuk-table__header">
                Report
              </th>
              {editable && (
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {live.invitations.map((invitation) => {
              const id = `report-${invitation.agencyId}`;
              return (
                <tr className="govuk-table__row" key={invitation.agencyId}>
                  <th scope="row" className="govuk-table__header">
                    {invitation.agencyName}
                    <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0 app-secondary-text">
                      {AGENCY_TYPE_LABELS[invitation.agencyType]}
                      {invitation.quoracyGroup ? `, counts with ${invitation.quoracyGroup}` : ''}
                    </span>
                  </th>
                  <td className="govuk-table__cell">
                    {invitation.representativeName ?? 'Not named'}
                    {invitation.representativeRole && (
                      <span className="govuk-!-display-block app-secondary-text">{invitation.representativeRole}</span>
                    )}
                  </td>
                  <td className="govuk-table__cell">
                    <p
                      className="govuk-body govuk-!-margin-bottom-2"
                      data-testid={`report-state-${invitation.agencyId}`}
                    >
                      {reportText(invitation)}
                    </p>
                    {editable && (
                      <>
                        <Select
                          id={id}
                          label={<span className="govuk-visually-hidden">Report from {invitation.agencyName}</span>}
                          value={invitation.report}
                          onChange={(value) => {
                            if (!isReportState(value)) return;
                            setReport(
                              invitation,
                              value,
                              value === 'received' ? (invitation.reportReceivedOn ?? localIsoDate(new Date())) : null,
                            );
                          }}
                          error={errorFor(state.errors, id)}
                          options={REPORT_STATES.map((s) => ({ value: s, text: REPORT_LABELS[s] }))}
                        />
                        {invitation.report === 'received' && (
                          <ReceivedOn
                            state={state}
                            invitation={invitation}
                            onSave={(date) => setReport(invitation, 'received', date)}
                          />
                        )}
                      </>
                    )}
                  </td>
                  {editable && (
                    <td className="govuk-table__cell">
                      <button
                        type="button"
                        id={`remove-${invitation.agencyId}`}
                        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                        onClick={() => uninvite(invitation)}
                      >
                        Remove<span className="govuk-visually-hidden"> {invitation.agencyName}</span>
                      </button>
                      <ErrorText message={errorFor(state.errors, `remove-${invitation.agencyId}`)} />
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {editable && last && last.agencies.length > 0 && (
        <div className="app-invite-last" data-testid="invite-last">
          <p className="govuk-body">
            Invited to the family’s conference of {formatLongDate(last.date)} and not yet to this one:{' '}
            {last.agencies.map((a) => a.name).join(', ')}.
          </p>
          <button
            type="button"
            id="invite-last"
            className="govuk-button govuk-button--secondary"
            onClick={inviteFromLast}
          >
            Invite the agencies from the last conference ({last.agencies.length})
          </button>
          <ErrorText message={errorFor(state.errors, 'invite-last')} />
        </div>
      )}
      {editable && <InviteUsualSet live={live} state={state} focusAfterRender={focusAfterRender} />}
      {editable && <InviteAgency live={live} state={state} />}
    </section>
  );
}

function ErrorText({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="govuk-error-message govuk-!-margin-top-2">
      <span className="govuk-visually-hidden">Error:</span> {message}
    </p>
  );
}
