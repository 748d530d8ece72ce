import { useEffect, useRef, useState } from 'react';
import { CONFERENCE_TYPE_LABELS } from '../../../../shared/schemas/conference';
import { Page } from '../../app/Page';
import { usePageContext } from '../../app/page-context';
import { navigate } from '../../app/use-hash-route';
import { focusField, type FormError } from '../../components/form-errors';
import { WarningText } from '../../components/WarningText';
import { History } from '../audit/History';
import { DocumentsMade } from '../letters/DocumentsMade';
import { AdjournedPanel } from './AdjournedPanel';
import { AgencyEscalationsSection } from './AgencyEscalationsSection';
import { AmendmentsSection } from './AmendmentsSection';
import { AttendanceSection } from './AttendanceSection';
import { chairSteps, defaultStep, resolveStep, sameStep, stepOfField, type ChairStepRef } from './chair-steps';
import { ChildSection, type ChildDraft } from './ChildSection';
import { CompactStatusBar } from './CompactStatusBar';
import { ConferenceHeader } from './ConferenceHeader';
import { DecisionsSummary } from './DecisionsSummary';
import { InvitationsSection } from './InvitationsSection';
import { StatusPanel } from './StatusPanel';
import { StepList, StepPagination } from './StepList';
import type { FocusAfterRender } from './types';
import { useLiveConference } from './use-live-conference';
import { LoadCurrentVersion } from '../../components/LoadCurrentVersion';
import './chair-screen.scss';

/**
 * The chair's screen: one conference, run one step at a time (issue 14). Invitations and
 * reports, attendance and quoracy, each child's views with the outcome rule applied live and the
 * decision, then the decisions made (amendments, documents, history). Every entry is saved as it
 * is made; the status panel beside the form keeps quoracy and each child's outcome in sight on
 * every step. The page stays mounted as the chair moves between steps (see `keepsScreen`), so
 * the live data, the save queue and the refresh are not started again.
 */
/** A refusal shown in a summary beside its control (a child's decision) is not repeated at the top. */
const NO_ERRORS: readonly never[] = [];

interface ChairScreenPageProps {
  id: number;
  /** The step in the route; null opens the default step for the conference's state. */
  step: ChairStepRef | null;
  focus: 'reconvene' | null;
}

export function ChairScreenPage({ id, step: requested, focus }: ChairScreenPageProps) {
  const state = useLiveConference(id);
  const { live, loadError, errors } = state;

  const focusNext = useRef<string | null>(focus === 'reconvene' ? 'reconvene-heading' : null);
  // A plain `#/conferences/12` opens the default step for the conference as first loaded, and
  // stays there as entries are made (the first step not done would otherwise move on under the
  // chair as soon as it is done).
  const [opened, setOpened] = useState<ChairStepRef | null>(null);
  const [drafts, setDrafts] = useState<Record<number, ChildDraft>>({});
  if (live !== null && opened === null) setOpened(defaultStep(live));
  const current = live ? resolveStep(live, requested ?? opened) : null;
  // Each navigation while the page stays mounted (a step link, Previous or Next, a child's link
  // in the header) moves focus to the step's heading, so screen reader users hear where they are.
  const { navigations } = usePageContext();
  const seenNavigations = useRef(navigations);
  const followedError = useRef(false);
  useEffect(() => {
    if (live === null || current === null || seenNavigations.current === navigations) return;
    seenNavigations.current = navigations;
    // An error summary's link has already chosen the field to focus on the step it opened.
    if (followedError.current) {
      followedError.current = false;
      return;
    }
    focusNext.current =
      focus === 'reconvene'
        ? 'reconvene-heading'
        : (chairSteps(live).find((s) => sameStep(s.ref, current))?.headingId ?? null);
  });
  useEffect(() => {
    if (focusNext.current === null) return;
    const element = document.getElementById(focusNext.current);
    if (element) {
      const target = focusNext.current;
      focusNext.current = null;
      if (element.tagName === 'INPUT' || element.tagName === 'TEXTAREA' || element.tagName === 'SELECT')
        focusField(target);
      else element.focus();
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
  if (!live || !current) {
    return (
      <Page title="Conference" caption={'\u00a0'}>
        <p className="govuk-body">Loading…</p>
      </Page>
    );
  }

  const { conference } = live;
  const typeLabel = `${CONFERENCE_TYPE_LABELS[conference.type]} conference`;
  const steps = chairSteps(live);
  const at = Math.max(
    0,
    steps.findIndex((s) => sameStep(s.ref, current)),
  );
  const shown = steps[at];

  /** An error summary's link to a field on another step: go to that step, then focus the field. */
  const followError = (error: FormError): boolean => {
    if (error.targetId === null || document.getElementById(error.targetId)) return false;
    const target = stepOfField(error.targetId) ?? stepOfField(error.fieldId);
    const step = target ? steps.find((s) => sameStep(s.ref, target)) : undefined;
    if (!step) return false;
    focusNext.current = error.targetId;
    followedError.current = true;
    navigate(step.path);
    return true;
  };

  return (
    <Page
      title={`${shown?.name ?? 'Conference'} – ${typeLabel}, ${conference.familyName} family`}
      heading={typeLabel}
      caption={`${conference.familyName} family`}
      width="full"
      errors={state.errorsAt === null ? errors : NO_ERRORS}
      onFollowError={followError}
    >
      <ConferenceHeader live={live} />
      <LoadCurrentVersion errors={errors} onLoad={state.reload} />
      {live.warning && <WarningText>{live.warning}</WarningText>}
      <StepList steps={steps} current={at} />
      <div className="app-chair-layout" data-testid="chair-screen-ready">
        <div className="app-chair-layout__main" data-testid={`chair-step-${current.kind}`}>
          {current.kind === 'before' && (
            <InvitationsSection live={live} state={state} focusAfterRender={focusAfterRender} />
          )}
          {current.kind === 'attendance' && (
            <>
              <AttendanceSection live={live} state={state} focusAfterRender={focusAfterRender} />
              <AgencyEscalationsSection live={live} state={state} />
            </>
          )}
          {current.kind === 'child' &&
            live.children
              .filter((child) => child.id === current.childId)
              .map((child) => (
                <ChildSection
                  key={child.id}
                  live={live}
                  child={child}
                  state={state}
                  focusAfterRender={focusAfterRender}
                  drafts={{
                    value: drafts[child.id] ?? {},
                    set: (draft) => setDrafts((all) => ({ ...all, [child.id]: draft })),
                  }}
                  onFollowError={followError}
                />
              ))}
          {current.kind === 'decisions' && (
            <>
              <DecisionsSummary live={live} />
              {conference.status === 'adjourned' && <AdjournedPanel live={live} state={state} />}
              <AmendmentsSection live={live} />
              <DocumentsMade entity="conference" entityId={conference.id} />
              <History entity="conference" entityId={conference.id} refresh={live} />
            </>
          )}
          <StepPagination steps={steps} current={at} />
        </div>
        <StatusPanel live={live} status={state.status} othersChangedAt={state.othersChangedAt} />
      </div>
      <CompactStatusBar live={live} />
    </Page>
  );
}
