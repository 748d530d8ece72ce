import { useCallback, useEffect, useRef, useState } from 'react';
import { Page } from '../../app/Page';
import { useSettings } from '../../app/settings-context';
import { navigate, useNavigationGuard } from '../../app/use-hash-route';
import { focusField, type FormError } from '../../components/form-errors';
import { LoadCurrentVersion } from '../../components/LoadCurrentVersion';
import { NotificationBanner } from '../../components/NotificationBanner';
import { invoke } from '../../api/client';
import { BackupsSection } from './BackupsSection';
import { BankHolidaysSection } from './BankHolidaysSection';
import { ClosureDaysSection } from './ClosureDaysSection';
import { ConferenceSettingsForm } from './ConferenceSettingsForm';
import { FormsSettingsForm } from './FormsSettingsForm';
import { ProtocolSection } from './ProtocolSection';
import { RegisterSettingsForm } from './RegisterSettingsForm';
import { RetentionSettingsForm } from './RetentionSettingsForm';
import { SameDayContactForm } from './SameDayContactForm';
import type { SectionKey, SectionProps } from './types';
import { UnsavedChangesWarning } from './UnsavedChangesWarning';
import { useUnsavedSections } from './use-unsaved-sections';
import { UsualAgenciesForm } from './UsualAgenciesForm';
import { WorkingDaysCalculator } from './WorkingDaysCalculator';
import { useCan } from '../session/session-context';

/**
 * Settings: the register's own settings, how conferences run, what forms and letters carry, the
 * unit's closure days, the same-day contact for a child at immediate risk, the escalation
 * protocol, the bank-holiday calendar and a working-days calculator. Each section is
 * its own form; the page has one error summary and one success banner, showing the last section
 * submitted.
 *
 * Changes not yet saved in one section are never dropped silently: after another section is
 * saved, and when the user tries to leave the page, a warning names the sections with unsaved
 * changes and asks to save or discard them (or, when leaving, to stay).
 *
 * Opened from a document's problem ("Go to Settings"), `field` is focused on arrival and
 * `returnTo` (the Letters or Export screen's route with the user's choices) is offered as
 * "Back to the preview", above the heading and again in the banner after a save.
 */
export function SettingsPage({ field = null, returnTo = null }: { field?: string | null; returnTo?: string | null }) {
  const { settings, setSettings } = useSettings();
  const can = useCan();
  const [errors, setErrors] = useState<FormError[]>([]);
  const [success, setSuccess] = useState<{
    n: number;
    heading: string;
    body?: string | undefined;
    /** The sections with unsaved changes when this save succeeded (the saved one among them). */
    unsavedThen: readonly SectionKey[];
  } | null>(null);
  const unsaved = useUnsavedSections();
  const [leaving, setLeaving] = useState<{ path: string; attempt: number } | null>(null);
  const unsavedNow = useRef(unsaved.keys);
  useEffect(() => {
    unsavedNow.current = unsaved.keys;
  });

  const onErrors = useCallback((list: FormError[]) => {
    setSuccess(null);
    setErrors(list);
  }, []);
  const onSuccess = useCallback((heading: string, body?: string) => {
    setErrors([]);
    setSuccess((previous) => ({ n: (previous?.n ?? 0) + 1, heading, body, unsavedThen: unsavedNow.current }));
  }, []);
  const section: SectionProps = { errors, onErrors, onSuccess, onUnsaved: unsaved.report };

  /** After a save refused because someone else saved the settings since: the settings as they now are. */
  const loadCurrent = () =>
    void invoke('settings.get', {}).then((result) => {
      if (!result.ok) return;
      setSettings(result.value);
      setErrors([]);
    });

  // The field asked for, once the settings are there to show it; after Page has focused the heading.
  const fieldFocused = useRef(false);
  const loaded = settings !== null;
  useEffect(() => {
    if (field === null || !loaded || fieldFocused.current) return;
    fieldFocused.current = true;
    focusField(field, { labelAtTop: true });
  }, [field, loaded]);

  const backToPreview = (className: string) =>
    returnTo === null ? null : (
      <a className={className} href={`#${returnTo}`}>
        Back to the preview
      </a>
    );

  const hasUnsaved = unsaved.keys.length > 0;
  // Saved or discarded from the sections themselves: nothing is left to ask about.
  if (!hasUnsaved && leaving !== null) setLeaving(null);
  const keepUser = useCallback((path: string) => {
    setLeaving((previous) => ({ path, attempt: (previous?.attempt ?? 0) + 1 }));
    return false;
  }, []);
  useNavigationGuard(hasUnsaved ? keepUser : null);

  const goTo = (key: SectionKey) => {
    const target = unsaved.get(key);
    if (target) focusField(target.fieldId);
  };

  // Leaving: every unsaved section. After a save: those already unsaved then, not what is typed since.
  const warned = leaving
    ? unsaved.keys
    : unsaved.keys.filter((key) => success !== null && success.unsavedThen.includes(key));

  async function saveAll() {
    for (const key of warned) {
      const target = unsaved.get(key);
      // A section that is refused shows its errors; the user stays to put them right.
      if (target && !(await target.save())) {
        setLeaving(null);
        return;
      }
    }
    if (leaving) navigate(leaving.path, undefined, { unguarded: true });
  }

  function discardAll() {
    for (const key of warned) unsaved.get(key)?.discard();
    if (leaving) navigate(leaving.path, undefined, { unguarded: true });
  }

  function stay() {
    setLeaving(null);
    const first = warned[0];
    if (first) goTo(first);
  }

  const warning = warned.length > 0 && (
    <UnsavedChangesWarning
      key={leaving?.attempt ?? 'after-save'}
      keys={warned}
      leavingTo={leaving?.path ?? null}
      onGoTo={goTo}
      onSave={() => void saveAll()}
      onDiscard={discardAll}
      onStay={stay}
    />
  );

  return (
    <Page
      title="Settings"
      errors={errors}
      banner={
        <>
          {backToPreview('govuk-back-link')}
          {success && (
            // A new key for each success, so a second save is announced and focused again.
            <NotificationBanner key={success.n} heading={success.heading} autoFocus={leaving === null}>
              {returnTo === null ? (
                success.body
              ) : (
                <>
                  {success.body && <>{success.body} </>}
                  {backToPreview('govuk-notification-banner__link')}
                </>
              )}
            </NotificationBanner>
          )}
          {warning}
        </>
      }
    >
      {!can('settings.update') && (
        <div className="govuk-inset-text">
          Only an administrator can change settings. You can read them, and use the working days calculator.
        </div>
      )}
      <LoadCurrentVersion errors={errors} onLoad={loadCurrent} />
      {settings ? (
        <>
          <RegisterSettingsForm settings={settings} {...section} />
          <ConferenceSettingsForm settings={settings} {...section} />
          <UsualAgenciesForm settings={settings} {...section} />
          <FormsSettingsForm settings={settings} {...section} />
          <ClosureDaysSection settings={settings} {...section} />
          <SameDayContactForm settings={settings} {...section} />
          <BackupsSection settings={settings} {...section} />
          <RetentionSettingsForm settings={settings} {...section} />
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
