import type { FormEvent } from 'react';
import { issuesFromZod } from '../../../../shared/ipc/result';
import { settingsUpdateSchema, type Settings } from '../../../../shared/schemas/settings';
import { useSaveSettings, useSettings } from '../../app/settings-context';
import { errorFor, errorsFromApi, errorsFromIssues } from '../../components/form-errors';
import { TextInput } from '../../components/TextInput';
import { useFormDraft } from '../../hooks/use-form-draft';
import type { SectionProps } from './types';
import { useReportUnsaved } from './use-unsaved-sections';

/**
 * What every form and letter carries: the protective marking printed at the top and bottom of
 * each page, and the review unit's name and contact details (the Appendix 3 covering text gives
 * them to safeguarding leads), with the link to partnership conference training.
 */
export function FormsSettingsForm({
  settings,
  errors,
  onErrors,
  onSuccess,
  onUnsaved,
}: SectionProps & { settings: Settings }) {
  const { setSettings } = useSettings();
  const saveSettings = useSaveSettings();
  const draft = useFormDraft(() => ({
    protectiveMarking: settings.protectiveMarking,
    unitName: settings.unitName,
    unitEmail: settings.unitEmail ?? '',
    unitPhone: settings.unitPhone ?? '',
    trainingLink: settings.trainingLink ?? '',
  }));
  const { values, set } = draft;

  async function save(): Promise<boolean> {
    const sent = values;
    // The register's own schema first, so each field's message shows without a round trip;
    // blank optional fields become null there.
    const parsed = settingsUpdateSchema.safeParse(sent);
    if (!parsed.success) {
      onErrors(errorsFromIssues(issuesFromZod(parsed.error)));
      return false;
    }
    const result = await saveSettings(parsed.data);
    if (result.ok) {
      setSettings(result.value);
      draft.commit(sent);
      onSuccess('Forms and letters settings saved');
      return true;
    }
    onErrors(errorsFromApi(result.error));
    return false;
  }
  useReportUnsaved(
    onUnsaved,
    'forms',
    draft.dirty ? { fieldId: draft.changed[0] ?? 'protectiveMarking', save, discard: draft.discard } : null,
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    void save();
  }

  return (
    <form noValidate onSubmit={submit} aria-labelledby="forms-settings-heading">
      <h2 className="govuk-heading-m" id="forms-settings-heading">
        Forms and letters
      </h2>
      <TextInput
        id="protectiveMarking"
        label="Protective marking"
        hint="Printed at the top and bottom of every page of every form and letter, for example OFFICIAL-SENSITIVE"
        value={values.protectiveMarking}
        onChange={set('protectiveMarking')}
        error={errorFor(errors, 'protectiveMarking')}
        widthClassName="govuk-input--width-20"
        spellCheck={false}
      />
      <TextInput
        id="unitName"
        label="Review unit name"
        hint="As named in letters and the Appendix 3 covering text"
        value={values.unitName}
        onChange={set('unitName')}
        error={errorFor(errors, 'unitName')}
      />
      <TextInput
        id="unitEmail"
        type="email"
        label="Review unit email (optional)"
        hint="Where safeguarding leads write for more information. Appendix 3 returns cannot be made without it."
        value={values.unitEmail}
        onChange={set('unitEmail')}
        error={errorFor(errors, 'unitEmail')}
        autoComplete="email"
        spellCheck={false}
      />
      <TextInput
        id="unitPhone"
        type="tel"
        label="Review unit phone (optional)"
        value={values.unitPhone}
        onChange={set('unitPhone')}
        error={errorFor(errors, 'unitPhone')}
        widthClassName="govuk-input--width-20"
        autoComplete="tel"
      />
      <TextInput
        id="trainingLink"
        label="Training link (optional)"
        hint="A web address for partnership conference training, starting https://"
        value={values.trainingLink}
        onChange={set('trainingLink')}
        error={errorFor(errors, 'trainingLink')}
        spellCheck={false}
      />
      <button type="submit" className="govuk-button">
        Save forms and letters settings
      </button>
    </form>
  );
}
