import { useEffect, useState, type FormEvent } from 'react';
import {
  clockedStages,
  limitWords,
  mayStartAt,
  START_ROUTE_LABELS,
  type Protocol,
} from '../../../../shared/escalation-protocols';
import { issuesFromZod, type FieldIssue } from '../../../../shared/ipc/result';
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
import { openEscalationInputSchema, type EscalationDraft, type Nature } from '../../../../shared/schemas/escalation';
import { MAX_LONG_TEXT, MAX_REASON } from '../../../../shared/schemas/limits';
import { invoke } from '../../api/client';
import { useApi } from '../../api/use-api';
import { Page } from '../../app/Page';
import { useSettings } from '../../app/settings-context';
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
import { Radios } from '../../components/Radios';
import { Select } from '../../components/Select';
import { Textarea } from '../../components/Textarea';
import {
  EMPTY_PERSON,
  personDraft,
  escalatingPersonInput,
  partsOf,
  PersonFields,
  personInput,
  today,
  type PersonDraft,
} from './escalation-parts';
import { ImmediateRiskPanel } from './ImmediateRiskPanel';
import { LINK_PATHS, LinkConferenceFields } from './LinkConferenceFields';
import { DifferenceFields } from './DifferenceFields';
import { SubjectFields } from './SubjectFields';
import './escalations.scss';

interface Draft {
  familyId: number | null;
  childId: number | null;
  conferenceId: number | null;
  /** The conference's Principal Officer review this escalation answers, when drafted from one. */
  followUpId: number | null;
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
  /** The stage chosen to start at ('' until the protocol is known: its first stage). */
  startStage: string;
  startReason: string;
}

function emptyDraft(): Draft {
  return {
    familyId: null,
    childId: null,
    conferenceId: null,
    followUpId: null,
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
    startStage: '',
    startReason: '',
  };
}

/** The fields `escalations.draftFromConference` prefilled, over an empty form. */
function draftFrom(prefill: EscalationDraft): Draft {
  const base = emptyDraft();
  return {
    ...base,
    familyId: prefill.familyId,
    childId: prefill.childId,
    conferenceId: prefill.conferenceId,
    followUpId: prefill.followUpId ?? null,
    subjectName: prefill.subjectName,
    subjectDateOfBirth: prefill.subjectDateOfBirth ? partsOf(prefill.subjectDateOfBirth) : EMPTY_DATE,
    initiatingAgencyId: prefill.initiatingAgencyId === undefined ? '' : String(prefill.initiatingAgencyId),
    challengedAgencyId: prefill.challengedAgencyId === undefined ? '' : String(prefill.challengedAgencyId),
    natures: prefill.natures,
    details: prefill.details,
    escalatedBy: prefill.escalatedBy ? personDraft(prefill.escalatedBy) : EMPTY_PERSON,
    openedOn: partsOf(prefill.openedOn),
    startStage: prefill.startStage === undefined ? '' : String(prefill.startStage),
    startReason: prefill.startReason ?? '',
  };
}

/** The Croydon form's drop-down lists, each with a blank "Not recorded" first. */
const GENDER_OPTIONS = characteristicOptions(GENDERS, GENDER_LABELS);
const ETHNICITY_OPTIONS = characteristicOptions(ETHNICITIES, ETHNICITY_LABELS);
const SEND_OPTIONS = characteristicOptions(SEND_STATUSES, SEND_LABELS);

const DATE_FIELDS = ['subjectDateOfBirth', 'openedOn'];
function fieldFor(path: string): FieldRef {
  const id = pathToId(path);
  if (LINK_PATHS.some((p) => p === id)) return 'link-conference-search';
  return DATE_FIELDS.includes(id) ? { fieldId: id, targetId: `${id}-day` } : id;
}

function toNumber(value: string): number {
  return value === '' ? 0 : Number(value);
}

/** The partnership's protocol: the latest version of the one chosen in Settings. */
function useChosenProtocol(): { id: number; definition: Protocol } | null {
  const protocols = useApi('protocols.list', {});
  const chosen = protocols.data?.find((p) => p.chosen);
  return chosen ? { id: chosen.id, definition: chosen.definition } : null;
}

/** The hint for a stage an escalation may start at: the first, or a later one the procedure allows. */
function startHint(protocol: Protocol, number: number, first: number): string {
  const stage = protocol.stages.find((s) => s.number === number);
  if (!stage || number === first) return 'The procedure’s first stage';
  const routes = stage.startFor.map((r) => START_ROUTE_LABELS[r]);
  return routes.length > 0
    ? `Where the escalation comes from ${routes.join(' or ')}; otherwise only with a reason`
    : `Only where the procedure allows it, with the reason: ${stage.what || stage.name}`;
}

