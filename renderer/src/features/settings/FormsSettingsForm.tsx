import { useState, type FormEvent } from 'react';
import { issuesFromZod } from '../../../../shared/ipc/result';
import { settingsUpdateSchema, type Settings } from '../../../../shared/schemas/settings';
import { invoke } from '../../api/client';
import { useSettings } from '../../app/settings-context';
import { errorFor, errorsFromApi, errorsFromIssues } from '../../components/form-errors';
import { TextInput } from '../../components/TextInput';
import type { SectionProps } from './SettingsPage';

/**
 * What every form and letter carries: the protective marking printed at the top and bottom of
 * each page, and the review unit's name and contact details (the Appendix 3 covering text gives
 * them to safeguarding leads), with the link to partnership conference training.
 */
export function FormsSettingsForm({ settings, errors, onErrors, onSuccess }: SectionProps & { settings: Settings }) {
  const { setSettings } = useSettings();
  const [protectiveMarking, setProtectiveMarking] = useState(settings.protectiveMarking);
  const [unitName, setUnitName] = useState(settings.unitName);
  const [unitEmail, setUnitEmail] = useState(settings.unitEmail ?? '');
  const [unitPhone, setUnitPhone] = useState(settings.unitPhone ?? '');
  const [trainingLink, setTrainingLink] = useState(settings.trainingLink ?? '');

  async function save(event: FormEvent) {
    event.preventDefault();
    // The register's own schema first, so each field's message shows without a round trip;
    // blank optional fields become null there.
    const parsed = settingsUpdateSchema.safeParse({ protectiveMarking, unitName, unitEmail, unitPhone, trainingLink });
    if (!parsed.success) {
      onErrors(errorsFromIssues(issuesFromZod(parsed.error)));
      return;
    }
    const result = await invoke('settings.update', parsed.data);
    if (result.ok) {
      setSettings(result.value);
      onSuccess('Forms and letters settings saved');
    } else {
      onErrors(errorsFromApi(result.error));
    }
  }

  return (
    <form noValidate onSubmit={(event) => void save(event)} aria-labelledby="forms-settings-heading">
      <h2 className="govuk-heading-m" id="forms-settings-heading">
        Forms and letters
      </h2>
      <TextInput
        id="protectiveMarking"
        label="Protective marking"
        hint="Printed at the top and bottom of every page of every form and letter, for example OFFICIAL-SENSITIVE"
        value={protectiveMarking}
        onChange={setProtectiveMarking}
        error={errorFor(errors, 'protectiveMarking')}
        widthClassName="govuk-input--width-20"
        spellCheck={false}
      />
      <TextInput
        id="unitName"
        label="Review unit name"
        hint="As named in letters and the Appendix 3 covering text"
        value={unitName}
        onChange={setUnitName}
        error={errorFor(errors, 'unitName')}
      />
      <TextInput
        id="unitEmail"
        type="email"
        label="Review unit email (optional)"
        hint="Where safeguarding leads write for more information. Appendix 3 returns cannot be made without it."
        value={unitEmail}
        onChange={setUnitEmail}
        error={errorFor(errors, 'unitEmail')}
        autoComplete="email"
        spellCheck={false}
      />
      <TextInput
        id="unitPhone"
        type="tel"
        label="Review unit phone (optional)"
        value={unitPhone}
        onChange={setUnitPhone}
        error={errorFor(errors, 'unitPhone')}
        widthClassName="govuk-input--width-20"
        autoComplete="tel"
      />
      <TextInput
        id="trainingLink"
        label="Training link (optional)"
        hint="A web address for partnership conference training, starting https://"
        value={trainingLink}
        onChange={setTrainingLink}
        error={errorFor(errors, 'trainingLink')}
        spellCheck={false}
      />
      <button type="submit" className="govuk-button">
        Save forms and letters settings
      </button>
    </form>
  );
}
