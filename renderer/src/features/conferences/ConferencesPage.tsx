import { formatLongDate } from '../../../../shared/dates';
import { CONFERENCE_TYPE_LABELS } from '../../../../shared/schemas/conference';
import { useApi } from '../../api/use-api';
import { Page } from '../../app/Page';
import { SearchForm } from '../../components/SearchForm';
import { useSearchText } from '../../hooks/use-search-text';
import { STATUS_TAGS } from '../live-conference/wording';
import { useCan } from '../session/session-context';

/** The newest conferences, searchable by family, child or case reference. */
export function ConferencesPage() {
  const { text, setText, search, submit } = useSearchText();
  const { data, error, loading } = useApi('conferences.list', { search, limit: 100 });
  const can = useCan();

  return (
    <Page title="Conferences" width="full">
      {can('conferences.create') && (
        <a href="#/conferences/new" className="govuk-button" draggable={false}>
          Create a conference
        </a>
      )}
      <ul className="govuk-list app-inline-links" aria-label="Across all conferences">
        <li>
          <a href="#/due" className="govuk-link">
            What falls due
          </a>
        </li>
        <li>
          <a href="#/adjournments" className="govuk-link">
            Adjournments
          </a>
        </li>
        <li>
          <a href="#/reports-outstanding" className="govuk-link">
            Reports outstanding
          </a>
        </li>
      </ul>
      <SearchForm
        id="conference-search"
        name="Conferences"
        label="Search conferences"
        hint="Family name, child’s name or case reference"
        value={text}
        onChange={setText}
        onSubmit={submit}
      />

      {error && <p className="govuk-error-message">The conferences could not be loaded: {error.message}</p>}
      <p className="govuk-body" role="status" aria-busy={loading}>
        {data &&
          (data.total === 0
            ? search
              ? `No conferences match “${search}”.`
              : 'There are no conferences yet.'
            : `Showing ${data.conferences.length} of ${data.total} ${data.total === 1 ? 'conference' : 'conferences'}${search ? ` matching “${search}”` : ''}, newest first.`)}
      </p>

      {data && data.conferences.length > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Conferences, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Date and time
              </th>
              <th scope="col" className="govuk-table__header">
                Type
              </th>
              <th scope="col" className="govuk-table__header">
                Status
              </th>
              <th scope="col" className="govuk-table__header">
                Family
              </th>
              <th scope="col" className="govuk-table__header">
                Children
              </th>
              <th scope="col" className="govuk-table__header">
                Chair
              </th>
              <th scope="col" className="govuk-table__header">
                Venue
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {data.conferences.map((c) => (
              <tr className="govuk-table__row" key={c.id}>
                <td className="govuk-table__cell">
                  <a href={`#/conferences/${c.id}`} className="govuk-link">
                    {formatLongDate(c.date)}
                    <span className="govuk-visually-hidden">, {c.familyName} family</span>
                  </a>
                  <span className="govuk-!-display-block">{c.time}</span>
                </td>
                <td className="govuk-table__cell">{CONFERENCE_TYPE_LABELS[c.type]}</td>
                <td className="govuk-table__cell">
                  <strong className={STATUS_TAGS[c.status].className}>{STATUS_TAGS[c.status].text}</strong>
                </td>
                <td className="govuk-table__cell">{c.familyName}</td>
                <td className="govuk-table__cell">
                  <ul className="govuk-list govuk-!-margin-bottom-0">
                    {c.children.map((child) => (
                      <li key={child.id}>
                        {child.givenName} {child.familyName}
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="govuk-table__cell">{c.chairName}</td>
                <td className="govuk-table__cell">{c.venue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
