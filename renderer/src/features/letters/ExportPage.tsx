import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { MIN_EXPORT_PASSWORD, type ExportPlan, type ExportResult } from '../../../../shared/schemas/documents';
import { MAX_SHARING_PURPOSE } from '../../../../shared/schemas/limits';
import { invoke } from '../../api/client';
import { useApi } from '../../api/use-api';
import { formatBytes, formatDate, plural } from '../../app/format';
import { Page } from '../../app/Page';
import { exportPath, type ExportChoices } from '../../app/routes';
import { Checkboxes } from '../../components/Checkboxes';
import { datePartsToString, type DateParts } from '../../components/date-parts';
import { ChooseFolderButton, OpenFolderButton } from '../../components/DesktopButtons';
import { errorFor, errorsFromApi, type FormError } from '../../components/form-errors';
import { Radios } from '../../components/Radios';
import { Select } from '../../components/Select';
import { Textarea } from '../../components/Textarea';
import { TextInput } from '../../components/TextInput';
import { fieldMapper, PeriodFields, ProblemList, type QuickChoice } from './letters-parts';
import { isoToParts, last12MonthsPeriod, previousMonthPeriod, today } from './periods';
import './letters.scss';

const fieldFor = fieldMapper({
  agencyId: 'agency',
  format: 'export-format',
  password: 'export-password',
  purpose: 'export-purpose',
  folder: 'export-folder',
  emailDraft: 'export-email',
  initialsOnly: 'export-initials',
  // No email address for the lead: the fix is in the agency directory, the choice is the draft.
  'agency.leadEmail': 'export-email',
});

const QUICK_CHOICES: readonly QuickChoice[] = [
  { label: 'Last 12 months', period: () => last12MonthsPeriod(today()) },
  { label: 'Last month', period: () => previousMonthPeriod(today()) },
];

function SummaryRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

