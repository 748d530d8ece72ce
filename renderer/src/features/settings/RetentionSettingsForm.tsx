import type { FormEvent } from 'react';
import { issuesFromZod } from '../../../../shared/ipc/result';
import { RETENTION_BASIS_LABELS, type RetentionBasis } from '../../../../shared/retention';
import { settingsUpdateSchema, type Settings } from '../../../../shared/schemas/settings';
import { useSaveSettings, useSettings } from '../../app/settings-context';
import { errorFor, errorsFromApi, errorsFromIssues, type FieldRef } from '../../components/form-errors';
import { Radios } from '../../components/Radios';
import { TextInput } from '../../components/TextInput';
import { useFormDraft } from '../../hooks/use-form-draft';
import type { SectionProps } from './types';
import { useReportUnsaved } from './use-unsaved-sections';

const fieldFor = (path: string): FieldRef =>
  path === 'retentionRule.years' ? 'retentionYears' : path.startsWith('retentionRule') ? 'retentionBasis' : path;

/**
 * The partnership's retention rule: how long a family's records are kept before an administrator
 * may erase them (see `shared/retention.ts` for the guidance the default follows).
 */
export function RetentionSettingsForm({
  settings,
  errors,
  onErrors,
  onSuccess,
  onUnsaved,
}: SectionProps & { settings: Settings }) {
  const { setSettings } = useSettings();
  const saveSettings = useSaveSettings();
  const draft = useFormDraft(() => ({
    retentionBasis: settings.retentionRule.basis as string,
    retentionYears: String(settings.retentionRule.years),
  }));
  const { values, set } = draft;

  async function save(): Promise<boolean> {
    const sent = values;
    const years = /^\d+$/.test(sent.retentionYears.trim()) ? Number(sent.retentionYears.trim()) : Number.NaN;
    const parsed = settingsUpdateSchema.safeParse({
      retentionRule: { basis: sent.retentionBasis as RetentionBasis, years },
    });
    if (!parsed.success) {
      onErrors(errorsFromIssues(issuesFromZod(parsed.error), fieldFor));
      return false;
    }
    const result = await saveSettings(parsed.data);
    if (result.ok) {
      setSettings(result.value);
      draft.commit(sent);
      onSuccess('Retention rule saved');
      return true;
    }
    onErrors(errorsFromApi(result.error, fieldFor));
    return false;
  }
  useReportUnsaved(
    onUnsaved,
    'retention',
    draft.dirty ? { fieldId: 'retentionYears', save, discard: draft.discard } : null,
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    void save();
  }

  return (
    <form noValidate onSubmit={submit} aria-labelledby="retention-heading">
      <h2 className="govuk-heading-m" id="retention-heading">
        Retention
      </h2>
      <p className="govuk-body">
        How long a family’s records are kept before an administrator may erase them. The default, 35 years after the
        last record, follows councils’ published schedules for child protection conference records.
      </p>
      <Radios
        id="retentionBasis"
        legend="Count from"
        legendClassName="govuk-fieldset__legend--s"
        value={values.retentionBasis}
        onChange={set('retentionBasis')}
        error={errorFor(errors, 'retentionBasis')}
        items={(Object.keys(RETENTION_BASIS_LABELS) as RetentionBasis[]).map((b) => ({
          value: b,
          label: RETENTION_BASIS_LABELS[b],
          ...(b === 'youngest-child-birth' ? { hint: 'A child not yet born counts from the last record' } : {}),
        }))}
      />
      <TextInput
        id="retentionYears"
        label="Years kept"
        widthClassName="govuk-input--width-3"
        inputMode="numeric"
        value={values.retentionYears}
        onChange={set('retentionYears')}
        error={errorFor(errors, 'retentionYears')}
      />
      <button type="submit" className="govuk-button">
        Save the retention rule
      </button>
    </form>
  );
}
