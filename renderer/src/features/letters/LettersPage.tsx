import { useEffect, useState, type FormEvent } from 'react';
import {
  DOCUMENT_KIND_HINTS,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  type BatchPlan,
  type DocumentKind,
  type PlannedDocument,
} from '../../../../shared/schemas/documents';
import { invoke } from '../../api/client';
import { useApi } from '../../api/use-api';
import { formatDateTime, plural } from '../../app/format';
import { Page } from '../../app/Page';
import { lettersPath, type LettersChoices } from '../../app/routes';
import { datePartsToString, type DateParts } from '../../components/date-parts';
import { ChooseFolderButton } from '../../components/DesktopButtons';
import { ErrorMessage } from '../../components/FieldParts';
import { errorFor, errorsFromApi, type FormError } from '../../components/form-errors';
import { Radios } from '../../components/Radios';
import { TextInput } from '../../components/TextInput';
import { BatchProgress, BatchSummary } from './BatchResult';
import { DocumentsTable } from './DocumentsTable';
import { fieldMapper, PeriodFields, ProblemList, type QuickChoice } from './letters-parts';
import { dayPeriod, isoToParts, monthPeriod, previousMonthPeriod, today } from './periods';
import { useBatch } from './use-batch';
import './letters.scss';

const fieldFor = fieldMapper({ kind: 'kind', folder: 'folder', keys: 'documents' });

const QUICK_CHOICES: readonly QuickChoice[] = [
  { label: 'Today', period: () => dayPeriod(today()) },
  { label: 'This month', period: () => monthPeriod(today()) },
  { label: 'Last month', period: () => previousMonthPeriod(today()) },
];

function isKind(value: string): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(value);
}

function refusal(fieldId: string, targetId: string, message: string): FormError[] {
  return [{ fieldId, targetId, message }];
}

