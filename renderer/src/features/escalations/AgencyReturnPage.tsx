import { useEffect, useRef, useState, type FormEvent } from 'react';
import { formatLongDate } from '../../../../shared/dates';
import {
  ESCALATION_REASON_LABELS,
  ESCALATION_REASONS,
  type AgencyEscalation,
  type AgencyReturn,
  type EscalationReason,
} from '../../../../shared/schemas/agency-escalation';
import type { Result } from '../../../../shared/ipc/result';
import { MAX_REASON, MAX_RETURN_RESPONSE } from '../../../../shared/schemas/limits';
import { invoke } from '../../api/client';
import { useApi } from '../../api/use-api';
import { formatDate, plural } from '../../app/format';
import { Page } from '../../app/Page';
import { navigate } from '../../app/use-hash-route';
import { DateInput } from '../../components/DateInput';
import { datePartsToString, EMPTY_DATE, type DateParts } from '../../components/date-parts';
import { errorFor, errorsFromApi, type FieldRef, type FormError } from '../../components/form-errors';
import { NotificationBanner } from '../../components/NotificationBanner';
import { Radios } from '../../components/Radios';
import { Select } from '../../components/Select';
import { Textarea } from '../../components/Textarea';
import { TextInput } from '../../components/TextInput';
import { WarningText } from '../../components/WarningText';
import { fieldMapper, partsOf, previousMonth, refuse, today } from './escalation-parts';
import { PeriodForm, periodErrors } from './ReturnsPage';
import './escalations.scss';

type Send = (
  call: () => Promise<Result<unknown>>,
  fieldFor: (path: string) => FieldRef,
  done: string,
) => Promise<boolean>;

function isReason(value: string): value is EscalationReason {
  return (ESCALATION_REASONS as readonly string[]).includes(value);
}

function MarkSentForm({
  agencyId,
  from,
  to,
  leadName,
  errors,
  send,
}: {
  agencyId: number;
  from: string;
  to: string;
  leadName: string;
  errors: readonly FormError[];
  send: Send;
}) {
  const [sentOn, setSentOn] = useState<DateParts>(partsOf(today()));
  const [sentTo, setSentTo] = useState(leadName);
  const fieldFor = fieldMapper({ sentOn: 'sent-on', sentTo: 'sent-to' }, ['sentOn']);
  async function submit(event: FormEvent) {
    event.preventDefault();
    await send(
      () => invoke('returns.markSent', { agencyId, from, to, sentOn: datePartsToString(sentOn), sentTo }),
      fieldFor,
      'Return marked as sent',
    );
  }
  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="mark-sent-heading">
      <h2 className="govuk-heading-m" id="mark-sent-heading">
        Mark this return as sent
      </h2>
      <DateInput
        id="sent-on"
        legend="Date sent"
        value={sentOn}
        onChange={setSentOn}
        error={errorFor(errors, 'sent-on')}
      />
      <TextInput
        id="sent-to"
        label="Sent to"
        hint="The agency’s safeguarding lead, by default"
        value={sentTo}
        onChange={setSentTo}
        error={errorFor(errors, 'sent-to')}
      />
      <button type="submit" className="govuk-button">
        Mark as sent
      </button>
    </form>
  );
}

