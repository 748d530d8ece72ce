import { useState, type FormEvent } from 'react';
import { DIVISIONS, DIVISION_LABELS, type Division } from '../../../../shared/bank-holidays';
import type { Settings } from '../../../../shared/schemas/settings';
import { invoke } from '../../api/client';
import { useSettings } from '../../app/settings-context';
import { errorFor, errorsFromApi } from '../../components/form-errors';
import { Radios } from '../../components/Radios';
import { TextInput } from '../../components/TextInput';
import type { SectionProps } from './SettingsPage';

function isDivision(value: string): value is Division {
  return (DIVISIONS as readonly string[]).includes(value);
}

/** The partnership's name, the user's name for the audit trail, and the bank-holiday division. */
export function RegisterSettingsForm({ settings, errors, onErrors, onSuccess }: SectionProps & { settings: Settings }) {
  const { setSettings } = useSettings();
  const [partnershipName, setPartnershipName] = useState(settings.partnershipName);
  const [userName, setUserName] = useState(settings.userName);
  const [division, setDivision] = useState<Division>(settings.division);

  async function save(event: FormEvent) {
    event.preventDefault();
    const result = await invoke('settings.update', { partnershipName, userName, division });
    if (result.ok) {
      setSettings(result.value);
      onSuccess('Settings saved');
    } else {
      onErrors(errorsFromApi(result.error));
    }
  }

  return (
    <form noValidate onSubmit={(event) => void save(event)}>
      <h2 className="govuk-heading-m" id="register-settings-heading">
        Register
      </h2>
      <TextInput
        id="partnershipName"
        label="Partnership name"
        hint="Shown at the top of every page, for example North Lincolnshire Safeguarding Children Partnership"
        value={partnershipName}
        onChange={setPartnershipName}
        error={errorFor(errors, 'partnershipName')}
      />
      <TextInput
        id="userName"
        label="Your name"
        hint="Recorded in the audit trail as who made each change"
        value={userName}
        onChange={setUserName}
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
        value={division}
        onChange={(value) => {
          if (isDivision(value)) setDivision(value);
        }}
        error={errorFor(errors, 'division')}
      />
      <button type="submit" className="govuk-button">
        Save settings
      </button>
    </form>
  );
}
