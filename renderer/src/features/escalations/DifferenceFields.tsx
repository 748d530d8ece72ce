import { NATURE_LABELS, NATURES, type Nature } from '../../../../shared/schemas/escalation';
import { MAX_LONG_TEXT } from '../../../../shared/schemas/limits';
import { Checkboxes } from '../../components/Checkboxes';
import { errorFor, type FormError } from '../../components/form-errors';
import { Select } from '../../components/Select';
import { Textarea } from '../../components/Textarea';
import { TextInput } from '../../components/TextInput';

/** The fields that say what a professional difference is: who escalates, whom, about what, seeking what. */
export interface DifferenceValues {
  initiatingAgencyId: string;
  challengedAgencyId: string;
  natures: Nature[];
  natureOther: string;
  details: string;
  outcomeSought: string;
}

function isNature(value: string): value is Nature {
  return (NATURES as readonly string[]).includes(value);
}

/**
 * The difference's fields (Kirklees Appendix 5: agency initiating, nature of the difference with
 * "other" stated, details and outcome sought), shared by the new escalation and its correction.
 * `idPrefix` keeps the ids apart where both could be on one page.
 */
export function DifferenceFields({
  values,
  onChange,
  errors,
  agencyOptions,
  idPrefix = '',
}: {
  values: DifferenceValues;
  /** Called with the fields changed. */
  onChange: (patch: Partial<DifferenceValues>) => void;
  errors: readonly FormError[];
  agencyOptions: readonly { value: string; text: string }[];
  idPrefix?: string;
}) {
  const id = (field: keyof DifferenceValues) => `${idPrefix}${field}`;
  const set =
    <K extends keyof DifferenceValues>(key: K) =>
    (value: DifferenceValues[K]) =>
      onChange({ [key]: value });
  return (
    <>
      <Select
        id={id('initiatingAgencyId')}
        label="Agency escalating"
        value={values.initiatingAgencyId}
        onChange={set('initiatingAgencyId')}
        options={agencyOptions}
        error={errorFor(errors, id('initiatingAgencyId'))}
      />
      <Select
        id={id('challengedAgencyId')}
        label="Agency challenged"
        value={values.challengedAgencyId}
        onChange={set('challengedAgencyId')}
        options={agencyOptions}
        error={errorFor(errors, id('challengedAgencyId'))}
      />
      <Checkboxes
        id={id('natures')}
        legend="Nature of the difference"
        legendClassName="govuk-fieldset__legend--s"
        hint="Tick all that apply"
        items={NATURES.map((n) => ({ value: n, label: NATURE_LABELS[n] }))}
        values={values.natures}
        onChange={(chosen) => set('natures')(chosen.filter(isNature))}
        error={errorFor(errors, id('natures'))}
      />
      {values.natures.includes('other') && (
        <div className="govuk-checkboxes__conditional">
          <TextInput
            id={id('natureOther')}
            label="What the other nature of the difference is"
            value={values.natureOther}
            onChange={set('natureOther')}
            error={errorFor(errors, id('natureOther'))}
          />
        </div>
      )}
      <Textarea
        id={id('details')}
        label="Details of the difference"
        value={values.details}
        onChange={set('details')}
        error={errorFor(errors, id('details'))}
        characterLimit={MAX_LONG_TEXT}
      />
      <Textarea
        id={id('outcomeSought')}
        label="Outcome sought"
        rows={3}
        value={values.outcomeSought}
        onChange={set('outcomeSought')}
        error={errorFor(errors, id('outcomeSought'))}
        characterLimit={MAX_LONG_TEXT}
      />
    </>
  );
}
