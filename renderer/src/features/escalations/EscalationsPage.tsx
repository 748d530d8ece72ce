import { useState, type FormEvent } from 'react';
import { formatLongDate } from '../../../../shared/dates';
import {
  IMMEDIATE_RISK_GUIDANCE,
  NATURE_LABELS,
  NATURES,
  type EscalationListItem,
  type Nature,
} from '../../../../shared/schemas/escalation';
import { useApi } from '../../api/use-api';
import { plural } from '../../app/format';
import { Page } from '../../app/Page';
import { Checkboxes } from '../../components/Checkboxes';
import { Select } from '../../components/Select';
import { TextInput } from '../../components/TextInput';
import { WarningText } from '../../components/WarningText';
import { Clock } from './escalation-parts';
import './escalations.scss';
import { useCan } from '../session/session-context';

interface Filters {
  agencyId: string;
  stage: string;
  nature: string;
  protocolKey: string;
  overdueOnly: boolean;
}

const NO_FILTERS: Filters = { agencyId: '', stage: '', nature: '', protocolKey: '', overdueOnly: false };

function isNature(value: string): value is Nature {
  return (NATURES as readonly string[]).includes(value);
}

/** The filters as the contract takes them: blanks and nonsense are left out. */
function filterInput(f: Filters) {
  const stage = Number(f.stage);
  const agencyId = Number(f.agencyId);
  return {
    ...(f.agencyId !== '' && Number.isInteger(agencyId) && agencyId > 0 ? { agencyId } : {}),
    ...(f.stage.trim() !== '' && Number.isInteger(stage) && stage >= 1 ? { stage } : {}),
    ...(isNature(f.nature) ? { nature: f.nature } : {}),
    ...(f.protocolKey !== '' ? { protocolKey: f.protocolKey } : {}),
    overdueOnly: f.overdueOnly,
  };
}

function EscalationRow({ item }: { item: EscalationListItem }) {
  return (
    <tr
      className={`govuk-table__row${item.immediateRisk ? ' app-immediate-risk' : ''}`}
      data-testid={`escalation-row-${item.id}`}
    >
      <td className="govuk-table__cell">
        <a className="govuk-link" href={`#/escalations/${item.id}`}>
          {item.subjectName}
        </a>
        {item.immediateRisk && (
          <>
            <br />
            <strong className="govuk-tag govuk-tag--red">Immediate risk</strong>
          </>
        )}
      </td>
      <td className="govuk-table__cell">
        {item.initiatingAgency} → {item.challengedAgency}
      </td>
      <td className="govuk-table__cell">{item.protocolName}</td>
      <td className="govuk-table__cell">
        Stage {item.stage}: {item.stageName}
      </td>
      <td className="govuk-table__cell">{formatLongDate(item.dueOn)}</td>
      <td className="govuk-table__cell">
        <Clock workingDaysLeft={item.workingDaysLeft} overdue={item.overdue} dueToday={item.dueToday} />
      </td>
    </tr>
  );
}

/**
 * Open professional disagreement escalations, immediate risk first, then overdue, then by due
 * date (the register sorts), each with its stage and working-day clock. Filters apply as they
 * change.
 */
export function EscalationsPage() {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const list = useApi('escalations.list', filterInput(applied));
  const can = useCan();
  const agencies = useApi('agencies.list', { search: '', includeInactive: true });
  const protocols = useApi('protocols.list', {});

  const change = (next: Partial<Filters>) => {
    const updated = { ...filters, ...next };
    setFilters(updated);
    setApplied(updated);
  };
  function submit(event: FormEvent) {
    event.preventDefault();
    setApplied(filters);
  }

  const items = list.data;
  const anyImmediate = items?.some((i) => i.immediateRisk) ?? false;
  const overdue = items?.filter((i) => i.overdue).length ?? 0;
  const protocolOptions = [...new Map((protocols.data ?? []).map((p) => [p.key, p.name])).entries()];

  return (
    <Page title="Escalations" width="full">
      <div className="govuk-button-group">
        {can('escalations.open') && (
          <a href="#/escalations/new" role="button" draggable="false" className="govuk-button">
            Start an escalation
          </a>
        )}
        <a href="#/escalations/returns" className="govuk-link">
          Agency returns (Appendix 3)
        </a>
      </div>
      {anyImmediate && <WarningText>{IMMEDIATE_RISK_GUIDANCE}</WarningText>}
      <form noValidate onSubmit={submit} className="app-filters" aria-label="Filter escalations">
        <Select
          id="filter-agency"
          label="Agency challenged"
          value={filters.agencyId}
          onChange={(agencyId) => change({ agencyId })}
          options={[
            { value: '', text: 'Any agency' },
            ...(agencies.data ?? []).map((a) => ({ value: String(a.id), text: a.name })),
          ]}
        />
        <TextInput
          id="filter-stage"
          label="Stage"
          value={filters.stage}
          onChange={(stage) => change({ stage })}
          inputMode="numeric"
          widthClassName="govuk-input--width-3"
        />
        <Select
          id="filter-nature"
          label="Nature of the difference"
          value={filters.nature}
          onChange={(nature) => change({ nature })}
          options={[{ value: '', text: 'Any' }, ...NATURES.map((n) => ({ value: n, text: NATURE_LABELS[n] }))]}
        />
        <Select
          id="filter-protocol"
          label="Protocol"
          value={filters.protocolKey}
          onChange={(protocolKey) => change({ protocolKey })}
          options={[{ value: '', text: 'Any protocol' }, ...protocolOptions.map(([value, text]) => ({ value, text }))]}
        />
        <Checkboxes
          id="filter-overdue"
          legend={<span className="govuk-visually-hidden">Overdue</span>}
          items={[{ value: 'overdue', label: 'Overdue only' }]}
          values={filters.overdueOnly ? ['overdue'] : []}
          onChange={(values) => change({ overdueOnly: values.includes('overdue') })}
          small
        />
        <div className="govuk-form-group">
          <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
            Apply filters
          </button>
        </div>
      </form>
      {list.error && <p className="govuk-error-message">Escalations could not be loaded: {list.error.message}</p>}
      <p className="govuk-body" role="status">
        {items &&
          (items.length === 0
            ? 'No open escalations match.'
            : `${plural(items.length, 'open escalation', 'open escalations')}${overdue > 0 ? `, ${overdue} overdue` : ''}.`)}
      </p>
      {items && items.length > 0 && (
        <table className="govuk-table" data-testid="escalations-table">
          <caption className="govuk-table__caption govuk-visually-hidden">
            Open escalations: immediate risk first, then overdue, then by due date
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Child or family
              </th>
              <th scope="col" className="govuk-table__header">
                Raised by → challenged
              </th>
              <th scope="col" className="govuk-table__header">
                Protocol
              </th>
              <th scope="col" className="govuk-table__header">
                Stage
              </th>
              <th scope="col" className="govuk-table__header">
                Due
              </th>
              <th scope="col" className="govuk-table__header">
                Clock
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {items.map((item) => (
              <EscalationRow key={item.id} item={item} />
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
