import type { RecordEntity } from '../../../../shared/schemas/documents';
import { useApi } from '../../api/use-api';
import { DocumentsTable } from './DocumentsTable';

/**
 * The forms and letters made for one record (an escalation, a conference): what, when and by
 * whom. Shown only once there is something to show, so a record's page is not lengthened by an
 * empty section.
 */
export function DocumentsMade({ entity, entityId }: { entity: RecordEntity; entityId: number }) {
  const documents = useApi('documents.forRecord', { entity, entityId });
  if (!documents.data || documents.data.length === 0) return null;
  return (
    <section aria-labelledby="documents-made-heading">
      <h2 className="govuk-heading-m" id="documents-made-heading">
        Documents made
      </h2>
      <DocumentsTable
        documents={documents.data}
        caption={`Forms and letters made for this ${entity}`}
        testId="documents-made"
      />
    </section>
  );
}
