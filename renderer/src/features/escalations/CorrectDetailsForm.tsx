import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Escalation, Nature } from '../../../../shared/schemas/escalation';
import { MAX_REASON } from '../../../../shared/schemas/limits';
import { invoke } from '../../api/client';
import { useApi } from '../../api/use-api';
import { Checkboxes } from '../../components/Checkboxes';
import { datePartsToString, EMPTY_DATE, type DateParts } from '../../components/date-parts';
import { errorFor } from '../../components/form-errors';
import { Textarea } from '../../components/Textarea';
import { fieldMapper, partsOf } from './escalation-parts';
import { DifferenceFields } from './DifferenceFields';
import { LINK_PATHS, LinkConferenceFields, type ConferenceLink } from './LinkConferenceFields';
import { SubjectFields } from './SubjectFields';
import type { FormProps } from './types';

interface Draft {
  subjectName: string;
  subjectDateOfBirth: DateParts;
  subjectAddress: string;
  initiatingAgencyId: string;
  challengedAgencyId: string;
  natures: Nature[];
  natureOther: string;
  details: string;
  outcomeSought: string;
  immediateRisk: boolean;
  /** A new link to the conference and child it concerns (or a corrected one); null leaves it as it is. */
  link: ConferenceLink | null;
  reason: string;
}

function draftOf(e: Escalation): Draft {
  return {
    subjectName: e.subjectName,
    subjectDateOfBirth: e.subjectDateOfBirth ? partsOf(e.subjectDateOfBirth) : EMPTY_DATE,
    subjectAddress: e.subjectAddress ?? '',
    initiatingAgencyId: String(e.initiatingAgency.id),
    challengedAgencyId: String(e.challengedAgency.id),
    natures: e.natures,
    natureOther: e.natureOther ?? '',
    details: e.details,
    outcomeSought: e.outcomeSought,
    immediateRisk: e.immediateRisk,
    link: null,
    reason: '',
  };
}

const FIELDS = [
  'subjectName',
  'subjectDateOfBirth',
  'subjectAddress',
  'initiatingAgencyId',
  'challengedAgencyId',
  'natures',
  'natureOther',
  'details',
  'outcomeSought',
  'immediateRisk',
  'reason',
] as const;
const fieldFor = fieldMapper(
  {
    ...Object.fromEntries(FIELDS.map((f) => [f, `correct-${f}`])),
    ...Object.fromEntries(LINK_PATHS.map((f) => [f, 'correct-link-search'])),
  },
  ['subjectDateOfBirth'],
);

/**
 * The fields that differ from the record, as `escalations.correct` takes them: only what the
 * user changed is sent, so the correction lists exactly those fields before and after.
 */
function changesOf(e: Escalation, d: Draft) {
  const dateOfBirth = datePartsToString(d.subjectDateOfBirth) || null;
  const address = d.subjectAddress.trim() || null;
  const initiating = Number(d.initiatingAgencyId);
  const challenged = Number(d.challengedAgencyId);
  const natureOther = d.natureOther.trim() || null;
  const sameNatures = d.natures.length === e.natures.length && d.natures.every((n) => e.natures.includes(n));
  return {
    ...(d.subjectName.trim() !== e.subjectName ? { subjectName: d.subjectName } : {}),
    ...(dateOfBirth !== e.subjectDateOfBirth ? { subjectDateOfBirth: dateOfBirth } : {}),
    ...(address !== e.subjectAddress ? { subjectAddress: address } : {}),
    ...(initiating !== e.initiatingAgency.id ? { initiatingAgencyId: initiating } : {}),
    ...(challenged !== e.challengedAgency.id ? { challengedAgencyId: challenged } : {}),
    ...(sameNatures ? {} : { natures: d.natures }),
    ...(d.natures.includes('other') && natureOther !== e.natureOther ? { natureOther } : {}),
    ...(d.details.trim() !== e.details ? { details: d.details } : {}),
    ...(d.outcomeSought.trim() !== e.outcomeSought ? { outcomeSought: d.outcomeSought } : {}),
    ...(d.immediateRisk !== e.immediateRisk ? { immediateRisk: d.immediateRisk } : {}),
    ...(d.link ?? {}),
  };
}

/**
 * Corrects the escalation's details openly: the fields as recorded, changed where they were
 * wrong, and the reason. The register keeps who, when, why and each value before and after; the
 * stages and their dates are the escalation's history and are not corrected here.
 */
export function CorrectDetailsForm({ escalation, errors, send, onDone }: FormProps & { onDone(): void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(escalation));
  const agencies = useApi('agencies.all', { includeInactive: true });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);

  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await send(
      () =>
        invoke('escalations.correct', {
          escalationId: escalation.id,
          version: escalation.version,
          reason: draft.reason,
          ...changesOf(escalation, draft),
        }),
      fieldFor,
      'Details corrected',
    );
    if (ok) onDone();
  }

  // The agencies named on the record stay choosable even if deactivated since.
  const known = new Map((agencies.data ?? []).map((a) => [a.id, a.active ? a.name : `${a.name} (inactive)`]));
  for (const a of [escalation.initiatingAgency, escalation.challengedAgency])
    if (!known.has(a.id)) known.set(a.id, a.name);
  const agencyOptions = [...known.entries()].map(([id, name]) => ({ value: String(id), text: name }));

  return (
    <form
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="correct-heading"
      className="app-correct-details"
    >
      <h2 className="govuk-heading-m" id="correct-heading" tabIndex={-1} ref={heading}>
        Correct the details
      </h2>
      <p className="govuk-body">
        Change what was recorded wrongly and say why. The correction is kept with the escalation: who made it, when,
        why, and each value before and after. The stages and their dates are not changed here.
      </p>
      <SubjectFields
        values={draft}
        onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
        errors={errors}
        idPrefix="correct-"
      />
      <DifferenceFields
        values={draft}
        onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
        errors={errors}
        agencyOptions={agencyOptions}
        idPrefix="correct-"
      />
      <Checkboxes
        id="correct-immediateRisk"
        legend="Immediate risk"
        legendClassName="govuk-fieldset__legend--s"
        hint="Changing this moves the current stage’s due date with it"
        items={[{ value: 'yes', label: 'Child at immediate risk of significant harm' }]}
        values={draft.immediateRisk ? ['yes'] : []}
        onChange={(values) => set('immediateRisk')(values.includes('yes'))}
        error={errorFor(errors, 'correct-immediateRisk')}
      />
      <LinkConferenceFields
        id="correct-link"
        value={draft.link}
        onChange={set('link')}
        error={errorFor(errors, 'correct-link-search')}
        hint={
          escalation.conferenceId === null
            ? undefined
            : 'Only if it is linked to the wrong conference or child: search for the right one'
        }
      />
      <Textarea
        id="correct-reason"
        label="Why are the details being corrected?"
        labelClassName="govuk-label--s"
        hint="For example, the child’s date of birth was typed wrongly"
        rows={3}
        value={draft.reason}
        onChange={set('reason')}
        error={errorFor(errors, 'correct-reason')}
        characterLimit={MAX_REASON}
      />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button">
          Save the correction
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
