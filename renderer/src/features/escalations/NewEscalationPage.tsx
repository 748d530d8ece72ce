import { useEffect, useState, type FormEvent } from 'react';
import { issuesFromZod } from '../../../../shared/ipc/result';
import {
  characteristicOptions,
  codeIn,
  ETHNICITIES,
  ETHNICITY_LABELS,
  GENDER_LABELS,
  GENDERS,
  SEND_LABELS,
  SEND_STATUSES,
  type Ethnicity,
  type Gender,
  type SendStatus,
} from '../../../../shared/schemas/child-characteristics';
import {
  IMMEDIATE_RISK_GUIDANCE,
  NATURE_LABELS,
  NATURES,
  openEscalationInputSchema,
  type Nature,
} from '../../../../shared/schemas/escalation';
import { MAX_ADDRESS, MAX_LONG_TEXT } from '../../../../shared/schemas/limits';
import { invoke } from '../../api/client';
import { useApi } from '../../api/use-api';
import { Page } from '../../app/Page';
import { navigate } from '../../app/use-hash-route';
import { Checkboxes } from '../../components/Checkboxes';
import { DateInput } from '../../components/DateInput';
import { Fieldset } from '../../components/Fieldset';
import { datePartsToString, EMPTY_DATE, type DateParts } from '../../components/date-parts';
import {
  errorFor,
  errorsFromApi,
  errorsFromIssues,
  pathToId,
  type FieldRef,
  type FormError,
} from '../../components/form-errors';
import { Select } from '../../components/Select';
import { Textarea } from '../../components/Textarea';
import { TextInput } from '../../components/TextInput';
import { WarningText } from '../../components/WarningText';
import {
  EMPTY_PERSON,
  escalatingPersonInput,
  partsOf,
  PersonFields,
  personInput,
  today,
  type PersonDraft,
} from './escalation-parts';
import './escalations.scss';

interface Draft {
  familyId: number | null;
  childId: number | null;
  conferenceId: number | null;
  subjectName: string;
  subjectDateOfBirth: DateParts;
  subjectAddress: string;
  subjectGender: Gender | null;
  subjectEthnicity: Ethnicity | null;
  subjectSend: SendStatus | null;
  initiatingAgencyId: string;
  challengedAgencyId: string;
  natures: Nature[];
  natureOther: string;
  details: string;
  outcomeSought: string;
  immediateRisk: boolean;
  openedOn: DateParts;
  escalatedBy: PersonDraft;
  escalatedTo: PersonDraft;
  concerns: string;
}

function emptyDraft(): Draft {
  return {
    familyId: null,
    childId: null,
    conferenceId: null,
    subjectName: '',
    subjectDateOfBirth: EMPTY_DATE,
    subjectAddress: '',
    subjectGender: null,
    subjectEthnicity: null,
    subjectSend: null,
    initiatingAgencyId: '',
    challengedAgencyId: '',
    natures: [],
    natureOther: '',
    details: '',
    outcomeSought: '',
    immediateRisk: false,
    openedOn: partsOf(today()),
    escalatedBy: EMPTY_PERSON,
    escalatedTo: EMPTY_PERSON,
    concerns: '',
  };
}

function isNature(value: unknown): value is Nature {
  return typeof value === 'string' && (NATURES as readonly string[]).includes(value);
}
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const idOf = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null);

/** The fields `escalations.draftFromConference` prefilled, over an empty form. */
function draftFrom(prefill: Record<string, unknown>): Draft {
  const base = emptyDraft();
  const dob = text(prefill['subjectDateOfBirth']);
  const opened = text(prefill['openedOn']);
  const initiating = idOf(prefill['initiatingAgencyId']);
  const challenged = idOf(prefill['challengedAgencyId']);
  const natures = prefill['natures'];
  return {
    ...base,
    familyId: idOf(prefill['familyId']),
    childId: idOf(prefill['childId']),
    conferenceId: idOf(prefill['conferenceId']),
    subjectName: text(prefill['subjectName']),
    subjectDateOfBirth: dob ? partsOf(dob) : EMPTY_DATE,
    initiatingAgencyId: initiating === null ? '' : String(initiating),
    challengedAgencyId: challenged === null ? '' : String(challenged),
    natures: Array.isArray(natures) ? natures.filter(isNature) : [],
    details: text(prefill['details']),
    openedOn: opened ? partsOf(opened) : base.openedOn,
  };
}

/** The Croydon form's drop-down lists, each with a blank "Not recorded" first. */
const GENDER_OPTIONS = characteristicOptions(GENDERS, GENDER_LABELS);
const ETHNICITY_OPTIONS = characteristicOptions(ETHNICITIES, ETHNICITY_LABELS);
const SEND_OPTIONS = characteristicOptions(SEND_STATUSES, SEND_LABELS);

