import { useCallback, useState } from 'react';
import { Page } from '../../app/Page';
import { useSettings } from '../../app/settings-context';
import type { FormError } from '../../components/form-errors';
import { NotificationBanner } from '../../components/NotificationBanner';
import { BankHolidaysSection } from './BankHolidaysSection';
import { ClosureDaysSection } from './ClosureDaysSection';
import { ConferenceSettingsForm } from './ConferenceSettingsForm';
import { FormsSettingsForm } from './FormsSettingsForm';
import { ProtocolSection } from './ProtocolSection';
import { RegisterSettingsForm } from './RegisterSettingsForm';
import { WorkingDaysCalculator } from './WorkingDaysCalculator';

export interface SectionProps {
  /** All the page's errors; each section shows those of its own fields (their ids differ). */
  errors: readonly FormError[];
  /** A section's submit failed: these replace the page's errors. */
  onErrors(errors: FormError[]): void;
  /** A section's submit succeeded: a success banner at the top of the page. */
  onSuccess(heading: string, body?: string): void;
}

/**
 * Settings: the register's own settings, how conferences run, what forms and letters carry, the
 * unit's closure days, the bank-holiday calendar and a working-days calculator. Each section is
 * its own form; the page has one error summary and one success banner, showing the last section
 * submitted.
 */
export function SettingsPage() {
  const { settings } = useSettings();
  const [errors, setErrors] = useState<FormError[]>([]);
  const [success, setSuccess] = useState<{ n: number; heading: string; body?: string | undefined } | null>(null);

  const onErrors = useCallback((list: FormError[]) => {
    setSuccess(null);
    setErrors(list);
  }, []);
  const onSuccess = useCallback((heading: string, body?: string) => {
    setErrors([]);
    setSuccess((previous) => ({ n: (previous?.n ?? 0) + 1, heading, body }));
  }, []);
  const section: SectionProps = { errors, onErrors, onSuccess };

  return (
    <Page
      title="Settings"
      errors={errors}
      banner={
        success && (
          // A new key for each success, so a second save is announced and focused again.
          <NotificationBanner key={success.n} heading={success.heading} autoFocus>
            {success.body}
          </NotificationBanner>
        )
      }
    >
      {settings ? (
        <>
          <RegisterSettingsForm settings={settings} {...section} />
          <ConferenceSettingsForm settings={settings} {...section} />
          <FormsSettingsForm settings={settings} {...section} />
          <ClosureDaysSection settings={settings} {...section} />
        </>
      ) : (
        <p className="govuk-body">Loading…</p>
      )}
      <ProtocolSection {...section} />
      <BankHolidaysSection {...section} />
      <WorkingDaysCalculator {...section} />
    </Page>
  );
}
