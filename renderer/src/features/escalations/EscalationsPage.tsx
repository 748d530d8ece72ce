import { useState, type FormEvent } from 'react';
import { formatLongDate } from '../../../../shared/dates';
import {
  IMMEDIATE_RISK_GUIDANCE,
  NATURE_LABELS,
  NATURES,
  ESCALATION_STATUS_FILTERS,
  type EscalationListItem,
  type EscalationSort,
  type Nature,
} from '../../../../shared/schemas/escalation';
import { DEFAULT_PAGE_SIZE } from '../../../../shared/schemas/paging';
import { useApi } from '../../api/use-api';
import { plural } from '../../app/format';
import { Page } from '../../app/Page';
import { Checkboxes } from '../../components/Checkboxes';
import { DataTable, Pager, type DataColumn } from '../../components/DataTable';
import { Select } from '../../components/Select';
import { TextInput } from '../../components/TextInput';
import { WarningText } from '../../components/WarningText';
import { useListControls } from '../../hooks/use-list-controls';
import { Clock } from './escalation-parts';
import './escalations.scss';
import { useCan } from '../session/session-context';

type EscalationStatusFilter = (typeof ESCALATION_STATUS_FILTERS)[number];

interface Filters {
  status: EscalationStatusFilter;
  agencyId: string;
  stage: string;
  nature: string;
  protocolKey: string;
  overdueOnly: boolean;
}

const NO_FILTERS: Filters = {
  status: 'open',
  agencyId: '',
  stage: '',
  nature: '',
  protocolKey: '',
  overdueOnly: false,
};

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
    status: f.status,
  };
}

function isStatus(value: string): value is EscalationStatusFilter {
  return (ESCALATION_STATUS_FILTERS as readonly string[]).includes(value);
}

const STATUS_TAGS: Record<EscalationListItem['status'], { text: string; className: string }> = {
  open: { text: 'Open', className: 'govuk-tag govuk-tag--blue' },
  resolved: { text: 'Resolved', className: 'govuk-tag govuk-tag--green' },
  'closed-unresolved': { text: 'Closed unresolved', className: 'govuk-tag govuk-tag--grey' },
};

const COLUMNS: readonly DataColumn<EscalationListItem, EscalationSort>[] = [
  {
    key: 'subject',
    header: 'Child or family',
    sort: 'subject',
    cell: (item) => (
      <>
        <a className="govuk-link" href={`#/escalations/${item.id}`}>
          {item.subjectName}
        </a>
        {item.immediateRisk && (
          <>
            <br />
            <strong className="govuk-tag govuk-tag--red">Immediate risk</strong>
          </>
        )}
      </>
    ),
  },
  {
    key: 'agencies',
    header: 'Raised by → challenged',
    sort: 'challenged',
    cell: (item) => (
      <>
        {item.initiatingAgency} → {item.challengedAgency}
      </>
    ),
  },
  { key: 'protocol', header: 'Protocol', sort: 'protocol', cell: (item) => item.protocolName },
  {
    key: 'stage',
    header: 'Stage',
    sort: 'stage',
    cell: (item) => (
      <>
        Stage {item.stage}: {item.stageName}
      </>
    ),
  },
  { key: 'due', header: 'Due', sort: 'due', cell: (item) => formatLongDate(item.dueOn) },
  {
    key: 'clock',
    header: 'Clock',
    sort: 'priority',
    cell: (item) =>
      item.status === 'open' ? (
        <Clock workingDaysLeft={item.workingDaysLeft} overdue={item.overdue} dueToday={item.dueToday} />
      ) : (
        <>Closed {item.closedOn ? formatLongDate(item.closedOn) : ''}</>
      ),
  },
  {
    key: 'status',
    header: 'Status',
    sort: 'status',
    cell: (item) => <strong className={STATUS_TAGS[item.status].className}>{STATUS_TAGS[item.status].text}</strong>,
  },
];

const STATUS_CHOICES: { value: EscalationStatusFilter; text: string }[] = [
  { value: 'open', text: 'Open' },
  { value: 'resolved', text: 'Resolved' },
  { value: 'closed-unresolved', text: 'Closed unresolved' },
  { value: 'all', text: 'All, open and closed' },
];

/**
 * Professional disagreement escalations, open ones unless another status is chosen: immediate
 * risk first, then overdue, then by due date (the register sorts, and pages), each with its
 * stage, working-day clock and status. Filters apply as they change; a column header sorts by it.
 */
export function EscalationsPage() {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const controls = useListControls<EscalationSort>({ sort: 'priority', direction: 'asc' }, JSON.stringify(applied));
  const list = useApi('escalations.list', {
    ...filterInput(applied),
    page: controls.page,
    pageSize: DEFAULT_PAGE_SIZE,
    sort: controls.sort,
    direction: controls.direction,
  });
  const can = useCan();
  const agencies = useApi('agencies.all', { includeInactive: true });
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

  const items = list.data?.items;
  const anyImmediate = items?.some((i) => i.immediateRisk) ?? false;
  const which =
    applied.status === 'all'
      ? 'escalation'
      : `${STATUS_CHOICES.find((c) => c.value === applied.status)?.text.toLowerCase() ?? ''} escalation`;
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
          id="filter-status"
          label="Status"
          value={filters.status}
          onChange={(status) => change({ status: isStatus(status) ? status : 'open' })}
          options={STATUS_CHOICES}
        />
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
      <p className="govuk-body" role="status" data-testid="escalations-status">
        {list.data &&
          (list.data.total === 0
            ? `No ${which}s match.`
            : `${plural(list.data.total, which, `${which}s`)}${applied.status === 'open' ? ': immediate risk first, then overdue, then by due date' : ''}.`)}
      </p>
      {items && items.length > 0 && (
        <DataTable
          caption={applied.status === 'open' ? 'Open escalations' : 'Escalations'}
          columns={COLUMNS}
          rows={items}
          rowKey={(item) => item.id}
          sort={controls}
          onSort={controls.sortBy}
          testId="escalations-table"
          rowTestId={(item) => `escalation-row-${item.id}`}
          rowClassName={(item) => (item.immediateRisk ? 'app-immediate-risk' : undefined)}
        />
      )}
      {list.data && list.data.total > 0 && (
        <Pager
          page={list.data.page}
          pageSize={list.data.pageSize}
          total={list.data.total}
          noun={['escalation', 'escalations']}
          label="Escalation list pages"
          onPage={controls.setPage}
          testId="escalations-pager"
        />
      )}
    </Page>
  );
}
