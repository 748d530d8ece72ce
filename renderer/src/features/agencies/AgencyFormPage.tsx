import { useEffect, useState, type FormEvent } from 'react';
import { issuesFromZod } from '../../../../shared/ipc/result';
import {
  AGENCY_TYPE_LABELS,
  AGENCY_TYPES,
  agencyInputSchema,
  type Agency,
  type AgencyType,
} from '../../../../shared/schemas/agency';
import { invoke } from '../../api/client';
import { Page } from '../../app/Page';
import { navigate } from '../../app/use-hash-route';
import { Fieldset } from '../../components/Fieldset';
import { errorFor, errorsFromApi, errorsFromIssues, type FormError } from '../../components/form-errors';
import { LoadCurrentVersion } from '../../components/LoadCurrentVersion';
import { Select } from '../../components/Select';
import { TextInput } from '../../components/TextInput';
import { History } from '../audit/History';

interface AgencyDraft {
  name: string;
  type: AgencyType | '';
  quoracyGroup: string;
  leadName: string;
  leadJobTitle: string;
  leadEmail: string;
  leadPhone: string;
}

const EMPTY: AgencyDraft = {
  name: '',
  type: '',
  quoracyGroup: '',
  leadName: '',
  leadJobTitle: '',
  leadEmail: '',
  leadPhone: '',
};

function draftOf(agency: Agency): AgencyDraft {
  return {
    name: agency.name,
    type: agency.type,
    quoracyGroup: agency.quoracyGroup ?? '',
    leadName: agency.leadName ?? '',
    leadJobTitle: agency.leadJobTitle ?? '',
    leadEmail: agency.leadEmail ?? '',
    leadPhone: agency.leadPhone ?? '',
  };
}

const TYPE_OPTIONS = [
  { value: '', text: 'Choose a type' },
  ...AGENCY_TYPES.map((type) => ({ value: type, text: AGENCY_TYPE_LABELS[type] })),
];

function isAgencyType(value: string): value is AgencyType {
  return (AGENCY_TYPES as readonly string[]).includes(value);
}

/** agencies.update reports `fields.leadEmail`; agencies.create reports `leadEmail`. Both are the field `leadEmail`. */
function fieldIdOf(path: string): string {
  return path.replace(/^fields\./, '');
}

