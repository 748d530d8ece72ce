import { useEffect, useMemo, useState } from 'react';
import type { VersionedSettings } from '../../../shared/schemas/settings';
import { invoke } from '../api/client';
import { AuditProblemBanner, DamagedRegisterBanner } from './DamagedRegisterBanner';
import { AgenciesPage } from '../features/agencies/AgenciesPage';
import { AgencyFormPage } from '../features/agencies/AgencyFormPage';
import { AuditPage } from '../features/audit/AuditPage';
import { AdjournmentsPage } from '../features/conferences/AdjournmentsPage';
import { CancelConferencePage } from '../features/conferences/CancelConferencePage';
import { ConferencesPage } from '../features/conferences/ConferencesPage';
import { CreateConferencePage } from '../features/conferences/CreateConferencePage';
import { DeleteConferencePage } from '../features/conferences/DeleteConferencePage';
import { DuePage } from '../features/conferences/DuePage';
import { EditConferencePage } from '../features/conferences/EditConferencePage';
import { ReportsOutstandingPage } from '../features/conferences/ReportsOutstandingPage';
import { AgencyReturnPage } from '../features/escalations/AgencyReturnPage';
import { EscalationPage } from '../features/escalations/EscalationPage';
import { EscalationsPage } from '../features/escalations/EscalationsPage';
import { NewEscalationPage } from '../features/escalations/NewEscalationPage';
import { ReturnsPage } from '../features/escalations/ReturnsPage';
import { HomePage } from '../features/home/HomePage';
import { ExportPage } from '../features/letters/ExportPage';
import { LettersPage } from '../features/letters/LettersPage';
import { SharingLogPage } from '../features/letters/SharingLogPage';
import { AmendDecisionPage } from '../features/live-conference/AmendDecisionPage';
import { ChairScreenPage } from '../features/live-conference/ChairScreenPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { RetentionActionPage } from '../features/retention/RetentionActionPage';
import { RetentionPage } from '../features/retention/RetentionPage';
import { ChangePasswordPage } from '../features/session/ChangePasswordPage';
import { useSession } from '../features/session/session-context';
import { SettingsPage } from '../features/settings/SettingsPage';
import { AddUserPage } from '../features/users/AddUserPage';
import { UserPage } from '../features/users/UserPage';
import { UsersPage } from '../features/users/UsersPage';
import { useTableCellLabels } from '../components/table-labels';
import { ErrorBoundary } from './ErrorBoundary';
import { Header } from './Header';
import { NotFoundPage } from './NotFoundPage';
import { PageContext } from './page-context';
import { parseRoute, sectionOf, type Route } from './routes';
import { useScreenKey } from './use-screen-key';
import { ScreenError } from './ScreenError';
import { SettingsContext } from './settings-context';
import { SkipLink } from './SkipLink';
import { UnexpectedErrorNotice } from './UnexpectedErrorNotice';
import { useHashRoute } from './use-hash-route';
import { useUnexpectedErrors } from './use-unexpected-errors';

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'conferences':
      return <ConferencesPage />;
    case 'conference-new':
      return <CreateConferencePage />;
    case 'conference':
      return <ChairScreenPage id={route.id} step={route.step} focus={route.focus ?? null} />;
    case 'conference-edit':
      return <EditConferencePage id={route.id} />;
    case 'conference-cancel':
      return <CancelConferencePage id={route.id} />;
    case 'conference-delete':
      return <DeleteConferencePage id={route.id} />;
    case 'decision-amend':
      return <AmendDecisionPage conferenceId={route.id} childId={route.childId} />;
    case 'adjournments':
      return <AdjournmentsPage />;
    case 'due':
      return <DuePage />;
    case 'reports-outstanding':
      return <ReportsOutstandingPage />;
    case 'escalations':
      return <EscalationsPage />;
    case 'escalation-new':
      return <NewEscalationPage conferenceId={route.conferenceId} childId={route.childId} agencyId={route.agencyId} />;
    case 'escalation':
      return <EscalationPage id={route.id} action={route.action} />;
    case 'returns':
      return <ReturnsPage from={route.from} to={route.to} />;
    case 'agency-return':
      return <AgencyReturnPage agencyId={route.agencyId} from={route.from} to={route.to} />;
    case 'letters':
      return <LettersPage choices={route.choices} />;
    case 'letters-export':
      return <ExportPage choices={route.choices} />;
    case 'sharing-log':
      return <SharingLogPage />;
    case 'agencies':
      return <AgenciesPage />;
    case 'agency-new':
      return <AgencyFormPage />;
    case 'agency-edit':
      return <AgencyFormPage id={route.id} />;
    case 'reports':
      return <ReportsPage report={route.report} from={route.from} to={route.to} />;
    case 'retention':
      return <RetentionPage />;
    case 'retention-action':
      return <RetentionActionPage familyId={route.familyId} action={route.action} />;
    case 'settings':
      return <SettingsPage field={route.field} returnTo={route.returnTo} />;
    case 'audit':
      return <AuditPage />;
    case 'users':
      return <UsersPage />;
    case 'user-new':
      return <AddUserPage />;
    case 'user':
      return <UserPage name={route.userName} />;
    case 'change-password':
      return <ChangePasswordPage />;
    case 'not-found':
      return <NotFoundPage />;
  }
}

