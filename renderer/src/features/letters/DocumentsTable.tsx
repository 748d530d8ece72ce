import { DOCUMENT_KIND_LABELS, type GeneratedDocument } from '../../../../shared/schemas/documents';
import { formatDateTime } from '../../app/format';

/**
 * Documents the register has made, newest first: what, which kind, when and by whom. A document
 * made from values later amended is marked "Superseded": it no longer says what the record says.
 */
export function DocumentsTable({
  documents,
  caption,
  testId,
  showKind = true,
}: {
  documents: readonly GeneratedDocument[];
  caption: string;
  testId: string;
  showKind?: boolean;
}) {
  return (
    <table className="govuk-table app-table--small" data-testid={testId}>
      <caption className="govuk-table__caption govuk-visually-hidden">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Document
          </th>
          {showKind && (
            <th scope="col" className="govuk-table__header">
              Kind
            </th>
          )}
          <th scope="col" className="govuk-table__header">
            Made
          </th>
          <th scope="col" className="govuk-table__header">
            By
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {documents.map((d) => (
          <tr className="govuk-table__row" key={d.id}>
            <td className="govuk-table__cell app-break-word">
              {d.title}
              {d.supersededAt && (
                <>
                  {' '}
                  <strong className="govuk-tag govuk-tag--grey" data-testid={`superseded-${d.id}`}>
                    Superseded
                  </strong>
                </>
              )}
              <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">{d.fileName}</span>
              {d.supersededAt && (
                <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">
                  Superseded on {formatDateTime(d.supersededAt)}: the record was amended after it was made
                </span>
              )}
            </td>
            {showKind && <td className="govuk-table__cell">{DOCUMENT_KIND_LABELS[d.kind]}</td>}
            <td className="govuk-table__cell">{formatDateTime(d.generatedAt)}</td>
            <td className="govuk-table__cell">{d.generatedBy}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
