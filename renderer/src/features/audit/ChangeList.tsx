import type { AuditEventView } from '../../../../shared/schemas/audit';
import { changeLines } from './audit-words';

/** What one audit event changed: each field with its value before and after. */
export function ChangeList({ event }: { event: AuditEventView }) {
  if (event.redacted) return <span className="govuk-hint govuk-!-margin-0">Values erased under retention</span>;
  const lines = changeLines(event);
  if (lines.length === 0) return null;
  return (
    <ul className="govuk-list govuk-body-s govuk-!-margin-bottom-0 app-break-word">
      {lines.map((line) => (
        <li key={line.field}>
          <strong>{line.field}</strong>: {line.before} → {line.after}
        </li>
      ))}
    </ul>
  );
}