/** Add an agency (no id) or edit one, including deactivating and reactivating it. */
export function AgencyFormPage({ id }: { id?: number }) {
  const editing = id !== undefined;
  const [agency, setAgency] = useState<Agency | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [draft, setDraft] = useState<AgencyDraft>(EMPTY);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const [loads, setLoads] = useState(0);

  useEffect(() => {
    if (id === undefined) return;
    let current = true;
    void invoke('agencies.get', { id }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setAgency(result.value);
        setDraft(draftOf(result.value));
        setErrors([]);
      } else {
        setLoadError(result.error.code === 'not-found' ? 'There is no agency with this number.' : result.error.message);
      }
    });
    return () => {
      current = false;
    };
  }, [id, loads]);

  const set = (field: keyof AgencyDraft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    // The register checks the same schema again; checking here first gives the same messages at once.
    const parsed = agencyInputSchema.safeParse(draft);
    if (!parsed.success) {
      setErrors(errorsFromIssues(issuesFromZod(parsed.error)));
      return;
    }
    const fields = parsed.data;
    setBusy(true);
    const result =
      id === undefined
        ? await invoke('agencies.create', fields)
        : await invoke('agencies.update', { id, version: agency?.version ?? 0, fields });
    setBusy(false);
    if (result.ok) {
      navigate('/agencies', { heading: id === undefined ? 'Agency added' : 'Agency updated', body: result.value.name });
    } else {
      setErrors(errorsFromApi(result.error, fieldIdOf));
    }
  }

  async function setActive(active: boolean) {
    if (id === undefined || busy) return;
    setBusy(true);
    const result = await invoke('agencies.setActive', { id, active, version: agency?.version });
    setBusy(false);
    if (result.ok) {
      navigate('/agencies', { heading: active ? 'Agency reactivated' : 'Agency deactivated', body: result.value.name });
    } else {
      setErrors(errorsFromApi(result.error));
    }
  }

  if (editing && loadError) {
    return (
      <Page title="Agency not found">
        <p className="govuk-body">{loadError}</p>
        <p className="govuk-body">
          <a href="#/agencies" className="govuk-link">
            Back to agencies
          </a>
        </p>
      </Page>
    );
  }

  const title = editing ? 'Edit agency' : 'Add an agency';
  return (
    <Page title={title} errors={errors} caption={editing ? (agency?.name ?? '\u00a0') : undefined}>
      {editing && !agency ? (
        <p className="govuk-body">Loading…</p>
      ) : (
        <form noValidate onSubmit={(event) => void save(event)}>
          <TextInput
            id="name"
            label="Agency name"
            value={draft.name}
            onChange={set('name')}
            error={errorFor(errors, 'name')}
            autoComplete="organization"
          />
          <Select
            id="type"
            label="Type of agency"
            value={draft.type}
            onChange={(value) => setDraft((d) => ({ ...d, type: isAgencyType(value) ? value : '' }))}
            options={TYPE_OPTIONS}
            error={errorFor(errors, 'type')}
          />
          <TextInput
            id="quoracyGroup"
            label="Quoracy group (optional)"
            hint="Agencies in the same group count once for quoracy, for example all health services"
            value={draft.quoracyGroup}
            onChange={set('quoracyGroup')}
            error={errorFor(errors, 'quoracyGroup')}
            widthClassName="govuk-input--width-20"
          />
          <Fieldset legend="Safeguarding lead" legendClassName="govuk-fieldset__legend--m" legendAsHeading="h2">
            <div className="govuk-hint">Who receives escalations about this agency’s contribution to conferences.</div>
            <TextInput
              id="leadName"
              label="Full name"
              value={draft.leadName}
              onChange={set('leadName')}
              error={errorFor(errors, 'leadName')}
              spellCheck={false}
            />
            <TextInput
              id="leadJobTitle"
              label="Job title"
              value={draft.leadJobTitle}
              onChange={set('leadJobTitle')}
              error={errorFor(errors, 'leadJobTitle')}
            />
            <TextInput
              id="leadEmail"
              label="Email address"
              type="email"
              value={draft.leadEmail}
              onChange={set('leadEmail')}
              error={errorFor(errors, 'leadEmail')}
              spellCheck={false}
            />
            <TextInput
              id="leadPhone"
              label="Phone number"
              type="tel"
              value={draft.leadPhone}
              onChange={set('leadPhone')}
              error={errorFor(errors, 'leadPhone')}
              widthClassName="govuk-input--width-20"
            />
          </Fieldset>
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button">
              {editing ? 'Save changes' : 'Add agency'}
            </button>
            <LoadCurrentVersion errors={errors} onLoad={() => setLoads((n) => n + 1)} />
            <a href="#/agencies" className="govuk-link">
              Cancel
            </a>
          </div>
        </form>
      )}
      {agency && (
        <section aria-labelledby="status-heading" className="govuk-!-margin-top-6">
          <h2 className="govuk-heading-m" id="status-heading">
            {agency.active ? 'Deactivate agency' : 'Reactivate agency'}
          </h2>
          <p className="govuk-body">
            This agency is{' '}
            <strong className={`govuk-tag ${agency.active ? 'govuk-tag--green' : 'govuk-tag--grey'}`}>
              {agency.active ? 'Active' : 'Inactive'}
            </strong>
          </p>
          {agency.active ? (
            <p className="govuk-body">
              Deactivate an agency that no longer exists or is no longer invited. It is not deleted: it stays in the
              directory, marked inactive, and past conferences and records that name it keep it. You can reactivate it
              later.
            </p>
          ) : (
            <p className="govuk-body">
              This agency is kept for past records. Reactivate it to invite it to conferences again.
            </p>
          )}
          <button
            type="button"
            className={`govuk-button ${agency.active ? 'govuk-button--warning' : 'govuk-button--secondary'}`}
            onClick={() => void setActive(!agency.active)}
          >
            {agency.active ? 'Deactivate agency' : 'Reactivate agency'}
          </button>
        </section>
      )}
      {agency && <History entity="agency" entityId={agency.id} refresh={agency} />}
    </Page>
  );
}
