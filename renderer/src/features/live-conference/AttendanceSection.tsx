import { useState, type FormEvent } from 'react';
import { formatLongDate } from '../../../../shared/dates';
import { MAX_INQUORATE_REASON } from '../../../../shared/schemas/limits';
import {
  ATTENDANCE,
  ATTENDANCE_LABELS,
  type Attendance,
  type Invitation,
  type LiveConference,
} from '../../../../shared/schemas/live-conference';
import { invoke } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { datePartsToString, EMPTY_DATE, type DateParts } from '../../components/date-parts';
import { errorFor, type FieldRef } from '../../components/form-errors';
import { Radios } from '../../components/Radios';
import { Textarea } from '../../components/Textarea';
import { TextInput } from '../../components/TextInput';
import { WarningText } from '../../components/WarningText';
import type { FocusAfterRender } from './types';
import { useAutosaveText, withNotSaved } from './use-autosave-text';
import { notOpenText } from './wording';
import { invitationVersion } from './versions';
import type { LiveConferenceState } from './use-live-conference';

function isAttendance(value: string): value is Attendance {
  return (ATTENDANCE as readonly string[]).includes(value);
}

interface SectionProps {
  live: LiveConference;
  state: LiveConferenceState;
}

function representative(invitation: Invitation): string {
  return [invitation.representativeName, invitation.representativeRole].filter(Boolean).join(', ');
}

/** The chair's reason for going ahead without a quorum, saved as it is typed. */
function InquorateReason({ live, state }: SectionProps) {
  const conferenceId = live.conference.id;
  const reason = useAutosaveText(
    live.conference.inquorateReason ?? '',
    (text) =>
      state
        .change(() => invoke('live.setInquorateReason', { conferenceId, reason: text.trim() === '' ? null : text }), {
          fieldFor: () => 'inquorate-reason',
        })
        .then((result) => result !== null),
    (dirty) => state.markDirty('inquorate-reason', dirty),
  );
  return (
    <Textarea
      id="inquorate-reason"
      label="Why the conference goes ahead without a quorum"
      labelClassName="govuk-label--s"
      hint="Go ahead only where delay would harm the child. The reason is kept with the conference record."
      value={reason.value}
      onChange={reason.onChange}
      onBlur={reason.onBlur}
      rows={3}
      characterLimit={MAX_INQUORATE_REASON}
      error={withNotSaved(errorFor(state.errors, 'inquorate-reason'), reason.refused)}
    />
  );
}

/** Moves an inquorate conference to another day: attendance is cleared, invitations kept. */
function Redate({ live, state, onRedated }: SectionProps & { onRedated(message: string): void }) {
  const [date, setDate] = useState<DateParts>(EMPTY_DATE);
  const [time, setTime] = useState(live.conference.time);
  const conferenceId = live.conference.id;

  const fieldFor = (path: string): FieldRef =>
    path === 'time' ? 'redate-time' : { fieldId: 'redate-date', targetId: 'redate-date-day' };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await state.change(
      () => invoke('live.redate', { conferenceId, date: datePartsToString(date), time: time.trim() }),
      { fieldFor, action: true },
    );
    if (result) {
      onRedated(
        `Re-dated to ${formatLongDate(result.conference.date)} at ${result.conference.time}. Attendance has been cleared: take it again on the day.`,
      );
    }
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <h3 className="govuk-heading-s">Or re-date the conference</h3>
      <DateInput
        id="redate-date"
        legend="New date"
        hint="For example, 27 3 2026"
        value={date}
        onChange={setDate}
        error={errorFor(state.errors, 'redate-date')}
      />
      <TextInput
        id="redate-time"
        label="New start time"
        hint="For example, 09:30 or 14:00"
        value={time}
        onChange={setTime}
        error={errorFor(state.errors, 'redate-time')}
        widthClassName="govuk-input--width-5"
      />
      <button type="submit" className="govuk-button govuk-button--secondary">
        Re-date the conference
      </button>
    </form>
  );
}

/**
 * Who came: attended, apologies (with or without a report) or did not attend. Only agencies that
 * attend count towards quoracy and give views. When the conference is not quorate the chair
 * records why it goes ahead, or re-dates it.
 */
