import type { FormEvent } from 'react';
import { issuesFromZod } from '../../../../shared/ipc/result';
import { settingsUpdateSchema, type Settings } from '../../../../shared/schemas/settings';
import { useSaveSettings, useSettings } from '../../app/settings-context';
import { errorFor, errorsFromApi, errorsFromIssues } from '../../components/form-errors';
import { Textarea } from '../../components/Textarea';
import { useFormDraft } from '../../hooks/use-form-draft';
import type { SectionProps } from './types';
import { useReportUnsaved } from './use-unsaved-sections';
import { MAX_SAME_DAY_CONTACT } from '../../../../shared/schemas/limits';

/** The register's limit for the same-day contact. */
const SAME_DAY_CONTACT_LIMIT = MAX_SAME_DAY_CONTACT;

/**
 * The partnership's own same-day contact for a child at immediate risk of significant harm
 * (Kirklees names its Children's Social Care Duty & Advice professional line), shown with the
 * immediate-risk guidance on every escalation marked so. Optional: without it the escalation
 * says it is not set and where to set it.
 */
export function SameDayContactForm({
  settings,
  errors,
  onErrors,
  onSuccess,
  onUnsaved,
}: SectionProps & { settings: Settings }) {
  const { setSettings } = useSettings();
  const saveSettings = useSaveSettings();
  const draft = useFormDraft(() => ({ sameDayContact: settings.sameDayContact ?? '' }));
  const { values, set } = draft;

  async function save(): Promise<boolean> {
    const sent = values;
    // The register's own schema first: blank becomes null (not set), too long is named at once.
    const parsed = settingsUpdateSchema.safeParse(sent);
    if (!parsed.success) {
      onErrors(errorsFromIssues(issuesFromZod(parsed.error)));
      return false;
    }
    const result = await saveSettings(parsed.data);
    if (result.ok) {
      setSettings(result.value);
      draft.commit(sent);
      onSuccess(
        'Same-day contact saved',
        result.value.sameDayContact ? undefined : 'No same-day contact is set: escalations at immediate risk say so.',
      );
      return true;
    }
    onErrors(errorsFromApi(result.error));
    return false;
  }
  useReportUnsaved(
    onUnsaved,
    'same-day-contact',
    draft.dirty ? { fieldId: 'sameDayContact', save, discard: draft.discard } : null,
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    void save();
  }

  return (
    <form noValidate onSubmit={submit} aria-labelledby="same-day-contact-heading">
      <h2 className="govuk-heading-m" id="same-day-contact-heading">
        Immediate risk: same-day contact
      </h2>
      <p className="govuk-body">
        A child at immediate risk of significant harm goes through the normal safeguarding route the same day, not the
        escalation’s stages. Every escalation marked immediate risk shows this contact with that guidance.
      </p>
      <Textarea
        id="sameDayContact"
        label="The partnership’s same-day contact (optional)"
        hint="Who to call and how, for example Children’s Social Care Duty & Advice, professional line 01484 414960, or 999 in an emergency"
        rows={2}
        value={values.sameDayContact}
        onChange={set('sameDayContact')}
        error={errorFor(errors, 'sameDayContact')}
        characterLimit={SAME_DAY_CONTACT_LIMIT}
      />
      <button type="submit" className="govuk-button">
        Save the same-day contact
      </button>
    </form>
  );
}
