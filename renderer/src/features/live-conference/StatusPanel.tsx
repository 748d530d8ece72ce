import type { LiveConference } from '../../../../shared/schemas/live-conference';
import { stepPath } from './chair-steps';
import type { SaveStatus } from './use-live-conference';
import { childName, previewText, recordedText } from './wording';

const SAVE_TEXT: Record<SaveStatus, string> = {
  idle: 'Each entry is saved as you make it',
  saving: 'Saving…',
  saved: 'Saved',
  failed: 'Not saved: see the problem at the top of the page',
};

/**
 * Beside the form, and always in view: whether each entry is saved, whether the conference is
 * quorate (and which agencies count), and each child's outcome as the views stand or as
 * recorded. Changes are announced politely to screen reader users.
 */
export function StatusPanel({
  live,
  status,
  othersChangedAt = null,
}: {
  live: LiveConference;
  status: SaveStatus;
  /** When changes someone else made were last taken in. */
  othersChangedAt?: Date | null;
}) {
  const { quoracy } = live;
  const counting = [...(quoracy.childrensSocialCare ? ['Children’s social care'] : []), ...quoracy.counted];
  return (
    <section className="app-chair-layout__aside" aria-label="Conference status">
      <p className={`govuk-body-s app-save-status app-save-status--${status}`} role="status" data-testid="save-status">
        {status === 'idle' && live.conference.status === 'cancelled'
          ? 'This conference was cancelled: nothing more can be recorded on it.'
          : status === 'idle' && live.conference.status !== 'scheduled'
            ? 'The decisions are recorded: a decision is changed only by amending it, with the reason.'
            : SAVE_TEXT[status]}
      </p>
      {othersChangedAt && (
        <p className="govuk-body-s" data-testid="others-changed">
          Updated with changes made by others at{' '}
          {othersChangedAt.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' })}
        </p>
      )}
      <div className="app-status-panel" data-testid="status-panel" aria-live="polite">
        <h2 className="govuk-heading-s govuk-!-margin-bottom-2">Quoracy</h2>
        <p className="govuk-body govuk-!-margin-bottom-2">
          {quoracy.quorate ? (
            <strong className="govuk-tag govuk-tag--green">Quorate</strong>
          ) : (
            <strong className="govuk-tag govuk-tag--red">Not quorate</strong>
          )}
        </p>
        {quoracy.shortfall && <p className="govuk-body-s govuk-!-margin-bottom-2">{quoracy.shortfall}</p>}
        {!quoracy.quorate && live.conference.inquorateReason && (
          <p className="govuk-body-s govuk-!-margin-bottom-2">Going ahead: the chair’s reason is recorded.</p>
        )}
        <p className="govuk-body-s">
          {counting.length > 0 ? `Counting: ${counting.join('; ')}.` : 'No agency is marked as attending yet.'}
        </p>
        <h2 className="govuk-heading-s govuk-!-margin-bottom-2">Outcome</h2>
        <ul className="govuk-list govuk-!-margin-bottom-0">
          {live.children.map((child) => (
            <li key={child.id} className="app-status-panel__child" data-testid={`outcome-${child.id}`}>
              <a
                className="govuk-link govuk-!-font-weight-bold"
                href={`#${stepPath(live.conference.id, { kind: 'child', childId: child.id })}`}
              >
                {childName(child)}
              </a>
              <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">
                {child.recorded ? `Recorded: ${recordedText(child.recorded)}` : previewText(child, live)}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
