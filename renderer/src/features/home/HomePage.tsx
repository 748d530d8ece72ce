import { useApi } from '../../api/use-api';
import { Page } from '../../app/Page';
import { useSettings } from '../../app/settings-context';

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A short welcome and the register's two working areas, with honest counts. */
export function HomePage() {
  const { settings } = useSettings();
  const agencies = useApi('agencies.list', { search: '', includeInactive: false });
  const conferences = useApi('conferences.list', { search: '', limit: 1 });
  const due = useApi('conferences.due', { limit: 1000 });
  // Soonest first, so the overdue items lead the list; a full list may hold more beyond it.
  const overdue = due.data?.filter((d) => d.overdue).length ?? 0;
  const overdueText =
    due.data && overdue === due.data.length && due.data.length === 1000
      ? 'At least 1,000 items are overdue.'
      : `${count(overdue, 'item is', 'items are')} overdue.`;

  return (
    <Page title="Home" heading="Conference register">
      <p className="govuk-body-l">
        {settings ? `The child protection conference register for ${settings.partnershipName}.` : 'Loading…'}
      </p>
      <p className="govuk-body">
        Schedule conferences for families and their children, and keep the directory of agencies and their safeguarding
        leads. Everything is kept on this computer and works without a network.
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">
            <a href="#/conferences" className="govuk-link">
              Conferences
            </a>
          </h2>
          <p className="govuk-body" data-testid="conference-count">
            {conferences.data
              ? `${count(conferences.data.total, 'conference', 'conferences')} in the register.`
              : '\u00a0'}
          </p>
          <p className="govuk-body">
            <a href="#/conferences/new" className="govuk-link">
              Create a conference
            </a>
          </p>
        </div>
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">
            <a href="#/agencies" className="govuk-link">
              Agencies
            </a>
          </h2>
          <p className="govuk-body" data-testid="agency-count">
            {agencies.data ? `${count(agencies.data.length, 'active agency', 'active agencies')}.` : '\u00a0'}
          </p>
          <p className="govuk-body">
            <a href="#/agencies/new" className="govuk-link">
              Add an agency
            </a>
          </p>
        </div>
      </div>
      <h2 className="govuk-heading-m">
        <a href="#/due" className="govuk-link">
          What falls due
        </a>
      </h2>
      <p className="govuk-body" data-testid="due-count">
        {due.data
          ? due.data.length === 0
            ? 'Nothing is due.'
            : `${due.data.length === 1000 ? 'At least 1,000 items' : count(due.data.length, 'item', 'items')} due after conferences. ${overdueText}`
          : '\u00a0'}
      </p>
      {(agencies.error ?? conferences.error) && (
        <p className="govuk-body">The register could not be read: {(agencies.error ?? conferences.error)?.message}</p>
      )}
    </Page>
  );
}
