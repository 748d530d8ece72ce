import type { Change } from '../../../shared/schemas/live-conference';
import { formatDate } from '../app/format';

/** A value as recorded before or after a correction: dates in words, a blank said as such. */
function valueText(value: string | null, blank: string): string {
  if (value === null || value === '') return blank;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
}

/**
 * One correction's changes as a table: each field (row header), its value before and after. Used
 * wherever a correction is shown (an amended decision, corrected escalation details).
 */
export function ChangesTable({
  changes,
  caption,
  fieldHeader = 'Field',
  blank = 'Not recorded',
  className = 'govuk-table',
}: {
  changes: readonly Change[];
  caption: string;
  fieldHeader?: string;
  /** What a blank value reads as. */
  blank?: string;
  className?: string;
}) {
  return (
    <table className={`${className} app-table--stack`}>
      <caption className="govuk-table__caption govuk-visually-hidden">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            {fieldHeader}
          </th>
          <th scope="col" className="govuk-table__header">
            Before
          </th>
          <th scope="col" className="govuk-table__header">
            After
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {changes.map((change) => (
          <tr className="govuk-table__row" key={change.field}>
            <th scope="row" className="govuk-table__header" data-label={fieldHeader}>
              {change.label}
            </th>
            <td className="govuk-table__cell app-pre-line" data-label="Before">
              {valueText(change.before, blank)}
            </td>
            <td className="govuk-table__cell app-pre-line" data-label="After">
              {valueText(change.after, blank)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