/** What the export will hold and for whom, and what stops it. */
function PlanSummary({ plan }: { plan: ExportPlan }) {
  // The way back here from Settings keeps the agency and the period.
  const returnTo = exportPath({ agencyId: plan.agency.id, from: plan.from, to: plan.to });
  const editAgency = (
    <a className="govuk-link" href={`#/agencies/${plan.agency.id}/edit`}>
      Edit the agency
    </a>
  );
  return (
    <>
      <dl className="govuk-summary-list" data-testid="export-plan">
        <SummaryRow label="Safeguarding lead">{plan.agency.leadName ?? <>Not recorded. {editAgency}</>}</SummaryRow>
        <SummaryRow label="Lead’s email address">
          <span className="app-break-word">{plan.agency.leadEmail ?? <>Not recorded. {editAgency}</>}</span>
        </SummaryRow>
        <SummaryRow label="Period">
          {formatDate(plan.from)} to {formatDate(plan.to)}
        </SummaryRow>
        <SummaryRow label="Appendix 3 rows">{plan.appendix3Rows}</SummaryRow>
        <SummaryRow label="Escalations">{plan.escalations}</SummaryRow>
        <SummaryRow label="Files">
          <ul className="govuk-list app-break-word govuk-!-margin-bottom-0">
            {plan.files.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </SummaryRow>
      </dl>
      {plan.problems.length > 0 && (
        <div className="govuk-form-group">
          <h3 className="govuk-heading-s">What stops this export</h3>
          <ProblemList
            problems={plan.problems}
            agencyId={plan.agency.id}
            returnTo={returnTo}
            testId="export-problems"
          />
          <p className="govuk-body">Fix these, then preview again.</p>
        </div>
      )}
    </>
  );
}

/** The export written: where, which files, the email draft, and its place in the sharing log. */
function ResultPanel({ result, folder }: { result: ExportResult; folder: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div
      ref={ref}
      className="govuk-notification-banner govuk-notification-banner--success"
      role="status"
      aria-labelledby="export-result-title"
      tabIndex={-1}
      data-testid="export-result"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="export-result-title">
          Success
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">Export made</p>
        <p className="govuk-body app-break-word">
          Saved as <span data-testid="export-location">{result.location}</span>
        </p>
        <OpenFolderButton path={folder} testId="export-open-folder" />
        <ul className="govuk-list govuk-list--bullet app-break-word" data-testid="export-files">
          {result.files.map((f) => (
            <li key={f.name}>
              {f.name} <span className="govuk-body-s">({formatBytes(f.bytes)})</span>
            </li>
          ))}
        </ul>
        {result.emailDraft && (
          <p className="govuk-body app-break-word">
            Email draft: <span data-testid="export-email-draft">{result.emailDraft}</span>. Open it in your email
            program, check it, and send it from there.
          </p>
        )}
        <p className="govuk-body">
          Recorded in the{' '}
          <a className="govuk-notification-banner__link" href="#/letters/sharing-log">
            sharing log
          </a>
          .
        </p>
      </div>
    </div>
  );
}

/**
 * An export of one agency's records for a period for its safeguarding lead: the Appendix 3
 * return, the escalation records, and the same rows as CSV and JSON, as a zip or a folder,
 * optionally with initials for names, a password and an email draft. Every export is written
 * to the sharing log; the password is used once and then forgotten.
 *
 * The agency and period may come in the route (`choices`), as they do coming back from Settings
 * after fixing a problem: the preview is then shown again at once.
 */
export function ExportPage({ choices }: { choices: ExportChoices }) {
  const agencies = useApi('agencies.all', { includeInactive: true });
  const initial = last12MonthsPeriod(today());
  const [agencyId, setAgencyId] = useState(choices.agencyId === null ? '' : String(choices.agencyId));
  const [from, setFrom] = useState<DateParts>(isoToParts(choices.from ?? initial.from));
  const [to, setTo] = useState<DateParts>(isoToParts(choices.to ?? initial.to));
  const [plan, setPlan] = useState<ExportPlan | null>(null);
  const [format, setFormat] = useState<string>('zip');
  const [initialsOnly, setInitialsOnly] = useState(false);
  const [password, setPassword] = useState('');
  const [purpose, setPurpose] = useState('');
  const [emailDraft, setEmailDraft] = useState(false);
  const [folder, setFolder] = useState('');
  const [result, setResult] = useState<ExportResult | null>(null);
  /** The folder the last export was written into (the zip or export folder is inside it). */
  const [writtenTo, setWrittenTo] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);

  function changed() {
    setPlan(null);
  }

  const requestPlan = (id: number) =>
    invoke('exports.plan', { agencyId: id, from: datePartsToString(from), to: datePartsToString(to) });

  function showPlan(answer: Awaited<ReturnType<typeof requestPlan>>) {
    setResult(null);
    if (!answer.ok) {
      setPlan(null);
      setErrors(errorsFromApi(answer.error, fieldFor));
      return;
    }
    setErrors([]);
    setPlan(answer.value);
    setFolder((f) => (f.trim() === '' ? answer.value.defaultFolder : f));
  }

  // An agency in the route: the preview it makes, shown on arrival.
  useEffect(() => {
    if (choices.agencyId === null) return;
    let current = true;
    void requestPlan(choices.agencyId).then((answer) => {
      if (current) showPlan(answer);
    });
    return () => {
      current = false;
    };
    // Once, on arrival: the route's choices are the starting point, not kept in step.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function preview(event: FormEvent) {
    event.preventDefault();
    const id = Number(agencyId);
    if (agencyId === '' || !Number.isInteger(id)) {
      setErrors([{ fieldId: 'agency', targetId: 'agency', message: 'Choose the agency to share records with' }]);
      return;
    }
    showPlan(await requestPlan(id));
  }

  async function run(event: FormEvent) {
    event.preventDefault();
    if (!plan || busy) return;
    if (format !== 'zip' && format !== 'folder') {
      setErrors([{ fieldId: 'export-format', targetId: 'export-format', message: 'Choose a zip file or a folder' }]);
      return;
    }
    setBusy(true);
    const answer = await invoke('exports.run', {
      agencyId: plan.agency.id,
      from: plan.from,
      to: plan.to,
      folder,
      format,
      initialsOnly,
      password: password === '' ? null : password,
      purpose,
      emailDraft,
    });
    // The password is used for this one export and is not kept, whatever the outcome.
    setPassword('');
    setBusy(false);
    if (!answer.ok) {
      setErrors(errorsFromApi(answer.error, fieldFor));
      return;
    }
    setErrors([]);
    setResult(answer.value);
    setWrittenTo(folder);
    setPlan(null);
    setPurpose('');
  }

  const agencyOptions = [
    { value: '', text: 'Choose an agency' },
    ...(agencies.data ?? []).map((a) => ({ value: String(a.id), text: a.active ? a.name : `${a.name} (inactive)` })),
  ];

  return (
    <Page title="Export for a safeguarding lead" caption="Letters and forms" errors={errors}>
      <p className="govuk-body">
        Share an agency’s escalations for a period with its safeguarding lead: the Appendix 3 return and escalation
        records as PDFs, with the same rows as CSV and JSON. Every export is recorded in the{' '}
        <a className="govuk-link" href="#/letters/sharing-log">
          sharing log
        </a>
        .
      </p>
      {result && <ResultPanel key={result.sharingLogId} result={result} folder={writtenTo} />}

      <form noValidate onSubmit={(event) => void preview(event)} aria-labelledby="export-choose-heading">
        <h2 className="govuk-heading-m" id="export-choose-heading">
          What to share
        </h2>
        <Select
          id="agency"
          label="Agency"
          value={agencyId}
          onChange={(value) => {
            setAgencyId(value);
            changed();
          }}
          options={agencyOptions}
          error={errorFor(errors, 'agency')}
        />
        <PeriodFields
          from={from}
          to={to}
          onChange={(f, t) => {
            setFrom(f);
            setTo(t);
            changed();
          }}
          errors={errors}
          choices={QUICK_CHOICES}
        />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Preview the export
        </button>
      </form>

      {plan && (
        <section aria-labelledby="export-plan-heading">
          <h2 className="govuk-heading-m" id="export-plan-heading">
            Export for {plan.agency.name}
          </h2>
          <p className="govuk-body" role="status">
            {plural(plan.appendix3Rows, 'Appendix 3 row', 'Appendix 3 rows')} and{' '}
            {plural(plan.escalations, 'escalation', 'escalations')} in {plural(plan.files.length, 'file', 'files')}.
          </p>
          <PlanSummary plan={plan} />
          {plan.problems.length === 0 && (
            <form noValidate onSubmit={(event) => void run(event)} aria-labelledby="export-plan-heading">
              <Radios
                id="export-format"
                legend="How to save the export"
                legendClassName="govuk-fieldset__legend--s"
                items={[
                  {
                    value: 'zip',
                    label: 'A zip file',
                    hint: 'One file to attach to an email; it can be protected with a password',
                  },
                  { value: 'folder', label: 'A folder', hint: 'The files side by side, without a password' },
                ]}
                value={format}
                onChange={setFormat}
                error={errorFor(errors, 'export-format')}
              />
              <Checkboxes
                id="export-initials"
                legend="Names"
                legendClassName="govuk-fieldset__legend--s"
                items={[{ value: 'initials', label: 'Use initials instead of children’s and families’ names' }]}
                values={initialsOnly ? ['initials'] : []}
                onChange={(values) => setInitialsOnly(values.includes('initials'))}
                error={errorFor(errors, 'export-initials')}
              />
              <TextInput
                id="export-password"
                type="password"
                label="Protect with a password (optional)"
                labelClassName="govuk-label--s"
                hint={`Zip file only. At least ${MIN_EXPORT_PASSWORD} characters. The password is not stored. Give it to the recipient by phone or another route, never in the same email.`}
                value={password}
                onChange={setPassword}
                error={errorFor(errors, 'export-password')}
                autoComplete="new-password"
                spellCheck={false}
              />
              <Textarea
                id="export-purpose"
                label="Why are you sharing these records?"
                labelClassName="govuk-label--s"
                hint="Recorded in the sharing log with what was shared, with whom and by whom"
                rows={3}
                value={purpose}
                onChange={setPurpose}
                error={errorFor(errors, 'export-purpose')}
                characterLimit={MAX_SHARING_PURPOSE}
              />
              <Checkboxes
                id="export-email"
                legend="Email"
                legendClassName="govuk-fieldset__legend--s"
                items={[
                  {
                    value: 'email',
                    label: 'Also make an email draft (.eml) to the safeguarding lead',
                    hint: plan.agency.leadEmail
                      ? `Addressed to ${plan.agency.leadEmail}, with the export attached, to check and send from your email program`
                      : 'The lead’s email address is not recorded: add it to the agency first',
                  },
                ]}
                values={emailDraft ? ['email'] : []}
                onChange={(values) => setEmailDraft(values.includes('email'))}
                error={errorFor(errors, 'export-email')}
              />
              <TextInput
                id="export-folder"
                label="Folder to write the export to"
                labelClassName="govuk-label--s"
                hint="The folder is made if it does not exist"
                value={folder}
                onChange={setFolder}
                error={errorFor(errors, 'export-folder')}
                spellCheck={false}
              />
              <ChooseFolderButton
                purpose="export"
                current={folder}
                onChosen={setFolder}
                what="the folder to write the export to"
              />
              <button type="submit" className="govuk-button">
                Make the export
              </button>
            </form>
          )}
        </section>
      )}
      <p className="govuk-body">
        <a href="#/letters" className="govuk-link">
          Back to letters and forms
        </a>
      </p>
    </Page>
  );
}