function ResponseForm({ sent, errors, send }: { sent: AgencyReturn; errors: readonly FormError[]; send: Send }) {
  const id = `response-${sent.id}`;
  const [on, setOn] = useState<DateParts>(partsOf(today()));
  const [response, setResponse] = useState('');
  const fieldFor = fieldMapper({ responseOn: `${id}-on`, response: `${id}-text` }, ['responseOn']);
  async function submit(event: FormEvent) {
    event.preventDefault();
    await send(
      () => invoke('returns.recordResponse', { returnId: sent.id, responseOn: datePartsToString(on), response }),
      fieldFor,
      'Response recorded',
    );
  }
  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-heading`}>
      <h3 className="govuk-heading-s" id={`${id}-heading`}>
        Record the agency’s response to the return sent {formatDate(sent.sentOn)}
      </h3>
      <DateInput
        id={`${id}-on`}
        legend="Date of the response"
        value={on}
        onChange={setOn}
        error={errorFor(errors, `${id}-on`)}
      />
      <Textarea
        id={`${id}-text`}
        label="The agency’s response"
        rows={3}
        value={response}
        onChange={setResponse}
        error={errorFor(errors, `${id}-text`)}
        characterLimit={MAX_RETURN_RESPONSE}
      />
      <button type="submit" className="govuk-button govuk-button--secondary">
        Record the response
      </button>
    </form>
  );
}

function ByHandForm({ agencyId, errors, send }: { agencyId: number; errors: readonly FormError[]; send: Send }) {
  const agencies = useApi('agencies.all', { includeInactive: false });
  const [agency, setAgency] = useState(String(agencyId));
  const [meetingDate, setMeetingDate] = useState<DateParts>(EMPTY_DATE);
  const [family, setFamily] = useState('');
  const [chair, setChair] = useState('');
  const [rep, setRep] = useState('');
  const [reason, setReason] = useState('');
  const [detail, setDetail] = useState('');
  const fieldFor = fieldMapper(
    {
      agencyId: 'hand-agency',
      meetingDate: 'hand-date',
      familyIdentifier: 'hand-family',
      chairName: 'hand-chair',
      representativeName: 'hand-rep',
      reason: 'hand-reason',
      reasonDetail: 'hand-detail',
    },
    ['meetingDate'],
  );
  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await send(
      () =>
        isReason(reason)
          ? invoke('agencyEscalations.raiseByHand', {
              agencyId: Number(agency),
              meetingDate: datePartsToString(meetingDate),
              familyIdentifier: family,
              chairName: chair,
              representativeName: rep.trim() || null,
              reason,
              reasonDetail: detail.trim() || null,
            })
          : refuse('reason', 'Choose the reason for the escalation'),
      fieldFor,
      'Escalation added',
    );
    if (ok) {
      setMeetingDate(EMPTY_DATE);
      setFamily('');
      setRep('');
      setReason('');
      setDetail('');
    }
  }
  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="by-hand-heading">
      <h2 className="govuk-heading-m" id="by-hand-heading">
        Add an escalation by hand
      </h2>
      <p className="govuk-body">For a meeting the register does not hold.</p>
      <Select
        id="hand-agency"
        label="Agency"
        value={agency}
        onChange={setAgency}
        options={(agencies.data ?? []).map((a) => ({ value: String(a.id), text: a.name }))}
        error={errorFor(errors, 'hand-agency')}
      />
      <DateInput
        id="hand-date"
        legend="Date of meeting"
        value={meetingDate}
        onChange={setMeetingDate}
        error={errorFor(errors, 'hand-date')}
      />
      <TextInput
        id="hand-family"
        label="Family name or identifying factors"
        value={family}
        onChange={setFamily}
        error={errorFor(errors, 'hand-family')}
      />
      <TextInput
        id="hand-chair"
        label="CP chair"
        value={chair}
        onChange={setChair}
        error={errorFor(errors, 'hand-chair')}
      />
      <TextInput
        id="hand-rep"
        label="Name of agency rep (optional)"
        value={rep}
        onChange={setRep}
        error={errorFor(errors, 'hand-rep')}
      />
      <Radios
        id="hand-reason"
        legend="Reason for escalation"
        legendClassName="govuk-fieldset__legend--s"
        items={ESCALATION_REASONS.map((r) => ({
          value: r,
          label: ESCALATION_REASON_LABELS[r],
          ...(r === 'other'
            ? {
                conditional: (
                  <TextInput
                    id="hand-detail"
                    label="What the issue is"
                    value={detail}
                    onChange={setDetail}
                    error={errorFor(errors, 'hand-detail')}
                  />
                ),
              }
            : {}),
        }))}
        value={reason}
        onChange={setReason}
        error={errorFor(errors, 'hand-reason')}
      />
      <button type="submit" className="govuk-button govuk-button--secondary">
        Add the escalation
      </button>
    </form>
  );
}

/** "19 December 2025, Alpha, Did not attend": one Appendix 3 row in words, to name its buttons. */
function rowWords(r: AgencyEscalation): string {
  return `${formatDate(r.meetingDate)}, ${r.familyIdentifier}, ${ESCALATION_REASON_LABELS[r.reason]}`;
}

/**
 * The confirmation step before a mistaken row is withdrawn: what it is, what withdrawing does,
 * and the reason, which is required. The row stays in the register, marked withdrawn.
 */
function WithdrawForm({
  row,
  errors,
  send,
  onCancel,
}: {
  row: AgencyEscalation;
  errors: readonly FormError[];
  send: Send;
  onCancel(): void;
}) {
  const [reason, setReason] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [row.id]);
  const fieldFor = fieldMapper({ reason: 'withdraw-reason' }, []);
  async function submit(event: FormEvent) {
    event.preventDefault();
    await send(
      () => invoke('agencyEscalations.withdraw', { id: row.id, reason }),
      fieldFor,
      `Escalation withdrawn: ${rowWords(row)}`,
    );
  }
  return (
    <form
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="withdraw-heading"
      className="app-confirm"
      data-testid="withdraw-form"
    >
      <h2 className="govuk-heading-m" id="withdraw-heading" tabIndex={-1} ref={heading}>
        Withdraw this escalation?
      </h2>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Date of meeting</dt>
          <dd className="govuk-summary-list__value">{formatDate(row.meetingDate)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Family name or identifying factors</dt>
          <dd className="govuk-summary-list__value">{row.familyIdentifier}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Reason for escalation</dt>
          <dd className="govuk-summary-list__value">
            {ESCALATION_REASON_LABELS[row.reason]}
            {row.reasonDetail && `: ${row.reasonDetail}`}
          </dd>
        </div>
      </dl>
      <WarningText>
        Withdrawing takes it out of {row.agencyName}’s return, the counts and exports. It stays in the register, marked
        withdrawn, with your reason.
        {row.returnId !== null && ' It was already sent in a return: tell the safeguarding lead.'}
      </WarningText>
      <Textarea
        id="withdraw-reason"
        label="Why is it withdrawn?"
        labelClassName="govuk-label--s"
        hint="For example, raised against the wrong agency, or the report had arrived on time"
        rows={3}
        value={reason}
        onChange={setReason}
        error={errorFor(errors, 'withdraw-reason')}
        characterLimit={MAX_REASON}
      />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button govuk-button--warning">
          Withdraw the escalation
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Rows withdrawn as mistaken: shown apart, with when and why, and left out of the return. */
function WithdrawnRows({ rows }: { rows: readonly AgencyEscalation[] }) {
  if (rows.length === 0) return null;
  return (
    <table className="govuk-table" data-testid="withdrawn-table">
      <caption className="govuk-table__caption govuk-table__caption--m">Withdrawn: not in the return</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Date of meeting
          </th>
          <th scope="col" className="govuk-table__header">
            Family name or identifying factors
          </th>
          <th scope="col" className="govuk-table__header">
            Reason for escalation
          </th>
          <th scope="col" className="govuk-table__header">
            Withdrawn
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((r) => (
          <tr className="govuk-table__row" key={r.id}>
            <td className="govuk-table__cell">{formatDate(r.meetingDate)}</td>
            <td className="govuk-table__cell">{r.familyIdentifier}</td>
            <td className="govuk-table__cell">
              {ESCALATION_REASON_LABELS[r.reason]}
              {r.reasonDetail && `: ${r.reasonDetail}`}
            </td>
            <td className="govuk-table__cell app-pre-line">
              Withdrawn on {r.withdrawnOn ? formatDate(r.withdrawnOn) : 'an unknown date'}: {r.withdrawnReason}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const COLUMNS = [
  'Date of meeting',
  'Family name or identifying factors',
  'CP chair',
  'Agency',
  'Name of agency rep',
  'Reason for escalation',
] as const;

/**
 * One agency's return for a period: the Appendix 3 table, the returns already sent to its
 * safeguarding lead (and their responses), marking the rest sent, and adding a row by hand.
 */
export function AgencyReturnPage({ agencyId, from, to }: { agencyId: number; from: string | null; to: string | null }) {
  const fallback = previousMonth();
  const period = { from: from ?? fallback.from, to: to ?? fallback.to };
  const data = useApi('returns.get', { agencyId, ...period });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [success, setSuccess] = useState<{ n: number; heading: string } | null>(null);
  const [withdrawing, setWithdrawing] = useState<number | null>(null);
  const shownErrors = errors.length > 0 ? errors : periodErrors(data.error);

  const send: Send = async (call, fieldFor, done) => {
    const result = await call();
    if (result.ok) {
      setErrors([]);
      setSuccess((previous) => ({ n: (previous?.n ?? 0) + 1, heading: done }));
      setWithdrawing(null);
      data.reload();
      return true;
    }
    setSuccess(null);
    setErrors(errorsFromApi(result.error, fieldFor));
    return false;
  };

  const value = data.data;
  const unsent = value?.rows.filter((r) => r.returnId === null).length ?? 0;
  const toWithdraw = value?.rows.find((r) => r.id === withdrawing) ?? null;
  const title = value ? `Return: ${value.agency.name}` : 'Agency return';
  return (
    <Page
      title={title}
      caption="Agency returns (Appendix 3)"
      width="full"
      errors={shownErrors}
      banner={
        success && (
          <NotificationBanner key={success.n} heading={success.heading} autoFocus>
            {value?.agency.name}
          </NotificationBanner>
        )
      }
    >
      <PeriodForm
        from={period.from}
        to={period.to}
        errors={shownErrors}
        onSubmit={(f, t) => navigate(`/escalations/returns/${agencyId}?from=${f}&to=${t}`)}
      />
      {!value ? (
        <p className="govuk-body">{data.error ? data.error.message : 'Loading…'}</p>
      ) : (
        <>
          <p className="govuk-body" role="status">
            {value.rows.length === 0
              ? `No escalations from ${formatLongDate(period.from)} to ${formatLongDate(period.to)}.`
              : `${plural(value.rows.length, 'escalation', 'escalations')} from ${formatLongDate(period.from)} to ${formatLongDate(period.to)}; ${unsent} not yet sent.`}{' '}
            Safeguarding lead: {value.agency.leadName ?? 'not recorded'}
            {value.agency.leadEmail && ` (${value.agency.leadEmail})`}.
          </p>
          {value.rows.length > 0 && (
            <table className="govuk-table" data-testid="appendix-3-table">
              <caption className="govuk-table__caption govuk-table__caption--m">
                Child Protection Case Conference escalation
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  {COLUMNS.map((c) => (
                    <th scope="col" className="govuk-table__header" key={c}>
                      {c}
                    </th>
                  ))}
                  <th scope="col" className="govuk-table__header">
                    <span className="govuk-visually-hidden">Withdraw</span>
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {value.rows.map((r) => (
                  <tr className="govuk-table__row" key={r.id}>
                    <td className="govuk-table__cell">{formatDate(r.meetingDate)}</td>
                    <td className="govuk-table__cell">{r.familyIdentifier}</td>
                    <td className="govuk-table__cell">{r.chairName}</td>
                    <td className="govuk-table__cell">{r.agencyName}</td>
                    <td className="govuk-table__cell">{r.representativeName ?? 'Not recorded'}</td>
                    <td className="govuk-table__cell">
                      {ESCALATION_REASON_LABELS[r.reason]}
                      {r.reasonDetail && `: ${r.reasonDetail}`}
                    </td>
                    <td className="govuk-table__cell">
                      <button
                        type="button"
                        id={`withdraw-${r.id}`}
                        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                        onClick={() => {
                          setErrors([]);
                          setWithdrawing(r.id);
                        }}
                      >
                        Withdraw<span className="govuk-visually-hidden"> the escalation of {rowWords(r)}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {toWithdraw && (
            <WithdrawForm
              key={toWithdraw.id}
              row={toWithdraw}
              errors={errors}
              send={send}
              onCancel={() => {
                setErrors([]);
                setWithdrawing(null);
                // Back to the row's own button, which stays on the page.
                document.getElementById(`withdraw-${toWithdraw.id}`)?.focus();
              }}
            />
          )}
          <WithdrawnRows rows={value.withdrawn} />
          {value.returns.length > 0 && (
            <section aria-labelledby="sent-heading">
              <h2 className="govuk-heading-m" id="sent-heading">
                Returns already sent
              </h2>
              <dl className="govuk-summary-list" data-testid="returns-sent">
                {value.returns.map((s) => (
                  <div className="govuk-summary-list__row" key={s.id}>
                    <dt className="govuk-summary-list__key">
                      Sent {formatDate(s.sentOn)} to {s.sentTo}
                    </dt>
                    <dd className="govuk-summary-list__value">
                      {s.responseOn ? (
                        <>
                          Response {formatDate(s.responseOn)}: <span className="app-pre-line">{s.response}</span>
                        </>
                      ) : (
                        'No response recorded'
                      )}
                    </dd>
                  </div>
                ))}
              </dl>
              {value.returns
                .filter((s) => s.responseOn === null)
                .map((s) => (
                  <ResponseForm key={s.id} sent={s} errors={errors} send={send} />
                ))}
            </section>
          )}
          {unsent > 0 && (
            <MarkSentForm
              agencyId={agencyId}
              from={period.from}
              to={period.to}
              leadName={value.agency.leadName ?? ''}
              errors={errors}
              send={send}
            />
          )}
          <ByHandForm agencyId={agencyId} errors={errors} send={send} />
        </>
      )}
      <p className="govuk-body">
        <a href={`#/escalations/returns?from=${period.from}&to=${period.to}`} className="govuk-link">
          Back to agency returns
        </a>
      </p>
    </Page>
  );
}
