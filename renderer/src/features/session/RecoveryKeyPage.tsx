import { useState, type FormEvent } from 'react';
import { Page } from '../../app/Page';
import { Checkboxes } from '../../components/Checkboxes';
import { errorFor, type FormError } from '../../components/form-errors';
import { WarningText } from '../../components/WarningText';
import { PlainLayout } from './PlainLayout';
import { recoveryKeyLines } from './recovery-key';

const STORED_ID = 'stored';

/**
 * The recovery key, shown once after the register is created: the raw data key, which opens the
 * register with standard SQLCipher tools if every password is lost. Nobody carries on until they
 * say they have stored it.
 */
export function RecoveryKeyPage({ recoveryKey, onContinue }: { recoveryKey: string; onContinue(): void }) {
  const [stored, setStored] = useState<string[]>([]);
  const [errors, setErrors] = useState<FormError[]>([]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!stored.includes('yes')) {
      setErrors([
        {
          fieldId: STORED_ID,
          targetId: STORED_ID,
          message: 'Store the recovery key, then confirm you have stored it',
        },
      ]);
      return;
    }
    onContinue();
  }

  return (
    <PlainLayout>
      <Page title="Store the recovery key" errors={errors}>
        <p className="govuk-body">The register is created and encrypted. This is its recovery key:</p>
        <p className="app-recovery-key" data-testid="recovery-key">
          {recoveryKeyLines(recoveryKey).map((line, i) => (
            <span className="app-recovery-key__line" key={i}>
              {line}
            </span>
          ))}
        </p>
        <WarningText>
          Store the recovery key now, offline or in the council’s password vault, away from this computer. It opens the
          register if every password is lost, so anyone who has it can read the register. It will not be shown again.
        </WarningText>
        <p className="govuk-body">
          The spaces are only for reading: the key is the 64 characters without them. The README says how to open the
          register with it.
        </p>
        <form noValidate onSubmit={submit}>
          <Checkboxes
            id={STORED_ID}
            legend="Recovery key"
            legendClassName="govuk-fieldset__legend--s"
            error={errorFor(errors, STORED_ID)}
            items={[{ value: 'yes', label: 'I have stored the recovery key' }]}
            values={stored}
            onChange={setStored}
          />
          <button type="submit" className="govuk-button">
            Continue
          </button>
        </form>
      </Page>
    </PlainLayout>
  );
}
