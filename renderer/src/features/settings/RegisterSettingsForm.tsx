import type { FormEvent } from 'react';
import { DIVISIONS, DIVISION_LABELS, type Division } from '../../../../shared/bank-holidays';
import type { Settings } from '../../../../shared/schemas/settings';
import { useSaveSettings, useSettings } from '../../app/settings-context';
import { errorFor, errorsFromApi } from '../../components/form-errors';
import { Radios } from '../../components/Radios';
import { TextInput } from '../../components/TextInput';
import { useFormDraft } from '../../hooks/use-form-draft';
import type { SectionProps } from './types';
import { useReportUnsaved } from './use-unsaved-sections';

function isDivision(value: string): value is Division {
  return (DIVISIONS as readonly string[]).includes(value);
}

/** The partnership's name, the default chair's name, the bank-holiday division and the idle lock. */
export function RegisterSettingsForm({
  settings,
  errors,
  onErrors,
  onSuccess,
  onUnsaved,
}: SectionProps & { settings: Settings }) {
  const { setSettings } = useSettings();
  const saveSettings = useSaveSettings();
  const draft = useFormDraft(() => ({
    partnershipName: settings.partnershipName,
    userName: settings.userName,
    division: settings.division,
    idleLockMinutes: String(settings.idleLockMinutes),
  }));
  const { values, set } = draft;

  async function save(): Promise<boolean> {
    const sent = values;
    const minutes = /^\d+$/.test(sent.idleLockMinutes.trim()) ? Number(sent.idleLockMinutes.trim()) : Number.NaN;
    const result = await saveSettings({
      partnershipName: sent.partnershipName,
      userName: sent.userName,
      division: sent.division,
      idleLockMinutes: minutes,
    });
    if (result.ok) {
      setSettings(result.value);
      draft.commit(sent);
      onSuccess('Settings saved');
      return true;
    }
    onErrors(errorsFromApi(result.error));
    return false;
  }
  useReportUnsaved(
    onUnsaved,
    'register',
    draft.dirty ? { fieldId: draft.changed[0] ?? 'partnershipName', save, discard: draft.discard } : null,
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    void save();
  }

  return (
    <form noValidate onSubmit={submit}>
      <h2 className="govuk-heading-m" id="register-settings-heading">
        Register
      </h2>
      <TextInput
        id="partnershipName"
        label="Partnership name"
        hint="Shown at the top of every page, for example North Lincolnshire Safeguarding Children Partnership"
        value={values.partnershipName}
        onChange={set('partnershipName')}
        error={errorFor(errors, 'partnershipName')}
      />
      <TextInput
        id="userName"
        label="Default chair’s name"
        hint="Offered as the chair of a new conference. The audit trail records the signed-in user"
        value={values.userName}
        onChange={set('userName')}
        error={errorFor(errors, 'userName')}
        widthClassName="govuk-input--width-20"
        autoComplete="name"
      />
      <Radios
        id="division"
        legend="Bank holidays to use"
        legendClassName="govuk-fieldset__legend--s"
        hint="Working days skip weekends, these bank holidays and the unit’s closure days"
        items={DIVISIONS.map((d) => ({ value: d, label: DIVISION_LABELS[d] }))}
        value={values.division}
        onChange={(value) => {
          if (isDivision(value)) set('division')(value);
        }}
        error={errorFor(errors, 'division')}
      />
      <TextInput
        id="idleLockMinutes"
        label="Lock the screen after this many minutes without use"
        hint="Between 1 and 120. The screen unlocks with the user’s password, keeping unsaved text"
        value={values.idleLockMinutes}
        onChange={set('idleLockMinutes')}
        error={errorFor(errors, 'idleLockMinutes')}
        widthClassName="govuk-input--width-3"
        inputMode="numeric"
      />
      <button type="submit" className="govuk-button">
        Save settings
      </button>
    </form>
  );
}