const DATE_FIELDS = ['subjectDateOfBirth', 'openedOn'];
function fieldFor(path: string): FieldRef {
  const id = pathToId(path);
  return DATE_FIELDS.includes(id) ? { fieldId: id, targetId: `${id}-day` } : id;
}

function toNumber(value: string): number {
  return value === '' ? 0 : Number(value);
}

/**
 * Starts a professional disagreement escalation at stage 1 of the partnership's protocol. From
 * a conference (a minority view, or a Principal Officer review) the child, the conference and
 * the agencies come prefilled.
 */
export function NewEscalationPage({
  conferenceId,
  childId,
  agencyId,
}: {
  conferenceId: number | null;
  childId: number | null;
  agencyId: number | null;
}) {
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const [prefilled, setPrefilled] = useState<string | null>(null);
  const agencies = useApi('agencies.list', { search: '', includeInactive: false });

  useEffect(() => {
    if (conferenceId === null || childId === null) return;
    let current = true;
    void invoke('escalations.draftFromConference', { conferenceId, childId, agencyId }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setDraft(draftFrom(result.value));
        setPrefilled(
          'The child, the conference and the agencies come from the conference. Check them before you start.',
        );
      } else {
        setErrors(errorsFromApi(result.error));
      }
    });
    return () => {
      current = false;
    };
  }, [conferenceId, childId, agencyId]);

  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const input = {
      familyId: draft.familyId,
      childId: draft.childId,
      conferenceId: draft.conferenceId,
      subjectName: draft.subjectName,
      subjectDateOfBirth: datePartsToString(draft.subjectDateOfBirth) || null,
      subjectAddress: draft.subjectAddress.trim() || null,
      subjectGender: draft.subjectGender,
      subjectEthnicity: draft.subjectEthnicity,
      subjectSend: draft.subjectSend,
      initiatingAgencyId: toNumber(draft.initiatingAgencyId),
      challengedAgencyId: toNumber(draft.challengedAgencyId),
      natures: draft.natures,
      natureOther: draft.natures.includes('other') ? draft.natureOther.trim() || null : null,
      details: draft.details,
      outcomeSought: draft.outcomeSought,
      immediateRisk: draft.immediateRisk,
      openedOn: datePartsToString(draft.openedOn),
      escalatedBy: escalatingPersonInput(draft.escalatedBy),
      escalatedTo: { ...personInput(draft.escalatedTo), name: draft.escalatedTo.name.trim() || null },
      concerns: draft.concerns.trim() || null,
    };
    const parsed = openEscalationInputSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(errorsFromIssues(issuesFromZod(parsed.error), fieldFor));
      return;
    }
    setBusy(true);
    const result = await invoke('escalations.open', input);
    setBusy(false);
    if (result.ok) {
      navigate(`/escalations/${result.value.id}`, {
        heading: 'Escalation started',
        body: `${result.value.subjectName}: stage 1, ${result.value.stages[0]?.name ?? ''}`,
      });
    } else {
      setErrors(errorsFromApi(result.error, fieldFor));
    }
  }

  const agencyOptions = [
    { value: '', text: 'Choose an agency' },
    ...(agencies.data ?? []).map((a) => ({ value: String(a.id), text: a.name })),
  ];

  return (
    <Page title="Start an escalation" errors={errors}>
      {prefilled && <div className="govuk-inset-text">{prefilled}</div>}
      <form noValidate onSubmit={(event) => void submit(event)}>
        <h2 className="govuk-heading-m">The child or family</h2>
        <TextInput
          id="subjectName"
          label="Child’s or family’s name"
          value={draft.subjectName}
          onChange={set('subjectName')}
          error={errorFor(errors, 'subjectName')}
          spellCheck={false}
        />
        <DateInput
          id="subjectDateOfBirth"
          legend="Date of birth (optional)"
          hint="For example, 27 3 2018"
          value={draft.subjectDateOfBirth}
          onChange={set('subjectDateOfBirth')}
          error={errorFor(errors, 'subjectDateOfBirth')}
        />
        <Textarea
          id="subjectAddress"
          label="Address (optional)"
          rows={3}
          value={draft.subjectAddress}
          onChange={set('subjectAddress')}
          error={errorFor(errors, 'subjectAddress')}
          characterLimit={MAX_ADDRESS}
        />
        <Fieldset
          legend="Gender, ethnicity and SEND (optional)"
          legendClassName="govuk-fieldset__legend--s"
          describedBy="subject-profile-hint"
        >
          <div id="subject-profile-hint" className="govuk-hint">
            Asked for on the Croydon Escalation Notification Form. Leave any you do not have as “Not recorded”.
          </div>
          <Select
            id="subjectGender"
            label="Gender"
            value={draft.subjectGender ?? ''}
            onChange={(v) => set('subjectGender')(codeIn(GENDERS, v))}
            options={GENDER_OPTIONS}
            error={errorFor(errors, 'subjectGender')}
          />
          <Select
            id="subjectEthnicity"
            label="Ethnicity"
            value={draft.subjectEthnicity ?? ''}
            onChange={(v) => set('subjectEthnicity')(codeIn(ETHNICITIES, v))}
            options={ETHNICITY_OPTIONS}
            error={errorFor(errors, 'subjectEthnicity')}
          />
          <Select
            id="subjectSend"
            label="Special educational needs and disabilities (SEND)"
            value={draft.subjectSend ?? ''}
            onChange={(v) => set('subjectSend')(codeIn(SEND_STATUSES, v))}
            options={SEND_OPTIONS}
            error={errorFor(errors, 'subjectSend')}
          />
        </Fieldset>
        <h2 className="govuk-heading-m">The difference</h2>
        <Select
          id="initiatingAgencyId"
          label="Agency escalating"
          value={draft.initiatingAgencyId}
          onChange={set('initiatingAgencyId')}
          options={agencyOptions}
          error={errorFor(errors, 'initiatingAgencyId')}
        />
        <Select
          id="challengedAgencyId"
          label="Agency challenged"
          value={draft.challengedAgencyId}
          onChange={set('challengedAgencyId')}
          options={agencyOptions}
          error={errorFor(errors, 'challengedAgencyId')}
        />
        <Checkboxes
          id="natures"
          legend="Nature of the difference"
          legendClassName="govuk-fieldset__legend--s"
          hint="Tick all that apply"
          items={NATURES.map((n) => ({ value: n, label: NATURE_LABELS[n] }))}
          values={draft.natures}
          onChange={(values) => set('natures')(values.filter(isNature))}
          error={errorFor(errors, 'natures')}
        />
        {draft.natures.includes('other') && (
          <div className="govuk-checkboxes__conditional">
            <TextInput
              id="natureOther"
              label="What the other nature of the difference is"
              value={draft.natureOther}
              onChange={set('natureOther')}
              error={errorFor(errors, 'natureOther')}
            />
          </div>
        )}
        <Textarea
          id="details"
          label="Details of the difference"
          value={draft.details}
          onChange={set('details')}
          error={errorFor(errors, 'details')}
          characterLimit={MAX_LONG_TEXT}
        />
        <Textarea
          id="outcomeSought"
          label="Outcome sought"
          rows={3}
          value={draft.outcomeSought}
          onChange={set('outcomeSought')}
          error={errorFor(errors, 'outcomeSought')}
          characterLimit={MAX_LONG_TEXT}
        />
        <Checkboxes
          id="immediateRisk"
          legend="Immediate risk"
          legendClassName="govuk-fieldset__legend--s"
          items={[{ value: 'yes', label: 'Child at immediate risk of significant harm' }]}
          values={draft.immediateRisk ? ['yes'] : []}
          onChange={(values) => set('immediateRisk')(values.includes('yes'))}
        />
        {draft.immediateRisk && (
          <div className="app-immediate-risk-panel" data-testid="immediate-risk-guidance">
            <WarningText>{IMMEDIATE_RISK_GUIDANCE}</WarningText>
          </div>
        )}
        <h2 className="govuk-heading-m">Stage 1</h2>
        <DateInput
          id="openedOn"
          legend="Date of initial escalation"
          hint="For example, 27 3 2026"
          value={draft.openedOn}
          onChange={set('openedOn')}
          error={errorFor(errors, 'openedOn')}
        />
        <PersonFields
          id="escalatedBy"
          legend="Escalated by"
          value={draft.escalatedBy}
          onChange={set('escalatedBy')}
          errors={errors}
          withEmail
        />
        <PersonFields
          id="escalatedTo"
          legend="Escalated to (optional)"
          value={draft.escalatedTo}
          onChange={set('escalatedTo')}
          errors={errors}
          nameOptional
        />
        <Textarea
          id="concerns"
          label="Concerns at this stage (optional)"
          hint="Key dates, evidence of need, the procedural issue or disagreement, and interventions to date"
          rows={4}
          value={draft.concerns}
          onChange={set('concerns')}
          error={errorFor(errors, 'concerns')}
          characterLimit={MAX_LONG_TEXT}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button">
            Start the escalation
          </button>
          <a href="#/escalations" className="govuk-link">
            Cancel
          </a>
        </div>
      </form>
    </Page>
  );
}