/** The app shell once signed in: skip link, header and navigation, and the screen for the current hash. */
export function App() {
  const session = useSession();
  const { path, navigations, flash } = useHashRoute();
  const route = parseRoute(path);
  const section = sectionOf(route);
  const [settings, setSettings] = useState<VersionedSettings | null>(null);
  const unexpected = useUnexpectedErrors(navigations);
  const screenKey = useScreenKey(navigations, path);
  useTableCellLabels();

  useEffect(() => {
    let current = true;
    void invoke('settings.get', {}).then((result) => {
      if (current && result.ok) setSettings(result.value);
    });
    return () => {
      current = false;
    };
  }, []);

  const settingsContext = useMemo(() => ({ settings, setSettings }), [settings]);
  const pageContext = useMemo(() => ({ moveFocus: navigations > 0, flash, navigations }), [navigations, flash]);

  // The chair's screen is a working screen with a status panel beside the form: it uses the
  // width of a 1280-pixel window rather than the 960 pixels GOV.UK pages keep to for reading.
  const wide = route.name === 'conference';

  return (
    <SettingsContext value={settingsContext}>
      <div className={wide ? 'app-wide' : undefined}>
        <SkipLink />
        <Header
          partnershipName={settings?.partnershipName ?? ''}
          section={section}
          atSectionRoot={route.name === section}
          account={{
            user: session.user,
            unitServer: session.unitServer,
            onLock: session.lock,
            onSignOut: session.signOut,
          }}
          showItem={(item) => item.channel === undefined || session.can(item.channel)}
        />
        <div className="govuk-width-container">
          <main className="govuk-main-wrapper" id="main-content">
            <DamagedRegisterBanner />
            <AuditProblemBanner />
            {unexpected.message !== null && (
              <UnexpectedErrorNotice message={unexpected.message} onDismiss={unexpected.dismiss} />
            )}
            <PageContext value={pageContext}>
              {/* A new key per navigation (but for the chair's steps, above): each visit starts the
                  screen afresh, and a screen that failed is tried again. A screen that fails shows
                  an error page, not a blank window. */}
              <ErrorBoundary key={screenKey} fallback={(error, retry) => <ScreenError error={error} onRetry={retry} />}>
                <Screen route={route} />
              </ErrorBoundary>
            </PageContext>
          </main>
        </div>
        <footer className="govuk-footer">
          <div className="govuk-width-container">
            <p className="govuk-body-s govuk-!-margin-bottom-0">
              CP Conference Register keeps its records on this computer. The council’s case-management system stays the
              official child record.
            </p>
          </div>
        </footer>
      </div>
    </SettingsContext>
  );
}
