import { useApi } from '../../api/use-api';
import { reconveningText } from './wording';

/**
 * Where an adjourned conference's reconvening stands, read from the reconvened conference itself:
 * "Reconvening on <date>" until it has decided, "Reconvened on <date>" once it has.
 */
export function ReconvenedStatus({ id }: { id: number }) {
  const { data } = useApi('conferences.get', { id });
  return (
    <p className="govuk-body" data-testid="reconvened-status">
      {data ? `${reconveningText(data)}. ` : ''}
      <a className="govuk-link" href={`#/conferences/${id}`}>
        Go to the reconvened conference
      </a>
    </p>
  );
}
