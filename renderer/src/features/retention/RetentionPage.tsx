import { useState } from 'react';
import { RETENTION_BASIS_LABELS } from '../../../../shared/retention';
import type { RetentionEntry } from '../../../../shared/schemas/retention';
import { useApi } from '../../api/use-api';
import { formatDate, plural } from '../../app/format';
import { Page } from '../../app/Page';
import { Radios } from '../../components/Radios';

function FamilyRow({ entry }: { entry: RetentionEntry }) {
  const canErase = entry.pastRetention && !entry.hold;
  return (
    <tr className="govuk-table__row" data-testid={`retention-${entry.familyId}`}>
      <th scope="row" className="govuk-table__header">
        {entry.familyName}
      </th>
      <td className="govuk-table__cell">{formatDate(entry.lastRecordOn)}</td>
      <td className="govuk-table__cell">
        {formatDate(entry.retentionDate)}
        {entry.pastRetention && (
          <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-1">Past retention</strong>
        )}
      </td>
      <td className="govuk-table__cell">
        {entry.hold ? (
          <>
            <strong className="govuk-tag govuk-tag--yellow">On legal hold</strong>
            <span className="govuk-!-display-block">
              Since {formatDate(entry.hold.placedAt.slice(0, 10))} by {entry.hold.placedBy}: {entry.hold.reason}
            </span>
          </>
        ) : (
          'None'
        )}
      </td>
      <td className="govuk-table__cell">
        <ul className="govuk-list govuk-!-margin-bottom-0">
          <li>
            {entry.hold ? (
              <a className="govuk-link" href={`#/retention/${entry.familyId}/lift`}>
                Lift hold<span className="govuk-visually-hidden"> on {entry.familyName}</span>
              </a>
            ) : (
              <a className="govuk-link" href={`#/retention/${entry.familyId}/hold`}>
                Place hold<span className="govuk-visually-hidden"> on {entry.familyName}</span>
              </a>
            )}
          </li>
          {canErase && (
            <li>
              <a className="govuk-link" href={`#/retention/${entry.familyId}/erase`}>
                Erase<span className="govuk-visually-hidden"> {entry.familyName}</span>
              </a>
            </li>
          )}
        </ul>
      </td>
    </tr>
  );
}

/**
 * Retention (administrator): each family's retention date under the partnership's rule, past
 * retention first; legal holds placed and lifted with a reason; an erase for a family past
 * retention and not on hold.
 */
export function RetentionPage() {
  const [show, setShow] = useState('past');
  const list = useApi('retention.list', { pastOnly: show === 'past', offset: 0, limit: 500 });
  const data = list.data;
  return (
    <Page title="Retention" width="full">
      {data && (
        <p className="govuk-body">
          The partnership’s rule: {data.rule.years} {RETENTION_BASIS_LABELS[data.rule.basis].toLowerCase()}.{' '}
          <a className="govuk-link" href="#/settings">
            Change the rule in Settings
          </a>
        </p>
      )}
      <form noValidate onSubmit={(event) => event.preventDefault()} aria-label="Which families">
        <Radios
          id="retention-show"
          legend="Show"
          legendClassName="govuk-fieldset__legend--s"
          inline
          small
          value={show}
          onChange={setShow}
          items={[
            { value: 'past', label: 'Past retention' },
            { value: 'all', label: 'All families' },
          ]}
        />
      </form>
      {list.error && <p className="govuk-error-message">The families could not be loaded: {list.error.message}</p>}
      {data && (
        <>
          <p className="govuk-body" role="status">
            {plural(data.pastCount, 'family is', 'families are')} past retention.
            {data.total > data.families.length && ` Showing the first ${data.families.length} of ${data.total}.`}
          </p>
          {data.families.length > 0 && (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--m">
                {show === 'past' ? 'Families past retention' : 'All families'}
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Family
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Last record
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Kept until
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Legal hold
                  </th>
                  <th scope="col" className="govuk-table__header">
                    <span className="govuk-visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {data.families.map((f) => (
                  <FamilyRow key={f.familyId} entry={f} />
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </Page>
  );
}
