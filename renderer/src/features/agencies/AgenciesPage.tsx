import { useState } from 'react';
import { AGENCY_TYPE_LABELS, type Agency } from '../../../../shared/schemas/agency';
import { useApi } from '../../api/use-api';
import { Page } from '../../app/Page';
import { SearchForm } from '../../components/SearchForm';
import { useSearchText } from '../../hooks/use-search-text';
import { useCan } from '../session/session-context';

function StatusTag({ active }: { active: boolean }) {
  return active ? (
    <strong className="govuk-tag govuk-tag--green">Active</strong>
  ) : (
    <strong className="govuk-tag govuk-tag--grey">Inactive</strong>
  );
}

function LeadCell({ agency }: { agency: Agency }) {
  if (!agency.leadName && !agency.leadEmail) return <span className="govuk-hint govuk-!-margin-0">Not recorded</span>;
  return (
    <>
      {agency.leadName && <span className="govuk-!-display-block">{agency.leadName}</span>}
      {agency.leadEmail && <span className="govuk-!-display-block app-break-word">{agency.leadEmail}</span>}
    </>
  );
}

/** The agency directory: search (as you type, or on Search), hide inactive, and a link to edit each. */
export function AgenciesPage() {
  const [hideInactive, setHideInactive] = useState(false);
  // Search applies what was submitted at once; typing applies after a short pause.
  const { text, setText, search, submit } = useSearchText();
  const { data, error, loading } = useApi('agencies.list', { search, includeInactive: !hideInactive });
  const can = useCan();

  const summary = (() => {
    if (!data) return '';
    const n = data.length;
    if (n === 0 && search) return `No agencies match “${search}”.`;
    const what = `${n} ${n === 1 ? 'agency' : 'agencies'}`;
    return search ? `${what} matching “${search}”` : `${what}${hideInactive ? ' (active only)' : ''}`;
  })();

  return (
    <Page title="Agencies" width="full">
      <p className="govuk-body">
        The agencies invited to conferences, their quoracy group and their safeguarding lead, who receives escalations
        about the agency’s contribution.
      </p>
      {can('agencies.create') && (
        <a href="#/agencies/new" className="govuk-button" draggable={false}>
          Add an agency
        </a>
      )}

      <SearchForm
        id="agency-search"
        name="Agencies"
        label="Search agencies"
        hint="Name, type, quoracy group or safeguarding lead"
        value={text}
        onChange={setText}
        onSubmit={submit}
      >
        <div className="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-4">
          <div className="govuk-checkboxes__item">
            <input
              className="govuk-checkboxes__input"
              id="hide-inactive"
              type="checkbox"
              checked={hideInactive}
              onChange={(event) => setHideInactive(event.target.checked)}
            />
            <label className="govuk-label govuk-checkboxes__label" htmlFor="hide-inactive">
              Hide inactive agencies
            </label>
          </div>
        </div>
      </SearchForm>

      {error && <p className="govuk-error-message">The agencies could not be loaded: {error.message}</p>}
      <p className="govuk-body" role="status" aria-busy={loading}>
        {summary}
      </p>

      {data && data.length > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Agencies</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Name
              </th>
              <th scope="col" className="govuk-table__header">
                Type
              </th>
              <th scope="col" className="govuk-table__header">
                Quoracy group
              </th>
              <th scope="col" className="govuk-table__header">
                Safeguarding lead
              </th>
              <th scope="col" className="govuk-table__header">
                Status
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {data.map((agency) => (
              <tr className="govuk-table__row" key={agency.id}>
                <th scope="row" className="govuk-table__header">
                  <a href={`#/agencies/${agency.id}/edit`} className="govuk-link">
                    {agency.name}
                  </a>
                </th>
                <td className="govuk-table__cell">{AGENCY_TYPE_LABELS[agency.type]}</td>
                <td className="govuk-table__cell">{agency.quoracyGroup ?? ''}</td>
                <td className="govuk-table__cell">
                  <LeadCell agency={agency} />
                </td>
                <td className="govuk-table__cell">
                  <StatusTag active={agency.active} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && data.length === 0 && !search && !hideInactive && (
        <p className="govuk-body">There are no agencies yet. Add the agencies your conferences invite.</p>
      )}
    </Page>
  );
}