export function AttendanceSection({
  live,
  state,
  focusAfterRender,
}: SectionProps & { focusAfterRender: FocusAfterRender }) {
  const [redated, setRedated] = useState<string | null>(null);
  const conferenceId = live.conference.id;
  const open = live.conference.status === 'scheduled';
  // No conclusion before the conference: attendance waits for its day.
  const notYet = open && live.conference.future;
  const editable = open && !notYet;
  const taken = live.invitations.some((i) => i.attendance !== null);

  function setAttendance(agencyId: number, attendance: Attendance) {
    void state.change(
      () =>
        invoke('live.setAttendance', {
          conferenceId,
          agencyId,
          attendance,
          version: invitationVersion(state.latest(), agencyId),
        }),
      {
        patch: (l) => ({
          ...l,
          invitations: l.invitations.map((i) => (i.agencyId === agencyId ? { ...i, attendance } : i)),
        }),
        fieldFor: () => `attendance-${agencyId}`,
      },
    );
  }

  const unrecorded = live.invitations.filter((i) => i.attendance === null);

  /** Every invited agency not yet marked attended, in one step; each can then be changed on its own. */
  function markAllAttended() {
    void state
      .change(() => invoke('live.markAllAttended', { conferenceId }), {
        fieldFor: () => 'all-attended',
        action: true,
      })
      .then((result) => {
        if (result) focusAfterRender('attendance-heading');
      });
  }

  return (
    <section aria-labelledby="attendance-heading" className="app-chair-section app-attendance">
      <h2 className="govuk-heading-m" id="attendance-heading" tabIndex={-1}>
        Attendance
      </h2>
      {redated && (
        <div className="govuk-inset-text" id="redated" tabIndex={-1} data-testid="redated">
          {redated}
        </div>
      )}
      {notYet && (
        <p className="govuk-inset-text" data-testid="attendance-not-open">
          {notOpenText(live)} Invitations and reports can be recorded now.
        </p>
      )}
      {live.invitations.length === 0 ? (
        <p className="govuk-body">Invite the agencies first.</p>
      ) : notYet ? null : editable ? (
        <>
          <p className="govuk-hint">
            Only agencies that attend give a view and count towards quoracy; apologies do not, even with a report.
          </p>
          {unrecorded.length > 0 && (
            <>
              <button
                type="button"
                id="all-attended"
                className="govuk-button govuk-button--secondary"
                data-testid="all-attended"
                onClick={markAllAttended}
              >
                {unrecorded.length === live.invitations.length
                  ? 'All invited agencies attended'
                  : `The other ${unrecorded.length === 1 ? 'agency' : `${unrecorded.length} agencies`} attended`}
              </button>
              {errorFor(state.errors, 'all-attended') && (
                <p className="govuk-error-message">
                  <span className="govuk-visually-hidden">Error:</span> {errorFor(state.errors, 'all-attended')}
                </p>
              )}
            </>
          )}
          {live.invitations.map((invitation) => (
            <Radios
              key={invitation.agencyId}
              id={`attendance-${invitation.agencyId}`}
              legend={
                <>
                  {invitation.agencyName}
                  {representative(invitation) && (
                    <span className="app-legend-detail"> – {representative(invitation)}</span>
                  )}
                </>
              }
              legendClassName="govuk-fieldset__legend--s"
              items={ATTENDANCE.map((a) => ({ value: a, label: ATTENDANCE_LABELS[a] }))}
              value={invitation.attendance ?? ''}
              onChange={(value) => {
                if (isAttendance(value)) setAttendance(invitation.agencyId, value);
              }}
              error={errorFor(state.errors, `attendance-${invitation.agencyId}`)}
              inline
              small
            />
          ))}
        </>
      ) : (
        <ul className="govuk-list">
          {live.invitations.map((invitation) => (
            <li key={invitation.agencyId}>
              {invitation.agencyName}:{' '}
              {invitation.attendance ? ATTENDANCE_LABELS[invitation.attendance] : 'Not recorded'}
            </li>
          ))}
        </ul>
      )}
      {editable && taken && !live.quoracy.quorate && (
        <div className="app-quoracy-warning" data-testid="quoracy-warning">
          <WarningText>
            The conference is not quorate. {live.quoracy.shortfall} Record why it goes ahead, or re-date it.
          </WarningText>
          <InquorateReason live={live} state={state} />
          <Redate
            live={live}
            state={state}
            onRedated={(message) => {
              setRedated(message);
              focusAfterRender('redated');
            }}
          />
        </div>
      )}
      {!editable && live.conference.inquorateReason && (
        <p className="govuk-body">
          <strong>Went ahead without a quorum because:</strong> {live.conference.inquorateReason}
        </p>
      )}
    </section>
  );
}