/** The documents a preview found: a row each, ticked to be made, with anything that stops it. */
function PlanTable({
  plan,
  chosen,
  onChosen,
  error,
  returnTo,
}: {
  plan: BatchPlan;
  chosen: readonly string[];
  onChosen(keys: string[]): void;
  error: string | undefined;
  /** This screen's route with the user's choices, for the way back from Settings. */
  returnTo: string;
}) {
  const toggle = (key: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(key);
    else next.delete(key);
    // Keep the plan's order, whatever order rows were ticked in.
    onChosen(plan.documents.map((d) => d.key).filter((k) => next.has(k)));
  };
  return (
    <div className={error ? 'govuk-form-group govuk-form-group--error' : undefined}>
      <ErrorMessage id="documents" message={error} />
      <table className="govuk-table app-table--small app-plan-table" data-testid="plan-table">
        <caption className="govuk-table__caption govuk-visually-hidden">
          Documents for the period: tick those to make
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Make
            </th>
            <th scope="col" className="govuk-table__header">
              Document
            </th>
            <th scope="col" className="govuk-table__header">
              File name
            </th>
            <th scope="col" className="govuk-table__header">
              Last made
            </th>
            <th scope="col" className="govuk-table__header">
              Problems
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {plan.documents.map((d, index) => {
            const id = `documents-${index}`;
            return (
              <tr className="govuk-table__row" key={d.key}>
                <td className="govuk-table__cell">
                  <div className="govuk-checkboxes govuk-checkboxes--small">
                    <div className="govuk-checkboxes__item">
                      <input
                        className="govuk-checkboxes__input"
                        id={id}
                        type="checkbox"
                        checked={chosen.includes(d.key)}
                        onChange={(event) => toggle(d.key, event.target.checked)}
                      />
                      <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                        <span className="govuk-visually-hidden">Make {d.title}</span>
                      </label>
                    </div>
                  </div>
                </td>
                <td className="govuk-table__cell">{d.title}</td>
                <td className="govuk-table__cell app-break-word">{d.fileName}</td>
                <td className="govuk-table__cell">
                  {d.lastGenerated ? `${formatDateTime(d.lastGenerated.at)} by ${d.lastGenerated.by}` : 'Not made yet'}
                </td>
                <td className="govuk-table__cell">
                  {d.problems.length === 0 ? (
                    'None'
                  ) : (
                    <ProblemList
                      problems={d.problems}
                      agencyId={d.entity === 'agency' ? d.entityId : null}
                      returnTo={returnTo}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Letters and forms in batches: choose a kind and a period, preview what would be made (and
 * what stops any of it, named with where to fix it), untick any, and write them into a folder
 * with progress and a summary of what was and was not written.
 *
 * The choices may come in the route (`choices`), as they do coming back from Settings after
 * fixing a problem: the preview is then shown again at once, with the same documents unticked
 * and the same folder, so the document fixed is ticked and ready.
 */
export function LettersPage({ choices }: { choices: LettersChoices }) {
  const initial = previousMonthPeriod(today());
  const [kind, setKind] = useState<string>(choices.kind ?? '');
  const [from, setFrom] = useState<DateParts>(isoToParts(choices.from ?? initial.from));
  const [to, setTo] = useState<DateParts>(isoToParts(choices.to ?? initial.to));
  const [plan, setPlan] = useState<BatchPlan | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [leftOut, setLeftOut] = useState<PlannedDocument[]>([]);
  const [folder, setFolder] = useState(choices.folder ?? '');
  const [errors, setErrors] = useState<FormError[]>([]);
  const batch = useBatch();
  const recent = useApi('documents.recent', { limit: 20 });
  const reloadRecent = recent.reload;

  const running = batch.status?.state === 'running' && batch.pollError === null;
  const finishedId = batch.status?.state === 'finished' ? batch.status.id : null;

  // When a batch finishes, the list of recent documents and the preview's "last made" change.
  useEffect(() => {
    if (finishedId === null || plan === null) return;
    reloadRecent();
    let current = true;
    void invoke('documents.plan', { kind: plan.kind, from: plan.from, to: plan.to }).then((result) => {
      if (current && result.ok) setPlan(result.value);
    });
    return () => {
      current = false;
    };
    // Only on finishing: the refreshed plan must not ask again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [finishedId, reloadRecent]);

  /** A changed choice makes the preview out of date: it is taken away, not left to mislead. */
  function changed() {
    setPlan(null);
  }

  const requestPlan = (chosenKind: DocumentKind) =>
    invoke('documents.plan', { kind: chosenKind, from: datePartsToString(from), to: datePartsToString(to) });

  /** Shows a plan asked for, every document ready ticked except those in `unticked`. */
  function showPlan(result: Awaited<ReturnType<typeof requestPlan>>, unticked: readonly string[]) {
    if (!result.ok) {
      setPlan(null);
      setErrors(errorsFromApi(result.error, fieldFor));
      return;
    }
    setErrors([]);
    batch.clear();
    setPlan(result.value);
    setChosen(
      result.value.documents.filter((d) => d.problems.length === 0 && !unticked.includes(d.key)).map((d) => d.key),
    );
    setFolder((f) => (f.trim() === '' ? result.value.defaultFolder : f));
  }

  // Choices in the route: the preview they make, shown on arrival.
  useEffect(() => {
    if (choices.kind === null) return;
    let current = true;
    void requestPlan(choices.kind).then((result) => {
      if (current) showPlan(result, choices.unticked);
    });
    return () => {
      current = false;
    };
    // Once, on arrival: the route's choices are the starting point, not kept in step.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function preview(event: FormEvent) {
    event.preventDefault();
    if (!isKind(kind)) {
      setErrors(refusal('kind', 'kind', 'Choose a kind of form or letter'));
      return;
    }
    showPlan(await requestPlan(kind), []);
  }

  async function generate(event: FormEvent) {
    event.preventDefault();
    if (!plan) return;
    if (chosen.length === 0) {
      setErrors(refusal('documents', 'documents-0', 'Tick at least one document to make'));
      return;
    }
    setLeftOut(plan.documents.filter((d) => !chosen.includes(d.key) && d.problems.length > 0));
    const result = await batch.start({ kind: plan.kind, from: plan.from, to: plan.to, folder, keys: chosen });
    setErrors(result.ok ? [] : errorsFromApi(result.error, fieldFor));
  }

  const shownErrors = batch.pollError ? [...errors, ...errorsFromApi(batch.pollError)] : errors;
  const ready = plan?.documents.filter((d) => d.problems.length === 0).length ?? 0;
  const cannot = (plan?.documents.length ?? 0) - ready;
  // The way back here from Settings: the preview's choices, with the documents ready but unticked.
  const returnTo = plan
    ? lettersPath({
        kind: plan.kind,
        from: plan.from,
        to: plan.to,
        unticked: plan.documents.filter((d) => d.problems.length === 0 && !chosen.includes(d.key)).map((d) => d.key),
        folder,
      })
    : '/letters';

  return (
    <Page title="Letters and forms" width="full" errors={shownErrors}>
      <p className="govuk-body">
        Make a kind of form or letter for every record in a period, for example all decision letters due today or all
        Appendix 3 returns for last month. Each is written as a PDF into the folder you choose.
      </p>
      <ul className="govuk-list app-inline-links">
        <li>
          <a className="govuk-link" href="#/letters/export">
            Export records for an agency’s safeguarding lead
          </a>
        </li>
        <li>
          <a className="govuk-link" href="#/letters/sharing-log">
            Sharing log
          </a>
        </li>
      </ul>

      <form noValidate onSubmit={(event) => void preview(event)} aria-labelledby="choose-heading">
        <h2 className="govuk-visually-hidden" id="choose-heading">
          Choose the documents
        </h2>
        <Radios
          id="kind"
          legend="What to make"
          legendClassName="govuk-fieldset__legend--m"
          items={DOCUMENT_KINDS.map((k) => ({
            value: k,
            label: DOCUMENT_KIND_LABELS[k],
            hint: DOCUMENT_KIND_HINTS[k],
          }))}
          value={kind}
          onChange={(value) => {
            setKind(value);
            changed();
          }}
          error={errorFor(shownErrors, 'kind')}
        />
        <PeriodFields
          from={from}
          to={to}
          onChange={(f, t) => {
            setFrom(f);
            setTo(t);
            changed();
          }}
          errors={shownErrors}
          choices={QUICK_CHOICES}
        />
        <button type="submit" className="govuk-button">
          Preview
        </button>
      </form>

      {plan && (
        <section aria-labelledby="preview-heading" data-testid="batch-preview">
          <h2 className="govuk-heading-m" id="preview-heading">
            {DOCUMENT_KIND_LABELS[plan.kind]}
          </h2>
          <p className="govuk-body" role="status" data-testid="plan-counts">
            {plan.documents.length === 0
              ? 'There are none for this period.'
              : `${plural(ready, 'document', 'documents')} ready, ${cannot} cannot be made.`}
          </p>
          {plan.documents.length > 0 && (
            <form noValidate onSubmit={(event) => void generate(event)} aria-labelledby="preview-heading">
              <PlanTable
                plan={plan}
                chosen={chosen}
                onChosen={setChosen}
                error={errorFor(shownErrors, 'documents')}
                returnTo={returnTo}
              />
              <TextInput
                id="folder"
                label="Folder to write the documents to"
                hint="The folder is made if it does not exist. A document already there with the same name is replaced."
                value={folder}
                onChange={setFolder}
                error={errorFor(shownErrors, 'folder')}
                widthClassName="govuk-!-width-two-thirds"
                spellCheck={false}
              />
              <ChooseFolderButton
                purpose="documents"
                current={folder}
                onChosen={setFolder}
                what="the folder to write the documents to"
              />
              {running ? null : chosen.length > 0 ? (
                <button type="submit" className="govuk-button">
                  Generate {plural(chosen.length, 'document', 'documents')}
                </button>
              ) : (
                <p className="govuk-inset-text">
                  {ready === 0
                    ? 'None of these can be made until the problems shown are fixed.'
                    : 'Tick the documents to make.'}
                </p>
              )}
            </form>
          )}
        </section>
      )}

      {batch.status && batch.status.state === 'running' && <BatchProgress status={batch.status} />}
      {batch.status && batch.status.state === 'finished' && (
        <BatchSummary key={batch.status.id} status={batch.status} leftOut={leftOut} />
      )}

      <section aria-labelledby="recent-heading">
        <h2 className="govuk-heading-m" id="recent-heading">
          Recently made
        </h2>
        {recent.data === undefined ? (
          <p className="govuk-body">{recent.error ? recent.error.message : 'Loading…'}</p>
        ) : recent.data.length === 0 ? (
          <p className="govuk-body">No forms or letters have been made yet.</p>
        ) : (
          <DocumentsTable documents={recent.data} caption="Recently made forms and letters" testId="recent-documents" />
        )}
      </section>
    </Page>
  );
}
