import type { FormEvent } from 'react';
import { issuesFromZod } from '../../../../shared/ipc/result';
import { settingsUpdateSchema, type Settings } from '../../../../shared/schemas/settings';
import { useSaveSettings, useSettings } from '../../app/settings-context';
import { Checkboxes } from '../../components/Checkboxes';
import { errorFor, errorsFromApi, errorsFromIssues } from '../../components/form-errors';
import { Radios } from '../../components/Radios';
import { TextInput } from '../../components/TextInput';
import { useFormDraft } from '../../hooks/use-form-draft';
import type { SectionProps } from './types';
import { useReportUnsaved } from './use-unsaved-sections';

const NUMBER_FIELDS = [
  'reportDueInitial',
  'reportDueReview',
  'minutesWorkingDays',
  'quoracyMinOtherAgencies',
  'principalOfficerReviewWorkingDays',
] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];

/** The form's values as typed, each named as its field's id. */
type Values = {
  outcomeRule: string;
  allowMultipleCategory: string[];
  quoracyRequireChildrensSocialCare: string[];
} & Record<NumberField, string>;

/** What was typed, as a number for the register to check: blank or words are not a number. */
function toNumber(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === '' || !/^-?\d+(\.\d+)?$/.test(trimmed) ? null : Number(trimmed);
}

/**
 * How conferences are run in this partnership: the outcome rule, whether "Multiple" is a
 * category, report and minutes deadlines, the quoracy rule and the Principal Officer review
 * deadline.
 */
export function ConferenceSettingsForm({
  settings,
  errors,
  onErrors,
  onSuccess,
  onUnsaved,
}: SectionProps & { settings: Settings }) {
  const { setSettings } = useSettings();
  const saveSettings = useSaveSettings();
  const draft = useFormDraft<Values>(() => ({
    outcomeRule: settings.outcomeRule,
    allowMultipleCategory: settings.allowMultipleCategory ? ['allowMultipleCategory'] : [],
    quoracyRequireChildrensSocialCare: settings.quoracyRequireChildrensSocialCare
      ? ['quoracyRequireChildrensSocialCare']
      : [],
    reportDueInitial: String(settings.reportDueInitial),
    reportDueReview: String(settings.reportDueReview),
    minutesWorkingDays: String(settings.minutesWorkingDays),
    quoracyMinOtherAgencies: String(settings.quoracyMinOtherAgencies),
    principalOfficerReviewWorkingDays: String(settings.principalOfficerReviewWorkingDays),
  }));
  const { values, set } = draft;

  async function save(): Promise<boolean> {
    const sent = values;
    // The register's own schema first, so each field's message shows without a round trip.
    const parsed = settingsUpdateSchema.safeParse({
      outcomeRule: sent.outcomeRule,
      allowMultipleCategory: sent.allowMultipleCategory.includes('allowMultipleCategory'),
      quoracyRequireChildrensSocialCare: sent.quoracyRequireChildrensSocialCare.includes(
        'quoracyRequireChildrensSocialCare',
      ),
      ...Object.fromEntries(NUMBER_FIELDS.map((f) => [f, toNumber(sent[f])])),
    });
    if (!parsed.success) {
      onErrors(errorsFromIssues(issuesFromZod(parsed.error)));
      return false;
    }
    const result = await saveSettings(parsed.data);
    if (result.ok) {
      setSettings(result.value);
      draft.commit(sent);
      onSuccess('Conference settings saved');
      return true;
    }
    onErrors(errorsFromApi(result.error));
    return false;
  }
  useReportUnsaved(
    onUnsaved,
    'conferences',
    draft.dirty ? { fieldId: draft.changed[0] ?? 'outcomeRule', save, discard: draft.discard } : null,
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    void save();
  }

  const numberInput = (field: NumberField, label: string, hint: string) => (
    <TextInput
      id={field}
      label={label}
      hint={hint}
      value={values[field]}
      onChange={set(field)}
      error={errorFor(errors, field)}
      widthClassName="govuk-input--width-3"
      inputMode="numeric"
      spellCheck={false}
    />
  );

  return (
    <form noValidate onSubmit={submit}>
      <h2 className="govuk-heading-m" id="conference-settings-heading">
        Conferences
      </h2>
      <Radios
        id="outcomeRule"
        legend="How the outcome for each child is reached"
        legendClassName="govuk-fieldset__legend--s"
        items={[
          {
            value: 'majority',
            label: 'Majority view (North Lincolnshire SAfE procedure)',
            hint: 'The majority decides; an equally divided view adjourns the conference for up to 15 working days',
          },
          {
            value: 'chair',
            label: 'The chair decides after hearing all views',
            hint: 'Dissenting agencies’ reasons are recorded the same way',
          },
        ]}
        value={values.outcomeRule}
        onChange={set('outcomeRule')}
        error={errorFor(errors, 'outcomeRule')}
      />
      <Checkboxes
        id="allowMultipleCategory"
        legend="Categories of abuse"
        legendClassName="govuk-fieldset__legend--s"
        hint="Neglect, physical, emotional and sexual abuse are always available"
        items={[{ value: 'allowMultipleCategory', label: 'Allow “Multiple” (MUL) as a category' }]}
        values={values.allowMultipleCategory}
        onChange={set('allowMultipleCategory')}
        error={errorFor(errors, 'allowMultipleCategory')}
      />
      {numberInput(
        'reportDueInitial',
        'Reports due before an initial conference, in working days',
        'North Lincolnshire: 2. Other areas use 3.',
      )}
      {numberInput(
        'reportDueReview',
        'Reports due before a review conference, in working days',
        'North Lincolnshire: 5. Other areas use 3.',
      )}
      {numberInput('minutesWorkingDays', 'Minutes due after the conference, in working days', 'Usually 15 to 20')}
      <Checkboxes
        id="quoracyRequireChildrensSocialCare"
        legend="Quoracy"
        legendClassName="govuk-fieldset__legend--s"
        hint="Agencies in one quoracy group (for example several health services) count once"
        items={[
          {
            value: 'quoracyRequireChildrensSocialCare',
            label: 'Children’s social care must attend',
          },
        ]}
        values={values.quoracyRequireChildrensSocialCare}
        onChange={set('quoracyRequireChildrensSocialCare')}
        error={errorFor(errors, 'quoracyRequireChildrensSocialCare')}
      />
      {numberInput(
        'quoracyMinOtherAgencies',
        'Other agencies that must attend besides children’s social care',
        'Usually 2',
      )}
      {numberInput(
        'principalOfficerReviewWorkingDays',
        'Principal Officer review due after a reconvened conference still divided, in working days',
        'Counted from the reconvened conference',
      )}
      <button type="submit" className="govuk-button">
        Save conference settings
      </button>
    </form>
  );
}