/**
 * Starts a professional disagreement escalation under the partnership's protocol, at its first
 * stage or (only where the procedure allows it, with the reason) a later one. From a conference
 * (a minority view, or a Principal Officer review) the child, the conference and the agencies
 * come prefilled, with the stage the protocol routes it to and the reason (North Lincolnshire: a
 * minority view at the line managers' stage, a Principal Officer review at its own).
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
  const agencies = useApi('agencies.all', { includeInactive: false });
  const protocol = useChosenProtocol();
  const { settings } = useSettings();
  const first = protocol ? clockedStages(protocol.definition)[0] : undefined;
  const starts = protocol ? protocol.definition.stages.filter((s) => mayStartAt(protocol.definition, s.number)) : [];
  const startNumber = draft.startStage === '' ? first?.number : Number(draft.startStage);
  const startStage = protocol?.definition.stages.find((s) => s.number === startNumber);
  const startsLater = startStage !== undefined && first !== undefined && startStage.number !== first.number;

  useEffect(() => {
    if (conferenceId === null || childId === null) return;
    let current = true;
    void invoke('escalations.draftFromConference', { conferenceId, childId, agencyId }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setDraft(draftFrom(result.value));
        setPrefilled(
          result.value.escalatedBy
            ? 'The child, the conference, the agencies and who escalates (the agency’s representative at the conference) come from the conference. Check them before you start.'
            : 'The child, the conference and the agencies come from the conference. Check them before you start.',
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
      ...(protocol ? { protocolId: protocol.id } : {}),
      familyId: draft.familyId,
      childId: draft.childId,
      conferenceId: draft.conferenceId,
      followUpId: draft.followUpId,
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
      ...(startStage ? { startStage: startStage.number } : {}),
      startReason: startsLater ? draft.startReason.trim() || null : null,
    };
    const parsed = openEscalationInputSchema.safeParse(input);
    // A later start needs its reason (the register says so too; asked here with the rest).
    const missingReason: FieldIssue[] =
      startsLater && !draft.startReason.trim()
        ? [
            {
              path: 'startReason',
              message: `Say why the escalation starts at stage ${startStage.number} (${startStage.name})`,
            },
          ]
        : [];
    if (!parsed.success || missingReason.length > 0) {
      const issues = [...(parsed.success ? [] : issuesFromZod(parsed.error)), ...missingReason];
      setErrors(errorsFromIssues(issues, fieldFor));
      return;
    }
    setBusy(true);
    const result = await invoke('escalations.open', input);
    setBusy(false);
    if (result.ok) {
      navigate(`/escalations/${result.value.id}`, {
        heading: 'Escalation started',
        body: `${result.value.subjectName}: stage ${result.value.stages[0]?.number ?? 1}, ${result.value.stages[0]?.name ?? ''}`,
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
        <SubjectFields values={draft} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} errors={errors} />
        {conferenceId === null && (
          <LinkConferenceFields
            id="link-conference"
            value={
              draft.conferenceId !== null && draft.childId !== null && draft.familyId !== null
                ? { conferenceId: draft.conferenceId, childId: draft.childId, familyId: draft.familyId }
                : null
            }
            onChange={(link) =>
              setDraft((d) => ({
                ...d,
                familyId: link?.familyId ?? null,
                childId: link?.childId ?? null,
                conferenceId: link?.conferenceId ?? null,
              }))
            }
            error={errorFor(errors, 'link-conference-search')}
          />
        )}
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
        <DifferenceFields
          values={draft}
          onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
          errors={errors}
          agencyOptions={agencyOptions}
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
          <ImmediateRiskPanel sameDayContact={settings?.sameDayContact ?? null} testId="immediate-risk-guidance" />
        )}
        <h2 className="govuk-heading-m">Where it starts</h2>
        {protocol === null ? (
          <p className="govuk-body">Loading the partnership’s protocol…</p>
        ) : (
          <>
            <p className="govuk-body" data-testid="new-escalation-protocol">
              Under {protocol.definition.name}.
            </p>
            {starts.length > 1 ? (
              <Radios
                id="startStage"
                legend="Stage it starts at"
                legendClassName="govuk-fieldset__legend--s"
                hint="Escalations start at the first stage. A later stage only where the procedure allows it, with the reason."
                items={starts.map((s) => ({
                  value: String(s.number),
                  label: `Stage ${s.number}: ${s.name}`,
                  hint: startHint(protocol.definition, s.number, first?.number ?? 1),
                  ...(s.number !== first?.number
                    ? {
                        conditional: (
                          <Textarea
                            id="startReason"
                            label={`Why it starts at stage ${s.number}`}
                            rows={3}
                            value={draft.startReason}
                            onChange={set('startReason')}
                            error={errorFor(errors, 'startReason')}
                            characterLimit={MAX_REASON}
                          />
                        ),
                      }
                    : {}),
                }))}
                value={String(startNumber ?? '')}
                onChange={set('startStage')}
                error={errorFor(errors, 'startStage')}
              />
            ) : (
              first && (
                <p className="govuk-body">
                  It starts at stage {first.number}: {first.name}.
                </p>
              )
            )}
          </>
        )}
        <h2 className="govuk-heading-m" data-testid="start-stage-heading">
          {startStage ? `Stage ${startStage.number}: ${startStage.name}` : 'The first stage'}
        </h2>
        {startStage && (
          <p className="govuk-body" data-testid="start-stage-limit">
            Time limit: {limitWords(startStage)}
            {draft.immediateRisk && '. Immediate risk: due the day it is raised'}.
          </p>
        )}
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
