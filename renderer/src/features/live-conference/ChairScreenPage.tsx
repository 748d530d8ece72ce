import { useEffect, useRef } from 'react';
import { CONFERENCE_TYPE_LABELS } from '../../../../shared/schemas/conference';
import { Page } from '../../app/Page';
import { WarningText } from '../../components/WarningText';
import { History } from '../audit/History';
import { DocumentsMade } from '../letters/DocumentsMade';
import { AdjournedPanel } from './AdjournedPanel';
import { AgencyEscalationsSection } from './AgencyEscalationsSection';
import { AmendmentsSection } from './AmendmentsSection';
import { AttendanceSection } from './AttendanceSection';
import { ChildSection } from './ChildSection';
import { CompactStatusBar } from './CompactStatusBar';
import { ConferenceHeader } from './ConferenceHeader';
import { InvitationsSection } from './InvitationsSection';
import { StatusPanel } from './StatusPanel';
import type { FocusAfterRender } from './types';
import { useLiveConference } from './use-live-conference';
import { LoadCurrentVersion } from '../../components/LoadCurrentVersion';
import './chair-screen.scss';

/**
 * The chair's screen: one conference, run from one page. Invitations and reports, attendance
 * and quoracy, each agency's view per child with the outcome rule applied live, and the
 * decision per child. Every entry is saved as it is made; the status panel beside the form
 * keeps quoracy and each child's outcome in sight. Corrections are made openly from here: the
 * conference's details, cancelling or deleting it, and amending a decision (listed under
 * Amendments).
 */
/** A refusal shown in a summary beside its control (a child's decision) is not repeated at the top. */
const NO_ERRORS: readonly never[] = [];

export function ChairScreenPage({ id, focus }: { id: number; focus: 'reconvene' | null }) {
  const state = useLiveConference(id);
  const { live, loadError, errors } = state;

  const focusNext = useRef<string | null>(focus === 'reconvene' ? 'reconvene-heading' : null);
  useEffect(() => {
    if (focusNext.current === null) return;
    const element = document.getElementById(focusNext.current);
    if (element) {
      focusNext.current = null;
      element.focus();
    }
  });
  const focusAfterRender: FocusAfterRender = (elementId) => {
    focusNext.current = elementId;
  };

  if (loadError) {
    return (
      <Page title="Conference not found">
        <p className="govuk-body">
          {loadError.code === 'not-found' ? 'There is no conference with this number.' : loadError.message}
        </p>
        <p className="govuk-body">
          <a href="#/conferences" className="govuk-link">
            Back to conferences
          </a>
        </p>
      </Page>
    );
  }
  if (!live) {
    return (
      <Page title="Conference" caption={'\u00a0'}>
        <p className="govuk-body">Loading…</p>
      </Page>
    );
  }

  const { conference } = live;
  const typeLabel = `${CONFERENCE_TYPE_LABELS[conference.type]} conference`;
  return (
    <Page
      title={`${typeLabel}, ${conference.familyName} family`}
      heading={typeLabel}
      caption={`${conference.familyName} family`}
      width="full"
      errors={state.errorsAt === null ? errors : NO_ERRORS}
    >
      <ConferenceHeader live={live} />
      <LoadCurrentVersion errors={errors} onLoad={state.reload} />
      {live.warning && <WarningText>{live.warning}</WarningText>}
      <div className="app-chair-layout" data-testid="chair-screen-ready">
        <div className="app-chair-layout__main">
          {conference.status === 'adjourned' && <AdjournedPanel live={live} state={state} />}
          <InvitationsSection live={live} state={state} focusAfterRender={focusAfterRender} />
          <AttendanceSection live={live} state={state} focusAfterRender={focusAfterRender} />
          <AgencyEscalationsSection live={live} state={state} />
          {live.children.map((child) => (
            <ChildSection key={child.id} live={live} child={child} state={state} focusAfterRender={focusAfterRender} />
          ))}
          <AmendmentsSection live={live} />
          <DocumentsMade entity="conference" entityId={conference.id} />
          <History entity="conference" entityId={conference.id} refresh={live} />
        </div>
        <StatusPanel live={live} status={state.status} othersChangedAt={state.othersChangedAt} />
      </div>
      <CompactStatusBar live={live} />
    </Page>
  );
}
