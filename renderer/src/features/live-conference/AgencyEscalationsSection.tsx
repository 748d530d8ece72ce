import { useEffect, useState, type FormEvent } from 'react';
import { formatLongDate } from '../../../../shared/dates';
import { viewOfDecision } from '../../../../shared/outcome';
import {
  ESCALATION_REASON_LABELS,
  type AgencyEscalation,
  type EscalationReason,
} from '../../../../shared/schemas/agency-escalation';
import type { LiveChild, LiveConference } from '../../../../shared/schemas/live-conference';
import { invoke } from '../../api/client';
import { errorFor, errorsFromApi } from '../../components/form-errors';
import { Select } from '../../components/Select';
import { TextInput } from '../../components/TextInput';
import type { LiveConferenceState } from './use-live-conference';

interface Suggestion {
  agencyId: number;
  agencyName: string;
  reason: EscalationReason;
}

const OTHER_FIELDS: Record<string, string> = { agencyId: 'other-issue-agency', reasonDetail: 'other-issue-detail' };

/**
 * Kirklees Appendix 3 from the chair's screen: what the attendance and reports suggest
 * escalating to agencies' safeguarding leads, each in one step, another issue stated by the
 * chair, and what is already raised. Asked again whenever the conference changes.
 */
export function AgencyEscalationsSection({ live, state }: { live: LiveConference; state: LiveConferenceState }) {
  const conferenceId = live.conference.id;
  // A cancelled conference takes nothing more: what was raised is still listed.
  const readOnly = live.conference.status === 'cancelled';
  const [raised, setRaised] = useState<AgencyEscalation[]>([]);
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const [version, setVersion] = useState(0);
  const [otherAgency, setOtherAgency] = useState('');
  const [otherDetail, setOtherDetail] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void invoke('agencyEscalations.forConference', { conferenceId }).then((result) => {
      if (!current || !result.ok) return;
      setRaised(result.value.raised);
      setSuggestions(result.value.suggestions);
    });
    return () => {
      current = false;
    };
    // `live` changes with every attendance or report entry: the suggestions follow it.
  }, [conferenceId, live, version]);

  async function raise(agencyId: number, reason: EscalationReason, reasonDetail: string | null): Promise<boolean> {
    const result = await invoke('agencyEscalations.raiseFromConference', {
      conferenceId,
      agencyId,
      reason,
      reasonDetail,
    });
    if (result.ok) {
      state.setErrors([]);
      setMessage(
        `Escalated: ${result.value.agencyName}, ${ESCALATION_REASON_LABELS[result.value.reason].toLowerCase()}. It goes in the agency’s return.`,
      );
      setVersion((v) => v + 1);
      return true;
    }
    state.setErrors(errorsFromApi(result.error, (path) => OTHER_FIELDS[path] ?? path));
    return false;
  }

  async function submitOther(event: FormEvent) {
    event.preventDefault();
    if (otherAgency === '') {
      state.setErrors([
        { fieldId: 'other-issue-agency', targetId: 'other-issue-agency', message: 'Choose the agency' },
      ]);
      return;
    }
    if (await raise(Number(otherAgency), 'other', otherDetail.trim() || null)) {
      setOtherAgency('');
      setOtherDetail('');
    }
  }

  return (
    <section aria-labelledby="agency-escalations-heading" className="app-chair-section">
      <h2 className="govuk-heading-m" id="agency-escalations-heading">
        Escalate to agency safeguarding leads
      </h2>
      {message && (
        <div className="govuk-inset-text" role="status" data-testid="agency-escalation-message">
          {message}
        </div>
      )}
      {readOnly ? (
        raised.length === 0 && <p className="govuk-body">Nothing was escalated from this conference.</p>
      ) : suggestions && suggestions.length > 0 ? (
        <ul className="govuk-list" data-testid="escalation-suggestions">
          {suggestions.map((s) => {
            const what = `${s.agencyName}: ${ESCALATION_REASON_LABELS[s.reason].toLowerCase()}`;
            return (
              <li key={`${s.agencyId}-${s.reason}`} className="app-suggestion">
                {what}{' '}
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                  onClick={() => void raise(s.agencyId, s.reason, null)}
                >
                  Escalate<span className="govuk-visually-hidden"> {what}</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="govuk-body">{suggestions ? 'Attendance and reports suggest nothing to escalate.' : 'Loading…'}</p>
      )}
      {!readOnly && live.invitations.length > 0 && (
        <form noValidate onSubmit={(event) => void submitOther(event)} aria-labelledby="other-issue-heading">
          <h3 className="govuk-heading-s" id="other-issue-heading">
            Another issue
          </h3>
          <Select
            id="other-issue-agency"
            label="Agency concerned"
            value={otherAgency}
            onChange={setOtherAgency}
            options={[
              { value: '', text: 'Choose which agency' },
              ...live.invitations.map((i) => ({ value: String(i.agencyId), text: i.agencyName })),
            ]}
            error={errorFor(state.errors, 'other-issue-agency')}
          />
          <TextInput
            id="other-issue-detail"
            label="What the issue is"
            value={otherDetail}
            onChange={setOtherDetail}
            error={errorFor(state.errors, 'other-issue-detail')}
          />
          <button type="submit" className="govuk-button govuk-button--secondary">
            Escalate this issue
          </button>
        </form>
      )}
      {raised.length > 0 && (
        <>
          <h3 className="govuk-heading-s">Already escalated</h3>
          <ul className="govuk-list govuk-list--bullet" data-testid="escalations-raised">
            {raised.map((e) => (
              <li key={e.id}>
                {e.agencyName}: {ESCALATION_REASON_LABELS[e.reason]}
                {e.reasonDetail && ` (${e.reasonDetail})`}, meeting {formatLongDate(e.meetingDate)}
                {e.returnId !== null && ', sent in the agency’s return'}
                {e.withdrawnOn !== null && (
                  <>
                    {' '}
                    <strong className="govuk-tag govuk-tag--grey">Withdrawn</strong> on {formatLongDate(e.withdrawnOn)}:{' '}
                    {e.withdrawnReason}
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * From a recorded decision, one step to a professional disagreement escalation: for each
 * minority view, and for a Principal Officer review opened by a reconvened conference.
 */
export function DecisionEscalationLinks({ live, child }: { live: LiveConference; child: LiveChild }) {
  const recorded = child.recorded;
  if (!recorded) return null;
  const decided = viewOfDecision(recorded.decision);
  const names = new Map(live.invitations.map((i) => [i.agencyId, i.agencyName]));
  const minority = decided === null ? [] : child.views.filter((v) => v.view !== decided);
  const base = `#/escalations/new?conference=${live.conference.id}&child=${child.id}`;
  if (minority.length === 0 && recorded.escalation !== 'principal-officer-review') return null;
  return (
    <ul className="govuk-list" data-testid={`escalate-from-decision-${child.id}`}>
      {minority.map((v) => (
        <li key={v.agencyId}>
          <a className="govuk-link" href={`${base}&agency=${v.agencyId}`}>
            Escalate {names.get(v.agencyId) ?? 'the agency'}’s minority view
            <span className="govuk-visually-hidden"> for {child.givenName}</span>
          </a>
        </li>
      ))}
      {recorded.escalation === 'principal-officer-review' && (
        <li>
          <a className="govuk-link" href={base}>
            Start the Principal Officer review escalation
            <span className="govuk-visually-hidden"> for {child.givenName}</span>
          </a>
        </li>
      )}
    </ul>
  );
}
