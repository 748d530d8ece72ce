import type { Correction, LiveConference } from '../../../../shared/schemas/live-conference';
import { formatDateTime } from '../../app/format';
import { ChangesTable } from '../../components/ChangesTable';
import { childName } from './wording';

function what(live: LiveConference, correction: Correction): string {
  const child = live.children.find((c) => c.id === correction.childId);
  switch (correction.kind) {
    case 'decision':
      return child ? `Decision for ${childName(child)} amended` : 'Decision amended';
    case 'details':
      return 'Details corrected';
    case 'withdrawal':
      return 'Withdrawn';
  }
}

/**
 * Corrections made to the conference's record after the event, oldest first: what was corrected,
 * who did it and when, why, and each value before and after. Nothing is changed silently.
 */
export function AmendmentsSection({ live }: { live: LiveConference }) {
  if (live.amendments.length === 0) return null;
  return (
    <section aria-labelledby="amendments-heading" className="app-chair-section" data-testid="amendments">
      <h2 className="govuk-heading-m" id="amendments-heading" tabIndex={-1}>
        Amendments
      </h2>
      {live.amendments.map((a, n) => (
        <div key={a.id} className="app-amendment" data-testid={`amendment-${a.id}`}>
          <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
            {n + 1}. {what(live, a)}
          </h3>
          <p className="govuk-body-s govuk-!-margin-bottom-2 app-secondary-text">
            {formatDateTime(a.at)} by {a.actor}
          </p>
          <p className="govuk-body app-pre-line">
            <strong>Why:</strong> {a.reason}
          </p>
          <ChangesTable
            changes={a.changes}
            caption={`Changes made by amendment ${n + 1}`}
            fieldHeader="What changed"
            blank="None"
            className="govuk-table app-table--small"
          />
        </div>
      ))}
    </section>
  );
}
