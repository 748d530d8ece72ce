import { MAX_PAGE_SIZE } from '../../../../shared/schemas/paging';
import { formatLongDate } from '../../../../shared/dates';
import { useApi } from '../../api/use-api';
import '../escalations/escalations.scss';
import { Page } from '../../app/Page';
import { useSettings } from '../../app/settings-context';
import { useCan } from '../session/session-context';

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const FIRST_FEW = 5;

/**
 * What needs doing now across conferences and escalations: overdue or due today. Escalations
 * with a child at immediate risk come first, in red (the register sorts them first).
 */
function OverdueOrDueToday() {
  const due = useApi('due.list', { limit: 1000 });
  // The working order puts immediate risk, overdue and soonest due first: the first page holds them.
  const escalations = useApi('escalations.list', { overdueOnly: false, pageSize: MAX_PAGE_SIZE });
  const tasks = due.data?.items.filter((d) => d.overdue || d.workingDays === 0) ?? [];
  const open = escalations.data?.items.filter((e) => e.immediateRisk || e.overdue || e.dueToday) ?? [];
  return (
    <section aria-labelledby="due-now-heading">
      <h2 className="govuk-heading-m" id="due-now-heading">
        Overdue or due today
      </h2>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <h3 className="govuk-heading-s">Escalations</h3>
          <p className="govuk-body" data-testid="escalations-due-count">
            {escalations.data
              ? `${count(open.length, 'escalation', 'escalations')} overdue, due today or with a child at immediate risk.`
              : '\u00a0'}
          </p>
          {open.length > 0 && (
            <ul className="govuk-list">
              {open.slice(0, FIRST_FEW).map((e) => (
                <li key={e.id} className={e.immediateRisk ? 'app-immediate-risk-item' : undefined}>
                  <a className="govuk-link" href={`#/escalations/${e.id}`}>
                    {e.subjectName}
                  </a>
                  : stage {e.stage}, {e.challengedAgency}, due {formatLongDate(e.dueOn)}
                  {e.immediateRisk && (
                    <>
                      {' '}
                      <strong className="govuk-tag govuk-tag--red">Immediate risk</strong>
                    </>
                  )}
                  {e.overdue && !e.immediateRisk && (
                    <>
                      {' '}
                      <strong className="govuk-tag govuk-tag--red">Overdue</strong>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          <p className="govuk-body">
            <a href="#/escalations" className="govuk-link">
              All open escalations
            </a>
          </p>
        </div>
        <div className="govuk-grid-column-one-half">
          <h3 className="govuk-heading-s">After conferences</h3>
          <p className="govuk-body" data-testid="tasks-due-count">
            {due.data ? `${count(tasks.length, 'item', 'items')} overdue or due today.` : '\u00a0'}
          </p>
          {tasks.length > 0 && (
            <ul className="govuk-list">
              {tasks.slice(0, FIRST_FEW).map((t) => (
                <li key={`${t.conferenceId}-${t.kind}-${t.childId ?? 'conference'}-${t.due}`}>
                  <a className="govuk-link" href={`#/conferences/${t.conferenceId}`}>
                    {t.childName ?? `${t.familyName} family`}
                  </a>
                  : {t.label}, due {formatLongDate(t.due)}
                  {t.overdue && (
                    <>
                      {' '}
                      <strong className="govuk-tag govuk-tag--red">Overdue</strong>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}

/** A short welcome and the register's two working areas, with honest counts. */
export function HomePage() {
  const { settings } = useSettings();
  const can = useCan();
  const agencies = useApi('agencies.all', { includeInactive: false });
  const conferences = useApi('conferences.list', { search: '', pageSize: 1 });
  const due = useApi('due.list', { limit: 1000 });
  // Soonest first, so the overdue items lead the first page; more may lie beyond it.
  const overdue = due.data?.items.filter((d) => d.overdue).length ?? 0;
  const overdueText =
    due.data && overdue === due.data.items.length && due.data.items.length < due.data.total
      ? `At least ${overdue.toLocaleString('en-GB')} items are overdue.`
      : `${count(overdue, 'item is', 'items are')} overdue.`;

  return (
    <Page title="Home" heading="Conference register">
      <p className="govuk-body-l">
        {settings ? `The child protection conference register for ${settings.partnershipName}.` : 'Loading…'}
      </p>
      {/* What needs doing now comes first: a chair or administrator opens the app to see it. */}
      <OverdueOrDueToday />
      <p className="govuk-body">
        Schedule conferences for families and their children, and keep the directory of agencies and their safeguarding
        leads. Everything is kept on this computer and works without a network.
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">
            <a href="#/conferences" className="govuk-link">
              Conferences
            </a>
          </h2>
          <p className="govuk-body" data-testid="conference-count">
            {conferences.data
              ? `${count(conferences.data.total, 'conference', 'conferences')} in the register.`
              : '\u00a0'}
          </p>
          {can('conferences.create') && (
            <p className="govuk-body">
              <a href="#/conferences/new" className="govuk-link">
                Create a conference
              </a>
            </p>
          )}
        </div>
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">
            <a href="#/agencies" className="govuk-link">
              Agencies
            </a>
          </h2>
          <p className="govuk-body" data-testid="agency-count">
            {agencies.data ? `${count(agencies.data.length, 'active agency', 'active agencies')}.` : '\u00a0'}
          </p>
          {can('agencies.create') && (
            <p className="govuk-body">
              <a href="#/agencies/new" className="govuk-link">
                Add an agency
              </a>
            </p>
          )}
        </div>
      </div>
      <h2 className="govuk-heading-m">
        <a href="#/due" className="govuk-link">
          What falls due
        </a>
      </h2>
      <p className="govuk-body" data-testid="due-count">
        {due.data
          ? due.data.total === 0
            ? 'Nothing is due.'
            : `${count(due.data.total, 'item', 'items')} due after conferences. ${overdueText}`
          : '\u00a0'}
      </p>
      {(agencies.error ?? conferences.error) && (
        <p className="govuk-body">The register could not be read: {(agencies.error ?? conferences.error)?.message}</p>
      )}
    </Page>
  );
}
